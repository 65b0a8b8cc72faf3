import type { City, Event, LearningPath, Session } from '../catalog/types';
import { formatDateRange, formatMinutes, oneLine, typeLabels } from './format';
import { shorten } from './head';

/** The size of every share picture: the 1.91:1 that Open Graph consumers crop least. */
export const ogSize = { width: 1200, height: 630 } as const;

/** What a share picture (Open Graph image) says, as plain data: src/site/og-images.ts draws it. */
export interface OgCard {
	readonly eventName: string;
	/** A short line above the title: the kind of page, e.g. "Breakout · Content and team collaboration". */
	readonly kicker: string;
	/** The page's title, e.g. "SOYS10: Content collaboration …"; the drawing wraps it and cuts it at 3 lines. */
	readonly title: string;
	/** The last line: speakers, or a city's dates and venue. */
	readonly footer: string;
	/** Colours of the band along the top, `#rrggbb`: the track's, or one per track of a path. */
	readonly bands: readonly string[];
}

/**
 * A card's text fields on one line each, shortened well beyond what a picture shows: the drawing wraps and clamps
 * them (three lines of title, one of footer), but its layout costs time by the character (a 100,000-character
 * title took 7 s to draw).
 */
function clean(card: OgCard): OgCard {
	return {
		...card,
		eventName: shorten(oneLine(card.eventName), 120),
		kicker: shorten(oneLine(card.kicker), 120),
		title: shorten(oneLine(card.title), 200),
		footer: shorten(oneLine(card.footer), 160),
	};
}

/** The site's own colours (--hero-from, --hero-to in global.css), where content gives none. */
const siteBands = ['#1a1446', '#0b5f77'] as const;

export function sessionCard(event: Event, session: Session): OgCard {
	return clean({
		eventName: event.name,
		kicker: `${typeLabels[session.type]} · ${session.track.name}`,
		title: `${session.code}: ${session.title}`,
		footer: session.speakers.map((speaker) => speaker.name).join(', '),
		bands: [session.track.color ?? siteBands[1]],
	});
}

export function pathCard(event: Event, path: LearningPath): OgCard {
	const colours = [...new Set(path.sessions.flatMap((session) => (session.track.color ? [session.track.color] : [])))];
	const count = path.sessions.length;
	return clean({
		eventName: event.name,
		kicker: `Learning path · ${count === 1 ? '1 session' : `${count} sessions`} · ${formatMinutes(path.totalMinutes)}`,
		title: `${path.code}: ${path.title}`,
		footer: path.products.join(', '),
		bands: colours.length > 0 ? colours : [siteBands[1]],
	});
}

export function cityCard(event: Event, city: City): OgCard {
	return clean({
		eventName: event.name,
		kicker: `${city.label ?? 'Tour stop'} · ${city.country}`,
		title: city.name,
		footer: `${formatDateRange(city.dates.start, city.dates.end)} · ${city.venue.name}`,
		bands: [...siteBands],
	});
}
