#!/usr/bin/env node
// Synthetic content generator for the benchmark: writes a valid content folder in Roadshow's format
// (event.yaml, tracks.yaml, sessions/, speakers/, paths/, cities/) of any size, deterministically from a seed.
//
//   node bench/generate.mjs --sessions 5000 --cities 30 --speakers 800 --out bench/out/content
//
// Options (all optional): --sessions N (1000), --cities N (10), --speakers N (16% of sessions, at least 10),
// --paths N (sessions/100, 1..50), --seed N (2021), --out DIR (bench/out/content),
// --ext md|mdx (mdx: extension of session, path and city files; speakers are always .md).
// Plain Node, no dependencies. The agenda it writes passes every rule of `npm run check`: rooms never
// overlap, no speaker is in two places at once (checked in UTC across cities), days within the city's
// dates, "HH:MM" times between 08:00 and 18:00 local, dates away from DST changes, complete paths.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '.bench-generated';
const DAY_START = 8 * 60; // 08:00 local
const DAY_END = 18 * 60; // 18:00 local: every delivery starts and ends within the day
const DURATION = { keynote: 60, general: 60, breakout: 45, theater: 20, workshop: 240, lab: 75 };
// Share of each type: ~70% breakout, 15% theater, 5% lab, 5% workshop, 3% general, rest keynote.
const TYPE_SHARES = [
	['breakout', 0.7],
	['theater', 0.15],
	['lab', 0.05],
	['workshop', 0.05],
	['general', 0.03],
];
const TYPE_PREFIX = { keynote: 'KEY', general: 'GS', breakout: 'BRK', theater: 'THR', workshop: 'WRK', lab: 'LAB' };

// ---------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers

function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function makeRandom(seed) {
	const next = mulberry32(seed);
	const random = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)), // inclusive
		pick: (list) => list[Math.floor(next() * list.length)],
		chance: (p) => next() < p,
		shuffle(list) {
			for (let i = list.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[list[i], list[j]] = [list[j], list[i]];
			}
			return list;
		},
		sample(list, n) {
			return random.shuffle([...list]).slice(0, n);
		},
	};
	return random;
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary

const PRODUCTS = [
	'Microsoft Teams',
	'SharePoint',
	'OneDrive',
	'Yammer',
	'Stream',
	'Microsoft Search',
	'Power Automate',
	'Power Apps',
	'Azure',
	'Microsoft Graph',
	'Exchange Online',
	'Microsoft Viva',
];
const TAGS = [
	'security',
	'compliance',
	'governance',
	'migration',
	'automation',
	'ai',
	'search',
	'intranet',
	'devops',
	'accessibility',
	'analytics',
	'identity',
	'mobile',
	'hybrid-work',
	'low-code',
	'performance',
	'adoption',
	'records',
	'apis',
	'monitoring',
];
const TRACKS = [
	['keynotes', 'Keynotes and general sessions', 'The big-picture sessions of the tour.', '#5c2d91'],
	['modern-workplace', 'Modern workplace', 'Teamwork, meetings and communication across the organization.', '#2b579a'],
	['intelligent-intranet', 'Intelligent intranet', 'Planning, building and running an intranet people use.', '#036c70'],
	['knowledge-search', 'Knowledge and search', 'Finding and reusing what the organization knows.', '#8a4b08'],
	['security-compliance', 'Security and compliance', 'Protecting content and meeting regulatory duties.', '#a4262c'],
	['developer-platform', 'Developer platform', 'Extending the platform with code, APIs and low-code tools.', '#0f6b3a'],
	['data-ai', 'Data and AI', 'Turning content and signals into insight with analytics and machine learning.', '#6b3fa0'],
	['operations', 'IT operations', 'Deploying, migrating, monitoring and running services at scale.', '#3b5563'],
];
const VERBS = [
	'build',
	'design',
	'secure',
	'migrate',
	'automate',
	'scale',
	'govern',
	'modernize',
	'monitor',
	'extend',
	'deploy',
	'connect',
	'protect',
	'simplify',
	'measure',
	'plan',
	'troubleshoot',
	'integrate',
	'manage',
	'optimize',
];
const ADJECTIVES = [
	'modern',
	'secure',
	'resilient',
	'intelligent',
	'hybrid',
	'scalable',
	'accessible',
	'connected',
	'compliant',
	'fast',
	'reliable',
	'global',
	'personal',
	'shared',
	'automated',
	'open',
	'trusted',
	'practical',
	'lean',
	'large',
];
const NOUNS = [
	'intranets',
	'workflows',
	'teams',
	'sites',
	'portals',
	'archives',
	'libraries',
	'records',
	'meetings',
	'apps',
	'pipelines',
	'dashboards',
	'tenants',
	'identities',
	'policies',
	'channels',
	'files',
	'communities',
	'bots',
	'integrations',
	'reports',
	'workloads',
	'networks',
	'devices',
	'databases',
	'knowledge bases',
	'forms',
	'agents',
];
const AUDIENCES = [
	'administrators',
	'developers',
	'architects',
	'communicators',
	'site owners',
	'security teams',
	'analysts',
	'help desks',
	'makers',
	'decision makers',
];
const WORDS = (
	'the a an and or but with without for from into onto across over under between through during after before ' +
	'while because although every each many most some several few team teams people organization organizations ' +
	'company partner customer customers user users admin admins developer developers content document documents ' +
	'file files site sites page pages list lists library libraries channel channels meeting meetings chat message ' +
	'messages workflow workflows process processes policy policies label labels retention sensitivity access ' +
	'permission permissions identity sign-in device devices network latency storage quota backup restore migration ' +
	'tenant region data model models insight insights report reports dashboard metric metrics signal signals search ' +
	'query queries index results ranking relevance taxonomy metadata term terms topic topics card cards answer ' +
	'answers bot bots app apps connector connectors api apis webhook webhooks script scripts template templates ' +
	'pipeline release deployment environment governance lifecycle archive archives audit log logs alert alerts ' +
	'incident incidents response automation rule rules trigger triggers approval approvals form forms table tables ' +
	'learn see discover explore understand compare choose build design create publish share manage configure ' +
	'secure protect monitor measure improve reduce increase automate migrate connect extend integrate deploy ' +
	'scale plan adopt train support review test debug fix ship run operate maintain govern organize find reuse ' +
	'quickly safely easily together securely reliably today first next finally also often always never already ' +
	'new modern simple complex large small global local hybrid remote shared personal private public external ' +
	'internal secure compliant fast slow early late practical real typical common rare best proven open ' +
	'demo demos walkthrough scenario scenarios example examples pattern patterns practice practices tip tips ' +
	'lesson lessons mistake mistakes story stories journey roadmap feature features update updates preview'
).split(' ');

const FIRST_NAMES = [
	'Aisha',
	'Oliver',
	'Kenji',
	'Hannah',
	'Chloe',
	'Megan',
	'Priya',
	'Ingrid',
	'Daniel',
	'Samuel',
	'Rahul',
	'Andrea',
	'Nadia',
	'Emma',
	'Tomas',
	'Lucas',
	'Sofia',
	'Amara',
	'Benjamin',
	'Carla',
	'Diego',
	'Elena',
	'Farid',
	'Grace',
	'Hiro',
	'Isabel',
	'Jonas',
	'Keiko',
	'Liam',
	'Maya',
	'Noah',
	'Olga',
	'Pedro',
	'Quentin',
	'Rosa',
	'Sven',
	'Tara',
	'Umar',
	'Vera',
	'Wei',
	'Ximena',
	'Yusuf',
	'Zara',
	'Anil',
	'Beatriz',
	'Chen',
	'Dmitri',
	'Fatima',
];
const LAST_NAMES = [
	'Kamara',
	'Grant',
	'Watanabe',
	'Feld',
	'Bennett',
	'Okafor',
	'Raman',
	'Solberg',
	'Reyes',
	'Adeyemi',
	'Mehta',
	'Kowalczyk',
	'Petrova',
	'Caldwell',
	'Lindqvist',
	'Moreau',
	'Marquez',
	'Nguyen',
	'Schmidt',
	'Rossi',
	'Silva',
	'Tanaka',
	'Kim',
	'Cohen',
	'Haddad',
	'Jensen',
	'Novak',
	'Ortega',
	'Park',
	'Quinn',
	'Sato',
	'Varga',
	'Weber',
	'Yilmaz',
	'Zhang',
	'Ali',
	'Brown',
	'Costa',
	'Dubois',
	'Eriksson',
];
const ROLES = [
	'Principal Program Manager',
	'Senior Product Manager',
	'Cloud Solution Architect',
	'Developer Advocate',
	'Principal Consultant',
	'Senior Software Engineer',
	'Technical Evangelist',
	'Program Manager',
	'Engineering Manager',
	'Security Architect',
	'Customer Success Manager',
	'Independent Consultant and MVP',
];
const COMPANIES = [
	'Microsoft',
	'Microsoft',
	'Microsoft',
	'Lakeshore Digital',
	'Northwind Traders',
	'Contoso',
	'Fabrikam',
	'Tailspin Toys',
	'Woodgrove Bank',
	'Adatum',
	'Litware',
	'Proseware',
	'Wide World Importers',
	'Alpine Ski House',
	'Coho Winery',
];

// Real cities and IANA zones spread over the world: the 24 zones of the sample tour plus a few more.
// Ordered so that the first few already cover many continents and offsets.
const CITIES = [
	['toronto', 'Toronto', 'Canada', 'America/Toronto'],
	['london', 'London', 'United Kingdom', 'Europe/London'],
	['mumbai', 'Mumbai', 'India', 'Asia/Kolkata'],
	['sydney', 'Sydney', 'Australia', 'Australia/Sydney'],
	['sao-paulo', 'São Paulo', 'Brazil', 'America/Sao_Paulo'],
	['osaka', 'Osaka', 'Japan', 'Asia/Tokyo'],
	['johannesburg', 'Johannesburg', 'South Africa', 'Africa/Johannesburg'],
	['san-francisco', 'San Francisco', 'United States', 'America/Los_Angeles'],
	['berlin', 'Berlin', 'Germany', 'Europe/Berlin'],
	['singapore', 'Singapore', 'Singapore', 'Asia/Singapore'],
	['auckland', 'Auckland', 'New Zealand', 'Pacific/Auckland'],
	['chicago', 'Chicago', 'United States', 'America/Chicago'],
	['dubai', 'Dubai', 'United Arab Emirates', 'Asia/Dubai'],
	['seoul', 'Seoul', 'South Korea', 'Asia/Seoul'],
	['madrid', 'Madrid', 'Spain', 'Europe/Madrid'],
	['mexico-city', 'Mexico City', 'Mexico', 'America/Mexico_City'],
	['tel-aviv', 'Tel Aviv', 'Israel', 'Asia/Jerusalem'],
	['hong-kong', 'Hong Kong', 'Hong Kong', 'Asia/Hong_Kong'],
	['washington-dc', 'Washington, DC', 'United States', 'America/New_York'],
	['amsterdam', 'Amsterdam', 'Netherlands', 'Europe/Amsterdam'],
	['shanghai', 'Shanghai', 'China', 'Asia/Shanghai'],
	['zurich', 'Zurich', 'Switzerland', 'Europe/Zurich'],
	['taipei', 'Taipei', 'Taiwan', 'Asia/Taipei'],
	['stockholm', 'Stockholm', 'Sweden', 'Europe/Stockholm'],
	['milan', 'Milan', 'Italy', 'Europe/Rome'],
	['prague', 'Prague', 'Czechia', 'Europe/Prague'],
	['copenhagen', 'Copenhagen', 'Denmark', 'Europe/Copenhagen'],
	['bangalore', 'Bangalore', 'India', 'Asia/Kolkata'],
	['orlando', 'Orlando', 'United States', 'America/New_York'],
	['shenzhen', 'Shenzhen', 'China', 'Asia/Shanghai'],
	['kathmandu', 'Kathmandu', 'Nepal', 'Asia/Kathmandu'],
	['adelaide', 'Adelaide', 'Australia', 'Australia/Adelaide'],
	['bogota', 'Bogotá', 'Colombia', 'America/Bogota'],
	['lagos', 'Lagos', 'Nigeria', 'Africa/Lagos'],
	['jakarta', 'Jakarta', 'Indonesia', 'Asia/Jakarta'],
	['paris', 'Paris', 'France', 'Europe/Paris'],
	['cairo', 'Cairo', 'Egypt', 'Africa/Cairo'],
	['st-johns', "St. John's", 'Canada', 'America/St_Johns'],
];
const ROOM_NAMES = [
	'Hall A',
	'Hall B',
	'Hall C',
	'Theater 1',
	'Theater 2',
	'Room 101',
	'Room 102',
	'Room 201',
	'Room 202',
	'Workshop Room',
	'Lab Room',
	'Expo Theater',
	'Room 301',
	'Room 302',
	'Room 303',
	'Room 304',
];

// The tour runs between these days: no zone above changes its UTC offset then (southern-hemisphere DST
// ends in April and starts at the end of September; Brazil has no DST since 2019). Checked per city anyway.
const TOUR_FIRST_DAY = '2021-05-03';
const TOUR_LAST_DAY = '2021-09-17';

// ---------------------------------------------------------------------------------------------------
// Time zone arithmetic with the platform's tz data (Intl), from numbers only

const formatters = new Map();
/** UTC offset of `timeZone` at `epochMs`, in minutes (e.g. +600 for Australia/Sydney in winter). */
function offsetMinutes(timeZone, epochMs) {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
	const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
	return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const DAY_MS = 86_400_000;
const dayToEpoch = (day) => Date.parse(`${day}T00:00:00Z`);
const epochToDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day, n) => epochToDay(dayToEpoch(day) + n * DAY_MS);

/** The one UTC offset in force from the evening before `first` to the morning after `last`, or null if it changes. */
function constantOffset(timeZone, first, last) {
	const from = dayToEpoch(first) - DAY_MS;
	const to = dayToEpoch(last) + 2 * DAY_MS;
	const offset = offsetMinutes(timeZone, from);
	for (let t = from; t <= to; t += 30 * 60_000) if (offsetMinutes(timeZone, t) !== offset) return null;
	return offset;
}

const hhmm = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// ---------------------------------------------------------------------------------------------------
// Text

function capitalize(text) {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function makeTextGenerator(random) {
	// A long tail of made-up terms (like product names and acronyms in real abstracts) for a realistic index.
	const syllables = ['ka', 'lo', 'ri', 'ven', 'dor', 'mi', 'sa', 'tel', 'qu', 'ax', 'neo', 'ra', 'zu', 'pol', 'in', 'er'];
	const rareWords = Array.from({ length: 3000 }, () => Array.from({ length: random.int(2, 4) }, () => random.pick(syllables)).join(''));
	const word = () => (random.chance(0.04) ? random.pick(rareWords) : random.pick(WORDS));
	const templates = [
		() =>
			`Learn how ${random.pick(AUDIENCES)} ${random.pick(VERBS)} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} with ${random.pick(PRODUCTS)}.`,
		() =>
			`We show how to ${random.pick(VERBS)} ${random.pick(NOUNS)} and ${random.pick(VERBS)} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} in ${random.pick(PRODUCTS)}.`,
		() => `This session is for ${random.pick(AUDIENCES)} who want ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}.`,
		() => `Bring your questions about ${random.pick(PRODUCTS)} and ${random.pick(NOUNS)}.`,
	];
	const sentence = () => {
		if (random.chance(0.3)) return random.pick(templates)();
		const words = Array.from({ length: random.int(8, 18) }, word);
		if (random.chance(0.3)) words.splice(random.int(2, words.length - 2), 0, random.pick(PRODUCTS));
		if (random.chance(0.4)) words[random.int(3, words.length - 2)] += ',';
		return `${capitalize(words.join(' '))}.`;
	};
	/** Sentences until at least `min` words (capped near `max`), in one or two paragraphs. */
	const paragraphs = (min, max) => {
		const target = random.int(min, max);
		const sentences = [];
		let count = 0;
		while (count < target) {
			const next = sentence();
			sentences.push(next);
			count += next.split(' ').length;
		}
		if (sentences.length < 5) return sentences.join(' ');
		const cut = random.int(2, sentences.length - 2);
		return `${sentences.slice(0, cut).join(' ')}\n\n${sentences.slice(cut).join(' ')}`;
	};
	const title = () =>
		random.pick([
			() => `${capitalize(random.pick(VERBS))} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} with ${random.pick(PRODUCTS)}`,
			() => `${random.pick(PRODUCTS)} for ${random.pick(AUDIENCES)}: ${random.pick(VERBS)} ${random.pick(NOUNS)}`,
			() => `What's new in ${random.pick(PRODUCTS)} for ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`,
			() =>
				`From ${random.pick(NOUNS)} to ${random.pick(NOUNS)}: ${random.pick(VERBS)} and ${random.pick(VERBS)} with ${random.pick(PRODUCTS)}`,
		])();
	return { paragraphs, title };
}

// YAML scalars: quote anything that is not plain letters, digits, spaces and a few safe marks.
const yamlString = (text) => (/^[A-Za-z][A-Za-z0-9 .\-']*$/.test(text) ? text : JSON.stringify(text));
const yamlList = (items) => `[${items.map(yamlString).join(', ')}]`;

// ---------------------------------------------------------------------------------------------------
// Generation

export function generate(options = {}) {
	const sessionCount = options.sessions ?? 1000;
	const cityCount = options.cities ?? 10;
	const speakerCount = options.speakers ?? Math.max(10, Math.round(sessionCount * 0.16));
	const pathCount = options.paths ?? Math.min(50, Math.max(1, Math.floor(sessionCount / 100)));
	const seed = options.seed ?? 2021;
	const ext = options.ext ?? 'mdx';
	if (ext !== 'md' && ext !== 'mdx') throw new Error('--ext must be md or mdx');
	const out = resolve(options.out ?? 'bench/out/content');
	if (sessionCount < 10) throw new Error('--sessions must be at least 10');
	if (cityCount < 1) throw new Error('--cities must be at least 1');
	if (pathCount * 4 > sessionCount * 0.7) throw new Error('too many paths for the number of breakouts');

	const random = makeRandom(seed);
	const text = makeTextGenerator(random);
	const started = performance.now();

	// Speakers
	const speakers = [];
	const usedIds = new Set();
	for (let i = 0; i < speakerCount; i++) {
		const first = random.pick(FIRST_NAMES);
		const last = random.pick(LAST_NAMES);
		let id = `${first}-${last}`.toLowerCase();
		for (let n = 2; usedIds.has(id); n++) id = `${first}-${last}-${n}`.toLowerCase();
		usedIds.add(id);
		const company = random.pick(COMPANIES);
		speakers.push({
			id,
			name: `${first} ${last}`,
			role: random.pick(ROLES),
			company,
			links: random.chance(0.3) ? [{ label: 'Website', url: `https://${id}.example.com` }] : [],
			bio: `${first} ${last} works at ${company}. ${text.paragraphs(30, 60).replace(/\n\n/g, ' ')}`,
		});
	}

	// Sessions: exact type counts, shuffled
	const types = [];
	for (const [type, share] of TYPE_SHARES) for (let i = 0; i < Math.round(sessionCount * share); i++) types.push(type);
	while (types.length < sessionCount) types.push('keynote');
	types.length = sessionCount;
	random.shuffle(types);
	const numbersUsed = new Map();
	const sessions = types.map((type, index) => {
		const prefix = TYPE_PREFIX[type];
		const used = numbersUsed.get(prefix) ?? new Set();
		numbersUsed.set(prefix, used);
		const small = type === 'keynote' || type === 'general';
		const [low, high] = small ? [1, Math.max(99, used.size * 2 + 10)] : [1000, Math.max(9999, 1000 + used.size * 2 + 10)];
		let number;
		do number = random.int(low, high);
		while (used.has(number));
		used.add(number);
		const code = `${prefix}${small ? String(number).padStart(2, '0') : number}`;
		const duration = type === 'keynote' && random.chance(0.3) ? 90 : DURATION[type];
		const speakerIds = [];
		// The first speakers each get one session; after that, some speakers give many (skewed choice).
		speakerIds.push(index < speakers.length ? speakers[index].id : speakers[Math.floor(speakers.length * random.next() ** 2)].id);
		if (random.chance(type === 'workshop' || type === 'lab' ? 0.6 : 0.25)) {
			let other;
			do other = random.pick(speakers).id;
			while (other === speakerIds[0]);
			speakerIds.push(other);
		}
		const track = small ? 'keynotes' : random.pick(TRACKS.slice(1))[0];
		const level = small
			? 100
			: type === 'theater'
				? random.pick([100, 200])
				: type === 'breakout'
					? random.pick([200, 300, 400])
					: random.pick([200, 300]);
		return {
			code,
			type,
			duration,
			track,
			level,
			speakers: speakerIds,
			products: random.sample(PRODUCTS, random.int(1, 3)),
			tags: random.sample(TAGS, random.int(1, 4)),
			title: text.title(),
			abstract: text.paragraphs(80, 150),
			video: random.chance(0.2) ? `https://videos.example.org/${code.toLowerCase()}` : undefined,
			cities: new Set(),
		};
	});

	// Learning paths: 4 breakouts each, each breakout in at most one path
	const breakouts = random.shuffle(sessions.filter((session) => session.type === 'breakout'));
	const paths = Array.from({ length: pathCount }, (_, i) => {
		const members = breakouts.slice(i * 4, i * 4 + 4);
		const id = `lp${String(i + 1).padStart(2, '0')}`;
		return {
			id,
			code: `LP${String(i + 1).padStart(2, '0')}`,
			title: `${capitalize(random.pick(VERBS))} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} in four steps`,
			sessions: members,
			products: [...new Set(members.flatMap((session) => session.products))].slice(0, 3),
			description: text.paragraphs(50, 90),
		};
	});

	// Room-minutes needed: every session once, then ~0.5 more deliveries per session (no workshop twice).
	const targetDeliveries = Math.round(sessionCount * 1.5);
	const repeatable = sessions.filter((session) => session.type !== 'workshop');
	const averageRepeat = repeatable.reduce((sum, session) => sum + session.duration, 0) / repeatable.length;
	const demand = (gap) =>
		sessions.reduce((sum, session) => sum + session.duration + gap, 0) + (targetDeliveries - sessionCount) * (averageRepeat + gap);
	const roomDay = DAY_END - DAY_START;
	const maxCapacity = cityCount * 3 * 10 * roomDay;
	// Changeover between two sessions in one room: 15 minutes when there is room for it, less when not.
	const gap = [15, 10, 5, 0].find((g) => demand(g) <= 0.7 * maxCapacity) ?? 0;
	const cityRows = Array.from({ length: cityCount }, (_, i) => {
		const [id, name, country, timeZone] = CITIES[i % CITIES.length];
		const round = Math.floor(i / CITIES.length);
		return round === 0 ? { id, name, country, timeZone } : { id: `${id}-${round + 1}`, name: `${name} ${round + 1}`, country, timeZone };
	});
	const cities = cityRows.map((row) => ({ ...row, days: random.int(2, 3), roomCount: random.int(6, 10) }));
	const capacity = () => cities.reduce((sum, city) => sum + city.days * city.roomCount * roomDay, 0);
	// Grow the smallest cities (rooms up to 10, then a third day, then more than 10 rooms) until 75% full at most.
	let oversize = false;
	while (demand(gap) > 0.75 * capacity()) {
		const smallest = cities.reduce((a, b) => (a.days * a.roomCount <= b.days * b.roomCount ? a : b));
		if (smallest.roomCount < 10) smallest.roomCount++;
		else if (smallest.days < 3) smallest.days++;
		else {
			smallest.roomCount++;
			oversize = true;
		}
	}

	// Dates: spread over the tour window in a shuffled order, some stops overlapping; never across a DST change.
	// About a quarter of the stops share their dates with another one (as Mumbai and Bangalore do in the
	// sample), so a speaker's UTC intervals matter across cities too.
	const windowDays = (dayToEpoch(TOUR_LAST_DAY) - dayToEpoch(TOUR_FIRST_DAY)) / DAY_MS - 2;
	const slots = Math.max(1, Math.ceil(cityCount * 0.75));
	const slotStarts = Array.from(
		{ length: slots },
		(_, slot) => Math.floor((slot * windowDays) / slots) + (slots > 1 ? random.int(0, 1) : 0),
	);
	const order = random.shuffle(cities.map((_, i) => i));
	order.forEach((cityIndex, position) => {
		const city = cities[cityIndex];
		let start = addDays(TOUR_FIRST_DAY, slotStarts[Math.floor((position * slots) / cityCount)]);
		let offset = constantOffset(city.timeZone, start, addDays(start, city.days - 1));
		for (let tries = 0; offset === null; tries++) {
			if (tries > 20) throw new Error(`${city.id}: no DST-free dates found for ${city.timeZone}`);
			start = addDays(start, 7);
			offset = constantOffset(city.timeZone, start, addDays(start, city.days - 1));
		}
		city.dates = Array.from({ length: city.days }, (_, d) => addDays(start, d));
		city.offset = offset;
		city.rooms = Array.from({ length: city.roomCount }, (_, r) => ROOM_NAMES[r] ?? `Room ${900 + r}`);
		// free[d][r]: first local minute at which room r is free on day d
		city.free = city.dates.map(() => city.rooms.map(() => DAY_START));
		city.capacity = city.days * city.roomCount * roomDay;
		city.booked = 0;
		city.agenda = [];
		city.paths = [];
	});

	// Per speaker, the UTC intervals (epoch minutes) already booked, across all cities.
	const busy = new Map(speakers.map((speaker) => [speaker.id, []]));
	const utcMinute = (city, d, localMinute) => dayToEpoch(city.dates[d]) / 60_000 + localMinute - city.offset;

	/** Earliest slot for `session` in `city` (any day, any room), respecting rooms and speakers; or null. */
	function findSlot(session, city) {
		let best = null;
		for (let d = 0; d < city.dates.length; d++) {
			for (let r = 0; r < city.rooms.length; r++) {
				let start = Math.ceil(city.free[d][r] / 5) * 5;
				while (start + session.duration <= DAY_END) {
					if (best && start >= best.start) break;
					const from = utcMinute(city, d, start);
					const to = from + session.duration;
					let clashEnd = null;
					for (const id of session.speakers)
						for (const [busyFrom, busyTo] of busy.get(id)) if (busyFrom < to && from < busyTo) clashEnd = Math.max(clashEnd ?? 0, busyTo);
					if (clashEnd === null) {
						best = { d, r, start };
						break;
					}
					start = Math.ceil((clashEnd - from + start + gap) / 5) * 5;
				}
			}
		}
		return best;
	}

	function book(session, city, slot) {
		const { d, r, start } = slot;
		const from = utcMinute(city, d, start);
		for (const id of session.speakers) busy.get(id).push([from, from + session.duration]);
		city.free[d][r] = start + session.duration + gap;
		city.booked += session.duration + gap;
		city.agenda.push({ session, d, r, start });
		session.cities.add(city);
	}

	function tryPlace(session, city) {
		if (session.cities.has(city)) return false; // at most once per city: UIDs stay unique
		const slot = findSlot(session, city);
		if (!slot) return false;
		book(session, city, slot);
		return true;
	}

	const byLoad = () => [...cities].sort((a, b) => a.booked / a.capacity - b.booked / b.capacity);
	let deliveries = () => cities.reduce((sum, city) => sum + city.agenda.length, 0);

	// 1. Paths: each offered in full by 1–3 cities, which list it in `paths`.
	for (const path of paths) {
		const offering = random.sample(cities, Math.min(cities.length, random.int(1, 3)));
		for (const city of offering) {
			const complete = path.sessions.every((session) => session.cities.has(city) || tryPlace(session, city));
			if (complete) city.paths.push(path);
		}
	}
	// 2. Every session at least once, longest first so workshops still find a free afternoon.
	const firsts = random.shuffle(sessions.filter((session) => session.cities.size === 0)).sort((a, b) => b.duration - a.duration);
	let addedRooms = 0;
	for (const session of firsts) {
		let placed = byLoad().some((city) => tryPlace(session, city));
		while (!placed) {
			// Safety valve for extreme sizes: give the emptiest city another room.
			const city = byLoad()[0];
			city.rooms.push(ROOM_NAMES[city.rooms.length] ?? `Room ${900 + city.rooms.length}`);
			city.free.forEach((rooms) => rooms.push(DAY_START));
			city.capacity += city.days * roomDay;
			addedRooms++;
			placed = tryPlace(session, city);
		}
	}
	// 3. Repeats up to ~1.5 deliveries per session: popular sessions in other cities (workshops run once).
	let total = deliveries();
	let failures = 0;
	while (total < targetDeliveries && failures < 5000) {
		const session = random.pick(repeatable);
		const candidates = byLoad()
			.filter((city) => !session.cities.has(city))
			.slice(0, 3);
		if (candidates.some((city) => tryPlace(session, city))) {
			total++;
			failures = 0;
		} else failures++;
	}

	// Write the folder
	if (existsSync(out)) {
		const entries = readdirSync(out);
		if (entries.length > 0 && !entries.includes(MARKER))
			throw new Error(`${out} exists and was not made by this generator (no ${MARKER}); choose another --out`);
		rmSync(out, { recursive: true, force: true });
	}
	for (const folder of ['sessions', 'speakers', 'paths', 'cities']) mkdirSync(join(out, folder), { recursive: true });
	writeFileSync(join(out, MARKER), 'Written by bench/generate.mjs; deleted and rewritten on every run.\n');
	writeFileSync(
		join(out, 'event.yaml'),
		[
			'name: Roadshow Bench Tour 2021',
			'tagline: A synthetic tour to measure the build',
			`description: ${sessionCount} sessions in ${cityCount} cities, generated by bench/generate.mjs with seed ${seed}.`,
			'url: https://bench.example.org',
			'language: en',
			'acronym: benchtour',
			'hashtag: "#RoadshowBench"',
			'links:',
			'  - { label: Code of conduct, url: https://bench.example.org/code-of-conduct }',
			'',
		].join('\n'),
	);
	writeFileSync(
		join(out, 'tracks.yaml'),
		TRACKS.map(
			([id, name, description, color]) => `- id: ${id}\n  name: ${name}\n  description: ${description}\n  color: "${color}"\n`,
		).join(''),
	);
	for (const session of sessions) {
		const lines = [
			'---',
			`title: ${JSON.stringify(session.title)}`,
			`type: ${session.type}`,
			`duration: ${session.duration}`,
			`track: ${session.track}`,
			`level: ${session.level}`,
			`speakers: ${yamlList(session.speakers)}`,
			`products: ${yamlList(session.products)}`,
			`tags: ${yamlList(session.tags)}`,
			'language: en',
			...(session.video ? [`video: ${session.video}`] : []),
			'---',
			session.abstract,
			'',
		];
		writeFileSync(join(out, 'sessions', `${session.code}.${ext}`), lines.join('\n'));
	}
	for (const speaker of speakers) {
		const lines = [
			'---',
			`name: ${yamlString(speaker.name)}`,
			`role: ${yamlString(speaker.role)}`,
			`company: ${yamlString(speaker.company)}`,
			...(speaker.links.length ? ['links:', ...speaker.links.map((link) => `  - { label: ${link.label}, url: ${link.url} }`)] : []),
			'---',
			speaker.bio,
			'',
		];
		writeFileSync(join(out, 'speakers', `${speaker.id}.md`), lines.join('\n'));
	}
	for (const path of paths) {
		const lines = [
			'---',
			`code: ${path.code}`,
			`title: ${JSON.stringify(path.title)}`,
			`sessions: ${yamlList(path.sessions.map((session) => session.code))}`,
			`products: ${yamlList(path.products)}`,
			'---',
			path.description,
			'',
		];
		writeFileSync(join(out, 'paths', `${path.id}.${ext}`), lines.join('\n'));
	}
	for (const city of cities) {
		const agenda = [...city.agenda].sort((a, b) => a.d - b.d || a.start - b.start || a.r - b.r);
		const lines = [
			'---',
			`name: ${yamlString(city.name)}`,
			`country: ${yamlString(city.country)}`,
			`timezone: ${city.timeZone}`,
			`dates: { start: ${city.dates[0]}, end: ${city.dates.at(-1)} }`,
			`venue: { name: ${JSON.stringify(`${city.name} Convention Centre`)}, address: ${JSON.stringify(`1 Expo Road, ${city.name}, ${city.country}`)} }`,
			`registration: https://bench.example.org/register/${city.id}`,
			`paths: ${yamlList(city.paths.map((path) => path.id))}`,
			`rooms: ${yamlList(city.rooms)}`,
			'agenda:',
			...agenda.map(
				(line) =>
					`  - { session: ${line.session.code}, day: ${city.dates[line.d]}, start: "${hhmm(line.start)}", room: ${yamlString(city.rooms[line.r])} }`,
			),
			'---',
			`The ${city.name} stop runs ${city.days} days in ${city.rooms.length} rooms. ${text.paragraphs(30, 50).replace(/\n\n/g, ' ')}`,
			'',
		];
		writeFileSync(join(out, 'cities', `${city.id}.${ext}`), lines.join('\n'));
	}

	const summary = {
		out,
		seed,
		ext,
		sessions: sessions.length,
		speakers: speakers.length,
		paths: paths.length,
		cities: cities.length,
		deliveries: total,
		target: targetDeliveries,
		gapMinutes: gap,
		roomUse: Math.round((100 * cities.reduce((s, c) => s + c.booked, 0)) / cities.reduce((s, c) => s + c.capacity, 0)),
		addedRooms,
		oversize,
		seconds: (performance.now() - started) / 1000,
	};
	return summary;
}

function parseArgs(argv) {
	const options = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--quiet') options.quiet = true;
		else if (arg === '--out') options.out = argv[++i];
		else if (arg === '--ext') options.ext = argv[++i];
		else if (['--sessions', '--cities', '--speakers', '--paths', '--seed'].includes(arg)) {
			const value = Number(argv[++i]);
			if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number`);
			options[arg.slice(2)] = value;
		} else throw new Error(`unknown option ${arg}; see the top of bench/generate.mjs`);
	}
	return options;
}

export function summaryLine(s) {
	return (
		`generated ${s.sessions} sessions, ${s.speakers} speakers, ${s.paths} paths, ${s.cities} cities, ` +
		`${s.deliveries} deliveries (target ${s.target}), room use ${s.roomUse}% with ${s.gapMinutes}-min changeovers` +
		`${s.addedRooms ? `, ${s.addedRooms} rooms added beyond plan` : ''}${s.oversize ? ', some cities over 10 rooms' : ''}` +
		`${s.ext === 'md' ? ', .md files' : ''} in ${s.seconds.toFixed(1)} s -> ${s.out}`
	);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const options = parseArgs(process.argv.slice(2));
		const summary = generate(options);
		console.log(summaryLine(summary));
	} catch (error) {
		console.error(`generate.mjs: ${error.message}`);
		process.exitCode = 1;
	}
}
