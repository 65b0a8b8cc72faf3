import { describe, expect, inject, it } from 'vitest';
import { sequenceAt } from '../../src/calendar/revisions';
import type { FrabEvent, FrabSchedule } from '../../src/exports/frab';
import { listFiles, readBuilt, run, type BuildResult } from '../support/builds';
import { historySteps } from '../support/history';
import { parseCalendar, type ParsedEvent } from '../support/ics';

/**
 * Issue 9's walk through a changing schedule (test/support/history.ts): one real build per commit of the
 * history fixture, each compared with the build of the commit before.
 */
const { steps, shallow, shallowAllowed } = inject('history');
const at = (name: string): BuildResult => {
	const index = historySteps.findIndex((step) => step.name === name);
	const build = steps[index];
	if (!build) throw new Error(`no history step ${name}`);
	return build;
};
const events = (build: BuildResult, file = 'cities/sydney/calendar.ics'): Map<string, ParsedEvent> =>
	new Map(parseCalendar(readBuilt(build, file)).events.map((event) => [event.uid, event]));

const first = 'SOYS10-sydney-1@history.example.org';
const second = 'SOYS10-sydney-2@history.example.org';
const soys20 = 'SOYS20-sydney-1@history.example.org';

describe('calendars that follow a changing schedule (test/fixtures/history, one build per commit)', () => {
	it('builds every commit of the walk', () => {
		for (const build of steps) expect(build.exitCode, `${build.name}\n${build.output}`).toBe(0);
		expect(steps.map((build) => build.name)).toEqual(historySteps.map((step, index) => `history-${index}-${step.name}`));
	});

	it.each(historySteps.map((step) => step.name))('keeps every UID after "%s"', (name) => {
		expect([...events(at(name)).keys()].sort()).toEqual([first, second, soys20]);
		expect([...events(at(name), 'cities/sydney/sessions/soys10.ics').keys()]).toEqual([first, second]);
	});

	// For each commit: the events whose text or time changed get a higher SEQUENCE; none gets a lower one.
	const rises: readonly [string, readonly string[]][] = [
		['move', [first, second, soys20]], // the city file: every event of the city
		['remove-speaker', [first, second]], // SOYS10's file
		['rename', [soys20]], // SOYS20's file
		['sub-folder', [first, second, soys20]], // both session files moved
		['cancel', [first, second, soys20]], // the city file
		['new-host', [first, second, soys20]], // event.yaml: the URL in every event
	];
	it.each(rises)('raises SEQUENCE after "%s" for exactly the events that changed, and lowers none', (name, raised) => {
		const index = historySteps.findIndex((step) => step.name === name);
		const before = events(steps[index - 1] as BuildResult);
		const after = events(at(name));
		for (const [uid, event] of after) {
			const previous = before.get(uid);
			if (!previous) throw new Error(`${uid} missing before ${name}`);
			if (raised.includes(uid)) expect(event.sequence, uid).toBeGreaterThan(previous.sequence);
			else expect(event.sequence, uid).toBe(previous.sequence);
			// DTSTAMP and LAST-MODIFIED follow: the time of the change, which SEQUENCE counts in seconds from 2000.
			expect(event.lastModified.replace('LAST-MODIFIED:', ''), uid).toBe(event.dtstamp.replace('DTSTAMP:', ''));
		}
		const step = historySteps[index];
		const moved = after.get(raised[0] ?? '');
		expect(moved?.sequence).toBe(sequenceAt(new Date(step?.date ?? '')));
	});

	it('puts the moved delivery at its new instant and room, read by ical.js', () => {
		expect(events(at('publish')).get(first)?.start.toISOString()).toBe('2020-02-12T22:00:00.000Z');
		const moved = events(at('move')).get(first);
		expect(moved?.start.toISOString()).toBe('2020-02-13T00:00:00.000Z'); // 11:00 AEDT
		expect(moved?.location).toMatch(/^Room C, /);
		expect(events(at('move'), 'cities/sydney/sessions/soys10-1.ics').get(first)?.start.toISOString()).toBe('2020-02-13T00:00:00.000Z');
	});

	it('takes the new title and speakers into the events', () => {
		expect(events(at('rename')).get(soys20)?.summary).toBe('SOYS20: Intranets that people read');
		expect(events(at('move')).get(first)?.description).toContain('Grace Hopper');
		expect(events(at('remove-speaker')).get(first)?.description).not.toContain('Grace Hopper');
	});

	it('keeps the cancelled delivery in every file with STATUS:CANCELLED, and only that one', () => {
		for (const name of ['cancel', 'new-host']) {
			for (const file of ['cities/sydney/calendar.ics', 'cities/sydney/sessions/soys10.ics', 'cities/sydney/sessions/soys10-2.ics']) {
				expect(events(at(name), file).get(second)?.status, `${name} ${file}`).toBe('CANCELLED');
			}
			expect(events(at(name)).get(first)?.status).toBe('CONFIRMED');
		}
		expect(events(at('sub-folder')).get(second)?.status).toBe('CONFIRMED');
	});

	it('shows the cancelled delivery struck through with "Cancelled" on the city and session pages', () => {
		const city = readBuilt(at('cancel'), 'cities/sydney/index.html');
		expect(city).toMatch(
			/<s[^>]*>\s*<span class="range"[^>]*><time datetime="2020-02-13T22:00:00.000Z"[^>]*>09:00<\/time>–<time[^>]*>09:45<\/time><\/span>\s*<\/s>/,
		);
		expect(city).toMatch(/<strong class="cancelled-note"[^>]*>Cancelled<\/strong>/);
		const session = readBuilt(at('cancel'), 'sessions/soys10/index.html');
		expect(session).toMatch(/<strong class="cancelled-note"[^>]*>Cancelled<\/strong>/);
		expect(session.match(/class="cancelled-note"/g)).toHaveLength(1);
		// The cancelled delivery offers only its file, which marks the imported event cancelled.
		expect(session).toContain('Update your calendar');
		expect(readBuilt(at('sub-folder'), 'sessions/soys10/index.html')).not.toContain('cancelled-note');
	});

	it("drops the cancelled delivery from the frab schedule, and keeps the others' guid, id and code", () => {
		const schedule = (build: BuildResult) =>
			(JSON.parse(readBuilt(build, 'cities/sydney/schedule.json')) as FrabSchedule).schedule.conference.days.flatMap((day) =>
				Object.values(day.rooms).flat(),
			);
		const identity = (event: FrabEvent) => [event.slug, event.guid, event.id, event.code].join(' ');
		const published = schedule(at('publish')).map(identity).sort();
		expect(published).toHaveLength(3);
		const cancelled = schedule(at('new-host')).map(identity).sort();
		expect(cancelled).toHaveLength(2);
		for (const event of cancelled) expect(published).toContain(event);
	});

	// The change list, newest first, after each commit of the walk (the city file changes at "move" and "cancel").
	const moved = 'SOYS10 moved from 09:00 to 11:00 on Thu, 13 Feb 2020, and to room Room C (was Room A)';
	const cancelled = 'SOYS10 at 09:00 on Fri, 14 Feb 2020 cancelled';
	const changeLists: readonly [string, readonly string[]][] = [
		['publish', []],
		['move', [moved]],
		['remove-speaker', [moved]],
		['rename', [moved]],
		['sub-folder', [moved]],
		['cancel', [cancelled, moved]],
		['new-host', [cancelled, moved]],
	];
	it.each(changeLists)('lists the changes since publication after "%s", on the city page and in its Atom feed', (name, expected) => {
		const feed = readBuilt(at(name), 'cities/sydney/changes.xml');
		const titles = [...feed.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]);
		expect(titles).toEqual(expected);
		expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
		const page = readBuilt(at(name), 'cities/sydney/index.html');
		for (const text of expected) expect(page).toContain(text);
		expect(page.includes('Changes since the agenda was published')).toBe(expected.length > 0);
		expect(page).toContain('href="/cities/sydney/changes.xml"');
	});

	it('moves the site to another host without touching a UID (event.uidDomain keeps the old one)', () => {
		const event = events(at('new-host')).get(first);
		expect(event?.url).toBe('https://tour.example.net/sessions/soys10/');
	});

	it('writes every calendar file of every step so that ical.js reads it, with the same instants under every TZ', () => {
		for (const build of steps) {
			for (const file of listFiles(build.outDir).filter((name) => name.endsWith('.ics'))) {
				expect(parseCalendar(readBuilt(build, file)).events.length, `${build.name} ${file}`).toBeGreaterThan(0);
			}
		}
	});

	it('stops a CI build of a shallow clone with a message that says what to do, and builds it when told to; the check agrees', async () => {
		const check = await run(process.execPath, ['scripts/check-content.mjs'], {
			CI: 'true',
			ROADSHOW_CONTENT_DIR: 'test/.builds/history-shallow/content',
		});
		expect(check.exitCode).toBe(1);
		expect(check.output).toContain('the git clone of the content is shallow');
		expect(shallow.exitCode).not.toBe(0);
		expect(shallow.output).toContain('the git clone of the content is shallow');
		expect(shallow.output).toContain('fetch-depth: 0');
		expect(shallow.output).toContain('ROADSHOW_ALLOW_SHALLOW_CLONE=1');
		expect(shallow.output).not.toMatch(/^\s+at \S+ \(/m);
		expect(shallowAllowed.exitCode, shallowAllowed.output).toBe(0);
		// Every delivery that is on says so (STATUS:CONFIRMED), so a cancellation taken back reaches calendars.
		expect(events(at('new-host')).get(first)?.status).toBe('CONFIRMED');
		expect(shallowAllowed.output).toContain('the git clone of the content is shallow');
	});
});
