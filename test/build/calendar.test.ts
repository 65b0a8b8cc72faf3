import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { sequenceAt } from '../../src/calendar/revisions';
import { readContentFolder } from '../../src/loaders/content-folder';
import { parseCalendar } from '../support/ics';
import { listFiles, projectRoot, readBuilt, type BuildResult } from '../support/builds';
import { builtSite } from '../support/built-site';

const sample = builtSite('sample-utc');
const basic = builtSite('basic-utc');
const sampleCatalog = buildCatalog(readContentFolder(projectRoot, 'content'));
const basicCatalog = buildCatalog(readContentFolder(projectRoot, 'test/fixtures/basic/content'));
const icsFiles = (site: BuildResult) => listFiles(site.outDir).filter((file) => file.endsWith('.ics'));

describe('calendar files of the sample', () => {
	it('has a city feed for every city, a file per session delivered in a city and per delivery, and per path offered', () => {
		const files = new Set(icsFiles(sample));
		for (const city of sampleCatalog.cities) {
			expect(files.has(`cities/${city.id}/calendar.ics`), city.id).toBe(true);
			for (const code of city.deliveriesBySession.keys()) {
				expect(files.has(`cities/${city.id}/sessions/${code.toLowerCase()}.ics`), `${city.id} ${code}`).toBe(true);
			}
			for (const delivery of city.deliveries) expect(files.has(`cities/${city.id}/sessions/${delivery.key}.ics`), delivery.uid).toBe(true);
			for (const path of city.paths) expect(files.has(`cities/${city.id}/paths/${path.id}.ics`)).toBe(true);
		}
		const expected =
			sampleCatalog.cities.length +
			sampleCatalog.cities.reduce((sum, city) => sum + city.deliveriesBySession.size + city.deliveries.length + city.paths.length, 0);
		expect(files.size).toBe(expected);
	});

	it('puts every event of every file at the instants of the catalog, read by ical.js through the VTIMEZONE', () => {
		let checked = 0;
		for (const file of icsFiles(sample)) {
			const { events, timezones } = parseCalendar(readBuilt(sample, file));
			for (const event of events) {
				const delivery = sampleCatalog.deliveryByUid.get(event.uid);
				expect(delivery, `${file}: unknown UID ${event.uid}`).toBeDefined();
				if (!delivery) continue;
				expect(event.startZone, event.uid).toBe(delivery.city.timezone);
				expect(timezones, file).toContain(delivery.city.timezone);
				expect(event.start.toISOString(), `${file} ${event.uid}`).toBe(delivery.start.toISOString());
				expect(event.end.toISOString(), `${file} ${event.uid}`).toBe(delivery.end.toISOString());
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(sampleCatalog.deliveries.length * 2);
	});

	it("holds a city's whole agenda in its feed, one event per delivery with a unique UID", () => {
		for (const city of sampleCatalog.cities) {
			const { events, name } = parseCalendar(readBuilt(sample, `cities/${city.id}/calendar.ics`));
			expect(events.map((event) => event.uid).sort()).toEqual(city.deliveries.map((delivery) => delivery.uid).sort());
			expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
			expect(name).toBe(`${sampleCatalog.event.name} – ${city.name}`);
		}
	});

	it('gives a path file the deliveries of exactly the path sessions in that city', () => {
		const toronto = sampleCatalog.cityById.get('toronto');
		const soys = sampleCatalog.pathById.get('soys');
		if (!toronto || !soys) throw new Error('sample lacks toronto or soys');
		const { events } = parseCalendar(readBuilt(sample, 'cities/toronto/paths/soys.ics'));
		const codes = new Set(events.map((event) => event.summary.split(':')[0]));
		expect(codes).toEqual(new Set(soys.sessions.map((session) => session.code)));
	});

	it('follows the iCalendar rules: CRLF, 75-octet lines, TZID on times, UTC stamps, no NAME', () => {
		for (const file of icsFiles(sample)) {
			const text = readBuilt(sample, file);
			expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
			for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), `${file}: ${line}`).toBeLessThanOrEqual(75);
			const unfolded = text.replace(/\r\n[ \t]/g, '');
			expect(unfolded).not.toMatch(/^NAME:/m);
			expect(unfolded).toMatch(/^METHOD:PUBLISH$/m);
			const eventLines = [...unfolded.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].flatMap((match) => (match[1] ?? '').split('\r\n'));
			expect(eventLines.length, file).toBeGreaterThan(0);
			for (const line of eventLines) {
				if (/^(DTSTART|DTEND)[;:]/.test(line)) expect(line, file).toMatch(/^DT(START|END);TZID=[A-Za-z_]+(?:\/[A-Za-z_+-]+)+:\d{8}T\d{6}$/);
				if (/^(DTSTAMP|LAST-MODIFIED)[;:]/.test(line)) expect(line, file).toMatch(/^(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z$/);
			}
			const zones = new Set([...unfolded.matchAll(/;TZID=([^:;]+)/g)].map((match) => match[1]));
			for (const zone of zones) expect(unfolded, file).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`);
		}
	});

	it('gives each delivery a stable UID <code>-<city>-<n>@<site host>, pinned here so that no refactor renumbers them', () => {
		const { events } = parseCalendar(readBuilt(sample, 'cities/sydney/sessions/soys10.ics'));
		expect(events.map((event) => event.uid)).toEqual([
			'SOYS10-sydney-1@ignite-tour.example.org',
			'SOYS10-sydney-2@ignite-tour.example.org',
		]);
		expect(events[0]?.start.toISOString()).toBe('2020-02-12T22:00:00.000Z');
		expect(
			parseCalendar(readBuilt(sample, 'cities/orlando/calendar.ics')).events.find((event) => event.summary.startsWith('KEY01'))?.uid,
		).toBe('KEY01-orlando-1@ignite-tour.example.org');
	});

	it('gives each delivery a file of its own, holding that delivery alone', () => {
		const first = parseCalendar(readBuilt(sample, 'cities/sydney/sessions/soys10-1.ics')).events;
		const second = parseCalendar(readBuilt(sample, 'cities/sydney/sessions/soys10-2.ics')).events;
		expect(first.map((event) => [event.uid, event.start.toISOString()])).toEqual([
			['SOYS10-sydney-1@ignite-tour.example.org', '2020-02-12T22:00:00.000Z'],
		]);
		expect(second.map((event) => [event.uid, event.start.toISOString()])).toEqual([
			['SOYS10-sydney-2@ignite-tour.example.org', '2020-02-13T22:30:00.000Z'],
		]);
		const page = readBuilt(sample, 'sessions/soys10/index.html');
		expect(page).toContain('href="/cities/sydney/sessions/soys10-1.ics"');
		expect(page).toContain('href="/cities/sydney/sessions/soys10-2.ics"');
		expect(page).not.toContain('href="/cities/sydney/sessions/soys10.ics"');
	});

	it('describes the event: summary with code, plain-text abstract and link, location with room and venue, categories', () => {
		const { events } = parseCalendar(readBuilt(sample, 'cities/sydney/sessions/soys10.ics'));
		const event = events[0];
		const session = sampleCatalog.sessionByCode.get('SOYS10');
		if (!event || !session) throw new Error('SOYS10 in Sydney missing');
		expect(event.summary).toBe(`SOYS10: ${session.title}`);
		expect(event.description).toContain('Files are the raw material of teamwork');
		expect(event.description).toContain('https://ignite-tour.example.org/sessions/soys10/');
		expect(event.description).not.toMatch(/[*_`]/);
		expect(event.url).toBe('https://ignite-tour.example.org/sessions/soys10/');
		expect(event.location).toBe(
			'Darling Harbour Theatre, International Convention Centre Sydney, 14 Darling Drive, Sydney NSW 2000, Australia',
		);
		expect(event.categories).toEqual(['Content and team collaboration', 'Breakout', 'Level 200']);
		expect(event.lastModified.replace('LAST-MODIFIED:', '')).toBe(event.dtstamp.replace('DTSTAMP:', ''));
		// SEQUENCE is the time of the last change in seconds from 2000 (from git, or the files' times in a source
		// archive); the exact values are checked on the basic fixture, which has a repository of its own.
		expect(Number.isInteger(event.sequence), String(event.sequence)).toBe(true);
		expect(event.sequence).toBe(
			sequenceAt(new Date(`${event.dtstamp.replace(/^DTSTAMP:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')}`)),
		);
	});

	it('produces byte-identical calendars under TZ=UTC and TZ=Asia/Tokyo', () => {
		const tokyo = builtSite('sample-tokyo');
		for (const file of icsFiles(sample)) expect(readBuilt(tokyo, file) === readBuilt(sample, file), file).toBe(true);
	});
});

describe('calendar files of the fixture', () => {
	it('keeps Mexico City in CDT (UTC-5) in April 2020, before Mexico dropped daylight saving time', () => {
		const { events } = parseCalendar(readBuilt(basic, 'cities/mexico-city/sessions/soys10.ics'));
		expect(events[0]?.start.toISOString()).toBe('2020-04-15T14:00:00.000Z');
		expect(readBuilt(basic, 'cities/mexico-city/sessions/soys10.ics')).toContain('TZOFFSETTO:-0500');
	});

	it('puts both Chicago deliveries on the right side of the 8 March 2020 DST change', () => {
		const { events } = parseCalendar(readBuilt(basic, 'cities/chicago/calendar.ics'));
		expect(events.map((event) => event.start.toISOString()).sort()).toEqual(['2020-03-06T15:00:00.000Z', '2020-03-09T14:00:00.000Z']);
	});

	it('survives a title with , ; \\ and a newline in a parse round trip', () => {
		const session = basicCatalog.sessionByCode.get('THR1001');
		const { events } = parseCalendar(readBuilt(basic, 'cities/sydney/sessions/thr1001.ics'));
		expect(session?.title).toContain('\n');
		expect(events[0]?.summary).toBe(`THR1001: ${session?.title}`);
		const raw = readBuilt(basic, 'cities/sydney/sessions/thr1001.ics').replace(/\r\n[ \t]/g, '');
		expect(raw).toContain('SUMMARY:THR1001: Commas\\, semicolons\\; a back\\\\slash & <angle> brackets\\nand a second line');
	});

	it("takes SEQUENCE, DTSTAMP and LAST-MODIFIED from the content's git history", () => {
		// test/support/builds.ts commits the fixture on 2020-01-01 12:00 UTC and SOYS10's abstract again on
		// 2020-01-02 12:00 UTC; every event depends on its session's, city's, speakers', tracks and event files.
		// SEQUENCE is seconds from 2000-01-01: 631195200 is 2020-01-01 12:00 UTC.
		let edited = 0;
		let others = 0;
		for (const file of icsFiles(basic)) {
			for (const event of parseCalendar(readBuilt(basic, file)).events) {
				const twice = event.summary.startsWith('SOYS10: ');
				const expected = twice
					? { sequence: 631281600, dtstamp: 'DTSTAMP:20200102T120000Z', lastModified: 'LAST-MODIFIED:20200102T120000Z' }
					: { sequence: 631195200, dtstamp: 'DTSTAMP:20200101T120000Z', lastModified: 'LAST-MODIFIED:20200101T120000Z' };
				expect({ sequence: event.sequence, dtstamp: event.dtstamp, lastModified: event.lastModified }, `${file} ${event.uid}`).toEqual(
					expected,
				);
				if (twice) edited++;
				else others++;
			}
		}
		expect(edited).toBeGreaterThan(0);
		expect(others).toBeGreaterThan(0);
		const raw = readBuilt(basic, 'cities/sydney/sessions/soys10.ics');
		expect(raw).toContain('\r\nSEQUENCE:631281600\r\n');
		expect(raw).toContain('\r\nDTSTAMP:20200102T120000Z\r\n');
	});

	it('includes every fixture delivery in some city feed', () => {
		const uids = new Set(
			basicCatalog.cities.flatMap((city) =>
				parseCalendar(readBuilt(basic, `cities/${city.id}/calendar.ics`)).events.map((event) => event.uid),
			),
		);
		expect(uids).toEqual(new Set(basicCatalog.deliveries.map((delivery) => delivery.uid)));
	});
});
