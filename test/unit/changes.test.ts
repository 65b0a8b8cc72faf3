import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agendaChanges, agendaVersion } from '../../src/calendar/changes';
import { atomXml } from '../../src/exports/atom';
import { escapeXmlText as xmlText } from '../../src/exports/frab-xml';

/** A committed version of a city file with these agenda lines (YAML flow maps, as editors write them). */
const cityFile = (lines: readonly string[]) =>
	`---\nname: Sydney\ntimezone: Australia/Sydney\nrooms: [Room A, Room B, Room C]\nagenda:\n${lines.map((line) => `  - ${line}`).join('\n')}\n---\nBody.\n`;
const version = (day: number, ...lines: string[]) => {
	const read = agendaVersion(`c${day}`, new Date(Date.UTC(2020, 0, day, 10)), cityFile(lines));
	if (!read) throw new Error(`version ${day} does not read`);
	return read;
};
const soys10 = (start: string, room = 'Room A', extra = '') =>
	`{ session: SOYS10, day: 2020-02-13, start: "${start}", room: ${room}${extra} }`;
const soys10Friday = (extra = '') => `{ session: SOYS10, day: 2020-02-14, start: "09:00", room: Room A${extra} }`;
const texts = (versions: ReturnType<typeof version>[]) => agendaChanges(versions).map((change) => change.text);

describe('the change list of a city (src/calendar/changes.ts)', () => {
	it('has nothing to say about the first version with an agenda, or the versions before it', () => {
		expect(texts([version(1), version(2, soys10('09:00'))])).toEqual([]);
	});

	it('says what moved, in time and room, as one change per delivery and commit', () => {
		expect(texts([version(1, soys10('09:00')), version(2, soys10('11:00', 'Room C'))])).toEqual([
			'SOYS10 moved from 09:00 to 11:00 on Thu, 13 Feb 2020, and to room Room C (was Room A)',
		]);
		expect(texts([version(1, soys10('09:00')), version(2, soys10('09:00', 'Room C'))])).toEqual([
			'SOYS10 at 09:00 on Thu, 13 Feb 2020 moved to room Room C (was Room A)',
		]);
	});

	it('follows a delivery by its identity, not its position: the second SOYS10 line is cancelled, the first untouched', () => {
		const changes = agendaChanges([
			version(1, soys10('09:00'), soys10Friday()),
			version(2, soys10('09:00'), soys10Friday(', status: cancelled')),
		]);
		expect(changes.map((change) => [change.key, change.kinds, change.text])).toEqual([
			['SOYS10-2', ['cancelled'], 'SOYS10 at 09:00 on Fri, 14 Feb 2020 cancelled'],
		]);
	});

	it('tells additions, removals and a cancellation taken back, newest first', () => {
		expect(
			texts([
				version(1, soys10('09:00')),
				version(2, soys10('09:00', 'Room A', ', status: cancelled')),
				version(3, soys10('09:00'), soys10Friday()),
				version(4, soys10Friday(', id: friday')),
			]),
		).toEqual([
			// Day 4: the Thursday line is gone, and an id written on the Friday line gives it a new identity
			// (README: to pin a published line, write its number as its id).
			'SOYS10 at 09:00 on Thu, 13 Feb 2020 removed from the agenda',
			'SOYS10 at 09:00 on Fri, 14 Feb 2020 removed from the agenda',
			'SOYS10 added at 09:00 on Fri, 14 Feb 2020, room Room A',
			'SOYS10 at 09:00 on Thu, 13 Feb 2020 back on the agenda',
			'SOYS10 added at 09:00 on Fri, 14 Feb 2020, room Room A',
			'SOYS10 at 09:00 on Thu, 13 Feb 2020 cancelled',
		]);
	});

	it('keeps the identity of a published line pinned with its own number as id, when a line is inserted before it', () => {
		expect(
			texts([
				version(1, soys10('09:00'), soys10Friday()),
				version(
					2,
					soys10Friday(', id: 2'),
					soys10('09:00', 'Room A', ', id: 1'),
					'{ session: SOYS10, day: 2020-02-14, start: "11:00", room: Room B, id: extra }',
				),
			]),
		).toEqual(['SOYS10 added at 11:00 on Fri, 14 Feb 2020, room Room B']);
	});

	it('leaves out versions that could not have been published: broken YAML, a day not in the calendar, a room not listed', () => {
		const at = new Date(Date.UTC(2020, 0, 2));
		expect(agendaVersion('c2', at, '---\nagenda: [ {\n---\n')).toBeUndefined();
		expect(agendaVersion('c2', at, cityFile(['{ session: SOYS10, day: 2020-02-30, start: "09:00", room: Room A }']))).toBeUndefined();
		expect(agendaVersion('c2', at, cityFile(['{ session: SOYS10, day: "tomorrow", start: "09:00", room: Room A }']))).toBeUndefined();
		// A reverted attack: its text never built, so it never reaches the change list.
		const attack = '{ session: SOYS10, day: 2020-02-13, start: "09:00", room: "ALL CANCELLED - refunds at https://evil.example/" }';
		expect(agendaVersion('c2', at, cityFile([attack]))).toBeUndefined();
		expect(agendaVersion('c2', at, cityFile(['{ session: "SOYS10 <b>", day: 2020-02-13, start: "09:00", room: Room A }']))).toBeUndefined();
	});

	it('compares each published version with the one before it, skipping versions that never built', () => {
		const broken = agendaVersion(
			'c2',
			new Date(Date.UTC(2020, 0, 2)),
			cityFile(['{ session: SOYS10, day: 2020-02-13, start: "9", room: Room A }']),
		);
		expect(texts([version(1, soys10('09:00')), ...(broken ? [broken] : []), version(3, soys10('10:00'))])).toEqual([
			'SOYS10 moved from 09:00 to 10:00 on Thu, 13 Feb 2020',
		]);
	});
});

describe('Atom feeds (src/exports/atom.ts)', () => {
	it('escapes what an editor wrote wherever it lands, and drops characters XML cannot carry', () => {
		expect(xmlText(`Room <B> & "C" 'D'\u0000\u000B`)).toBe('Room &lt;B&gt; &amp; &quot;C&quot; &apos;D&apos;');
		const xml = atomXml({
			id: 'tag:tour.example.org,2000:changes/sydney',
			title: 'Tour – Sydney </title><script>alert(1)</script>',
			updated: new Date('2020-01-15T10:00:00Z'),
			self: 'https://tour.example.org/cities/sydney/changes.xml',
			alternate: 'https://tour.example.org/cities/sydney/',
			author: 'Tour',
			entries: [{ id: 'x', title: 'SOYS10 moved to room ]]><evil/>', updated: new Date('2020-01-15T10:00:00Z'), summary: 'a & b' }],
		});
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain('<evil/>');
		expect(xml).toContain('<updated>2020-01-15T10:00:00Z</updated>');
		// Well-formed: ical.js is no XML parser, but the feed must parse as XML in the browser's parser too (e2e);
		// here, every < opens one of the feed's own elements.
		expect(
			[...xml.matchAll(/<([a-z?]+)/g)]
				.map((match) => match[1])
				.filter((name) => !['?xml', 'feed', 'id', 'title', 'updated', 'link', 'author', 'name', 'entry', 'summary'].includes(name ?? '')),
		).toEqual([]);
		expect(ICAL).toBeDefined();
	});
});
