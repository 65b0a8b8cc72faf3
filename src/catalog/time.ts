import { utcOffsetMinutes } from './zones';

/** What a local wall-clock time in a zone refers to: one instant, none (DST gap) or two (repeated hour). */
export type LocalTimeResolution = { kind: 'instant'; instant: Date } | { kind: 'gap' } | { kind: 'ambiguous'; earlier: Date; later: Date };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Splits "YYYY-MM-DD" and "HH:MM" into numbers; both were validated by the schema. */
function fields(day: string, time: string): [number, number, number, number, number] {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	const [hours, minutes] = time.split(':').map(Number) as [number, number];
	return [year, month, date, hours, minutes];
}

/**
 * Resolves a wall-clock time in `timeZone` to the instant(s) it names, from numbers and the zone's
 * offsets only. Not `new TZDate(y, m, d, h, min, zone)`: that builds a machine-local Date first and is
 * an hour off near the build machine's own DST changes (seen with TZ=Europe/Berlin, London 2020-10-25).
 */
export function resolveLocalTime(timeZone: string, day: string, time: string): LocalTimeResolution {
	const [year, month, date, hours, minutes] = fields(day, time);
	const wallClockAsUtc = Date.UTC(year, month - 1, date, hours, minutes);
	// Any transition near this wall-clock time shows up as a different offset a day and a half either side.
	const offsets = new Set([
		utcOffsetMinutes(timeZone, new Date(wallClockAsUtc - 36 * HOUR)),
		utcOffsetMinutes(timeZone, new Date(wallClockAsUtc)),
		utcOffsetMinutes(timeZone, new Date(wallClockAsUtc + 36 * HOUR)),
	]);
	const instants = [...offsets]
		.map((offset) => wallClockAsUtc - offset * MINUTE)
		.filter((candidate) => utcOffsetMinutes(timeZone, new Date(candidate)) * MINUTE === wallClockAsUtc - candidate)
		.sort((a, b) => a - b);
	const [earlier, later] = instants;
	if (earlier === undefined) return { kind: 'gap' };
	if (later === undefined || later === earlier) return { kind: 'instant', instant: new Date(earlier) };
	return { kind: 'ambiguous', earlier: new Date(earlier), later: new Date(later) };
}

/** Local day "YYYY-MM-DD" and time "HH:MM" of an instant in a zone: UTC fields shifted by the zone's offset. */
export function localDayAndTime(timeZone: string, instant: Date): { day: string; time: string } {
	const local = new Date(instant.getTime() + utcOffsetMinutes(timeZone, instant) * MINUTE);
	return {
		day: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
		time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
	};
}

/**
 * "2020-02-13T09:00:00+11:00": an instant as the wall-clock time `offsetMinutes` east of UTC, with that offset,
 * computed without the machine's zone. The offset is rounded to whole minutes (only local mean time, before 1900,
 * had seconds) and the clock is shifted by that same offset, so the text always names the exact instant.
 */
export function isoAtOffset(instant: Date, offsetMinutes: number): string {
	const offset = Math.round(offsetMinutes);
	const local = new Date(instant.getTime() + offset * MINUTE).toISOString().slice(0, 19);
	const absolute = Math.abs(offset);
	return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** An instant written in a zone with the offset in force then: 09:00 AEDT is 2020-02-13T09:00:00+11:00. */
export function isoInZone(instant: Date, timeZone: string): string {
	return isoAtOffset(instant, utcOffsetMinutes(timeZone, instant));
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}
