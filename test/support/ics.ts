import ICAL from 'ical.js';

/** One VEVENT as Mozilla's ical.js (Thunderbird's engine) reads it: an independent parser. */
export interface ParsedEvent {
	readonly uid: string;
	readonly summary: string;
	readonly description: string;
	readonly location: string;
	readonly url: string;
	readonly start: Date;
	readonly end: Date;
	readonly startZone: string;
	readonly sequence: number;
	readonly categories: string[];
	readonly dtstamp: string;
	readonly lastModified: string;
	/** STATUS, e.g. "CANCELLED"; empty when the event has none (confirmed). */
	readonly status: string;
}

export function parseCalendar(text: string): { name: string; events: ParsedEvent[]; timezones: string[] } {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent').map((component) => {
		const event = new ICAL.Event(component);
		return {
			uid: event.uid,
			summary: event.summary,
			description: event.description,
			location: event.location,
			url: String(component.getFirstPropertyValue('url') ?? ''),
			start: event.startDate.toJSDate(),
			end: event.endDate.toJSDate(),
			startZone: event.startDate.zone?.tzid ?? '',
			sequence: event.sequence,
			categories: component.getAllProperties('categories').flatMap((property) => property.getValues().map(String)),
			dtstamp: String(component.getFirstProperty('dtstamp')?.toICALString() ?? ''),
			lastModified: String(component.getFirstProperty('last-modified')?.toICALString() ?? ''),
			status: String(component.getFirstPropertyValue('status') ?? ''),
		};
	});
	const timezones = calendar.getAllSubcomponents('vtimezone').map((zone) => String(zone.getFirstPropertyValue('tzid')));
	return { name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''), events, timezones };
}
