import type { City, Delivery, LearningPath, Session, Speaker } from '../catalog/types';

// The site's URL scheme (docs/architecture.md "URLs", stable: other tools rely on it) in one place; every link goes through here.
export const sessionUrl = (session: Session) => `/sessions/${session.slug}/`;
/** The session catalog narrowed by facet ids, the one vocabulary of catalog, search and session pages (facets.ts). */
export const catalogUrl = (filters: Readonly<Record<string, string>>) => `/sessions/?${new URLSearchParams(filters).toString()}`;
/** A track's page of a paginated catalog (catalog-pages.ts): /tracks/<id>/, then /tracks/<id>/2/…; never under /sessions/, where any [a-z0-9] name is a session code. */
export const trackPageUrl = (trackId: string, page = 1) => `/tracks/${trackId}/${page > 1 ? `${page}/` : ''}`;
/** The sessions with each value of a facet, for the filters of a paginated catalog: a file name no session code can take (codes have no '-' or '.'). */
export const facetIndexPath = (facet: string) => `/sessions/by-${facet}.json`;
export const pathUrl = (path: LearningPath) => `/paths/${path.id}/`;
export const cityUrl = (city: City) => `/cities/${city.id}/`;
/** The agenda as a grid of rooms, for cities with parallel sessions (src/presentation/agenda.ts hasRoomView). */
export const cityRoomsUrl = (city: City) => `/cities/${city.id}/rooms/`;
export const speakerUrl = (speaker: Speaker) => `/speakers/${speaker.id}/`;

// Calendar files (docs/architecture.md "URLs"): a city's agenda, a session's deliveries in a city, a path in a city.
export const cityCalendarPath = (city: City) => `/cities/${city.id}/calendar.ics`;
export const sessionCalendarPath = (city: City, session: Session) => `/cities/${city.id}/sessions/${session.slug}.ics`;
/** One delivery alone, `soys10-2.ics` beside the session's `soys10.ics` (a code has no hyphen, so they cannot clash). */
export const deliveryCalendarPath = (delivery: Delivery) => `/cities/${delivery.city.id}/sessions/${delivery.key}.ics`;
export const cityChangesPath = (city: City) => `/cities/${city.id}/changes.xml`;
export const pathCalendarPath = (city: City, path: LearningPath) => `/cities/${city.id}/paths/${path.id}.ics`;
export const scheduleJsonPath = (city: City) => `/cities/${city.id}/schedule.json`;
export const scheduleXmlPath = (city: City) => `/cities/${city.id}/schedule.xml`;

/** The share picture (Open Graph) of a page, `/og/sessions/soys10.png` for `/sessions/soys10/`: made by src/pages/[...picture].png.ts. */
export const ogImagePath = (pagePath: string) => `/og/${pagePath.replace(/^\/+|\/+$/g, '')}.png`;
