import { describe, expect, it } from 'vitest';
import { regionOf } from '../../src/presentation/format';
import { splitStops, stopStatus } from '../../src/presentation/stops';

// A stop is past, on or upcoming by the calendar of its own zone, whatever the machine's zone.
const auckland = { timezone: 'Pacific/Auckland', dates: { start: '2020-03-02', end: '2020-03-03' } };
const honolulu = { timezone: 'Pacific/Honolulu', dates: { start: '2020-03-02', end: '2020-03-03' } };

describe('stopStatus', () => {
	it('reads the day in the stop zone: at 11:30 UTC on 3 March it is already the 4th in Auckland, still the 3rd in Honolulu', () => {
		const at = new Date('2020-03-03T11:30:00Z');
		expect(stopStatus(auckland, at)).toBe('past');
		expect(stopStatus(honolulu, at)).toBe('now');
	});

	it('is upcoming before the first local day and on during every day of the stop', () => {
		expect(stopStatus(honolulu, new Date('2020-03-02T09:59:00Z'))).toBe('upcoming'); // 23:59 on the 1st in Honolulu
		expect(stopStatus(honolulu, new Date('2020-03-02T10:00:00Z'))).toBe('now');
		expect(stopStatus(auckland, new Date('2020-03-03T10:59:00Z'))).toBe('now'); // 23:59 on the 3rd in Auckland (UTC+13)
	});

	it('splits stops in date order, the next one being the stop that is on, or else the first to come', () => {
		const sydney = { timezone: 'Australia/Sydney', dates: { start: '2020-02-13', end: '2020-02-14' } };
		const chicago = { timezone: 'America/Chicago', dates: { start: '2020-03-06', end: '2020-03-09' } };
		const split = splitStops([sydney, auckland, chicago], new Date('2020-03-02T12:00:00Z'));
		expect(split.past).toEqual([sydney]);
		expect(split.upcoming).toEqual([auckland, chicago]);
		expect(split.next).toBe(auckland);
		expect(splitStops([sydney], new Date('2021-01-01T00:00:00Z')).next).toBeUndefined();
	});
});

describe('regionOf', () => {
	it('groups zones into the three regions of a world tour', () => {
		expect(regionOf('America/Mexico_City')).toBe('Americas');
		expect(regionOf('Europe/Prague')).toBe('Europe, Middle East and Africa');
		expect(regionOf('Asia/Dubai')).toBe('Europe, Middle East and Africa');
		expect(regionOf('Africa/Johannesburg')).toBe('Europe, Middle East and Africa');
		expect(regionOf('Asia/Kolkata')).toBe('Asia Pacific');
		expect(regionOf('Australia/Sydney')).toBe('Asia Pacific');
		expect(regionOf('Etc/UTC')).toBe('Elsewhere');
	});
});
