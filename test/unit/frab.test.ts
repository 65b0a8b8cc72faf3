import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build';
import { markdownToPlainText } from '../../src/presentation/plain-text';
import type { Catalog, CatalogSource, City } from '../../src/catalog/types';
import { frabSchedule, ROADSHOW_UUID_NAMESPACE, uuidV5, type FrabEvent, type FrabSchedule } from '../../src/exports/frab';
import { escapeXmlAttribute, escapeXmlText, frabScheduleXml } from '../../src/exports/frab-xml';
import { validateFrabJson, validateFrabXml } from '../support/frab-validate';
import { cityFields, line, tour, type TourSource } from './source-builder';

const TRICKY_TITLE = `Build & ship <Teams> apps with "bots" and 'cards'\nfor everyone`;
const LAB_ROOM = "Speaker's Lab & Co";
// MDX as editors may write it (content runs no code: no imports, no components), with markup that plain text drops.
const BRK2040_ABSTRACT = `Learn **how** to ship [Teams apps](https://example.org/teams) with _bots_ &amp; <abbr>API</abbr>s.

- cards
- \`messaging\` extensions

<img src="/brk2040.png" alt="" />`;

/** The shared test tour plus sessions with long codes, a two-room Sydney and a Mexico City stop. */
function frabTour(): TourSource {
	return tour()
		.addSession('BRK2040', {
			title: TRICKY_TITLE,
			type: 'breakout',
			track: 'collaboration',
			level: 300,
			speakers: ['jeff-teper'],
			video: 'https://media.example.org/brk2040.mp4',
			slides: 'https://slides.example.org/brk2040.pdf',
		})
		.addSession('LAB2001', { title: 'Hands-on intranet lab', type: 'lab', track: 'intranet', level: 200, speakers: [] })
		.withCity('sydney', (city) => {
			city.paths = [];
			city.rooms = ['Darling Harbour Theatre', LAB_ROOM];
			city.agenda = [
				line('SOYS10', '2020-02-13', '09:00', 'Darling Harbour Theatre'),
				line('BRK2040', '2020-02-13', '10:00', 'Darling Harbour Theatre'),
				line('LAB2001', '2020-02-14', '13:45', LAB_ROOM),
			];
		})
		.addCity('mexico-city', {
			...cityFields('Mexico City', 'Mexico', 'America/Mexico_City', '2020-04-15'),
			agenda: [line('LAB2001', '2020-04-15', '09:30', 'Main Hall'), line('BRK2040', '2020-04-15', '14:00', 'Main Hall')],
		});
}

function catalogOf(builder: TourSource): Catalog {
	const source = builder.build();
	const withAbstract: CatalogSource = {
		...source,
		sessions: source.sessions.map((file) => (file.filePath.endsWith('/BRK2040.mdx') ? { ...file, body: BRK2040_ABSTRACT } : file)),
	};
	return buildCatalog(withAbstract);
}

function scheduleOf(catalog: Catalog, cityId: string): FrabSchedule {
	return frabSchedule(cityOf(catalog, cityId), {
		siteUrl: 'https://tour.example.org',
		acronymPrefix: 'ignitetour',
		conferenceTitle: `${catalog.event.name} – ${cityOf(catalog, cityId).name}`,
	});
}

function cityOf(catalog: Catalog, id: string): City {
	const city = catalog.cityById.get(id);
	if (!city) throw new Error(`no city ${id} in the test catalog`);
	return city;
}

function eventsOf(schedule: FrabSchedule): FrabEvent[] {
	return schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
}

function eventBySlugPart(schedule: FrabSchedule, part: string): FrabEvent {
	const event = eventsOf(schedule).find((candidate) => candidate.slug.includes(part));
	if (!event) throw new Error(`no event with "${part}" in its slug`);
	return event;
}

// A DOM-free reading of the XML, enough to check what a parser gets back.
function unescapeXml(text: string): string {
	const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
	return text.replace(/&(#\d+|\w+);/g, (reference, name: string) =>
		name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : (named[name] ?? reference),
	);
}

function xmlAttributes(openingTag: string): Record<string, string> {
	return Object.fromEntries([...openingTag.matchAll(/(\w+)="([^"]*)"/g)].map(([, name = '', value = '']) => [name, unescapeXml(value)]));
}

function xmlChild(xml: string, name: string): string | undefined {
	const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
	return match?.[1] === undefined ? undefined : unescapeXml(match[1]);
}

function xmlEvents(xml: string): { attributes: Record<string, string>; body: string }[] {
	return [...xml.matchAll(/<event( [^>]*)>([\s\S]*?)<\/event>/g)].map(([, opening = '', body = '']) => ({
		attributes: xmlAttributes(opening),
		body,
	}));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('frab schedule of a city', () => {
	const catalog = catalogOf(frabTour());
	const sydney = scheduleOf(catalog, 'sydney');
	const mexico = scheduleOf(catalog, 'mexico-city');

	it('validates against the c3voc JSON schema, for every city', () => {
		for (const city of catalog.cities) {
			expect(validateFrabJson(scheduleOf(catalog, city.id)), city.id).toEqual([]);
		}
	});

	it('validates against the c3voc XSD with xmllint, for every city', () => {
		for (const city of catalog.cities) {
			expect(validateFrabXml(frabScheduleXml(scheduleOf(catalog, city.id))), city.id).toEqual([]);
		}
	});

	it('the validators do reject a broken schedule', () => {
		const broken = { ...sydney, schedule: { ...sydney.schedule, conference: { ...sydney.schedule.conference, acronym: 'mexico-city' } } };
		expect(validateFrabJson(broken).join('\n')).toContain('/schedule/conference/acronym');
		expect(validateFrabXml(frabScheduleXml(sydney).replace(/ id="\d+"/, ' id="0"')).join('\n')).toContain("attribute 'id'");
	});

	it('names the conference prefix-year-city, with letters only after the year', () => {
		expect(sydney.schedule.conference.acronym).toBe('ignitetour-2020-sydney');
		expect(mexico.schedule.conference.acronym).toBe('ignitetour-2020-mexicocity');
		expect(sydney.schedule.conference.title).toBe('Test Tour 2020 – Sydney');
		expect(() =>
			frabSchedule(cityOf(catalog, 'sydney'), { siteUrl: 'https://tour.example.org', acronymPrefix: 'it', conferenceTitle: 'x' }),
		).toThrow(/at least 4/);
	});

	it('describes the conference: days, zone, rooms with guids, tracks, URLs', () => {
		const { conference } = sydney.schedule;
		expect(conference).toMatchObject({
			start: '2020-02-13',
			end: '2020-02-14',
			daysCount: 2,
			timeslot_duration: '00:15',
			time_zone_name: 'Australia/Sydney',
			url: 'https://tour.example.org/cities/sydney/',
		});
		expect(sydney.schedule.base_url).toBe('https://tour.example.org/');
		expect(conference.rooms).toEqual([
			{ name: 'Darling Harbour Theatre', guid: uuidV5('sydney/Darling Harbour Theatre') },
			{ name: LAB_ROOM, guid: uuidV5(`sydney/${LAB_ROOM}`) },
		]);
		expect(conference.tracks.map((track) => track.name)).toEqual(['Content collaboration', 'Intelligent intranet']);
		expect(conference.days.map((day) => [day.index, day.date, day.day_start, day.day_end, Object.keys(day.rooms)])).toEqual([
			[1, '2020-02-13', '2020-02-13T09:00:00+11:00', '2020-02-13T10:45:00+11:00', ['Darling Harbour Theatre', LAB_ROOM]],
			[2, '2020-02-14', '2020-02-14T13:45:00+11:00', '2020-02-14T15:00:00+11:00', ['Darling Harbour Theatre', LAB_ROOM]],
		]);
	});

	it('puts SOYS10 in Sydney at 09:00 AEDT (+11:00) for 45 minutes', () => {
		expect(eventBySlugPart(sydney, 'soys10')).toMatchObject({
			date: '2020-02-13T09:00:00+11:00',
			start: '09:00',
			end: '2020-02-13T09:45:00+11:00',
			duration: '00:45',
			room: 'Darling Harbour Theatre',
			slug: 'ignitetour-2020-sydney-soys10-1',
			url: 'https://tour.example.org/sessions/soys10/',
			type: 'breakout',
			track: 'Content collaboration',
			language: 'en',
		});
	});

	it('gives Mexico City in April 2020 its daylight saving offset, -05:00', () => {
		expect(eventBySlugPart(mexico, 'brk2040')).toMatchObject({ date: '2020-04-15T14:00:00-05:00', start: '14:00', duration: '00:45' });
		expect(mexico.schedule.conference.time_zone_name).toBe('America/Mexico_City');
		expect(mexico.schedule.conference.timeslot_duration).toBe('00:15');
	});

	it('lists the speakers, the recording and the slides, and the abstract as plain text', () => {
		const event = eventBySlugPart(sydney, 'brk2040');
		expect(event.title).toBe(TRICKY_TITLE);
		expect(event.persons).toEqual([
			{
				id: expect.any(Number),
				guid: uuidV5('speaker:jeff-teper'),
				name: 'Jeff Teper',
				url: 'https://tour.example.org/speakers/jeff-teper/',
			},
		]);
		expect(event.links).toEqual([
			{ url: 'https://media.example.org/brk2040.mp4', title: 'Recording', type: 'media' },
			{ url: 'https://slides.example.org/brk2040.pdf', title: 'Slides', type: 'slides' },
		]);
		expect(event.abstract).toBe('Learn how to ship Teams apps with bots & APIs.\n\n- cards\n- messaging extensions');
		expect(eventBySlugPart(sydney, 'lab2001').persons).toEqual([]);
	});

	it('gives every event a UUID v5 guid, a positive id and a six-character code, unique in the schedule', () => {
		for (const schedule of [sydney, mexico]) {
			const events = eventsOf(schedule);
			for (const event of events) {
				expect(event.guid).toMatch(UUID);
				expect(Number.isInteger(event.id) && event.id >= 1 && event.id < 2 ** 31, String(event.id)).toBe(true);
				expect(event.code).toMatch(/^[0-9A-Z]{6}$/);
			}
			for (const key of ['guid', 'id', 'code', 'slug'] as const) {
				expect(new Set(events.map((event) => event[key])).size, key).toBe(events.length);
			}
		}
		const brk2040 = eventBySlugPart(sydney, 'brk2040');
		const delivery = cityOf(catalog, 'sydney').deliveriesBySession.get('BRK2040')?.[0];
		expect(brk2040.guid).toBe(uuidV5(delivery?.uid ?? ''));
	});

	it('is the same for a second build of the same content, and under any machine TZ', () => {
		const again = scheduleOf(catalogOf(frabTour()), 'sydney');
		expect(again).toEqual(sydney);
		const original = process.env.TZ;
		try {
			for (const tz of ['Asia/Tokyo', 'America/Los_Angeles']) {
				process.env.TZ = tz;
				expect(JSON.stringify(scheduleOf(catalogOf(frabTour()), 'mexico-city')), tz).toBe(JSON.stringify(mexico));
			}
		} finally {
			if (original === undefined) delete process.env.TZ;
			else process.env.TZ = original;
		}
	});

	it('keeps ids of other events when a session is added to the agenda', () => {
		const changed = catalogOf(
			frabTour().withCity('sydney', (city) => {
				city.agenda.unshift(line('SOYS20', '2020-02-14', '09:00', LAB_ROOM));
			}),
		);
		const before = new Map(eventsOf(sydney).map((event) => [event.guid, [event.id, event.code]]));
		for (const event of eventsOf(scheduleOf(changed, 'sydney'))) {
			if (before.has(event.guid)) expect([event.id, event.code]).toEqual(before.get(event.guid));
		}
	});

	it('leaves out a zone name the schema pattern refuses, and spans a day without sessions over the whole date', () => {
		const etc = catalogOf(
			frabTour().withCity('toronto', (city) => {
				city.timezone = 'Etc/GMT+5';
			}),
		);
		const schedule = scheduleOf(etc, 'toronto');
		expect(schedule.schedule.conference.time_zone_name).toBeUndefined();
		expect(validateFrabJson(schedule)).toEqual([]);
		expect(validateFrabXml(frabScheduleXml(schedule))).toEqual([]);
		const emptyDay = schedule.schedule.conference.days[1];
		expect(emptyDay).toMatchObject({
			index: 2,
			date: '2020-01-09',
			day_start: '2020-01-09T00:00:00-05:00',
			day_end: '2020-01-09T23:59:00-05:00',
		});
		expect(emptyDay?.rooms).toEqual({ 'Hall A': [], 'Expo Theatre': [] });
	});
});

describe('frab schedule XML', () => {
	const catalog = catalogOf(frabTour());
	const sydney = scheduleOf(catalog, 'sydney');
	const xml = frabScheduleXml(sydney);

	it('gives a parser back the title, room and abstract exactly, markup characters and line break included', () => {
		const event = xmlEvents(xml).find(({ body }) => body.includes('-brk2040-'));
		expect(event).toBeDefined();
		expect(xmlChild(event?.body ?? '', 'title')).toBe(TRICKY_TITLE);
		expect(xmlChild(event?.body ?? '', 'abstract')).toBe(eventBySlugPart(sydney, 'brk2040').abstract);
		expect(xml).toContain(`<room name="Speaker&apos;s Lab &amp; Co" guid="${uuidV5(`sydney/${LAB_ROOM}`)}">`);
		expect(xml).not.toMatch(/<title>[^<]*[<>"'][^<]*<\/title>/);
	});

	it('writes every event of the JSON with the same guid, id and code', () => {
		const fromXml = xmlEvents(xml).map(({ attributes }) => attributes);
		expect(fromXml).toEqual(eventsOf(sydney).map((event) => ({ guid: event.guid, id: String(event.id), code: event.code })));
	});

	it('drops characters XML cannot carry and keeps line breaks in attributes', () => {
		expect(escapeXmlText('a\u0000b\u0007c\u001Fd\tx\ny\r')).toBe('abcd\tx\ny&#13;');
		expect(escapeXmlAttribute('a "b"\n<c> & \'d\'')).toBe('a &quot;b&quot;&#10;&lt;c&gt; &amp; &apos;d&apos;');
		expect(escapeXmlText('emoji 🎤 and lone \uD800 surrogate')).toBe('emoji 🎤 and lone  surrogate');
	});
});

describe('UUID v5', () => {
	it('matches the RFC / Python uuid5 result for a known name', () => {
		const namespaceDns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
		expect(uuidV5('python.org', namespaceDns)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
	});

	it('uses the documented Roadshow namespace, uuid5(NAMESPACE_URL, "urn:roadshow:frab-schedule")', () => {
		expect(uuidV5('urn:roadshow:frab-schedule', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(ROADSHOW_UUID_NAMESPACE);
	});
});

describe('markdownToPlainText', () => {
	it.each([
		['drops MDX import/export blocks', "import A from './a.astro';\nexport const meta = {\n  a: 1,\n};\n\nText.", 'Text.'],
		['keeps link text only', 'See [the docs](https://example.org/a_(b)) and ![a logo](/logo.png).', 'See the docs and a logo.'],
		[
			'removes emphasis, inline code ticks and strike-through',
			'**bold** *it* _em_ `code_x` ~~old~~ snake_case_name',
			'bold it em code_x old snake_case_name',
		],
		['removes heading and blockquote markers', '## Title ##\n\n> quoted\n> text', 'Title\n\nquoted text'],
		[
			'removes HTML and JSX tags and comments',
			'A <strong>strong</strong> <Video id="x" /> word<!-- note -->{/* mdx */}.',
			'A strong word.',
		],
		['keeps paragraphs apart and collapses other white space', 'one\n  two\tthree\n\n\n\nfour', 'one two three\n\nfour'],
		['keeps list items on their own lines', 'Learn:\n* one\n+ two\n1. three', 'Learn:\n- one\n- two\n1. three'],
		['decodes the common entities once', '&amp;lt; &lt;b&gt; &quot;q&quot; it&#39;s', '&lt; <b> "q" it\'s'],
		['keeps escaped characters literally', '\\*not emphasis\\* and C\\#', '*not emphasis* and C#'],
		['drops code fences but keeps the code', '```js\nconst a = 1;\n```', 'const a = 1;'],
	])('%s', (_, markdown, plain) => {
		expect(markdownToPlainText(markdown)).toBe(plain);
	});
});
