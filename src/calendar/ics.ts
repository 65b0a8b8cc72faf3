import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Delivery } from '../catalog';
import { typeLabels } from '../presentation/labels';
import { abstractText } from '../presentation/plain-text';
import { sessionUrl } from '../presentation/urls';
import type { RevisionIndex } from './revisions';
import { vtimezoneGenerator } from './vtimezone';

/** One calendar file: a city's agenda, a session's deliveries in a city, or a learning path in a city. */
export interface CalendarFeed {
	/** Shown as the calendar's name (X-WR-CALNAME) when subscribed. */
	readonly title: string;
	readonly description?: string;
	/** IANA zone of the calendar (the city's), announced as X-WR-TIMEZONE; every event carries its own TZID. */
	readonly timeZone: string;
	readonly deliveries: readonly Delivery[];
	/** Absolute site URL without a trailing slash, e.g. "https://ignite-tour.example.org". */
	readonly siteUrl: string;
	readonly revisions: RevisionIndex;
	/** The tracks file, whose names land in CATEGORIES. */
	readonly tracksFile: string;
	/** The event file, whose URL lands in URL and DESCRIPTION. */
	readonly eventFile: string;
	/**
	 * Instants the VTIMEZONE must cover (± 365 days are added), e.g. the city's whole agenda, so that every
	 * feed of a city shares one block; by default the span of this feed's events.
	 */
	readonly zoneSpan?: { readonly first: Date; readonly last: Date };
	/** How often a subscribed client should refresh, in hours; omit for one-off downloads. */
	readonly refreshHours?: number;
}

/** The iCalendar text of a feed: events with TZID and a VTIMEZONE valid on their dates, CRLF, folded. */
export function calendarText(feed: CalendarFeed): string {
	const calendar = ical({
		prodId: { company: 'Roadshow', product: 'Roadshow', language: 'EN' },
		method: ICalCalendarMethod.PUBLISH,
		// A calendar-level zone name would make ical-generator write DTSTAMP and LAST-MODIFIED in the
		// machine's local time; each event names its zone instead, and the generator adds its VTIMEZONE.
		timezone: { name: null, generator: vtimezoneGenerator(spansByZone(feed)) },
		// X-WR-CALNAME rather than the `name` option (see docs/architecture.md "Calendar rules").
		x: [
			{ key: 'X-WR-CALNAME', value: feed.title },
			{ key: 'X-WR-TIMEZONE', value: feed.timeZone },
			...(feed.description ? [{ key: 'X-WR-CALDESC', value: feed.description }] : []),
		],
		...(feed.refreshHours ? { ttl: feed.refreshHours * 3600 } : {}),
	});
	for (const delivery of feed.deliveries) {
		const { session, city } = delivery;
		// Everything the event's text comes from: session, city, speakers, tracks, the site's URL.
		const revision = feed.revisions.of([
			session.filePath,
			city.filePath,
			...session.speakers.map((speaker) => speaker.filePath),
			feed.tracksFile,
			feed.eventFile,
		]);
		const pageUrl = `${feed.siteUrl}${sessionUrl(session)}`;
		const speakers = session.speakers.map((speaker) => `${speaker.name} (${speaker.role}, ${speaker.company})`);
		calendar.createEvent({
			id: delivery.uid,
			sequence: revision.sequence,
			// Kept, not dropped: a client removes or strikes the event it imported only if it sees it cancelled; and
			// said outright when it is on, so that a cancellation taken back is seen too.
			status: delivery.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			stamp: revision.lastModified,
			lastModified: revision.lastModified,
			// TZDate, not Date: ical-generator formats a plain Date with the machine's local clock.
			start: new TZDate(delivery.start.getTime(), city.timezone),
			end: new TZDate(delivery.end.getTime(), city.timezone),
			timezone: city.timezone,
			summary: `${session.code}: ${session.title}`,
			description: [abstractText(session), speakers.length > 0 ? `Speakers: ${speakers.join('; ')}` : '', `Room: ${delivery.room}`, pageUrl]
				.filter(Boolean)
				.join('\n\n'),
			location: `${delivery.room}, ${city.venue.name}, ${city.venue.address}`,
			url: pageUrl,
			categories: [session.track.name, typeLabels[session.type], `Level ${session.level}`].map((name) => ({ name })),
		});
	}
	return calendar.toString();
}

function spansByZone(feed: CalendarFeed): Map<string, { first: Date; last: Date }> {
	const spans = new Map<string, { first: Date; last: Date }>();
	if (feed.zoneSpan) spans.set(feed.timeZone, { ...feed.zoneSpan });
	for (const { city, start, end } of feed.deliveries) {
		const span = spans.get(city.timezone);
		if (!span) spans.set(city.timezone, { first: start, last: end });
		else {
			if (start < span.first) span.first = start;
			if (end > span.last) span.last = end;
		}
	}
	return spans;
}
