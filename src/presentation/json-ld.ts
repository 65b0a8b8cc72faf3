import type { City, Delivery, Event, Session, Speaker } from '../catalog';
import { isoInZone } from '../catalog/time';
import { oneLine, plainSummary, truncate } from './format';
import { abstractText } from './plain-text';
import { cityUrl, sessionUrl, speakerUrl } from './urls';

// schema.org structured data (JSON-LD) for search engines and link previews: plain objects, built from the
// catalog alone, so that the same content gives the same bytes on every machine. src/components/JsonLd.astro
// writes them into the page. Times are the city's wall-clock time with the offset in force at that instant,
// never the build machine's zone.

/** A JSON-LD node: a plain object that JSON.stringify writes as is. */
export type JsonLd = { readonly [key: string]: JsonValue };
type JsonValue = string | number | boolean | JsonLd | readonly JsonValue[];

/** What every builder needs: the event (content/event.yaml) and the site's address without a trailing slash. */
export interface JsonLdContext {
	readonly event: Event;
	readonly siteUrl: string;
}

const context = 'https://schema.org';
const scheduled = 'https://schema.org/EventScheduled';
const cancelled = 'https://schema.org/EventCancelled';
const offline = 'https://schema.org/OfflineEventAttendanceMode';

/** ISO 8601 local date and time with the zone's UTC offset at that instant (catalog/time.ts isoInZone). */
export const localIsoDateTime = (instant: Date, timeZone: string): string => isoInZone(instant, timeZone);

const absolute = (ctx: JsonLdContext, path: string) => `${ctx.siteUrl}${path}`;

/** The tour as an EventSeries is named once, by this id, on the home page and on every city page. */
const tourId = (ctx: JsonLdContext) => absolute(ctx, '/#tour');
const stopId = (ctx: JsonLdContext, city: City) => absolute(ctx, `${cityUrl(city)}#stop`);
const deliveryId = (ctx: JsonLdContext, delivery: Delivery) =>
	absolute(ctx, `${sessionUrl(delivery.session)}#${delivery.city.id}-${delivery.key}`);

export function organizer(ctx: JsonLdContext): JsonLd {
	return { '@type': 'Organization', name: ctx.event.name, url: absolute(ctx, '/') };
}

/** A speaker as a performer: name, page, job title and employer. */
export function person(ctx: JsonLdContext, speaker: Speaker): JsonLd {
	return {
		'@type': 'Person',
		name: speaker.name,
		url: absolute(ctx, speakerUrl(speaker)),
		jobTitle: speaker.role,
		worksFor: { '@type': 'Organization', name: speaker.company },
	};
}

/** The venue of a stop (and the room, for a delivery), with the city and country the content names. */
export function place(city: City, room?: string): JsonLd {
	return {
		'@type': 'Place',
		name: room ? `${room}, ${city.venue.name}` : city.venue.name,
		address: { '@type': 'PostalAddress', streetAddress: city.venue.address, addressLocality: city.name, addressCountry: city.country },
	};
}

/** One delivery of a session: an Event at its instants, in its room, with its speakers. */
export function deliveryEvent(ctx: JsonLdContext, delivery: Delivery): JsonLd {
	const { session, city } = delivery;
	const summary = sessionSummary(session);
	return {
		'@type': 'Event',
		'@id': deliveryId(ctx, delivery),
		name: oneLine(`${session.code}: ${session.title}`),
		...(summary ? { description: summary } : {}),
		startDate: localIsoDateTime(delivery.start, city.timezone),
		endDate: localIsoDateTime(delivery.end, city.timezone),
		eventStatus: delivery.cancelled ? cancelled : scheduled,
		eventAttendanceMode: offline,
		location: place(city, delivery.room),
		organizer: organizer(ctx),
		url: absolute(ctx, sessionUrl(session)),
		inLanguage: session.language,
		performer: session.speakers.map((speaker) => person(ctx, speaker)),
		superEvent: { '@id': stopId(ctx, city) },
	};
}

const summaries = new WeakMap<Session, string>();

/** The abstract's first paragraph, at most 160 characters; once per session, since every delivery repeats it. */
function sessionSummary(session: Session): string {
	let summary = summaries.get(session);
	if (summary === undefined) {
		summary = truncate(abstractText(session).split('\n\n')[0]?.replace(/\s+/g, ' ') ?? '', 160);
		summaries.set(session, summary);
	}
	return summary;
}

/** A stop of the tour: an Event over the city's local days, at the venue. */
export function stopEvent(ctx: JsonLdContext, city: City): JsonLd {
	const description = plainSummary(city.description, 160);
	// A stop whose every delivery is cancelled is cancelled; one without an agenda yet is still planned.
	const allCancelled = city.deliveries.length > 0 && city.deliveries.every((delivery) => delivery.cancelled);
	return {
		'@type': 'Event',
		'@id': stopId(ctx, city),
		name: `${ctx.event.name}: ${city.name}`,
		...(description ? { description } : {}),
		startDate: city.dates.start,
		endDate: city.dates.end,
		eventStatus: allCancelled ? cancelled : scheduled,
		eventAttendanceMode: offline,
		location: place(city),
		organizer: organizer(ctx),
		url: absolute(ctx, cityUrl(city)),
		superEvent: { '@id': tourId(ctx) },
	};
}

/** The tour as an EventSeries whose sub-events are the given stops. */
export function tourSeries(ctx: JsonLdContext, stops: readonly City[]): JsonLd {
	const { event } = ctx;
	const description = event.description ?? event.tagline;
	return {
		'@type': 'EventSeries',
		'@id': tourId(ctx),
		name: event.name,
		description,
		url: absolute(ctx, '/'),
		inLanguage: event.language,
		organizer: organizer(ctx),
		subEvent: stops.map((city) => stopEvent(ctx, city)),
	};
}

/** The home page: the tour and every stop with its dates. */
export function homeJsonLd(ctx: JsonLdContext, cities: readonly City[]): JsonLd {
	const series = tourSeries(ctx, cities);
	const first = cities[0];
	// Cities come in order of their first day; the last day is the latest end of any stop.
	const last = cities.reduce<string | undefined>(
		(latest, city) => (latest === undefined || city.dates.end > latest ? city.dates.end : latest),
		undefined,
	);
	return { '@context': context, ...series, ...(first && last ? { startDate: first.dates.start, endDate: last } : {}) };
}

/** A city page: the tour with this stop, and an Event for each delivery on its agenda. */
export function cityJsonLd(ctx: JsonLdContext, city: City): JsonLd {
	return { '@context': context, '@graph': [tourSeries(ctx, [city]), ...city.deliveries.map((delivery) => deliveryEvent(ctx, delivery))] };
}

/** A session page: an Event for each delivery in every city, or nothing while the session is not scheduled. */
export function sessionJsonLd(ctx: JsonLdContext, deliveries: readonly Delivery[]): JsonLd | undefined {
	if (deliveries.length === 0) return undefined;
	return { '@context': context, '@graph': deliveries.map((delivery) => deliveryEvent(ctx, delivery)) };
}

/** A speaker page: the Person, with their profiles and photo. */
export function speakerJsonLd(ctx: JsonLdContext, speaker: Speaker): JsonLd {
	const description = plainSummary(speaker.bio, 300);
	return {
		'@context': context,
		...person(ctx, speaker),
		'@id': absolute(ctx, `${speakerUrl(speaker)}#person`),
		...(description ? { description } : {}),
		...(speaker.photo ? { image: absolute(ctx, speaker.photo) } : {}),
		...(speaker.links.length > 0 ? { sameAs: speaker.links.map((link) => link.url) } : {}),
	};
}

/**
 * JSON for a <script type="application/ld+json"> element. The HTML parser ends the element at the first
 * `</script` whatever the JSON means, and `<!--` changes how it looks for that end; so `<`, `>` and `&` are
 * written as \u escapes (JSON.parse reads them back unchanged), and U+2028/U+2029 too, which older
 * JavaScript parsers take for line ends.
 */
export function jsonLdText(data: JsonLd): string {
	return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
