import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build';
import { facetId } from '../../src/catalog/facet-ids';
import { CatalogError, type Problem } from '../../src/catalog/errors';
import type { CatalogSource } from '../../src/catalog/types';
import { cityFields, line, tour, type CityFields, type TourSource } from './source-builder';

// Every rule of "Errors editors see" (docs/architecture.md): each test makes one mistake in an otherwise valid tour
// and checks the file, the field and the words the editor reads.

interface Expected {
	readonly file: string;
	readonly field: string;
	/** A part of the message that tells what is wrong and what would be right. */
	readonly message: string;
}

function refusal(source: TourSource): CatalogError {
	return refusalOf(source.build());
}

/** For mistakes the tour builder cannot write (two files with one id, a body): the source itself. */
function refusalOf(source: CatalogSource): CatalogError {
	try {
		buildCatalog(source);
	} catch (error) {
		if (error instanceof CatalogError) return error;
		throw error;
	}
	throw new Error('the catalog accepted content it should have refused');
}

/** The line `npm run check` prints for a problem, written out here rather than taken from the code under test. */
function printed(problem: Problem): string {
	return problem.field ? `${problem.file}: ${problem.field}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

function matching(expected: readonly Expected[]) {
	return expected.map(({ file, field, message }) => ({ file, field, message: expect.stringContaining(message) }));
}

function expectListed(error: CatalogError, problems: readonly Problem[]): void {
	for (const problem of problems) expect(error.message).toContain(`\n${printed(problem)}`);
}

/** The content is refused with exactly these problems, each printed as `file: field: message`. */
function expectProblems(source: TourSource, ...expected: Expected[]): readonly Problem[] {
	const error = refusal(source);
	expect(error.problems).toEqual(matching(expected));
	expectListed(error, error.problems);
	return error.problems;
}

/** The content is refused, and exactly these problems are about `file` (others may follow from them). */
function expectProblemsIn(source: TourSource, file: string, ...expected: Omit<Expected, 'file'>[]): readonly Problem[] {
	const error = refusal(source);
	const inFile = error.problems.filter((problem) => problem.file === file);
	expect(inFile).toEqual(matching(expected.map((problem) => ({ file, ...problem }))));
	expectListed(error, inFile);
	return inFile;
}

const toronto = 'content/cities/toronto.mdx';
const sydney = 'content/cities/sydney.mdx';
const chicago = 'content/cities/chicago.mdx';
const soys10 = 'content/sessions/SOYS10.mdx';
const soysPath = 'content/paths/soys.mdx';

describe('the test tour', () => {
	it('is valid as it is, so each test below makes exactly one mistake', () => {
		expect(() => buildCatalog(tour().build())).not.toThrow();
	});
});

describe('references between files', () => {
	it('refuses an unknown session code in an agenda and suggests the closest code', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS99', '2020-01-08', '11:00', 'Hall A'));
		});
		const [problem] = expectProblems(source, {
			file: toronto,
			field: 'agenda[1].session',
			message: 'unknown session "SOYS99"; did you mean "SOYS10"?',
		});
		expect(problem?.message).toBe('unknown session "SOYS99"; did you mean "SOYS10"?');
	});

	it('suggests the code an editor meant when two digits are swapped (SOYS01 → SOYS10)', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('soys01', '2020-01-08', '11:00', 'Hall A'));
		});
		expectProblems(source, { file: toronto, field: 'agenda[1].session', message: 'unknown session "soys01"; did you mean "SOYS10"?' });
	});

	it('names a known code when nothing is close (XYZ123456)', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('XYZ123456', '2020-01-08', '11:00', 'Hall A'));
		});
		expectProblems(source, { file: toronto, field: 'agenda[1].session', message: 'unknown session "XYZ123456" (known codes look like ' });
	});

	it('refuses an unknown session code in a learning path', () => {
		const source = tour().withPath('soys', (path) => {
			path.sessions.push('SOYS99');
		});
		expectProblems(source, { file: soysPath, field: 'sessions[2]', message: 'unknown session "SOYS99"; did you mean "SOYS10"?' });
	});

	it('accepts session codes in any case in agendas and paths', () => {
		const source = tour()
			.withPath('soys', (path) => ({ ...path, sessions: ['soys10', 'Soys20'] }))
			.withCity('toronto', (city) => {
				city.agenda.push(line('thr1001', '2020-01-08', '11:00', 'Hall A'));
			});
		const catalog = buildCatalog(source.build());
		expect(catalog.pathById.get('soys')?.sessions.map((session) => session.code)).toEqual(['SOYS10', 'SOYS20']);
		expect(catalog.cityById.get('toronto')?.deliveries.map((delivery) => delivery.session.code)).toEqual(['SOYS10', 'THR1001']);
	});

	it('refuses an unknown track and suggests the closest track id', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, track: 'colaboration' }));
		expectProblemsIn(source, soys10, { field: 'track', message: 'unknown track "colaboration"; did you mean "collaboration"?' });
	});

	it('refuses an unknown track far from any id by listing the ids of tracks.yaml', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, track: 'security' }));
		expectProblemsIn(source, soys10, {
			field: 'track',
			message: 'unknown track "security"; use one from content/tracks.yaml (known: collaboration, intranet)',
		});
	});

	it('does not report a session that has its own mistake as "unknown" wherever it is used', () => {
		// One typo in SOYS10.mdx should give one problem, not one more in every city and path using SOYS10.
		const source = tour().withSession('SOYS10', (session) => ({ ...session, track: 'colaboration' }));
		expectProblems(source, { file: soys10, field: 'track', message: 'unknown track "colaboration"' });
	});

	it('refuses an unknown speaker and suggests the closest speaker id', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, speakers: ['megan-okafr'] }));
		expectProblems(source, { file: soys10, field: 'speakers[0]', message: 'unknown speaker "megan-okafr"; did you mean "megan-okafor"?' });
	});

	it('refuses a speaker listed twice on one session', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, speakers: ['megan-okafor', 'megan-okafor'] }));
		expectProblems(source, { file: soys10, field: 'speakers[1]', message: '"megan-okafor" is listed twice; list each speaker once' });
	});

	it("refuses an unknown learning path id in a city's paths", () => {
		const source = tour().withCity('sydney', (city) => ({ ...city, paths: ['soys', 'sois'] }));
		expectProblems(source, { file: sydney, field: 'paths[1]', message: 'unknown learning path "sois"; did you mean "soys"?' });
	});

	it('refuses an unknown learning path id far from any id by listing the folder and the ids', () => {
		const source = tour().withCity('sydney', (city) => ({ ...city, paths: ['intranet'] }));
		expectProblems(source, { file: sydney, field: 'paths[0]', message: 'use one from content/paths/ (known: soys)' });
	});

	it("refuses a learning path listed twice in a city's paths", () => {
		const source = tour().withCity('sydney', (city) => ({ ...city, paths: ['soys', 'soys'] }));
		expectProblems(source, { file: sydney, field: 'paths[1]', message: '"soys" is listed twice; list each learning path once' });
	});

	it('refuses a session listed twice in a learning path', () => {
		const source = tour().withPath('soys', (path) => ({ ...path, sessions: ['SOYS10', 'SOYS20', 'soys10'] }));
		expectProblems(source, { file: soysPath, field: 'sessions[2]', message: 'SOYS10 is listed twice; list each session once' });
	});

	it("refuses a room that is not in the city's rooms and suggests the closest one", () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '11:00', 'Hall B'));
		});
		expectProblems(source, { file: toronto, field: 'agenda[1].room', message: 'unknown room "Hall B"; did you mean "Hall A"?' });
	});

	it("refuses a room far from any room of the city by listing the city's rooms", () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '11:00', 'Ballroom 7'));
		});
		expectProblems(source, {
			file: toronto,
			field: 'agenda[1].room',
			message: 'unknown room "Ballroom 7"; use one from the rooms list of this city (known: Hall A, Expo Theatre)',
		});
	});

	it('refuses a room listed twice in a city', () => {
		const source = tour().withCity('toronto', (city) => ({ ...city, rooms: ['Hall A', 'Expo Theatre', 'Hall A'] }));
		expectProblems(source, { file: toronto, field: 'rooms[2]', message: 'room "Hall A" is listed twice; list each room once' });
	});

	it('refuses two rooms whose names differ only in case or spaces, which would hide an overlap', () => {
		const source = tour().withCity('toronto', (city) => ({ ...city, rooms: ['Hall A', 'Expo Theatre', 'hall  a'] }));
		expectProblems(source, {
			file: toronto,
			field: 'rooms[2]',
			message: 'room "hall  a" differs from room "Hall A" only in case or spaces; use one spelling for one room',
		});
	});

	it('refuses a city that offers a learning path whose sessions are not all on its agenda', () => {
		const source = tour().withCity('toronto', (city) => ({ ...city, paths: ['soys'] }));
		const [problem] = expectProblems(source, {
			file: toronto,
			field: 'paths[0]',
			message: 'offers learning path "soys" but SOYS20 is not on the agenda',
		});
		expect(problem?.message).toBe(
			'offers learning path "soys" but SOYS20 is not on the agenda; add it to the agenda or remove "soys" from paths',
		);
	});

	it('does not call a path session missing from the agenda when its agenda line has a bad time', () => {
		// SOYS10 is on Chicago's agenda; the editor has one thing to fix, its start.
		const source = tour().withCity('chicago', (city) => {
			const [first, ...rest] = city.agenda;
			if (first) city.agenda = [{ ...first, start: 540 }, ...rest];
		});
		expectProblems(source, { file: chicago, field: 'agenda[0].start', message: 'is the number 540, not a time' });
	});

	it('does not call a path session missing from the agenda when it starts in a DST gap', () => {
		const source = tour().withCity('chicago', (city) => {
			city.dates.start = '2020-03-08';
			const [first, ...rest] = city.agenda;
			if (first) city.agenda = [{ ...first, day: '2020-03-08', start: '02:30' }, ...rest];
		});
		expectProblems(source, { file: chicago, field: 'agenda[0].start', message: '"02:30" on 2020-03-08 does not exist in America/Chicago' });
	});

	it('names every missing session when several sessions of an offered path are not on the agenda', () => {
		const source = tour().withCity('toronto', (city) => ({
			...city,
			paths: ['soys'],
			agenda: [line('THR1001', '2020-01-08', '09:00', 'Hall A')],
		}));
		expectProblems(source, {
			file: toronto,
			field: 'paths[0]',
			message: 'but SOYS10, SOYS20 are not on the agenda; add them to the agenda',
		});
	});
});

describe('time zones and days', () => {
	it.each(['Europe/Berln', 'GMT+1', 'CET', 'Berlin', '+01:00'])('refuses %j as a time zone and asks for an IANA name', (timezone) => {
		const source = tour().withCity('toronto', (city) => ({ ...city, timezone }));
		expectProblems(source, {
			file: toronto,
			field: 'timezone',
			message: `"${timezone}" is not an IANA time zone; `,
		});
		expect(refusal(source).problems[0]?.message).toContain('write a name like "Europe/Berlin" or "America/New_York"');
	});

	it('suggests the zone a typo was meant to be ("Europe/Berln" → "Europe/Berlin")', () => {
		const source = tour().withCity('toronto', (city) => ({ ...city, timezone: 'Europe/Berln' }));
		expect(refusal(source).problems[0]?.message).toContain('did you mean "Europe/Berlin"?');
	});

	it('refuses a time zone not spelt as in the tz database ("america/chicago"): it becomes the TZID of calendars', () => {
		const source = tour().withCity('chicago', (city) => ({ ...city, timezone: 'america/chicago' }));
		expectProblems(source, { file: chicago, field: 'timezone', message: 'America/Chicago' });
	});

	it('accepts "UTC" and "Etc/GMT-1" as time zones', () => {
		const source = tour()
			.withCity('toronto', (city) => ({ ...city, timezone: 'UTC' }))
			.withCity('chicago', (city) => ({ ...city, timezone: 'Etc/GMT-1' }));
		expect(() => buildCatalog(source.build())).not.toThrow();
	});

	it("refuses an agenda day outside the city's dates and names the dates", () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-10', '09:00', 'Hall A'));
		});
		expectProblems(source, {
			file: toronto,
			field: 'agenda[1].day',
			message: "2020-01-10 is outside the city's dates (2020-01-08 to 2020-01-09)",
		});
	});

	it('refuses an agenda day the day before the first day', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-07', '23:00', 'Hall A'));
		});
		expectProblems(source, { file: toronto, field: 'agenda[1].day', message: "2020-01-07 is outside the city's dates" });
	});

	it('refuses a city whose last day comes before its first day', () => {
		const source = tour().withCity('toronto', (city) => ({ ...city, dates: { start: '2020-01-09', end: '2020-01-08' }, agenda: [] }));
		expectProblems(source, { file: toronto, field: 'dates.end', message: '2020-01-08 is before dates.start 2020-01-09' });
	});

	it('refuses a day that does not exist in the calendar', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-02-30', '09:00', 'Hall A'));
		});
		expectProblems(source, {
			file: toronto,
			field: 'agenda[1].day',
			message: '"2020-02-30" is not a day of the calendar; write YYYY-MM-DD',
		});
	});

	it('refuses a start inside the DST gap (Chicago, 2020-03-08 02:30) and names the agenda line', () => {
		const source = tour().withCity('chicago', (city) => {
			city.dates.start = '2020-03-08';
			city.agenda.push(line('THR1001', '2020-03-08', '02:30', 'Theater 1'));
		});
		const [problem] = expectProblems(source, {
			file: chicago,
			field: 'agenda[3].start',
			message: '"02:30" on 2020-03-08 does not exist in America/Chicago',
		});
		expect(problem?.message).toContain('the clocks skip that hour when daylight saving time starts; choose another time');
	});

	it('refuses an explicit end inside the DST gap', () => {
		const source = tour().withCity('chicago', (city) => {
			city.dates.start = '2020-03-08';
			city.agenda.push(line('THR1001', '2020-03-08', '01:45', 'Theater 1', '02:15'));
		});
		expectProblems(source, { file: chicago, field: 'agenda[3].end', message: '"02:15" on 2020-03-08 does not exist in America/Chicago' });
	});

	it('refuses a start in the repeated hour when clocks go back (Chicago, 2020-11-01 01:30)', () => {
		const source = tour().withCity('chicago', (city) => {
			city.dates.end = '2020-11-01';
			city.agenda.push(line('THR1001', '2020-11-01', '01:30', 'Theater 1'));
		});
		const [problem] = expectProblems(source, {
			file: chicago,
			field: 'agenda[3].start',
			message: '"01:30" on 2020-11-01 happens twice in America/Chicago',
		});
		expect(problem?.message).toContain('the time is ambiguous; choose another time');
	});

	it('refuses a start in the repeated hour when clocks go back (Berlin, 2020-10-25 02:30)', () => {
		const source = tour().addCity('berlin', {
			...cityFields('Berlin', 'Germany', 'Europe/Berlin', '2020-10-24', '2020-10-25'),
			agenda: [line('SOYS10', '2020-10-25', '02:30', 'Main Hall')],
		});
		expectProblems(source, {
			file: 'content/cities/berlin.mdx',
			field: 'agenda[0].start',
			message: '"02:30" on 2020-10-25 happens twice in Europe/Berlin',
		});
	});

	it('accepts the minutes right around a DST change (Berlin 2020-10-25 01:59 and 03:00)', () => {
		const source = tour().addCity('berlin', {
			...cityFields('Berlin', 'Germany', 'Europe/Berlin', '2020-10-25'),
			rooms: ['Hall 1', 'Hall 2'],
			agenda: [line('THR1001', '2020-10-25', '01:15', 'Hall 1', '01:59'), line('SOYS20', '2020-10-25', '03:00', 'Hall 2')],
		});
		expect(() => buildCatalog(source.build())).not.toThrow();
	});
});

describe('start and end times', () => {
	it('refuses an end equal to the start', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '11:00', 'Hall A', '11:00'));
		});
		const [problem] = expectProblems(source, { file: toronto, field: 'agenda[1].end', message: '"11:00" is not after start "11:00"' });
		expect(problem?.message).toContain("leave end out to use the session's duration");
	});

	it('refuses an end before the start', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '11:00', 'Hall A', '10:30'));
		});
		expectProblems(source, {
			file: toronto,
			field: 'agenda[1].end',
			message: '"10:30" is not after start "11:00"; the end must come after the start',
		});
	});

	it('refuses a delivery whose length runs past midnight, and accepts one that ends at midnight', () => {
		// SOYS20 lasts 60 minutes.
		const late = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '23:30', 'Hall A'));
		});
		expectProblems(late, {
			file: toronto,
			field: 'agenda[1].start',
			message: 'SOYS20 starts at 23:30 and its 60 minutes run past midnight (to 00:30 the next day); a delivery ends on the day it starts',
		});
		const atMidnight = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '23:00', 'Hall A'));
		});
		expect(() => buildCatalog(atMidnight.build())).not.toThrow();
	});

	it('refuses a date-time where a "HH:MM" wall-clock time was expected (a UTC instant would guess the zone)', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '2020-01-08 09:00:00', 'Hall A', '2020-01-08T10:00:00Z'));
		});
		const problems = refusal(source).problems.map((problem) => `${problem.field}: ${problem.message}`);
		expect(problems).toEqual([
			'agenda[1].start: "2020-01-08 09:00:00" is a day and a time; write the time alone, e.g. "09:00", and the day in "day"',
			'agenda[1].end: "2020-01-08T10:00:00Z" is a day and a time; write the time alone, e.g. "09:00", and the day in "day"',
		]);
	});

	it('refuses a number as start', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', 900, 'Hall A'));
		});
		expectProblems(source, {
			file: toronto,
			field: 'agenda[1].start',
			message: 'is the number 900, not a time; write the time as HH:MM, e.g. "09:00"',
		});
	});

	it.each(['9:00', '24:00', '09:60', '0900', '09:00:00', '9am'])('refuses %j as start and asks for "HH:MM"', (start) => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', start, 'Hall A'));
		});
		expectProblems(source, {
			file: toronto,
			field: 'agenda[1].start',
			message: `"${start}" is not a 24-hour time; write "HH:MM", e.g. "09:00" or "14:30"`,
		});
	});

	it('refuses an agenda line without start', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push({ session: 'SOYS20', day: '2020-01-08', room: 'Hall A' });
		});
		expectProblems(source, {
			file: toronto,
			field: 'agenda[1].start',
			message: 'is required; write a 24-hour time, e.g. "09:00"',
		});
	});

	it('refuses two deliveries overlapping in one room and names both agenda lines', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '09:30', 'Hall A'));
		});
		const [problem] = expectProblems(source, {
			file: toronto,
			field: 'agenda[1].start',
			message: 'SOYS20 at 2020-01-08 09:30 overlaps SOYS10',
		});
		expect(problem?.message).toBe(
			'SOYS20 at 2020-01-08 09:30 overlaps SOYS10 (agenda[0], 09:00–09:45) in room "Hall A"; move one of them to another time or room',
		);
	});

	it('refuses every delivery inside a long one in the same room, even after a short one there ended', () => {
		// The workshop runs 09:00–13:00; THR2001 (09:30–09:50) overlaps it, and so does SOYS20 at 11:00.
		const source = tour()
			.addSession('THR2001', { title: 'A talk without speakers', type: 'theater', track: 'intranet', level: 100, speakers: [] })
			.withCity('toronto', (city) => ({
				...city,
				agenda: [
					line('WRK1001', '2020-01-09', '09:00', 'Hall A'),
					line('THR2001', '2020-01-09', '09:30', 'Hall A'),
					line('SOYS20', '2020-01-09', '11:00', 'Hall A'),
				],
			}));
		expectProblems(
			source,
			{
				file: toronto,
				field: 'agenda[1].start',
				message: 'THR2001 at 2020-01-09 09:30 overlaps WRK1001 (agenda[0], 09:00–13:00) in room "Hall A"',
			},
			{
				file: toronto,
				field: 'agenda[2].start',
				message: 'SOYS20 at 2020-01-09 11:00 overlaps WRK1001 (agenda[0], 09:00–13:00) in room "Hall A"',
			},
		);
	});

	it('accepts back-to-back deliveries in one room (one ends at 09:45, the next starts at 09:45)', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '09:45', 'Hall A'));
		});
		const catalog = buildCatalog(source.build());
		expect(catalog.cityById.get('toronto')?.deliveries.map((delivery) => `${delivery.startTime}–${delivery.endTime}`)).toEqual([
			'09:00–09:45',
			'09:45–10:45',
		]);
	});

	it('accepts two deliveries at the same time in different rooms', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', '11:00', 'Hall A'), line('THR1001', '2020-01-08', '11:00', 'Expo Theatre'));
		});
		expect(() => buildCatalog(source.build())).not.toThrow();
	});
});

describe('speakers in two places at once', () => {
	it('refuses a speaker in two rooms of one city at the same time', () => {
		// WRK1001 is given by megan-okafor too, who is in Hall A for SOYS10 from 09:00 to 09:45.
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('WRK1001', '2020-01-08', '09:30', 'Expo Theatre'));
		});
		const [problem] = expectProblems(source, {
			file: toronto,
			field: 'agenda[1].start',
			message: 'speaker "megan-okafor" would be in two places at once: WRK1001 here at 2020-01-08 09:30 overlaps SOYS10 in room "Hall A"',
		});
		expect(problem?.message).toContain('(agenda[0], 2020-01-08 09:00–09:45 local); move one of them');
	});

	it('refuses a speaker in two cities at the same absolute time (Hong Kong 16:30 is Madrid 09:30)', () => {
		// SOYS20 (jeff-teper, 60 min): Hong Kong 16:00–17:00 UTC+8 = 08:00–09:00Z; Madrid 09:30 UTC+1 = 08:30Z.
		const source = tour()
			.addCity('madrid', {
				...cityFields('Madrid', 'Spain', 'Europe/Madrid', '2020-02-24'),
				agenda: [line('SOYS20', '2020-02-24', '09:30', 'Main Hall')],
			})
			.addCity('hong-kong', {
				...cityFields('Hong Kong', 'China', 'Asia/Hong_Kong', '2020-02-24'),
				agenda: [line('SOYS20', '2020-02-24', '16:00', 'Main Hall')],
			});
		const [problem] = expectProblems(source, {
			file: 'content/cities/madrid.mdx',
			field: 'agenda[0].start',
			message:
				'speaker "jeff-teper" would be in two places at once: SOYS20 here at 2020-02-24 09:30 overlaps SOYS20 in Hong Kong (content/cities/hong-kong.mdx)',
		});
		expect(problem?.message).toContain('(agenda[0], 2020-02-24 16:00–17:00 local)');
	});

	it('accepts a speaker in two cities on the same local day and time when the instants differ', () => {
		// 09:00 in Hong Kong is 01:00Z, 09:00 in Madrid is 08:00Z: plenty of time apart (if not to travel).
		const source = tour()
			.addCity('madrid', {
				...cityFields('Madrid', 'Spain', 'Europe/Madrid', '2020-02-24'),
				agenda: [line('SOYS20', '2020-02-24', '09:00', 'Main Hall')],
			})
			.addCity('hong-kong', {
				...cityFields('Hong Kong', 'China', 'Asia/Hong_Kong', '2020-02-24'),
				agenda: [line('SOYS20', '2020-02-24', '09:00', 'Main Hall')],
			});
		expect(() => buildCatalog(source.build())).not.toThrow();
	});

	it('accepts a speaker whose next session starts when the previous one ends', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('WRK1001', '2020-01-08', '09:45', 'Expo Theatre'));
		});
		expect(() => buildCatalog(source.build())).not.toThrow();
	});
});

describe('file names and duplicates', () => {
	it('refuses two session files whose codes differ only in case, naming both files', () => {
		const source = tour().addSession('soys10', { title: 'A copy', type: 'breakout', track: 'collaboration', level: 200, speakers: [] });
		const [problem] = expectProblems(source, {
			file: expect.stringMatching(/^content\/sessions\/(SOYS10|soys10)\.mdx$/),
			field: '',
			message: 'duplicate session code SOYS10: content/sessions/',
		});
		expect(problem?.message).toMatch(/has the same code \(codes ignore case\); rename or delete one of them$/);
		// One file is the problem's file, the other is named in the message.
		const other = /: (content\/sessions\/\w+\.mdx) has the same code/.exec(problem?.message ?? '')?.[1];
		expect([problem?.file, other].sort()).toEqual(['content/sessions/SOYS10.mdx', 'content/sessions/soys10.mdx']);
	});

	it.each([
		['SOYS-10', 'content/sessions/SOYS-10.mdx'],
		['SOYS.10', 'content/sessions/SOYS.10.mdx'],
		['SOYS 10', 'content/sessions/SOYS 10.mdx'],
	])('refuses the session file name %j: the name must be the code', (name, file) => {
		const source = tour().addSession(name, { title: 'Misnamed', type: 'breakout', track: 'collaboration', level: 200, speakers: [] });
		expectProblems(source, {
			file,
			field: '',
			message: `the file name "${name}" is not a session code; name the file after the code, letters and digits only (capitals by convention), e.g. SOYS10.mdx`,
		});
	});

	it('refuses a city file name that is not an id and suggests one', () => {
		const source = tour().addCity('Hong Kong', cityFields('Hong Kong', 'China', 'Asia/Hong_Kong', '2020-02-24'));
		expectProblems(source, {
			file: 'content/cities/Hong Kong.mdx',
			field: '',
			message: 'the file name "Hong Kong" is not a valid id; use lower-case letters, digits and hyphens, e.g. "hong-kong"',
		});
	});

	it('refuses duplicate track ids in tracks.yaml', () => {
		const source = tour().withTracks(([first, ...rest]) =>
			first ? [first, { id: first.id, name: 'Collaboration again' }, ...rest] : rest,
		);
		expectProblems(source, {
			file: 'content/tracks.yaml',
			field: '[1].id',
			message: 'duplicate track id "collaboration"; give each track its own id',
		});
	});

	it('refuses two learning paths with the same code', () => {
		// Files are read in code-point order, so the one that sorts later is blamed: soys.mdx after soys-again.mdx.
		const source = tour().addPath('soys-again', { code: 'SOYS', title: 'The same path again', sessions: ['SOYS10'] });
		expectProblems(source, {
			file: 'content/paths/soys.mdx',
			field: 'code',
			message: 'code SOYS is already used by content/paths/soys-again.mdx; give each learning path its own code',
		});
	});
});

describe('schema mistakes in plain words', () => {
	it('says a missing required field "is required" and what it is for', () => {
		const source = tour().withSession('SOYS10', ({ title: _title, ...session }) => session);
		expectProblemsIn(source, soys10, { field: 'title', message: 'is required (Title of the session, without the code.)' });
	});

	it('says a missing session type "is required", not that an empty value is not allowed', () => {
		const source = tour().withSession('SOYS10', ({ type: _type, ...session }) => session);
		expectProblemsIn(source, soys10, {
			field: 'type',
			message: 'is required (Kind of session: keynote, general, breakout, theater, workshop or lab.)',
		});
	});

	it('says a missing level "is required" too (a union of allowed numbers)', () => {
		const source = tour().withSession('SOYS10', ({ level: _level, ...session }) => session);
		expectProblemsIn(source, soys10, { field: 'level', message: 'is required (Technical level: 100 (overview) to 400 (deep dive).)' });
	});

	it('refuses a single date where a set of fields was expected, once, at the field written (dates: 2020-02-13)', () => {
		// What YAML makes of `dates: 2020-02-13`; the builder's type expects the usual { start, end }.
		const yamlDate = new Date(Date.UTC(2020, 1, 13)) as unknown as CityFields['dates'];
		const source = tour().withCity('sydney', (city) => ({ ...city, dates: yamlDate }));
		expectProblemsIn(source, sydney, {
			field: 'dates',
			message: 'must be a set of "key: value" fields, not a date (First and last local day of the stop.)',
		});
	});

	it('lists the allowed session types for an unknown type', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, type: 'talk' }));
		expectProblemsIn(source, soys10, {
			field: 'type',
			message: '"talk" is not allowed; use one of: keynote, general, breakout, theater, workshop, lab',
		});
	});

	it('suggests the right name for a misspelt field ("speaker" → "speakers")', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, speaker: ['jeff-teper'] }));
		const [problem] = expectProblemsIn(source, soys10, { field: 'speaker', message: 'unknown field "speaker"; did you mean "speakers"?' });
		expect(problem?.message).toContain(
			'allowed fields: title, type, duration, track, level, speakers, products, tags, language, video, slides',
		);
	});

	it('suggests the right name for a misspelt nested field (venue.adress)', () => {
		const source = tour().withCity('toronto', (city) => ({ ...city, venue: { name: 'MTCC', adress: '255 Front St W' } }));
		expectProblems(
			source,
			{ file: toronto, field: 'venue.address', message: 'is required' },
			{ file: toronto, field: 'venue.adress', message: 'unknown field "adress"; did you mean "address"?' },
		);
	});

	it('lists the allowed levels for level 250', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, level: 250 }));
		expectProblemsIn(source, soys10, { field: 'level', message: '100, 200, 300, 400' });
	});

	it('says a duration written as text "45" must be a number of minutes', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, duration: '45' }));
		const [problem] = expectProblemsIn(source, soys10, { field: 'duration', message: 'must be a number, not text' });
		expect(problem?.message).toContain('Length in minutes');
	});

	it.each([
		[0, 'must be more than 0 minutes'],
		[45.5, 'must be whole minutes'],
		[900, 'is longer than 10 hours; give the length in minutes'],
	])('refuses the duration %j', (duration, message) => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, duration }));
		expectProblemsIn(source, soys10, { field: 'duration', message });
	});

	it('refuses a video address that is not a URL, with one problem for the field', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, video: 'youtube.com/watch?v=abc' }));
		expectProblemsIn(source, soys10, { field: 'video', message: 'starting with https://' });
	});

	it('refuses a video URL that is not a web address (ftp://)', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, video: 'ftp://videos.example.org/soys10.mp4' }));
		expectProblemsIn(source, soys10, { field: 'video', message: 'https://' });
	});

	it('refuses a site URL with a user name and password, which every page and calendar would publish', () => {
		const source = tour().withEvent((event) => ({ ...event, url: 'https://editor:s3cret@tour.example.org' }));
		expectProblems(source, {
			file: 'content/event.yaml',
			field: 'url',
			message: 'has a user name or password in it ("user:pass@"), which would be published; remove it',
		});
	});

	it('refuses credentials in any link, e.g. a slides URL', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, slides: 'https://token@slides.example.org/soys10' }));
		expectProblemsIn(source, soys10, { field: 'slides', message: 'has a user name or password in it' });
	});

	it('refuses a site language longer than 32 characters (Pagefind cannot index it) or not a language tag', () => {
		const long = tour().withEvent((event) => ({ ...event, language: 'en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd' }));
		expectProblems(long, { file: 'content/event.yaml', field: 'language', message: 'is longer than 32 characters' });
		const prose = tour().withEvent((event) => ({ ...event, language: 'English' }));
		expectProblems(prose, {
			file: 'content/event.yaml',
			field: 'language',
			message: 'must be a language tag like "en", "es" or "zh-Hans"',
		});
	});

	it('refuses a site URL with a path: links and UIDs assume the site is at the root of a domain', () => {
		const source = tour().withEvent((event) => ({ ...event, url: 'https://events.example.com/tour/' }));
		expectProblems(source, {
			file: 'content/event.yaml',
			field: 'url',
			message: 'must be the root of a domain, e.g. https://tour.example.org (sites under a path are not supported yet)',
		});
	});

	it('refuses a track colour too light for white badge text', () => {
		const source = tour().withTracks((tracks) => tracks.map((track, index) => (index === 1 ? { ...track, color: '#ffcc00' } : track)));
		expectProblems(source, {
			file: 'content/tracks.yaml',
			field: '[1].color',
			message:
				'#ffcc00 is too light for the white text of track badges (contrast 1.51:1, at least 4.5:1 is needed); choose a darker colour',
		});
	});

	it('refuses two city files with the same id in different folders (the later one in file order is named)', () => {
		const source = tour();
		const built = source.build();
		const sydney = built.cities.find((file) => file.filePath === 'content/cities/sydney.mdx');
		if (!sydney) throw new Error('no sydney');
		const error = refusalOf({ ...built, cities: [...built.cities, { ...sydney, filePath: 'content/cities/2021/sydney.mdx' }] });
		expect(error.problems).toEqual([
			{
				file: 'content/cities/sydney.mdx',
				field: '',
				message: 'duplicate city id "sydney": content/cities/2021/sydney.mdx has the same file name; rename or delete one of them',
			},
		]);
	});

	it('refuses script, event handlers, inline styles and javascript: links in a body, with the line', () => {
		const built = tour().build();
		const session = built.sessions.find((file) => file.filePath === 'content/sessions/SOYS10.mdx');
		if (!session) throw new Error('no SOYS10');
		const body =
			'First line.\n\n[click](javascript:alert(1)) and <b onclick="x()">bold</b>\n<span style="color:red">red</span>\n<script>alert(1)</script>';
		const error = refusalOf({ ...built, sessions: built.sessions.map((file) => (file === session ? { ...file, body } : file)) });
		expect(error.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'body: at line 3, column 1: <a href="javascript:alert(1)"> links with a scheme other than https:, http: or mailto:; link to a web page or write the address as text',
			'body: at line 3, column 34: <b onclick> is an event handler, a script, which content may not run; remove it',
			"body: at line 4, column 1: <span style> is an inline style, which the site's Content-Security-Policy blocks; remove it",
			'body: at line 5, column 1: <script> is a script, which content may not run (the site runs under a strict Content-Security-Policy); show code in a code block instead',
		]);
	});

	it('refuses an event without a usable site URL', () => {
		const source = tour().withEvent((event) => ({ ...event, url: 'tour.example.org' }));
		expectProblemsIn(source, 'content/event.yaml', { field: 'url', message: 'https://' });
	});

	it.each([
		['NUL', '\u0000', '0000'],
		['vertical tab', '\u000B', '000B'],
		['form feed', '\u000C', '000C'],
		['escape', '\u001B', '001B'],
		['a C1 control', '\u0085', '0085'],
	])('refuses a %s character in a title, which calendar files may not carry', (_name, character, code) => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, title: `Teams${character} apps` }));
		expectProblemsIn(source, soys10, {
			field: 'title',
			message: `has the invisible control character U+${code} at character 6; delete it (retype the text if it was pasted)`,
		});
	});

	it('refuses a direction override in a name, which would reverse the text the page writes after it', () => {
		const source = tour().withCity('sydney', (city) => ({ ...city, name: 'Syd\u202Eney' }));
		expectProblems(source, {
			file: sydney,
			field: 'name',
			message:
				"has the invisible direction override U+202E at character 4, which would reorder the page's text around it; delete it (right-to-left text needs no override)",
		});
		const hebrew = tour().withCity('sydney', (city) => ({ ...city, name: 'תל אביב\u2067x\u2069' }));
		expect(() => buildCatalog(hebrew.build())).not.toThrow();
	});

	it('accepts a tab and a line break in text, and refuses control characters in any text field (venue, room, tags)', () => {
		const fine = tour().withSession('SOYS10', (session) => ({ ...session, title: 'Two\tparts\nand a line' }));
		expect(() => buildCatalog(fine.build())).not.toThrow();
		const source = tour()
			.withCity('sydney', (city) => ({ ...city, venue: { ...city.venue, address: 'Darling\u000CDrive' } }))
			.withSession('SOYS10', (session) => ({ ...session, tags: ['ok', 'bad\u0007'] }));
		expectProblems(
			source,
			{ file: sydney, field: 'venue.address', message: 'U+000C' },
			{ file: soys10, field: 'tags[1]', message: 'U+0007' },
		);
	});

	it('refuses a control character in a body, with its line', () => {
		const built = tour().build();
		const sessions = built.sessions.map((file) => (file.filePath === soys10 ? { ...file, body: 'Fine.\n\nPasted\u001B[31m text.' } : file));
		const error = refusalOf({ ...built, sessions });
		expect(error.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'body: at line 3, column 7: has the invisible control character U+001B; delete it (retype the text if it was pasted)',
		]);
	});

	it('refuses an empty title as "must not be empty"', () => {
		const source = tour().withSession('SOYS10', (session) => ({ ...session, title: '' }));
		expectProblemsIn(source, soys10, { field: 'title', message: 'must not be empty' });
	});

	it('names the agenda line of a misspelt agenda field', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push({ sesion: 'SOYS20', day: '2020-01-08', start: '11:00', room: 'Hall A' });
		});
		expectProblems(
			source,
			{ file: toronto, field: 'agenda[1].session', message: 'is required' },
			{ file: toronto, field: 'agenda[1].sesion', message: 'unknown field "sesion"; did you mean "session"?' },
		);
	});
});

describe('the error as a whole', () => {
	it('reports every problem at once, sorted by file', () => {
		const source = tour()
			.withSession('SOYS20', (session) => ({ ...session, speakers: ['nobody-known'] }))
			.withPath('soys', (path) => ({ ...path, sessions: [...path.sessions, 'SOYS99'] }))
			.withCity('toronto', (city) => {
				city.agenda.push(line('SOYS20', '2020-01-08', '11:00', 'Hall B'));
			});
		const error = refusal(source);
		expect(error.problems.map((problem) => `${problem.file}: ${problem.field}`)).toEqual([
			'content/cities/toronto.mdx: agenda[1].room',
			'content/paths/soys.mdx: sessions[2]',
			'content/sessions/SOYS20.mdx: speakers[0]',
		]);
		expect(error.message.split('\n')).toEqual([
			'The content has 3 problems; fix them and build again:',
			'content/cities/toronto.mdx: agenda[1].room: unknown room "Hall B"; did you mean "Hall A"?',
			'content/paths/soys.mdx: sessions[2]: unknown session "SOYS99"; did you mean "SOYS10"?',
			'content/sessions/SOYS20.mdx: speakers[0]: unknown speaker "nobody-known"; use one from content/speakers/ (known: jeff-teper, kenji-watanabe, megan-okafor)',
		]);
	});

	it('reports the problems of every agenda line, even when one line is malformed', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS20', '2020-01-08', 540, 'Hall A'), line('SOYS99', '2020-01-08', '11:00', 'Hall A'));
		});
		expectProblems(
			source,
			{ file: toronto, field: 'agenda[1].start', message: 'is the number 540' },
			{ file: toronto, field: 'agenda[2].session', message: 'unknown session "SOYS99"' },
		);
	});

	it('keeps the order of problems within one file', () => {
		const source = tour().withCity('toronto', (city) => {
			city.agenda.push(line('SOYS99', '2020-01-12', '11:00', 'Hall Z'));
		});
		expect(refusal(source).problems.map((problem) => problem.field)).toEqual(['agenda[1].session', 'agenda[1].room', 'agenda[1].day']);
	});

	it('says "1 problem; fix it" for a single problem', () => {
		const source = tour().withCity('toronto', (city) => ({ ...city, timezone: 'GMT+1' }));
		expect(refusal(source).message).toBe(
			'The content has 1 problem; fix it and build again:\ncontent/cities/toronto.mdx: timezone: "GMT+1" is not an IANA time zone; write a name like "Europe/Berlin" or "America/New_York" (see the tz database list)',
		);
	});

	it('is a CatalogError named so in stack traces', () => {
		const error = refusal(tour().withCity('toronto', (city) => ({ ...city, timezone: 'Mars/Olympus' })));
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('CatalogError');
	});
});

describe('one facet vocabulary: product ids in URLs, names on screen', () => {
	it('keeps C#, C++ and C apart, and gives names their URL ids', () => {
		expect(['C#', 'C++', 'C', 'F#', 'Microsoft Teams', '.NET', 'Azure AD B2C'].map(facetId)).toEqual([
			'c-sharp',
			'c-plus-plus',
			'c',
			'f-sharp',
			'microsoft-teams',
			'net',
			'azure-ad-b2c',
		]);
		const source = tour()
			.withSession('SOYS10', (session) => ({ ...session, products: ['C#'] }))
			.withSession('SOYS20', (session) => ({ ...session, products: ['C++'] }));
		expect(() => buildCatalog(source.build())).not.toThrow();
	});

	it('refuses two spellings of one product, which one filter would merge', () => {
		const source = tour()
			.withSession('SOYS10', (session) => ({ ...session, products: ['Microsoft Teams'] }))
			.withSession('SOYS20', (session) => ({ ...session, products: ['Microsoft teams'] }));
		expect(refusal(source).problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`)).toEqual([
			'content/sessions/SOYS20.mdx: products[0]: "Microsoft teams" would be the same filter as "Microsoft Teams" (content/sessions/SOYS10.mdx), both "microsoft-teams"; write the product\'s name the same way everywhere, or tell the two apart',
		]);
	});
});
