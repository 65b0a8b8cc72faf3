import { tzOffset } from '@date-fns/tz';

/** What a local wall-clock time in a zone refers to: one instant, none (DST gap) or two (repeated hour). */
export type LocalTimeResolution =
	| { kind: 'instant'; instant: Date }
	| { kind: 'gap' }
	| { kind: 'ambiguous'; earlier: Date; later: Date };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** True for an IANA zone name the platform knows ("Europe/Berlin", "UTC"); false for offsets and typos. */
export function isIanaTimeZone(timeZone: string): boolean {
	if (timeZone !== 'UTC' && !timeZone.includes('/')) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

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
		tzOffset(timeZone, new Date(wallClockAsUtc - 36 * HOUR)),
		tzOffset(timeZone, new Date(wallClockAsUtc)),
		tzOffset(timeZone, new Date(wallClockAsUtc + 36 * HOUR)),
	]);
	const instants = [...offsets]
		.map((offset) => wallClockAsUtc - offset * MINUTE)
		.filter((candidate) => tzOffset(timeZone, new Date(candidate)) * MINUTE === wallClockAsUtc - candidate)
		.sort((a, b) => a - b);
	const [earlier, later] = instants;
	if (earlier === undefined) return { kind: 'gap' };
	if (later === undefined || later === earlier) return { kind: 'instant', instant: new Date(earlier) };
	return { kind: 'ambiguous', earlier: new Date(earlier), later: new Date(later) };
}

/** Local day "YYYY-MM-DD" and time "HH:MM" of an instant in a zone: UTC fields shifted by the zone's offset. */
export function localDayAndTime(timeZone: string, instant: Date): { day: string; time: string } {
	const local = new Date(instant.getTime() + tzOffset(timeZone, instant) * MINUTE);
	return {
		day: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
		time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
	};
}

/** Minutes east of UTC in force at an instant, e.g. 660 for AEDT. */
export function utcOffsetMinutes(timeZone: string, instant: Date): number {
	return tzOffset(timeZone, instant);
}

/** "UTC+11", "UTC+5:30", "UTC-6", "UTC". */
export function formatUtcOffset(offsetMinutes: number): string {
	if (offsetMinutes === 0) return 'UTC';
	const sign = offsetMinutes > 0 ? '+' : '-';
	const absolute = Math.abs(offsetMinutes);
	const minutes = absolute % 60;
	return `UTC${sign}${Math.floor(absolute / 60)}${minutes ? `:${pad(minutes)}` : ''}`;
}

// English locales whose CLDR data carry the usual abbreviations (EST, CET, AEDT, IST, GST).
const abbreviationLocales = ['en-US', 'en-GB', 'en-AU', 'en-IN'] as const;
const abbreviationCache = new Map<string, string | undefined>();

/**
 * The customary abbreviation of the zone at that instant ("AEDT", "CET"), or undefined where the
 * platform's data has none (many Asian zones): callers then show the UTC offset alone.
 */
export function zoneAbbreviation(timeZone: string, instant: Date): string | undefined {
	const key = `${timeZone}@${tzOffset(timeZone, instant)}`;
	if (abbreviationCache.has(key)) return abbreviationCache.get(key);
	let found: string | undefined;
	for (const locale of abbreviationLocales) {
		const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
			.formatToParts(instant)
			.find((part) => part.type === 'timeZoneName')?.value;
		if (name && /^[A-Z]{2,5}$/.test(name)) {
			found = name;
			break;
		}
	}
	abbreviationCache.set(key, found);
	return found;
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}
