import type { Session } from '../catalog/types';

// What attendees read for a session's type and level, on pages, in calendars and in search facets.
export const typeLabels: Readonly<Record<Session['type'], string>> = {
	keynote: 'Keynote',
	general: 'General session',
	breakout: 'Breakout',
	theater: 'Theater',
	workshop: 'Workshop',
	lab: 'Hands-on lab',
};

export const levelLabels: Readonly<Record<Session['level'], string>> = {
	100: '100 · Introductory',
	200: '200 · Intermediate',
	300: '300 · Advanced',
	400: '400 · Expert',
};
