import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog, type Delivery } from '../../src/catalog';
import { calendarText } from '../../src/calendar/ics';
import type { RevisionIndex } from '../../src/calendar/revisions';
import { mergeCalendars } from '../../src/scripts/ics-merge';
import { parseCalendar } from '../support/ics';
import { cityFields, line, tour } from './source-builder';

// Sydney (southern hemisphere, AEDT in February); New York, where SOYS20 (60 minutes) runs from 01:30 EST across
// the spring-forward to 03:30 EDT; Canberra, in Sydney's zone but eight months later, across the night Sydney's
// daylight time begins: its files carry another VTIMEZONE block of the same TZID.
function catalog(title?: string): Catalog {
	const source = tour()
		.addCity('new-york', {
			...cityFields('New York', 'United States', 'America/New_York', '2020-03-08'),
			agenda: [line('SOYS20', '2020-03-08', '01:30', 'Main Hall'), line('THR1001', '2020-03-08', '10:00', 'Main Hall')],
		})
		.addCity('canberra', {
			...cityFields('Canberra', 'Australia', 'Australia/Sydney', '2020-10-04'),
			agenda: [line('SOYS20', '2020-10-04', '01:30', 'Main Hall')],
		});
	if (title) source.withSession('SOYS10', (session) => ({ ...session, title }));
	return buildCatalog(source.build());
}

/** A revision per city, so that the parts carry different SEQUENCE and DTSTAMP values. */
const revisions = (offset = 0): RevisionIndex => ({
	of: (files) => {
		const city = ['sydney', 'new-york', 'canberra'].findIndex((id) => files.includes(`content/cities/${id}.mdx`));
		return { sequence: 100 + city + offset, lastModified: new Date(Date.UTC(2020, 0, 10 + city, 3, 4, 5)) };
	},
});

/** What deliveryCalendar() in src/site/calendars.ts makes: one delivery, the VTIMEZONE of the city's whole agenda. */
function deliveryFile(delivery: Delivery, revisionIndex = revisions()): string {
	const { city, session } = delivery;
	const ends = city.deliveries.map((other) => other.end.getTime());
	return calendarText({
		title: `${session.code}: ${session.title} – ${city.name}`,
		description: `Test Tour 2020, ${city.name}. Times in ${city.timezone}.`,
		timeZone: city.timezone,
		deliveries: [delivery],
		siteUrl: 'https://tour.example.org',
		revisions: revisionIndex,
		tracksFile: 'content/tracks.yaml',
		eventFile: 'content/event.yaml',
		zoneSpan: { first: city.deliveries[0]?.start ?? delivery.start, last: new Date(Math.max(...ends)) },
	});
}

function delivery(catalog: Catalog, uid: string): Delivery {
	const found = catalog.cities.flatMap((city) => city.deliveries).find((candidate) => candidate.uid === uid);
	if (!found) throw new Error(`no delivery ${uid}`);
	return found;
}

const picks = [
	'SOYS10-sydney-1@tour.example.org',
	'SOYS20-new-york-1@tour.example.org',
	'WRK1001-sydney-1@tour.example.org',
	'SOYS20-canberra-1@tour.example.org',
	'THR1001-new-york-1@tour.example.org',
];

const blocks = (text: string, name: string): string[] => text.match(new RegExp(`BEGIN:${name}\\r?\\n[^]*?END:${name}\\r?\\n`, 'g')) ?? [];
const unescapeText = (value: string): string => String(ICAL.design.icalendar.value['text']?.fromICAL?.(value));
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('mergeCalendars', () => {
	const tourCatalog = catalog();
	const parts = picks.map((uid) => deliveryFile(delivery(tourCatalog, uid)));
	const merged = mergeCalendars(parts, { name: 'My schedule', description: 'Test Tour 2020, my picks' });
	const result = parseCalendar(merged);

	it('writes one calendar of its own, with CRLF line ends and no refresh interval', () => {
		expect(merged.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(merged.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
		expect(merged.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(count(merged, 'BEGIN:VCALENDAR')).toBe(1);
		// The same product identifier as the static files.
		expect(merged).toContain(parts[0]?.match(/^PRODID:.*\r\n/m)?.[0]);
		expect(merged).toContain('\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n');
		expect(merged).toContain('\r\nX-WR-CALDESC:Test Tour 2020\\, my picks\r\n');
		expect(merged).not.toMatch(/REFRESH-INTERVAL|X-PUBLISHED-TTL|X-WR-TIMEZONE/);
		expect(result.name).toBe('My schedule');
	});

	it('carries each VTIMEZONE once, and of two blocks for one zone the wider, in any order', () => {
		expect(result.timezones.sort()).toEqual(['America/New_York', 'Australia/Sydney']);
		expect(count(merged, 'BEGIN:VTIMEZONE')).toBe(2);
		const [sydneyBlock] = blocks(parts[0] ?? '', 'VTIMEZONE');
		const [canberraBlock] = blocks(parts[3] ?? '', 'VTIMEZONE');
		// Both cover their city's agenda ± 365 days. Canberra's observances begin in October 2019 and end with the
		// transition of October 2021, Sydney's run from February 2019 to October 2020: Canberra's reach further.
		expect(canberraBlock).not.toBe(sydneyBlock);
		expect(merged).toContain(canberraBlock);
		expect(mergeCalendars([parts[3] ?? '', parts[0] ?? ''], { name: 'x' })).toContain(canberraBlock);
	});

	it('keeps every event of the parts once, in the order given, with its instants, SEQUENCE and DTSTAMP', () => {
		expect(result.events.map((event) => event.uid)).toEqual(picks);
		parts.forEach((part, index) => {
			const [original] = parseCalendar(part).events;
			const copy = result.events[index];
			expect(copy?.start).toEqual(original?.start);
			expect(copy?.end).toEqual(original?.end);
			expect(copy?.sequence).toBe(original?.sequence);
			expect(copy?.dtstamp).toBe(original?.dtstamp);
			expect(copy?.lastModified).toBe(original?.lastModified);
			// And the instants are the catalog's, not only the same mistake twice.
			const source = delivery(tourCatalog, picks[index] ?? '');
			expect(copy?.start).toEqual(source.start);
			expect(copy?.end).toEqual(source.end);
		});
		// The parts do differ in SEQUENCE and DTSTAMP, so the equalities above say something.
		expect(new Set(result.events.map((event) => event.sequence)).size).toBe(3);
		expect(new Set(result.events.map((event) => event.dtstamp)).size).toBe(3);
	});

	it('reads the events across daylight saving changes in both hemispheres at their real instants', () => {
		const [sydney, newYork, , canberra] = result.events;
		expect(sydney?.start.toISOString()).toBe('2020-02-12T22:00:00.000Z'); // 09:00 AEDT
		expect(newYork?.start.toISOString()).toBe('2020-03-08T06:30:00.000Z'); // 01:30 EST
		expect(newYork?.end.toISOString()).toBe('2020-03-08T07:30:00.000Z'); // 03:30 EDT
		expect(canberra?.start.toISOString()).toBe('2020-10-03T15:30:00.000Z'); // 01:30 AEST, in Sydney's block
		expect(canberra?.end.toISOString()).toBe('2020-10-03T16:30:00.000Z'); // 03:30 AEDT
	});

	it('copies the text of every event unchanged, folds included', () => {
		for (const part of parts) {
			const [event] = blocks(part, 'VEVENT');
			expect(event).toMatch(/\r\n /); // folded lines are part of what is compared
			expect(merged).toContain(event);
		}
	});

	it('takes an event picked twice once', () => {
		const [first = '', second = ''] = parts;
		expect(mergeCalendars([first, second, first, second], { name: 'x' })).toBe(mergeCalendars([first, second], { name: 'x' }));
		expect(count(mergeCalendars([first, first], { name: 'x' }), 'BEGIN:VEVENT')).toBe(1);
	});

	it('of two versions of an event keeps the one with the higher SEQUENCE, in the first one’s place', () => {
		const [first = '', second = ''] = parts;
		const newer = deliveryFile(delivery(tourCatalog, picks[0] ?? ''), revisions(1000));
		const { events } = parseCalendar(mergeCalendars([first, second, newer], { name: 'x' }));
		expect(events.map((event) => event.uid)).toEqual(picks.slice(0, 2));
		expect(events[0]?.sequence).toBe((parseCalendar(first).events[0]?.sequence ?? 0) + 1000);
		expect(parseCalendar(mergeCalendars([newer, first], { name: 'x' })).events[0]?.sequence).toBe(events[0]?.sequence);
	});

	it('keeps occurrences of one UID with different RECURRENCE-IDs apart', () => {
		const occurrence = (recurrenceId: string) =>
			['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a@x', `RECURRENCE-ID:${recurrenceId}`, 'END:VEVENT', 'END:VCALENDAR'].join(
				'\r\n',
			);
		const text = mergeCalendars([occurrence('20200101T100000Z'), occurrence('20200102T100000Z'), occurrence('20200101T100000Z')], {
			name: 'x',
		});
		expect(count(text, 'BEGIN:VEVENT')).toBe(2);
	});

	it('knows an event again when its UID is folded elsewhere', () => {
		const uid = `${'long-'.repeat(16)}uid@tour.example.org`;
		const folded = (at: number) =>
			[
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				'BEGIN:VEVENT',
				`UID:${uid.slice(0, at)}`,
				` ${uid.slice(at)}`,
				'END:VEVENT',
				'END:VCALENDAR',
			].join('\r\n');
		const text = mergeCalendars([folded(30), folded(60)], { name: 'x' });
		expect(count(text, 'BEGIN:VEVENT')).toBe(1);
		expect(text).toContain(`\r\nUID:${uid.slice(0, 30)}\r\n ${uid.slice(30)}\r\n`);
	});

	it('escapes a hostile calendar name so that it cannot add a line', () => {
		const name = 'Evil\nBEGIN:VEVENT;,\\';
		const text = mergeCalendars(parts, { name, description: 'Line one\r\nEND:VCALENDAR' });
		expect(text).toContain('\r\nX-WR-CALNAME:Evil\\nBEGIN:VEVENT\\;\\,\\\\\r\n');
		expect(text).toContain('\r\nX-WR-CALDESC:Line one\\nEND:VCALENDAR\r\n');
		expect(text.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(parts.length);
		expect(text.split('\r\n').filter((line) => line === 'END:VCALENDAR')).toHaveLength(1);
		const parsed = parseCalendar(text);
		// ical.js leaves X- properties as they are written; its own TEXT rules give the name back.
		expect(unescapeText(parsed.name)).toBe(name);
		expect(parsed.events).toHaveLength(parts.length);
	});

	it('refuses what is not one iCalendar 2.0 calendar, naming the file', () => {
		const [part = ''] = parts;
		const refusals: [string, RegExp][] = [
			['', /Calendar file 2 of 2 is not an iCalendar file/],
			['<!doctype html>\n<title>Not found</title>', /is not an iCalendar file: it must begin with BEGIN:VCALENDAR/],
			['BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Megan\r\nEND:VCARD\r\n', /must begin with BEGIN:VCALENDAR, not "BEGIN:VCARD"/],
			[part.replace('VERSION:2.0', 'VERSION:1.0'), /has VERSION:1.0; only iCalendar 2.0/],
			[part.replace('VERSION:2.0\r\n', ''), /has no VERSION/],
			[part.slice(0, part.length / 2), /is cut short: BEGIN:\w+ is never closed/],
			[`${part}\r\n${part}`, /goes on after END:VCALENDAR/],
			[part.replace('END:VEVENT', 'END:VTODO'), /has END:VTODO where END:VEVENT was expected/],
			[part.replace(/^UID:.*\r\n/m, ''), /has a VEVENT without UID/],
			[part.replace('BEGIN:VEVENT\r\n', 'BEGIN:VEVENT\r\nGarbage\r\n'), /has a line without a colon: "Garbage"/],
		];
		for (const [bad, message] of refusals) expect(() => mergeCalendars([part, bad], { name: 'x' }), bad.slice(0, 60)).toThrow(message);
	});

	it('reads LF-only files as it reads CRLF ones', () => {
		const lf = parts.map((part) => part.replace(/\r\n/g, '\n'));
		expect(lf[0]).not.toContain('\r');
		expect(mergeCalendars(lf, { name: 'My schedule' })).toBe(mergeCalendars(parts, { name: 'My schedule' }));
	});

	it('keeps folded multi-byte lines whole and folds a long multi-byte name at 75 octets between characters', () => {
		const title = 'Zusammenarbeit über Grenzen – Größe, Übersicht und Qualität für alle Teams weltweit 🌏🌏🌏 ✓';
		const part = deliveryFile(delivery(catalog(title), picks[0] ?? ''));
		const [event = ''] = blocks(part, 'VEVENT');
		expect(event).toMatch(/^SUMMARY:.*\r\n .*/m);
		// A fold by hand right after and right before multi-byte characters, in an LF-only file.
		const handFolded = [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'BEGIN:VEVENT',
			'UID:b@x',
			'DTSTAMP:20200101T000000Z',
			'DTSTART:20200301T090000Z',
			'DTEND:20200301T100000Z',
			'SUMMARY:Grö',
			' ße 🌏',
			'  und mehr',
			'END:VEVENT',
			'END:VCALENDAR',
		].join('\n');
		const name = `Mein Plan – ${'Größe 🌏 '.repeat(12)}`;
		const text = mergeCalendars([part, handFolded], { name });

		expect(text).toContain(event);
		expect(text).toContain('\r\nSUMMARY:Grö\r\n ße 🌏\r\n  und mehr\r\n');
		for (const physical of text.split('\r\n')) expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
		expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(text))).toBe(text);
		const parsed = parseCalendar(text);
		expect(unescapeText(parsed.name)).toBe(name);
		expect(parsed.events.map((parsedEvent) => parsedEvent.summary)).toEqual([`SOYS10: ${title}`, 'Größe 🌏 und mehr']);
	});
});
