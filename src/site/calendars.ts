import type { City, Delivery, LearningPath, Session } from '../catalog';
import { contentDirectory, eventFile, tracksFile } from '../loaders/content-files';
import { calendarText } from '../calendar/ics';
import { readRevisions } from '../calendar/revisions';
import { catalog, siteUrl } from './catalog';

// Git history is read once per build, like the catalog; builds run from the project root.
export const revisions = readRevisions(process.cwd(), contentDirectory());

/** Subscribed city feeds are re-read twice a day: agendas change rarely, but they do change. */
const refreshHours = 12;

export function cityCalendar(city: City): string {
	return feed(city, `${catalog.event.name} – ${city.name}`, city.deliveries, refreshHours);
}

export function sessionCalendar(city: City, session: Session): string {
	return feed(city, `${session.code}: ${session.title} – ${city.name}`, city.deliveriesBySession.get(session.code) ?? []);
}

/** One delivery alone: the file a delivery's "Add to calendar" offers. */
export function deliveryCalendar(delivery: Delivery): string {
	const { city, session } = delivery;
	return feed(city, `${session.code}: ${session.title} – ${city.name}`, [delivery]);
}

export function pathCalendar(city: City, path: LearningPath): string {
	const deliveries = path.sessions
		.flatMap((session) => city.deliveriesBySession.get(session.code) ?? [])
		.sort((a, b) => a.start.getTime() - b.start.getTime());
	return feed(city, `${path.code}: ${path.title} – ${city.name}`, deliveries, refreshHours);
}

/** The city's whole agenda: every feed of the city then shares one VTIMEZONE block. */
const zoneSpans = new Map(
	catalog.cities.flatMap((city) => {
		const first = city.deliveries[0];
		const ends = city.deliveries.map((delivery) => delivery.end.getTime());
		return first ? [[city.id, { first: first.start, last: new Date(Math.max(...ends)) }] as const] : [];
	}),
);

function feed(city: City, title: string, deliveries: readonly Delivery[], refresh?: number): string {
	const zoneSpan = zoneSpans.get(city.id);
	return calendarText({
		title,
		description: `${catalog.event.name}, ${city.name} (${city.venue.name}). Times in ${city.timezone}.`,
		timeZone: city.timezone,
		deliveries,
		siteUrl,
		revisions,
		tracksFile: `${contentDirectory()}/${tracksFile}`,
		eventFile: `${contentDirectory()}/${eventFile}`,
		...(zoneSpan ? { zoneSpan } : {}),
		...(refresh ? { refreshHours: refresh } : {}),
	});
}

export const calendarResponse = (text: string) => new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
