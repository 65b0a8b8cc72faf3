import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../src/catalog';
import { calendarText } from '../../src/calendar/ics';
import { readRevisions, sequenceAt, shallowHistoryProblem, uncommittedFiles, type RevisionIndex } from '../../src/calendar/revisions';
import { deliveryLinks, feedLinks } from '../../src/presentation/calendar-links';
import { parseCalendar } from '../support/ics';
import { cityFields, line, tour } from './source-builder';

const fixedRevisions: RevisionIndex = { of: () => ({ sequence: 3, lastModified: new Date('2020-01-02T03:04:05Z') }) };

function sydneyCalendar(catalog: Catalog): string {
	const sydney = catalog.cityById.get('sydney');
	if (!sydney) throw new Error('no sydney');
	return calendarText({
		title: 'Test Tour – Sydney',
		timeZone: sydney.timezone,
		deliveries: sydney.deliveries,
		siteUrl: 'https://tour.example.org',
		revisions: fixedRevisions,
		tracksFile: 'content/tracks.yaml',
		eventFile: 'content/event.yaml',
	});
}

describe('calendarText', () => {
	const originalTz = process.env['TZ'];
	afterEach(() => {
		if (originalTz === undefined) delete process.env['TZ'];
		else process.env['TZ'] = originalTz;
	});

	it('puts SOYS10 in Sydney at 09:00 AEDT (22:00 UTC the day before) for an independent parser', () => {
		const text = sydneyCalendar(buildCatalog(tour().build()));
		const { events } = parseCalendar(text);
		const soys10 = events.find((event) => event.uid.startsWith('SOYS10-'));
		expect(soys10?.uid).toBe('SOYS10-sydney-1@tour.example.org');
		expect(soys10?.start.toISOString()).toBe('2020-02-12T22:00:00.000Z');
		expect(soys10?.end.toISOString()).toBe('2020-02-12T22:45:00.000Z');
		expect(text).toContain('DTSTART;TZID=Australia/Sydney:20200213T090000');
	});

	it('writes the revision as SEQUENCE, LAST-MODIFIED and DTSTAMP, in UTC', () => {
		const text = sydneyCalendar(buildCatalog(tour().build()));
		expect(text).toContain('SEQUENCE:3\r\n');
		expect(text).toContain('DTSTAMP:20200102T030405Z\r\n');
		expect(text).toContain('LAST-MODIFIED:20200102T030405Z\r\n');
	});

	it('gives the same bytes whatever the process TZ is', () => {
		process.env['TZ'] = 'UTC';
		const utc = sydneyCalendar(buildCatalog(tour().build()));
		process.env['TZ'] = 'America/Los_Angeles';
		const losAngeles = sydneyCalendar(buildCatalog(tour().build()));
		process.env['TZ'] = 'Asia/Tokyo';
		const tokyo = sydneyCalendar(buildCatalog(tour().build()));
		expect(losAngeles).toBe(utc);
		expect(tokyo).toBe(utc);
	});

	it('writes the same local times on build machines whose own clocks change near the events', () => {
		// Events on the nights clocks change in their zones, built on machines whose zones change on other nights.
		const source = tour()
			.addCity('london', {
				...cityFields('London', 'United Kingdom', 'Europe/London', '2020-10-24', '2020-10-26'),
				agenda: [line('SOYS10', '2020-10-25', '02:30', 'Main Hall'), line('SOYS20', '2020-10-25', '00:30', 'Main Hall')],
			})
			.addCity('auckland', {
				...cityFields('Auckland', 'New Zealand', 'Pacific/Auckland', '2020-04-04', '2020-04-06'),
				agenda: [line('THR1001', '2020-04-05', '03:30', 'Main Hall')],
			})
			.addCity('new-york', {
				...cityFields('New York', 'United States', 'America/New_York', '2020-03-07', '2020-03-09'),
				agenda: [line('WRK1001', '2020-03-08', '03:30', 'Main Hall')],
			});
		const calendars = () => {
			const catalog = buildCatalog(source.build());
			return catalog.cities.map((city) =>
				calendarText({
					title: city.name,
					timeZone: city.timezone,
					deliveries: city.deliveries,
					siteUrl: 'https://tour.example.org',
					revisions: fixedRevisions,
					tracksFile: 'content/tracks.yaml',
					eventFile: 'content/event.yaml',
				}),
			);
		};
		process.env['TZ'] = 'UTC';
		const expected = calendars();
		expect(expected.join('')).toContain('DTSTART;TZID=Europe/London:20201025T023000');
		expect(expected.join('')).toContain('DTSTART;TZID=Pacific/Auckland:20200405T033000');
		expect(expected.join('')).toContain('DTSTART;TZID=America/New_York:20200308T033000');
		for (const machine of [
			'Europe/Berlin',
			'America/Chicago',
			'Pacific/Chatham',
			'Australia/Lord_Howe',
			'Asia/Tokyo',
			'America/St_Johns',
		]) {
			process.env['TZ'] = machine;
			expect(calendars(), machine).toEqual(expected);
		}
	});

	it('escapes commas, semicolons, backslashes and newlines so they survive a round trip', () => {
		const title = 'Commas, semicolons; a back\\slash\nand a second line';
		const catalog = buildCatalog(
			tour()
				.withSession('SOYS10', (session) => ({ ...session, title }))
				.build(),
		);
		const text = sydneyCalendar(catalog);
		expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:SOYS10: Commas\\, semicolons\\; a back\\\\slash\\nand a second line');
		expect(parseCalendar(text).events.find((event) => event.uid.startsWith('SOYS10-'))?.summary).toBe(`SOYS10: ${title}`);
	});

	it('folds long lines at 75 octets without splitting a multi-byte character', () => {
		const title = 'Zusammenarbeit über Grenzen – Größe, Übersicht und Qualität für alle Teams weltweit';
		const text = sydneyCalendar(
			buildCatalog(
				tour()
					.withSession('SOYS10', (session) => ({ ...session, title }))
					.build(),
			),
		);
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		expect(text).not.toContain('\uFFFD');
		expect(parseCalendar(text).events.find((event) => event.uid.startsWith('SOYS10-'))?.summary).toBe(`SOYS10: ${title}`);
	});
});

describe('readRevisions (git history of the content)', () => {
	const identity = {
		GIT_AUTHOR_NAME: 'Editor',
		GIT_AUTHOR_EMAIL: 'editor@example.org',
		GIT_COMMITTER_NAME: 'Editor',
		GIT_COMMITTER_EMAIL: 'editor@example.org',
	};
	// GIT_DIR and friends (set when tests run from a git hook) would point these commands at the project's own repository.
	const outsideGit = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
	// Nor may the machine's or the user's git config (commit signing, hooks) change what these commands do.
	const noConfig = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
	function git(dir: string, args: string[], env: Record<string, string> = {}): void {
		execFileSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...outsideGit, ...noConfig, ...identity, ...env } });
	}
	const scratchFolders: string[] = [];
	function scratch(prefix: string): string {
		const dir = mkdtempSync(join(tmpdir(), prefix));
		scratchFolders.push(dir);
		return dir;
	}
	afterAll(() => {
		for (const dir of scratchFolders) rmSync(dir, { recursive: true, force: true });
	});
	function commit(dir: string, file: string, text: string, when: string): void {
		writeFileSync(join(dir, file), text);
		git(dir, ['add', '-A']);
		git(dir, ['commit', '-q', '-m', `edit ${file}`], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
	}

	it("raises SEQUENCE and LAST-MODIFIED only when a file behind the event is committed again, to the commit's time", () => {
		const dir = scratch('roadshow-revisions-');
		mkdirSync(join(dir, 'content/sessions'), { recursive: true });
		mkdirSync(join(dir, 'content/cities'), { recursive: true });
		git(dir, ['init', '-q']);
		commit(dir, 'content/sessions/SOYS10.mdx', 'v1', '2020-01-01T10:00:00Z');
		commit(dir, 'content/cities/sydney.mdx', 'v1', '2020-01-02T10:00:00Z');
		const files = ['content/sessions/SOYS10.mdx', 'content/cities/sydney.mdx'];
		const first = readRevisions(dir, 'content').of(files);
		expect(first).toEqual({ sequence: sequenceAt(new Date('2020-01-02T10:00:00Z')), lastModified: new Date('2020-01-02T10:00:00Z') });

		commit(dir, 'content/sessions/SOYS20.mdx', 'another session', '2020-01-03T10:00:00Z');
		expect(readRevisions(dir, 'content').of(files)).toEqual(first);

		commit(dir, 'content/sessions/SOYS10.mdx', 'v2: new title', '2020-01-04T10:00:00Z');
		expect(readRevisions(dir, 'content').of(files)).toEqual({
			sequence: sequenceAt(new Date('2020-01-04T10:00:00Z')),
			lastModified: new Date('2020-01-04T10:00:00Z'),
		});
	});

	it('reads the history of a content folder that is its own repository, nested in another folder', () => {
		// The project is a repository too, whose history must not count: content kept in a separate repository or a submodule.
		const dir = scratch('roadshow-nested-');
		const content = join(dir, 'sites/tour/content');
		mkdirSync(join(content, 'sessions'), { recursive: true });
		mkdirSync(join(content, 'cities'), { recursive: true });
		git(dir, ['init', '-q']);
		commit(dir, 'README.md', 'the project', '2021-06-01T10:00:00Z');
		git(content, ['init', '-q']);
		commit(content, 'sessions/SOYS10.mdx', 'v1', '2020-01-01T10:00:00Z');
		commit(content, 'cities/sydney.mdx', 'v1', '2020-01-02T10:00:00Z');
		commit(content, 'sessions/SOYS10.mdx', 'v2: new title', '2020-01-04T10:00:00Z');
		const session = 'sites/tour/content/sessions/SOYS10.mdx';
		const city = 'sites/tour/content/cities/sydney.mdx';
		const revisions = readRevisions(dir, 'sites/tour/content');
		expect(revisions.of([session])).toEqual({
			sequence: sequenceAt(new Date('2020-01-04T10:00:00Z')),
			lastModified: new Date('2020-01-04T10:00:00Z'),
		});
		expect(revisions.of([city])).toEqual({
			sequence: sequenceAt(new Date('2020-01-02T10:00:00Z')),
			lastModified: new Date('2020-01-02T10:00:00Z'),
		});
		expect(revisions.of([session, city])).toEqual({
			sequence: sequenceAt(new Date('2020-01-04T10:00:00Z')),
			lastModified: new Date('2020-01-04T10:00:00Z'),
		});
		// The folder as a user may write it in ROADSHOW_CONTENT_DIR.
		expect(readRevisions(dir, './sites/tour/content/').of([session, city])).toEqual({
			sequence: sequenceAt(new Date('2020-01-04T10:00:00Z')),
			lastModified: new Date('2020-01-04T10:00:00Z'),
		});
	});

	it('dates a change made on a branch when it is merged, so the deployed calendar sees it as newer', () => {
		const dir = scratch('roadshow-merge-');
		mkdirSync(join(dir, 'content/sessions'), { recursive: true });
		mkdirSync(join(dir, 'content/cities'), { recursive: true });
		git(dir, ['init', '-q', '-b', 'main']);
		commit(dir, 'content/sessions/SOYS20.mdx', 'v1', '2020-01-10T10:00:00Z');
		git(dir, ['checkout', '-q', '-b', 'retitle']);
		commit(dir, 'content/sessions/SOYS20.mdx', 'v2: new title', '2020-01-11T10:00:00Z');
		git(dir, ['checkout', '-q', 'main']);
		commit(dir, 'content/cities/sydney.mdx', 'v1', '2020-01-12T10:00:00Z');
		const merged = '2020-01-13T10:00:00Z';
		git(dir, ['merge', '-q', '--no-ff', '-m', 'Merge retitle', 'retitle'], { GIT_AUTHOR_DATE: merged, GIT_COMMITTER_DATE: merged });
		expect(readRevisions(dir, 'content').of(['content/sessions/SOYS20.mdx']).lastModified).toEqual(new Date(merged));
		expect(readRevisions(dir, 'content').of(['content/cities/sydney.mdx']).lastModified).toEqual(new Date('2020-01-12T10:00:00Z'));
	});

	it('counts a commit whose clock is behind, or in the same second, one second after the commit before it', () => {
		const dir = scratch('roadshow-skew-');
		mkdirSync(join(dir, 'content/sessions'), { recursive: true });
		git(dir, ['init', '-q']);
		commit(dir, 'content/sessions/A.mdx', 'v1', '2020-01-10T10:00:00Z');
		commit(dir, 'content/sessions/B.mdx', 'v1', '2020-01-10T10:00:00Z');
		commit(dir, 'content/sessions/C.mdx', 'v1', '2020-01-09T10:00:00Z');
		const revisions = readRevisions(dir, 'content');
		const sequences = ['A', 'B', 'C'].map((name) => revisions.of([`content/sessions/${name}.mdx`]).sequence);
		expect(sequences).toEqual([0, 1, 2].map((step) => sequenceAt(new Date('2020-01-10T10:00:00Z')) + step));
	});

	it('takes a later time than its last commit for a file with uncommitted changes', () => {
		const dir = scratch('roadshow-dirty-');
		mkdirSync(join(dir, 'content/cities'), { recursive: true });
		git(dir, ['init', '-q']);
		commit(dir, 'content/cities/sydney.mdx', 'v1', '2020-01-10T10:00:00Z');
		writeFileSync(join(dir, 'content/cities/sydney.mdx'), 'v2, not committed');
		utimesSync(join(dir, 'content/cities/sydney.mdx'), new Date('2019-01-01T00:00:00Z'), new Date('2019-01-01T00:00:00Z'));
		expect(uncommittedFiles(dir, 'content')).toEqual(new Set(['content/cities/sydney.mdx']));
		expect(readRevisions(dir, 'content').of(['content/cities/sydney.mdx']).lastModified).toEqual(new Date('2020-01-10T10:00:01Z'));
	});

	it('counts SEQUENCE in seconds from 2000-01-01 UTC, so that a later change always gives a higher number', () => {
		expect(sequenceAt(new Date('2000-01-01T00:00:00Z'))).toBe(0);
		expect(sequenceAt(new Date('2020-02-13T09:00:00Z'))).toBe(634_899_600);
		expect(sequenceAt(new Date('2068-01-19T03:14:07Z'))).toBeLessThan(2 ** 31);
	});

	it('stops a CI build from a shallow clone unless told to go on, and warns elsewhere', () => {
		const origin = scratch('roadshow-origin-');
		mkdirSync(join(origin, 'content'), { recursive: true });
		git(origin, ['init', '-q']);
		commit(origin, 'content/a.mdx', 'v1', '2020-01-01T10:00:00Z');
		commit(origin, 'content/a.mdx', 'v2', '2020-01-02T10:00:00Z');
		const clone = join(scratch('roadshow-shallow-'), 'site');
		git(origin, ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
		expect(shallowHistoryProblem(clone, 'content', { CI: 'true' })).toMatchObject({ fatal: true });
		expect(shallowHistoryProblem(clone, 'content', { CI: 'true' })?.message).toContain('fetch-depth: 0');
		expect(shallowHistoryProblem(clone, 'content', { CI: 'true', ROADSHOW_ALLOW_SHALLOW_CLONE: '1' })).toMatchObject({ fatal: false });
		expect(shallowHistoryProblem(clone, 'content', {})).toMatchObject({ fatal: false });
		expect(shallowHistoryProblem(origin, 'content', { CI: 'true' })).toBeUndefined();
	});

	it('falls back to the file time outside a git repository', () => {
		const dir = scratch('roadshow-no-git-');
		mkdirSync(join(dir, 'content'), { recursive: true });
		writeFileSync(join(dir, 'content/a.mdx'), 'x');
		const revision = readRevisions(dir, 'content').of(['content/a.mdx']);
		expect(revision.sequence).toBe(sequenceAt(revision.lastModified));
		expect(revision.lastModified.getTime() % 1000).toBe(0);
		expect(revision.lastModified.getTime()).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
	});
});

describe('Add to calendar links', () => {
	const catalog = buildCatalog(tour().build());
	const delivery = catalog.cityById.get('sydney')?.deliveries[0];
	if (!delivery) throw new Error('no delivery');

	it('sends Google Calendar the UTC instants and the city zone', () => {
		const google = new URL(deliveryLinks(delivery, '/cities/sydney/sessions/soys10.ics', 'https://tour.example.org')[1]?.href ?? '');
		expect(google.host).toBe('calendar.google.com');
		expect(google.searchParams.get('dates')).toBe('20200212T220000Z/20200212T224500Z');
		expect(google.searchParams.get('ctz')).toBe('Australia/Sydney');
		expect(google.searchParams.get('text')).toBe('SOYS10: Content collaboration and protection');
		expect(google.searchParams.get('details')).toContain('https://tour.example.org/sessions/soys10/');
	});

	it('gives web calendars a short description and the page address, not the whole abstract', () => {
		const [, google, outlook] = deliveryLinks(delivery, '/x.ics', 'https://tour.example.org');
		for (const link of [google, outlook]) {
			const url = new URL(link?.href ?? '');
			const details = url.searchParams.get('details') ?? url.searchParams.get('body') ?? '';
			const [summary = '', address] = details.split('\n\n');
			expect(summary.length).toBeLessThanOrEqual(160);
			expect(summary.length).toBeGreaterThan(0);
			expect(delivery.session.abstract.replace(/\s+/g, ' ')).toContain(summary.replace(/…$/, '').replace(/\s+/g, ' '));
			expect(address).toBe('https://tour.example.org/sessions/soys10/');
		}
	});

	it('sends Outlook on the web ISO instants', () => {
		const outlook = new URL(deliveryLinks(delivery, '/x.ics', 'https://tour.example.org')[2]?.href ?? '');
		expect(outlook.searchParams.get('startdt')).toBe('2020-02-12T22:00:00Z');
		expect(outlook.searchParams.get('enddt')).toBe('2020-02-12T22:45:00Z');
		expect(outlook.searchParams.get('location')).toBe('Darling Harbour Theatre, ICC Sydney, 14 Darling Drive, Sydney NSW 2000');
	});

	it('offers a feed as a download, a webcal subscription and an Android-safe Google subscription', () => {
		const links = feedLinks('/cities/sydney/calendar.ics', 'Test Tour – Sydney', 'https://tour.example.org');
		expect(links.map((link) => link.href.split('?')[0])).toEqual([
			'/cities/sydney/calendar.ics',
			'webcal://tour.example.org/cities/sydney/calendar.ics',
			'https://calendar.google.com/calendar/render',
			'https://outlook.live.com/calendar/0/addfromweb',
			'https://outlook.office.com/calendar/0/addfromweb',
		]);
		expect(new URL(links[2]?.href ?? '').searchParams.get('cid')).toBe('webcal://tour.example.org/cities/sydney/calendar.ics');
		expect(new URL(links[3]?.href ?? '').searchParams.get('url')).toBe('https://tour.example.org/cities/sydney/calendar.ics');
	});
});
