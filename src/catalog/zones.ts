import { closestMatch } from './suggest';

// Time-zone facts from the platform's own tz data (Intl, i.e. the pinned Node's ICU), in one place for the
// catalog, the pages and the VTIMEZONE blocks, so that they can never disagree about an offset or a name.

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
	let format = offsetFormats.get(timeZone);
	if (format === undefined) {
		try {
			// A fixed locale, so that the parsed text never depends on the build machine.
			format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
		} catch (error) {
			throw new RangeError(`Unknown IANA time zone "${timeZone}" (not in this platform's tz data)`, { cause: error });
		}
		offsetFormats.set(timeZone, format);
	}
	return format;
}

/**
 * Seconds east of UTC in force in `timeZone` at an instant: 39600 for AEDT, 19800 for IST. Seconds, because
 * local mean time before standard time had them (Kolkata +05:53:28), and a VTIMEZONE must state them exactly.
 */
export function utcOffsetSeconds(timeZone: string, instant: Date | number): number {
	const name = offsetFormat(timeZone)
		.formatToParts(instant)
		.find((part) => part.type === 'timeZoneName')?.value;
	// en-US longOffset is "GMT" for zero, else "GMT+05:30" or "GMT-04:56:02".
	const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name ?? '');
	if (match === null) throw new Error(`Unexpected Intl offset "${name}" for ${timeZone}`);
	const [, sign, hours = '0', minutes = '0', seconds = '0'] = match;
	const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
	return sign === '-' ? -total : total;
}

/** Minutes east of UTC at an instant, e.g. 660 for AEDT (fractional only for local mean time). */
export function utcOffsetMinutes(timeZone: string, instant: Date | number): number {
	return utcOffsetSeconds(timeZone, instant) / 60;
}

/** "UTC+11", "UTC+5:30", "UTC-6", "UTC": how pages write an offset. */
export function formatUtcOffset(offsetMinutes: number): string {
	if (offsetMinutes === 0) return 'UTC';
	const sign = offsetMinutes > 0 ? '+' : '-';
	const absolute = Math.abs(offsetMinutes);
	const minutes = absolute % 60;
	return `UTC${sign}${Math.floor(absolute / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

// English locales whose CLDR data carry the customary abbreviations (EST, CET, BST, AEDT, IST).
const abbreviationLocales = ['en-US', 'en-GB', 'en-AU', 'en-IN'] as const;
const nameFormats = new Map<string, readonly Intl.DateTimeFormat[]>();
const abbreviations = new Map<string, string | undefined>();

/**
 * The customary abbreviation of the zone at an instant ("AEDT", "CET", "BST"), or undefined where the
 * platform's data has none (many Asian zones): pages then show the UTC offset alone and VTIMEZONE
 * observances carry no TZNAME (it is optional).
 */
export function zoneAbbreviation(timeZone: string, instant: Date | number): string | undefined {
	const key = `${timeZone}@${utcOffsetSeconds(timeZone, instant)}`;
	if (abbreviations.has(key)) return abbreviations.get(key);
	let formats = nameFormats.get(timeZone);
	if (formats === undefined) {
		formats = abbreviationLocales.map((locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }));
		nameFormats.set(timeZone, formats);
	}
	let found: string | undefined;
	for (const format of formats) {
		const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
		if (name && /^[A-Z]{2,5}$/.test(name)) {
			found = name;
			break;
		}
	}
	abbreviations.set(key, found);
	return found;
}

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

/** True for a zone spelt as in the tz database, else what is wrong and what would be right. */
export function checkTimeZone(timeZone: string): true | string {
	const listed = knownZones().get(timeZone.toLowerCase());
	if (listed === timeZone) return true;
	// Node's list lacks some current names (Asia/Kolkata, Europe/Kyiv): Intl knows them, case-insensitively.
	const spelt = listed ?? (isIanaTimeZone(timeZone) ? tzDatabaseSpelling(timeZone) : undefined);
	if (spelt === timeZone) return true;
	if (spelt) return `"${timeZone}" must be spelt as in the tz database: "${spelt}" (calendars use it as written)`;
	const guess = closestMatch(timeZone, knownZones().values());
	return `"${timeZone}" is not an IANA time zone; ${guess ? `did you mean "${guess}"? ` : ''}write a name like "Europe/Berlin" or "America/New_York" (see the tz database list)`;
}

/** "asia/kolkata" → "Asia/Kolkata", "america/port_of_spain" → "America/Port_of_Spain": the database's capitals. */
function tzDatabaseSpelling(timeZone: string): string {
	return timeZone
		.split('/')
		.map((part) => part.replace(/(^|[_-])([a-z])/g, (_, separator: string, letter: string) => separator + letter.toUpperCase()))
		.join('/')
		.replace(/_(Of|Es|Au|De|Da)_/g, (match) => match.toLowerCase());
}

let zonesByLowerCase: Map<string, string> | undefined;
function knownZones(): ReadonlyMap<string, string> {
	zonesByLowerCase ??= new Map(Intl.supportedValuesOf('timeZone').map((name) => [name.toLowerCase(), name]));
	return zonesByLowerCase;
}
