import type { FrabEvent, FrabSchedule } from './frab';

// The frab schedule.xml rendering of a FrabSchedule (c3voc XSD: test/vendor/c3voc/frab-schedule.xsd).
// Differences from the JSON forced by the XSD: rooms are listed per day only (a conference has no
// <room>), base_url sits in <conference>, events have no <end>, persons carry no url.

/** A city's frab schedule as XML text. Pure: the same schedule gives the same bytes. */
export function frabScheduleXml(schedule: FrabSchedule): string {
	const { conference } = schedule.schedule;
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<schedule>',
		`  ${tag('generator', { name: schedule.generator.name, version: schedule.generator.version })}`,
		`  ${element('version', schedule.schedule.version)}`,
		'  <conference>',
		`    ${element('acronym', conference.acronym)}`,
		`    ${element('title', conference.title)}`,
		`    ${element('start', conference.start)}`,
		`    ${element('end', conference.end)}`,
		`    ${element('days', String(conference.daysCount))}`,
		`    ${element('timeslot_duration', conference.timeslot_duration)}`,
		`    ${element('base_url', schedule.schedule.base_url)}`,
		`    ${element('url', conference.url)}`,
		...(conference.time_zone_name === undefined ? [] : [`    ${element('time_zone_name', conference.time_zone_name)}`]),
		...conference.tracks.map((track) => `    ${tag('track', { name: track.name, color: track.color })}`),
		'  </conference>',
	];
	for (const day of conference.days) {
		lines.push(`  <day${attributes({ index: String(day.index), date: day.date, start: day.day_start, end: day.day_end })}>`);
		// In the conference's room order: an object puts integer-like keys ("101") first.
		for (const room of conference.rooms) {
			const events = day.rooms[room.name] ?? [];
			if (events.length === 0) {
				lines.push(`    ${tag('room', { name: room.name, guid: room.guid })}`);
				continue;
			}
			lines.push(`    <room${attributes({ name: room.name, guid: room.guid })}>`);
			for (const event of events) lines.push(...eventLines(event).map((line) => `      ${line}`));
			lines.push('    </room>');
		}
		lines.push('  </day>');
	}
	lines.push('</schedule>', '');
	return lines.join('\n');
}

function eventLines(event: FrabEvent): string[] {
	return [
		`<event${attributes({ guid: event.guid, id: String(event.id), code: event.code })}>`,
		`  ${element('date', event.date)}`,
		`  ${element('start', event.start)}`,
		`  ${element('duration', event.duration)}`,
		`  ${element('room', event.room)}`,
		`  ${element('slug', event.slug)}`,
		`  ${element('url', event.url)}`,
		`  ${element('title', event.title)}`,
		`  ${element('subtitle', event.subtitle)}`,
		`  ${element('track', event.track)}`,
		`  ${element('type', event.type)}`,
		`  ${element('language', event.language)}`,
		`  ${element('abstract', event.abstract)}`,
		`  ${element('description', event.description)}`,
		...list(
			'persons',
			event.persons.map((person) => element('person', person.name, { id: String(person.id), guid: person.guid })),
		),
		...list(
			'links',
			event.links.map((link) => element('link', link.title, { href: link.url, type: link.type })),
		),
		'</event>',
	];
}

function list(name: string, items: readonly string[]): string[] {
	return items.length === 0 ? [`  <${name}/>`] : [`  <${name}>`, ...items.map((item) => `    ${item}`), `  </${name}>`];
}

type Attributes = Readonly<Record<string, string | undefined>>;

function element(name: string, content: string, attributeValues: Attributes = {}): string {
	return content === '' ? tag(name, attributeValues) : `<${name}${attributes(attributeValues)}>${escapeXmlText(content)}</${name}>`;
}

/** An empty element. */
function tag(name: string, attributeValues: Attributes): string {
	return `<${name}${attributes(attributeValues)}/>`;
}

/** ` a="…" b="…"`, leaving out undefined values. */
function attributes(values: Attributes): string {
	return Object.entries(values)
		.flatMap(([name, value]) => (value === undefined ? [] : [` ${name}="${escapeXmlAttribute(value)}"`]))
		.join('');
}

// Characters XML 1.0 cannot carry (C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates), plus DEL
// and the C1 controls, which no title means to contain.
const NOT_XML =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const references: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
	'\t': '&#9;',
	'\n': '&#10;',
	'\r': '&#13;',
};

/** Element content: markup characters escaped, CR kept as a reference (a parser would turn a raw one into LF). */
export function escapeXmlText(value: string): string {
	return value.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (char) => references[char] ?? '');
}

/** Attribute value: also tab and line breaks as references, which a parser would otherwise turn into spaces. */
export function escapeXmlAttribute(value: string): string {
	return value.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (char) => references[char] ?? '');
}
