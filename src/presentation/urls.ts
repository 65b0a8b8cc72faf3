import type { City, Delivery, LearningPath, Session, Speaker } from '../catalog/types';

// The site's URL scheme (docs/architecture.md "URLs", stable: other tools rely on it) in one place; every link goes through here.
export const sessionUrl = (session: Session) => `/sessions/${session.slug}/`;
export const pathUrl = (path: LearningPath) => `/paths/${path.id}/`;
export const cityUrl = (city: City) => `/cities/${city.id}/`;
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

/** The share picture (Open Graph) of a page, `/og/sessions/soys10.png` for `/sessions/soys10/`: made by src/pages/og/. */
export const ogImagePath = (pagePath: string) => `/og/${pagePath.replace(/^\/+|\/+$/g, '')}.png`;
