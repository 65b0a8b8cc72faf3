/**
 * VTIMEZONE blocks built from the platform's tz database (Intl), covering the events' span ± 365 days,
 * like python-icalendar's add_missing_timezones(first_date, last_date) used by pretalx.
 * See docs/architecture.md "Calendar rules". One sub-component per transition: Outlook ignores RDATE lists,
 * and explicit transitions stay correct across historic rule changes (Mexico City 2022).
 */
import { utcOffsetSeconds, zoneAbbreviation } from '../catalog/zones';

const DAY_MS = 86_400_000;
const SPAN_MARGIN_MS = 365 * DAY_MS;
// Look this far beyond the span only to tell DST periods from permanent offset changes.
const CLASSIFY_MARGIN_MS = 366 * DAY_MS;
// Scan step; a transition is then located to the second by bisection.
const SCAN_STEP_MS = DAY_MS;

interface Transition {
	/** First instant (ms, whole second) at which `to` applies. */
	at: number;
	from: number;
	to: number;
}

function findTransitions(tzid: string, start: number, end: number): Transition[] {
	const transitions: Transition[] = [];
	let lo = start;
	let loOffset = utcOffsetSeconds(tzid, lo);
	while (lo < end) {
		const hi = Math.min(lo + SCAN_STEP_MS, end);
		const hiOffset = utcOffsetSeconds(tzid, hi);
		if (hiOffset === loOffset) {
			lo = hi;
			continue;
		}
		// Invariant: offset(a) === loOffset, offset(b) !== loOffset; tz data changes only on whole seconds.
		let a = lo;
		let b = hi;
		while (b - a > 1000) {
			const mid = a + Math.floor((b - a) / 2000) * 1000;
			if (utcOffsetSeconds(tzid, mid) === loOffset) a = mid;
			else b = mid;
		}
		const to = utcOffsetSeconds(tzid, b);
		transitions.push({ at: b, from: loOffset, to });
		// Resume at the transition itself so a second change within the same step is not missed.
		lo = b;
		loOffset = to;
	}
	return transitions;
}

function formatOffset(seconds: number): string {
	const abs = Math.abs(seconds);
	const pad = (n: number): string => String(n).padStart(2, '0');
	const hhmm = pad(Math.floor(abs / 3600)) + pad(Math.floor((abs % 3600) / 60));
	// RFC 5545 forbids "-0000", and the seconds field is only written when non-zero.
	return (seconds < 0 ? '-' : '+') + hhmm + (abs % 60 === 0 ? '' : pad(abs % 60));
}

/** Wall-clock time of `ms` at a fixed offset, as an iCalendar local DATE-TIME (no Z). */
function formatLocal(ms: number, offsetSeconds: number): string {
	return new Date(ms + offsetSeconds * 1000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number, name: string | undefined): string[] {
	return [
		`BEGIN:${kind}`,
		`DTSTART:${dtstart}`,
		`TZOFFSETFROM:${formatOffset(from)}`,
		`TZOFFSETTO:${formatOffset(to)}`,
		...(name === undefined ? [] : [`TZNAME:${name}`]),
		`END:${kind}`,
	];
}

/**
 * VTIMEZONE text (CRLF-separated, no trailing CRLF) for `tzid`, valid for instants in
 * [first − 365 days, last + 365 days]: a leading observance for the offset in force at the span start,
 * then one STANDARD/DAYLIGHT observance per offset transition in the span.
 */
export function buildVTimezone(tzid: string, first: Date, last: Date): string {
	const firstMs = first.getTime();
	const lastMs = last.getTime();
	if (Number.isNaN(firstMs) || Number.isNaN(lastMs)) throw new RangeError(`Invalid span date for VTIMEZONE ${tzid}`);
	if (lastMs < firstMs) throw new RangeError(`VTIMEZONE ${tzid}: last (${last.toISOString()}) is before first (${first.toISOString()})`);
	utcOffsetSeconds(tzid, firstMs); // Unknown zone: RangeError before any work.

	// Whole seconds, so DTSTART values are exact.
	const spanStart = Math.floor((firstMs - SPAN_MARGIN_MS) / 1000) * 1000;
	const spanEnd = lastMs + SPAN_MARGIN_MS;
	const all = findTransitions(tzid, spanStart - CLASSIFY_MARGIN_MS, spanEnd + CLASSIFY_MARGIN_MS);

	// A period is daylight time when its offset exceeds both neighbours' (a permanent change is not);
	// offsets[i] is in force after all[i - 1], offsets[0] before all[0].
	const offsets = [all[0]?.from ?? utcOffsetSeconds(tzid, spanStart), ...all.map((t) => t.to)];
	const isDaylight = (period: number): boolean => {
		const offset = offsets[period];
		const before = offsets[period - 1];
		const after = offsets[period + 1];
		return offset !== undefined && before !== undefined && after !== undefined && offset > before && offset > after;
	};
	const kind = (period: number): 'STANDARD' | 'DAYLIGHT' => (isDaylight(period) ? 'DAYLIGHT' : 'STANDARD');

	const leadPeriod = all.filter((t) => t.at <= spanStart).length;
	const leadOffset = utcOffsetSeconds(tzid, spanStart);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${tzid}`];
	// Lead observance: without it, clients (ical.js) treat times before the first transition as UTC.
	lines.push(
		...observance(kind(leadPeriod), formatLocal(spanStart, leadOffset), leadOffset, leadOffset, zoneAbbreviation(tzid, spanStart)),
	);
	all.forEach((t, index) => {
		if (t.at <= spanStart || t.at > spanEnd) return;
		// RFC 5545: an observance's DTSTART is the onset in the local time of the offset before it (TZOFFSETFROM).
		lines.push(...observance(kind(index + 1), formatLocal(t.at, t.from), t.from, t.to, zoneAbbreviation(tzid, t.at)));
	});
	lines.push('END:VTIMEZONE');
	return lines.join('\r\n');
}

/**
 * ical-generator `timezone.generator` for one calendar: it is called with a TZID only, so the
 * events' span per zone is captured here. Throws for a zone without a span (it would lack a VTIMEZONE).
 */
export function vtimezoneGenerator(spans: ReadonlyMap<string, { first: Date; last: Date }>): (tzid: string) => string {
	return (tzid) => {
		const span = spans.get(tzid);
		if (span === undefined) throw new Error(`No event span known for time zone ${tzid}; cannot build its VTIMEZONE`);
		// Every feed of a city asks for the same block: built once (about 10 ms each) instead of per file.
		const key = `${tzid}|${span.first.getTime()}|${span.last.getTime()}`;
		let block = blocks.get(key);
		if (block === undefined) {
			block = buildVTimezone(tzid, span.first, span.last);
			blocks.set(key, block);
		}
		return block;
	};
}

const blocks = new Map<string, string>();
