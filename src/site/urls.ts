import type { City, LearningPath, Session, Speaker } from '../catalog';

// The site's URL scheme (DESIGN.md "URLs") in one place; every link goes through here.
export const sessionUrl = (session: Session) => `/sessions/${session.slug}/`;
export const pathUrl = (path: LearningPath) => `/paths/${path.id}/`;
export const cityUrl = (city: City) => `/cities/${city.id}/`;
export const speakerUrl = (speaker: Speaker) => `/speakers/${speaker.id}/`;
