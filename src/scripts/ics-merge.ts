// One calendar file of an attendee's picks, merged in the browser from the static per-delivery files
// (/cities/<city>/sessions/<key>.ics). Events are copied line for line, folds included, so each keeps the UID,
// SEQUENCE and DTSTAMP of its static file and re-importing updates instead of duplicating (docs/architecture.md,
// "UID, SEQUENCE, DTSTAMP"). No dependencies and no Node APIs: ical-generator stays on the build side.

/** Roadshow's product identifier, as src/calendar/ics.ts writes it through ical-generator (-//company//product//language). */
const productId = '-//Roadshow//Roadshow//EN';

export interface MergeOptions {
	/** The calendar's name (X-WR-CALNAME). */
	readonly name: string;
	/** X-WR-CALDESC; left out when empty. */
	readonly description?: string;
}

/** A content line unfolded, with the physical lines it came from (without their line ends). */
interface ContentLine {
	/** Property name, or BEGIN/END, in upper case. */
	readonly name: string;
	/** What follows the first colon outside a quoted parameter value. */
	readonly value: string;
	/** The whole line unfolded. */
	readonly text: string;
	readonly physical: readonly string[];
}

/** A component directly inside VCALENDAR, from its BEGIN line to its END line. */
interface Component {
	readonly name: string;
	/** depth: 2 for the component's own lines, 3 and more inside a nested component (VALARM, STANDARD). */
	readonly lines: (ContentLine & { readonly depth: number })[];
}

/**
 * Merges iCalendar texts into one: each VTIMEZONE once (by TZID), then every VEVENT in the order given, with an
 * event whose UID and RECURRENCE-ID were already seen taken once. Other components (VTODO, VJOURNAL, …) and the
 * files' own calendar properties are left out. Throws an Error naming the file for anything that is not one
 * VCALENDAR of VERSION:2.0 with balanced BEGIN/END lines, and for an event without UID or a zone without TZID.
 * The result ends every line with CRLF.
 */
export function mergeCalendars(files: readonly string[], options: MergeOptions): string {
	const zones = new Map<string, Component>();
	// Keyed by UID and RECURRENCE-ID; a Map keeps the first insertion's place when an entry is replaced.
	const events = new Map<string, Component>();
	files.forEach((text, index) => {
		const where = `Calendar file ${index + 1} of ${files.length}`;
		for (const component of components(text, where)) {
			if (component.name === 'VTIMEZONE') {
				const tzid = required(component, 'TZID', where);
				const kept = zones.get(tzid);
				if (!kept || wider(component, kept)) zones.set(tzid, component);
			} else if (component.name === 'VEVENT') {
				const recurrence = own(component, 'RECURRENCE-ID');
				const key = `${required(component, 'UID', where)}\n${recurrence?.text ?? ''}`;
				const kept = events.get(key);
				// The same event twice: the newer version (higher SEQUENCE) wins, as it would in the client.
				if (!kept || sequence(component) > sequence(kept)) events.set(key, component);
			}
		}
	});
	const header = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${productId}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...fold(`X-WR-CALNAME:${escapeText(options.name)}`),
		...(options.description ? fold(`X-WR-CALDESC:${escapeText(options.description)}`) : []),
	];
	const body = [...zones.values(), ...events.values()].flatMap((component) => component.lines.flatMap((line) => line.physical));
	return [...header, ...body, 'END:VCALENDAR', ''].join('\r\n');
}

/** The components directly inside the file's one VCALENDAR, after checking its shape and version. */
function components(text: string, where: string): Component[] {
	const groups = physicalLines(text, where);
	const first = groups[0]?.join('') ?? '';
	if (first.toUpperCase() !== 'BEGIN:VCALENDAR') {
		throw new Error(`${where} is not an iCalendar file: it must begin with BEGIN:VCALENDAR, not "${first.slice(0, 40)}"`);
	}
	const found: Component[] = [];
	const open: string[] = [];
	let current: Component | undefined;
	let version = '';
	groups.forEach((physical, index) => {
		if (index > 0 && open.length === 0) throw new Error(`${where} goes on after END:VCALENDAR; one calendar per file is accepted`);
		const line = contentLine(physical, where);
		if (line.name === 'BEGIN') open.push(line.value.toUpperCase());
		if (open.length === 1 && line.name === 'VERSION') version = line.value;
		const [, name] = open;
		if (name !== undefined) {
			current ??= { name, lines: [] };
			current.lines.push({ ...line, depth: open.length });
		}
		if (line.name === 'END') {
			const expected = open.pop();
			if (line.value.toUpperCase() !== expected) throw new Error(`${where} has END:${line.value} where END:${expected} was expected`);
			if (open.length === 1 && current) {
				found.push(current);
				current = undefined;
			}
		}
	});
	if (open.length > 0) throw new Error(`${where} is cut short: BEGIN:${open.at(-1)} is never closed`);
	if (version !== '2.0') {
		throw new Error(`${where} has ${version ? `VERSION:${version}` : 'no VERSION'}; only iCalendar 2.0 (RFC 5545) can be merged`);
	}
	return found;
}

/** Lines grouped with their continuations (a leading space or tab); CRLF, LF or CR line ends; blank lines dropped. */
function physicalLines(text: string, where: string): string[][] {
	const groups: string[][] = [];
	for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
		if (line === '') continue;
		const previous = groups.at(-1);
		if (line.startsWith(' ') || line.startsWith('\t')) {
			if (!previous) throw new Error(`${where} is not an iCalendar file: it begins with a continuation line`);
			previous.push(line);
		} else groups.push([line]);
	}
	return groups;
}

function contentLine(physical: readonly string[], where: string): ContentLine {
	// Unfolding removes the line break and the one space or tab after it (RFC 5545 3.1).
	const text = physical.map((line, index) => (index === 0 ? line : line.slice(1))).join('');
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		if (text[index] === '"') quoted = !quoted;
		else if (text[index] === ':' && !quoted) {
			const name = text.slice(0, index).split(';')[0] ?? '';
			return { name: name.toUpperCase(), value: text.slice(index + 1), text, physical };
		}
	}
	throw new Error(`${where} has a line without a colon: "${text.slice(0, 40)}"`);
}

/** A property of the component itself, not of a component nested in it (a VALARM may have its own UID). */
function own(component: Component, name: string): ContentLine | undefined {
	return component.lines.find((line) => line.depth === 2 && line.name === name);
}

function required(component: Component, name: string, where: string): string {
	const value = own(component, name)?.value;
	if (!value) throw new Error(`${where} has a ${component.name} without ${name}`);
	return value;
}

const sequence = (event: Component): number => Number(own(event, 'SEQUENCE')?.value ?? 0) || 0;

/**
 * Which of two VTIMEZONE blocks of one TZID to keep: the one whose observances begin over the most days, on a tie the
 * one with more lines (observances). Ours (src/calendar/vtimezone.ts) hold one observance per transition over a span
 * ± 365 days, and every file of a city carries the block of the city's whole agenda, so two blocks of one TZID come
 * from two cities in that zone; each covers the other city's events while the two agendas are less than a year
 * apart. Further apart no single block would do (ical.js reads a time before a block's first observance as UTC):
 * the observances of both would have to be merged.
 */
function wider(block: Component, other: Component): boolean {
	const days = (zone: Component): number => {
		const onsets = zone.lines.filter((line) => line.name === 'DTSTART').map((line) => dayNumber(line.value));
		return onsets.length === 0 ? 0 : Math.max(...onsets) - Math.min(...onsets);
	};
	return days(block) > days(other) || (days(block) === days(other) && block.lines.length > other.lines.length);
}

/** Days since 1970 of a DATE-TIME value such as 20200405T030000. */
const dayNumber = (value: string): number =>
	Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8))) / 86_400_000;

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, a line break as \n, other control characters dropped. */
function escapeText(value: string): string {
	return value
		.replace(/[\\;,]/g, '\\$&')
		.replace(/\r\n|\r|\n/g, '\\n')
		.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** Folds a content line at 75 octets of UTF-8 (RFC 5545 3.1), between characters, never inside one. */
function fold(line: string): string[] {
	const lines: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const code = char.codePointAt(0) ?? 0;
		const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
		if (octets + size > 75) {
			lines.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	return [...lines, current];
}
