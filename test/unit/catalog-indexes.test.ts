import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build';
import { CatalogError } from '../../src/catalog/errors';
import { parseSourceText, readContentFolder } from '../../src/loaders/content-folder';
import type { Catalog } from '../../src/catalog/types';
import { cityFields, line, tour } from './source-builder';

// What the pages read from the catalog: the lists in their order, the lookups by id and the reverse indexes.

const codes = (sessions: readonly { code: string }[] | undefined) => sessions?.map((session) => session.code);
const ids = (items: readonly { id: string }[] | undefined) => items?.map((item) => item.id);

function city(catalog: Catalog, id: string) {
	const found = catalog.cityById.get(id);
	if (!found) throw new Error(`no city ${id}`);
	return found;
}

describe('lists in display order', () => {
	const catalog = buildCatalog(tour().build());

	it('sorts cities by their first day, whatever the order of the files', () => {
		expect(ids(catalog.cities)).toEqual(['toronto', 'sydney', 'chicago']);
	});

	it('sorts cities that start on the same day by name', () => {
		const source = tour()
			.addCity('zurich', cityFields('Zurich', 'Switzerland', 'Europe/Zurich', '2020-01-08'))
			.addCity('amsterdam', cityFields('Amsterdam', 'Netherlands', 'Europe/Amsterdam', '2020-01-08'));
		expect(ids(buildCatalog(source.build()).cities)).toEqual(['amsterdam', 'toronto', 'zurich', 'sydney', 'chicago']);
	});

	it('sorts sessions by code with numbers in numeric order (BRK2 before BRK10)', () => {
		const source = tour()
			.addSession('BRK10', { title: 'Ten', type: 'breakout', track: 'intranet', level: 200, speakers: [] })
			.addSession('BRK2', { title: 'Two', type: 'breakout', track: 'intranet', level: 200, speakers: [] });
		expect(codes(buildCatalog(source.build()).sessions)).toEqual(['BRK2', 'BRK10', 'SOYS10', 'SOYS20', 'THR1001', 'WRK1001']);
	});

	it('sorts speakers by name', () => {
		expect(catalog.speakers.map((speaker) => speaker.name)).toEqual(['Jeff Teper', 'Kenji Watanabe', 'Megan Okafor']);
	});

	it('sorts all deliveries of the tour by start instant', () => {
		const starts = catalog.deliveries.map((delivery) => delivery.start.getTime());
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		expect(catalog.deliveries[0]?.uid).toBe('SOYS10-toronto-1@tour.example.org');
		expect(catalog.deliveries).toHaveLength(8);
	});

	it("sorts a city's deliveries by start then room, and keeps the agenda line of each", () => {
		const source = tour().withCity('sydney', (sydney) => ({ ...sydney, agenda: [...sydney.agenda].reverse() }));
		const deliveries = city(buildCatalog(source.build()), 'sydney').deliveries;
		expect(
			deliveries.map((delivery) => `${delivery.day} ${delivery.startTime} ${delivery.session.code} agenda[${delivery.agendaIndex}]`),
		).toEqual([
			'2020-02-13 09:00 SOYS10 agenda[3]',
			'2020-02-13 10:00 SOYS20 agenda[2]',
			'2020-02-13 13:15 THR1001 agenda[1]',
			'2020-02-14 13:45 WRK1001 agenda[0]',
		]);
	});

	it('sorts deliveries starting together by room name', () => {
		const source = tour().withCity('toronto', (toronto) => {
			toronto.agenda.push(line('SOYS20', '2020-01-08', '09:00', 'Expo Theatre'));
		});
		expect(city(buildCatalog(source.build()), 'toronto').deliveries.map((delivery) => delivery.room)).toEqual(['Expo Theatre', 'Hall A']);
	});

	it('keeps the sessions of a learning path in the order written', () => {
		const source = tour().withPath('soys', (path) => ({ ...path, sessions: ['SOYS20', 'SOYS10'] }));
		expect(codes(buildCatalog(source.build()).pathById.get('soys')?.sessions)).toEqual(['SOYS20', 'SOYS10']);
	});
});

describe('lookups by id', () => {
	const catalog = buildCatalog(tour().build());

	it('finds tracks, sessions, paths, cities and speakers by id', () => {
		expect(catalog.trackById.get('collaboration')?.name).toBe('Content collaboration');
		expect(catalog.sessionByCode.get('SOYS10')?.title).toBe('Content collaboration and protection');
		expect(catalog.pathById.get('soys')?.code).toBe('SOYS');
		expect(catalog.cityById.get('toronto')?.name).toBe('Toronto');
		expect(catalog.speakerById.get('megan-okafor')?.name).toBe('Megan Okafor');
		expect(catalog.sessionByCode.get('soys10')).toBeUndefined();
	});

	it('links a session to the very track and speaker objects of the catalog', () => {
		const session = catalog.sessionByCode.get('WRK1001');
		expect(session?.track).toBe(catalog.trackById.get('intranet'));
		expect(session?.speakers).toEqual([catalog.speakerById.get('megan-okafor'), catalog.speakerById.get('kenji-watanabe')]);
		expect(session?.speakers[0]).toBe(catalog.speakerById.get('megan-okafor'));
	});

	it('links each delivery to its city and session objects', () => {
		for (const delivery of catalog.deliveries) {
			expect(delivery.city).toBe(catalog.cityById.get(delivery.city.id));
			expect(delivery.session).toBe(catalog.sessionByCode.get(delivery.session.code));
		}
	});

	it('gives each session its slug (lower-case code), its abstract from the body and the defaults of optional fields', () => {
		expect(catalog.sessionByCode.get('SOYS10')).toMatchObject({
			code: 'SOYS10',
			slug: 'soys10',
			abstract: 'About SOYS10.',
			language: 'en',
			products: [],
			tags: [],
			video: undefined,
			slides: undefined,
			filePath: 'content/sessions/SOYS10.mdx',
		});
	});

	it('takes the site host from the event URL', () => {
		expect(catalog.event).toMatchObject({ host: 'tour.example.org', language: 'en', links: [], filePath: 'content/event.yaml' });
	});

	it('freezes the catalog and what it holds', () => {
		expect(Object.isFrozen(catalog)).toBe(true);
		expect(Object.isFrozen(catalog.deliveries)).toBe(true);
		expect(Object.isFrozen(catalog.cities[0])).toBe(true);
		expect(Object.isFrozen(catalog.cities[0]?.deliveries)).toBe(true);
		expect(Object.isFrozen(catalog.deliveries[0])).toBe(true);
		expect(Object.isFrozen(catalog.sessions[0])).toBe(true);
	});
});

describe('reverse indexes', () => {
	const catalog = buildCatalog(
		tour()
			.addSpeaker('nadia-petrova', { name: 'Nadia Petrova', role: 'Architect', company: 'Contoso' })
			.addPath('intranet', { code: 'INTRA', title: 'Build an intranet', sessions: ['SOYS20', 'WRK1001'] })
			.withCity('sydney', (sydney) => {
				sydney.paths.push('intranet');
				sydney.agenda.push(line('SOYS10', '2020-02-14', '09:30', 'Darling Harbour Theatre'));
			})
			.build(),
	);

	it('lists the sessions of each speaker (sessionsBySpeaker)', () => {
		expect(codes(catalog.sessionsBySpeaker.get('megan-okafor'))).toEqual(['SOYS10', 'WRK1001']);
		expect(codes(catalog.sessionsBySpeaker.get('kenji-watanabe'))).toEqual(['THR1001', 'WRK1001']);
		expect(codes(catalog.sessionsBySpeaker.get('jeff-teper'))).toEqual(['SOYS20']);
	});

	it('has no entry for a speaker without sessions', () => {
		expect(catalog.speakerById.has('nadia-petrova')).toBe(true);
		expect(catalog.sessionsBySpeaker.get('nadia-petrova')).toBeUndefined();
	});

	it('lists the sessions of each track (sessionsByTrack)', () => {
		expect(codes(catalog.sessionsByTrack.get('collaboration'))).toEqual(['SOYS10', 'THR1001']);
		expect(codes(catalog.sessionsByTrack.get('intranet'))).toEqual(['SOYS20', 'WRK1001']);
	});

	it('lists the learning paths each session belongs to (pathsBySession)', () => {
		expect(ids(catalog.pathsBySession.get('SOYS10'))).toEqual(['soys']);
		expect(ids(catalog.pathsBySession.get('SOYS20'))).toEqual(['intranet', 'soys']);
		expect(catalog.pathsBySession.get('THR1001')).toBeUndefined();
	});

	it('lists the deliveries of each session in start order across cities (deliveriesBySession)', () => {
		const deliveries = catalog.deliveriesBySession.get('SOYS10');
		expect(deliveries?.map((delivery) => `${delivery.city.id} ${delivery.day} ${delivery.startTime}`)).toEqual([
			'toronto 2020-01-08 09:00',
			'sydney 2020-02-13 09:00',
			'sydney 2020-02-14 09:30',
			'chicago 2020-04-15 09:00',
		]);
	});

	it('lists the cities offering each learning path, in tour order (citiesByPath)', () => {
		expect(ids(catalog.citiesByPath.get('soys'))).toEqual(['sydney', 'chicago']);
		expect(ids(catalog.citiesByPath.get('intranet'))).toEqual(['sydney']);
	});

	it('lists the cities delivering each session once each, in tour order (citiesBySession)', () => {
		expect(ids(catalog.citiesBySession.get('SOYS10'))).toEqual(['toronto', 'sydney', 'chicago']);
		expect(ids(catalog.citiesBySession.get('WRK1001'))).toEqual(['sydney']);
	});

	it("resolves a city's paths to the path objects", () => {
		expect(city(catalog, 'sydney').paths).toEqual([catalog.pathById.get('soys'), catalog.pathById.get('intranet')]);
	});
});

describe('durations', () => {
	it.each([
		['keynote', 60],
		['general', 60],
		['breakout', 45],
		['theater', 20],
		['workshop', 240],
		['lab', 75],
	])('gives a %s without duration %i minutes', (type, minutes) => {
		const source = tour().addSession('NEW1', { title: 'New', type, track: 'intranet', level: 100, speakers: [] });
		expect(buildCatalog(source.build()).sessionByCode.get('NEW1')?.duration).toBe(minutes);
	});

	it('lets an explicit duration override the default of the type (SOYS20: breakout, 60 minutes)', () => {
		const catalog = buildCatalog(tour().build());
		expect(catalog.sessionByCode.get('SOYS20')).toMatchObject({ type: 'breakout', duration: 60 });
		expect(catalog.sessionByCode.get('SOYS10')).toMatchObject({ type: 'breakout', duration: 45 });
	});

	it('ends a delivery without end after the duration of its session', () => {
		const deliveries = city(buildCatalog(tour().build()), 'sydney').deliveries;
		expect(deliveries.map((delivery) => `${delivery.session.code} ${delivery.startTime}–${delivery.endTime}`)).toEqual([
			'SOYS10 09:00–09:45',
			'SOYS20 10:00–11:00',
			'THR1001 13:15–13:35',
			'WRK1001 13:45–17:45',
		]);
	});

	it('adds up the durations of the sessions of a learning path (totalMinutes)', () => {
		expect(buildCatalog(tour().build()).pathById.get('soys')?.totalMinutes).toBe(45 + 60);
	});
});

describe('city agenda', () => {
	const catalog = buildCatalog(tour().build());

	it('groups deliveries by local day, even when the UTC day differs', () => {
		const days = city(catalog, 'sydney').days;
		expect(days.map((day) => [day.day, codes(day.deliveries.map((delivery) => delivery.session))])).toEqual([
			['2020-02-13', ['SOYS10', 'SOYS20', 'THR1001']],
			['2020-02-14', ['WRK1001']],
		]);
		// 09:00 in Sydney on the 13th is still the 12th in UTC.
		expect(days[0]?.deliveries[0]?.start.toISOString().slice(0, 10)).toBe('2020-02-12');
	});

	it('sums up the zone of the agenda: "AEDT, UTC+11" in Sydney, "CDT, UTC-5" in Chicago', () => {
		expect(city(catalog, 'sydney').zoneSummary).toBe('AEDT, UTC+11');
		expect(city(catalog, 'chicago').zoneSummary).toBe('CDT, UTC-5');
	});

	it('shows the offset alone where the zone has no customary abbreviation ("UTC+9")', () => {
		const source = tour().addCity('tokyo', {
			...cityFields('Tokyo', 'Japan', 'Asia/Tokyo', '2020-02-19'),
			agenda: [line('SOYS20', '2020-02-19', '09:00', 'Main Hall')],
		});
		expect(city(buildCatalog(source.build()), 'tokyo').zoneSummary).toBe('UTC+9');
	});

	it('names both offsets when the agenda spans a DST change', () => {
		const source = tour().withCity('chicago', (chicago) => {
			chicago.dates.start = '2020-03-05';
			chicago.agenda.push(line('WRK1001', '2020-03-05', '09:00', 'Theater 1'));
		});
		expect(city(buildCatalog(source.build()), 'chicago').zoneSummary).toBe('CST, UTC-6 then CDT, UTC-5');
	});

	it('sums up the zone of a city with no agenda yet from its first day', () => {
		const source = tour().withCity('toronto', (toronto) => ({ ...toronto, agenda: [] }));
		const toronto = city(buildCatalog(source.build()), 'toronto');
		expect(toronto.zoneSummary).toBe('EST, UTC-5');
		expect(toronto.days).toEqual([]);
	});

	it('tells whether a city has a workshop', () => {
		expect(city(catalog, 'sydney').hasWorkshop).toBe(true);
		expect(city(catalog, 'chicago').hasWorkshop).toBe(false);
	});

	it('keeps the city facts as written', () => {
		expect(city(catalog, 'toronto')).toMatchObject({
			name: 'Toronto',
			country: 'Canada',
			timezone: 'America/Toronto',
			dates: { start: '2020-01-08', end: '2020-01-09' },
			rooms: ['Hall A', 'Expo Theatre'],
			registration: undefined,
			label: undefined,
			description: 'About toronto.',
			filePath: 'content/cities/toronto.mdx',
		});
	});

	it('reads unquoted days and times as text (YAML 1.2), so a day that does not exist is refused, not moved to 1 March', () => {
		const { source } = parseSourceText(
			'content/cities/toronto.mdx',
			'---\ndates: { start: 2020-02-28, end: 2020-02-30 }\nagenda:\n  - { day: 2020-02-29, start: 09:00 }\n---\n',
		);
		expect(source?.data).toEqual({ dates: { start: '2020-02-28', end: '2020-02-30' }, agenda: [{ day: '2020-02-29', start: '09:00' }] });
		const refused = tour().withCity('toronto', (toronto) => ({ ...toronto, ...(source?.data as object) }));
		expect(() => buildCatalog(refused.build())).toThrow('dates.end: "2020-02-30" is not a day of the calendar');
	});
});

describe('readContentFolder', () => {
	let root = '';
	afterEach(() => {
		if (root) rmSync(root, { recursive: true, force: true });
		root = '';
	});

	/** A project folder in the OS temp dir with these files (paths relative to it). */
	function project(files: Record<string, string>): string {
		root = mkdtempSync(join(tmpdir(), 'roadshow-content-'));
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(dirname(join(root, path)), { recursive: true });
			writeFileSync(join(root, path), text);
		}
		return root;
	}

	const minimal: Record<string, string> = {
		'content/event.yaml': 'name: Test Tour\ntagline: Tests\nurl: https://tour.example.org\n',
		'content/tracks.yaml': '- id: collaboration\n  name: Content collaboration\n',
		'content/speakers/megan-okafor.md':
			'---\nname: Megan Okafor\nrole: Program Manager\ncompany: Microsoft\n---\nMegan works on OneDrive.\n',
		'content/sessions/SOYS10.mdx':
			'---\ntitle: Content collaboration\ntype: breakout\ntrack: collaboration\nlevel: 200\nspeakers: [megan-okafor]\n---\nFiles are the raw material of teamwork.\n',
		'content/sessions/SOYS20.md':
			'---\ntitle: Communication\ntype: breakout\ntrack: collaboration\nlevel: 200\n---\nNews and conversations.\n',
		'content/paths/soys.mdx': '---\ncode: SOYS\ntitle: Content\nsessions: [SOYS10, SOYS20]\n---\nA path.\n',
		'content/cities/toronto.mdx': [
			'---',
			'name: Toronto',
			'country: Canada',
			'timezone: America/Toronto',
			'dates: { start: 2020-01-08, end: 2020-01-09 }',
			'venue: { name: MTCC, address: "255 Front St W" }',
			'paths: [soys]',
			'rooms: [Hall A]',
			'agenda:',
			'  - { session: SOYS10, day: 2020-01-08, start: "09:00", room: Hall A }',
			'  - { session: SOYS20, day: 2020-01-08, start: "10:00", room: Hall A }',
			'---',
			'Toronto is the first stop.',
			'',
		].join('\n'),
	};

	it('reads .md and .mdx entries and the two YAML files, and the result builds', () => {
		const source = readContentFolder(project(minimal));
		expect(source.event).toEqual({
			filePath: 'content/event.yaml',
			data: { name: 'Test Tour', tagline: 'Tests', url: 'https://tour.example.org' },
		});
		expect(source.sessions.map((file) => file.filePath)).toEqual(['content/sessions/SOYS10.mdx', 'content/sessions/SOYS20.md']);
		expect(source.sessions[0]?.body).toBe('Files are the raw material of teamwork.\n');
		const catalog = buildCatalog(source);
		expect(city(catalog, 'toronto').deliveries.map((delivery) => delivery.uid)).toEqual([
			'SOYS10-toronto-1@tour.example.org',
			'SOYS20-toronto-1@tour.example.org',
		]);
	});

	it('ignores drafts (names starting with "_") and files that are not Markdown', () => {
		const source = readContentFolder(
			project({
				...minimal,
				'content/sessions/_draft.mdx': '---\nthis is: [not even valid YAML\n---\n',
				'content/sessions/_SOYS30.md': '---\ntitle: Draft\n---\n',
				'content/cities/_berlin.mdx': '---\nname: Berlin\n---\n',
				'content/sessions/notes.txt': 'not a session',
				'content/sessions/SOYS40.mdx.bak': 'not a session',
			}),
		);
		expect(source.sessions.map((file) => file.filePath)).toEqual(['content/sessions/SOYS10.mdx', 'content/sessions/SOYS20.md']);
		expect(source.cities.map((file) => file.filePath)).toEqual(['content/cities/toronto.mdx']);
	});

	it('reads entries in sub-folders', () => {
		const { 'content/sessions/SOYS20.md': soys20 = '', ...rest } = minimal;
		const source = readContentFolder(project({ ...rest, 'content/sessions/2020/SOYS20.md': soys20 }));
		expect(source.sessions.map((file) => file.filePath)).toEqual(['content/sessions/2020/SOYS20.md', 'content/sessions/SOYS10.mdx']);
		expect(() => buildCatalog(source)).not.toThrow();
	});

	it('reads files with Windows line endings', () => {
		const source = readContentFolder(
			project({
				...minimal,
				'content/speakers/megan-okafor.md': '---\r\nname: Megan Okafor\r\nrole: PM\r\ncompany: Microsoft\r\n---\r\nBio.\r\n',
			}),
		);
		expect(source.speakers[0]).toEqual({
			filePath: 'content/speakers/megan-okafor.md',
			data: { name: 'Megan Okafor', role: 'PM', company: 'Microsoft' },
			body: 'Bio.\r\n',
			bodyLine: 6,
		});
	});

	it('reads another content folder and names files from the project root', () => {
		const files = Object.fromEntries(
			Object.entries(minimal).map(([path, text]) => [path.replace(/^content\//, 'test/fixtures/tour/'), text]),
		);
		const source = readContentFolder(project(files), 'test/fixtures/tour');
		expect(source.event.filePath).toBe('test/fixtures/tour/event.yaml');
		expect(source.cities.map((file) => file.filePath)).toEqual(['test/fixtures/tour/cities/toronto.mdx']);
	});

	/** What reading the folder found wrong: problems it carries to the catalog, or its error for event/tracks. */
	function readProblems(files: Record<string, string>) {
		try {
			const source = readContentFolder(project(files));
			if (source.problems && source.problems.length > 0) return source.problems;
		} catch (error) {
			if (error instanceof CatalogError) return error.problems;
			throw error;
		}
		throw new Error('the folder was read without problems');
	}

	it('reports a YAML syntax error in front matter with the file name', () => {
		const problems = readProblems({
			...minimal,
			'content/cities/toronto.mdx': '---\nname: Toronto\ncountry: Canada\n  timezone: America/Toronto\n---\nBody.\n',
		});
		expect(problems).toEqual([
			{
				file: 'content/cities/toronto.mdx',
				field: '',
				message:
					'is not valid YAML (line 4, column 3): this field is indented under a field that already has a value; indent it like the field above',
			},
		]);
	});

	it('gives the line of the YAML mistake as a line of the file (the opening "---" is line 1)', () => {
		// The bad line "  timezone: America/Toronto" is line 4 of the file.
		const [problem] = readProblems({
			...minimal,
			'content/cities/toronto.mdx': '---\nname: Toronto\ncountry: Canada\n  timezone: America/Toronto\n---\nBody.\n',
		});
		expect(problem?.message).toMatch(/\(4:\d+\)|line 4\b/);
	});

	it('reports a YAML syntax error in tracks.yaml with the file name and line', () => {
		const problems = readProblems({ ...minimal, 'content/tracks.yaml': '- id: collaboration\n  name: Content\n    color: "#123456"\n' });
		expect(problems).toEqual([
			{ file: 'content/tracks.yaml', field: '', message: expect.stringMatching(/^is not valid YAML\b.*indented under a field/) },
		]);
		expect(problems[0]?.message).toMatch(/\(3:\d+\)|line 3\b/);
	});

	it('reports a Markdown file without front matter', () => {
		const problems = readProblems({ ...minimal, 'content/speakers/megan-okafor.md': 'Megan works on OneDrive.\n' });
		expect(problems).toEqual([
			{
				file: 'content/speakers/megan-okafor.md',
				field: '',
				message: expect.stringContaining('has no front matter; start the file with a "---" line'),
			},
		]);
	});

	it('reads an empty front matter as no fields, so that the schema can say which fields are required', () => {
		const source = readContentFolder(project({ ...minimal, 'content/speakers/megan-okafor.md': '---\n---\nMegan works on OneDrive.\n' }));
		expect(source.speakers[0]).toEqual({
			filePath: 'content/speakers/megan-okafor.md',
			data: {},
			body: 'Megan works on OneDrive.\n',
			bodyLine: 3,
		});
	});

	it('reads an empty front matter followed by a body with a "---" rule', () => {
		const source = readContentFolder(
			project({ ...minimal, 'content/speakers/megan-okafor.md': '---\n---\nMegan works on OneDrive.\n\n---\n\nShe lives in Lagos.\n' }),
		);
		expect(source.speakers[0]).toEqual({
			filePath: 'content/speakers/megan-okafor.md',
			data: {},
			body: 'Megan works on OneDrive.\n\n---\n\nShe lives in Lagos.\n',
			bodyLine: 3,
		});
	});

	it('reports a missing event.yaml', () => {
		const { 'content/event.yaml': _event, ...withoutEvent } = minimal;
		expect(readProblems(withoutEvent)).toEqual([
			{ file: 'content/event.yaml', field: '', message: 'is missing; every site needs this file (see the README for its fields)' },
		]);
	});

	it('reports a missing event.yaml and a YAML error together', () => {
		const { 'content/event.yaml': _event, ...withoutEvent } = minimal;
		const problems = readProblems({ ...withoutEvent, 'content/paths/soys.mdx': '---\nsessions: [SOYS10\n---\n' });
		expect(problems.map((problem) => problem.file).sort()).toEqual(['content/event.yaml', 'content/paths/soys.mdx']);
	});
});
