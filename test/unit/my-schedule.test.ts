import { describe, expect, it } from 'vitest';
import { findClashes, type Scheduled } from '../../src/scripts/clashes';
import { decodePicks, encodePicks, maxPicks, togglePick } from '../../src/scripts/picks';
import { viewerRange } from '../../src/scripts/viewer-clock';
import { dayIn, embedUrl, nowAndNext } from '../../src/scripts/now-next';

const at = (uid: string, city: string, date: string, startsAt: string, endsAt: string, cancelled = false): Scheduled => ({
	uid,
	city,
	date,
	startsAt,
	endsAt,
	cancelled,
});

describe('clashes between picks', () => {
	it('marks two picks whose times overlap, under both, and not two that only touch', () => {
		const picks = [
			at('a', 'sydney', '2020-02-13', '2020-02-13T09:00:00+11:00', '2020-02-13T09:45:00+11:00'),
			at('b', 'sydney', '2020-02-13', '2020-02-13T09:30:00+11:00', '2020-02-13T10:15:00+11:00'),
			at('c', 'sydney', '2020-02-13', '2020-02-13T10:15:00+11:00', '2020-02-13T11:00:00+11:00'),
		];
		const clashes = findClashes(picks);
		expect(clashes.get('a')).toEqual([{ kind: 'overlap', with: 'b' }]);
		expect(clashes.get('b')).toEqual([{ kind: 'overlap', with: 'a' }]);
		expect(clashes.get('c')).toBeUndefined();
	});

	it('compares instants, not wall-clock text: 09:00 in Sydney is not 09:00 in Chicago', () => {
		const picks = [
			at('sydney', 'sydney', '2020-02-13', '2020-02-13T09:00:00+11:00', '2020-02-13T09:45:00+11:00'),
			at('chicago', 'chicago', '2020-02-12', '2020-02-12T16:00:00-06:00', '2020-02-12T17:00:00-06:00'),
		];
		// 16:00-17:00 in Chicago on the 12th is 09:00-10:00 in Sydney on the 13th: the same hour, two cities.
		expect(findClashes(picks).get('sydney')).toEqual([{ kind: 'overlap', with: 'chicago' }]);
	});

	it('marks picks in two cities on the same local day, even at hours that do not overlap', () => {
		const picks = [
			at('prague', 'prague', '2020-02-24', '2020-02-24T09:00:00+01:00', '2020-02-24T09:45:00+01:00'),
			at('dubai', 'dubai', '2020-02-24', '2020-02-24T16:00:00+04:00', '2020-02-24T16:45:00+04:00'),
			at('prague-2', 'prague', '2020-02-25', '2020-02-25T09:00:00+01:00', '2020-02-25T09:45:00+01:00'),
		];
		const clashes = findClashes(picks);
		expect(clashes.get('prague')).toEqual([{ kind: 'other-city', with: 'dubai' }]);
		expect(clashes.get('prague-2')).toBeUndefined();
	});

	it('never lets a pick clash with itself (a store that holds it twice)', () => {
		const twice = at('a', 'sydney', '2020-02-13', '2020-02-13T09:00:00+11:00', '2020-02-13T09:45:00+11:00');
		expect(findClashes([twice, twice, twice]).size).toBe(0);
	});

	it('lets a cancelled pick clash with nothing', () => {
		const picks = [
			at('a', 'sydney', '2020-02-13', '2020-02-13T09:00:00+11:00', '2020-02-13T09:45:00+11:00', true),
			at('b', 'sydney', '2020-02-13', '2020-02-13T09:00:00+11:00', '2020-02-13T09:45:00+11:00'),
		];
		expect(findClashes(picks).size).toBe(0);
	});
});

describe('share links', () => {
	const picks = [
		{ uid: 'SOYS10-sydney-1@x', city: 'sydney', key: 'soys10-1' },
		{ uid: 'SOYS20-sydney-1@x', city: 'sydney', key: 'soys20-1' },
		{ uid: 'THR1001-hong-kong-2@x', city: 'hong-kong', key: 'thr1001-2' },
	];

	it('writes picks compactly with characters a URL keeps as they are, and reads them back', () => {
		const text = encodePicks(picks);
		expect(text).toBe('sydney.soys10-1.soys20-1_hong-kong.thr1001-2');
		expect(new URLSearchParams({ picks: text }).toString()).toBe(`picks=${text}`);
		expect(decodePicks(text)).toEqual({ picks: picks.map(({ city, key }) => ({ city, key })), ignored: 0 });
	});

	it.each([
		['<script>alert(1)</script>', []],
		['sydney.<img src=x onerror=alert(1)>', []],
		['sydney.soys10-1.SOYS20-1', ['sydney.soys10-1']],
		['../etc.passwd', []],
		['sydney', []],
		['sydney.soys10-1_javascript:alert(1).x', ['sydney.soys10-1']],
		['sydney.soys10-1.soys10-1', ['sydney.soys10-1']],
		['%2e%2e.soys10-1', []],
	])('keeps only city ids with delivery keys from %j, and counts the rest', (text, kept) => {
		const read = decodePicks(text);
		expect(read.picks.map((pick) => `${pick.city}.${pick.key}`)).toEqual(kept);
		expect(read.ignored).toBeGreaterThan(0);
	});

	it('reads nothing from a link far longer than any schedule, and at most the pick limit from a long one', () => {
		expect(decodePicks('a'.repeat(100_000))).toEqual({ picks: [], ignored: 1 });
		const many = `sydney.${Array.from({ length: maxPicks + 20 }, (_, index) => `s${index}-1`).join('.')}`;
		const read = decodePicks(many);
		expect(read.picks).toHaveLength(maxPicks);
		expect(read.ignored).toBe(20);
	});

	it('toggles a pick by its UID', () => {
		const [first, second] = picks;
		if (!first || !second) throw new Error('fixture');
		const added = togglePick([first], second);
		expect(added.map((pick) => pick.uid)).toEqual([first.uid, second.uid]);
		expect(togglePick(added, first).map((pick) => pick.uid)).toEqual([second.uid]);
	});
});

describe("the viewer's clock", () => {
	// SOYS10 in Sydney: 09:00-09:45 AEDT on Thu 13 Feb 2020 is 22:00-22:45 UTC on the 12th.
	const start = new Date('2020-02-12T22:00:00Z');
	const end = new Date('2020-02-12T22:45:00Z');

	it('writes the range in the viewer zone, and says when that is another day than the city date', () => {
		expect(viewerRange(start, end, '2020-02-13', 'America/Chicago')).toBe('16:00–16:45 CST −1 day');
		expect(viewerRange(start, end, '2020-02-13', 'Europe/London')).toBe('22:00–22:45 GMT −1 day');
		expect(viewerRange(start, end, '2020-02-13', 'Australia/Sydney')).toBe('09:00–09:45 AEDT');
		expect(viewerRange(start, end, '2020-02-13', 'Pacific/Kiritimati')).toBe('12:00–12:45 UTC+14');
	});

	it('says +1 day the other way round: 20:00 in Chicago is the next morning in Tokyo', () => {
		expect(viewerRange(new Date('2020-04-16T01:00:00Z'), new Date('2020-04-16T01:45:00Z'), '2020-04-15', 'Asia/Tokyo')).toBe(
			'10:00–10:45 UTC+9 +1 day',
		);
	});
});

describe('now and next, on demand', () => {
	const slot = (start: string, end: string) => ({ start: Date.parse(start), end: Date.parse(end) });
	const day = [
		slot('2020-02-13T09:00:00+11:00', '2020-02-13T09:45:00+11:00'),
		slot('2020-02-13T10:00:00+11:00', '2020-02-13T10:45:00+11:00'),
		slot('2020-02-13T11:15:00+11:00', '2020-02-13T12:00:00+11:00'),
	];

	it('finds the slot on now and the first one after it; between slots only a next; after the last neither', () => {
		expect(nowAndNext(day, Date.parse('2020-02-13T10:10:00+11:00'))).toEqual({ now: [1], next: 2 });
		expect(nowAndNext(day, Date.parse('2020-02-13T10:50:00+11:00'))).toEqual({ now: [], next: 2 });
		expect(nowAndNext(day, Date.parse('2020-02-13T10:45:00+11:00'))).toEqual({ now: [], next: 2 });
		expect(nowAndNext(day, Date.parse('2020-02-13T13:00:00+11:00'))).toEqual({ now: [], next: undefined });
	});

	it("reads today in the city's zone, not the viewer's", () => {
		// 23:30 UTC on the 12th is already the 13th in Sydney and still the 12th in Chicago.
		const instant = Date.parse('2020-02-12T23:30:00Z');
		expect(dayIn('Australia/Sydney', instant)).toBe('2020-02-13');
		expect(dayIn('America/Chicago', instant)).toBe('2020-02-12');
	});

	it('plays only YouTube (privacy-enhanced) and Vimeo in the page, with a checked video id', () => {
		expect(embedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
		expect(embedUrl('https://youtu.be/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
		expect(embedUrl('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871');
		expect(embedUrl('https://myignite.techcommunity.microsoft.com/sessions/81552')).toBeUndefined();
		expect(embedUrl('http://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBeUndefined();
		expect(embedUrl('https://www.youtube.com/watch?v=x"><script>')).toBeUndefined();
		expect(embedUrl('https://www.youtube.com/embed/../../evil')).toBeUndefined();
		expect(embedUrl('https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ')).toBeUndefined();
		expect(embedUrl('not a url')).toBeUndefined();
	});
});
