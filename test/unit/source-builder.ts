import type { CatalogSource, SourceFile } from '../../src/catalog/types';

// Plain objects shaped like what an editor writes. The shapes are loose on purpose (any extra field,
// `unknown` where tests put wrong values) so that a test can write every mistake an editor could make.

export type Fields = { [field: string]: unknown };

export interface EventFields extends Fields {
	name: string;
	tagline: string;
	url: string;
}

export interface TrackFields extends Fields {
	id: string;
	name: string;
}

export interface SpeakerFields extends Fields {
	name: string;
	role: string;
	company: string;
}

export interface SessionFields extends Fields {
	/** Optional only so that a test can delete it. */
	title?: string;
	/** Optional only so that a test can delete it. */
	type?: string;
	duration?: unknown;
	track: string;
	/** Optional only so that a test can delete it. */
	level?: unknown;
	speakers: string[];
}

export interface PathFields extends Fields {
	code: string;
	title: string;
	sessions: string[];
}

export interface AgendaLine extends Fields {
	/** Optional only so that a test can leave it out. */
	session?: string;
	day: unknown;
	/** Optional only so that a test can leave it out. */
	start?: unknown;
	end?: unknown;
	room: string;
}

export interface CityFields extends Fields {
	name: string;
	country: string;
	timezone: string;
	/** `unknown` so that a test can write what YAML makes of an unquoted date (a Date). */
	dates: { start: unknown; end: unknown };
	venue: Fields;
	paths: string[];
	rooms: string[];
	agenda: AgendaLine[];
}

/** A change to one piece: mutate the object, or return a replacement. */
export type Change<T> = (value: T) => T | void;

/** One agenda line; `end` only when given. */
export function line(session: string, day: string, start: unknown, room: string, end?: unknown): AgendaLine {
	return end === undefined ? { session, day, start, room } : { session, day, start, room, end };
}

/** A city with one room ("Main Hall"), no paths and an empty agenda, for tests that need another zone. */
export function cityFields(name: string, country: string, timezone: string, start: string, end = start): CityFields {
	return {
		name,
		country,
		timezone,
		dates: { start, end },
		venue: { name: `${name} Convention Centre`, address: `1 Main Street, ${name}` },
		paths: [],
		rooms: ['Main Hall'],
		agenda: [],
	};
}

/**
 * A small valid tour: 2 tracks, 3 speakers, 4 sessions, the learning path `soys` and the cities
 * sydney, chicago and toronto (in that source order; toronto comes first by date).
 *
 * Files are keyed by their name without extension: sessions/paths/cities are `.mdx`, speakers `.md`.
 * Each call returns fresh objects: change them through the `with*`/`add*` methods or directly.
 */
export class TourSource {
	event: EventFields = {
		name: 'Test Tour 2020',
		tagline: 'The tour the tests are made of',
		url: 'https://tour.example.org',
	};

	tracks: TrackFields[] = [
		{ id: 'collaboration', name: 'Content collaboration' },
		{ id: 'intranet', name: 'Intelligent intranet' },
	];

	readonly speakers = new Map<string, SpeakerFields>([
		['megan-okafor', { name: 'Megan Okafor', role: 'Program Manager', company: 'Microsoft' }],
		['jeff-teper', { name: 'Jeff Teper', role: 'Corporate Vice President', company: 'Microsoft' }],
		['kenji-watanabe', { name: 'Kenji Watanabe', role: 'Cloud Advocate', company: 'Microsoft' }],
	]);

	readonly sessions = new Map<string, SessionFields>([
		// No duration: a breakout lasts 45 minutes by default.
		[
			'SOYS10',
			{ title: 'Content collaboration and protection', type: 'breakout', track: 'collaboration', level: 200, speakers: ['megan-okafor'] },
		],
		[
			'SOYS20',
			{ title: 'Communication and engagement', type: 'breakout', duration: 60, track: 'intranet', level: 300, speakers: ['jeff-teper'] },
		],
		['THR1001', { title: 'Sharing links in depth', type: 'theater', track: 'collaboration', level: 100, speakers: ['kenji-watanabe'] }],
		[
			'WRK1001',
			{ title: 'Intranet accelerator', type: 'workshop', track: 'intranet', level: 300, speakers: ['megan-okafor', 'kenji-watanabe'] },
		],
	]);

	readonly paths = new Map<string, PathFields>([
		['soys', { code: 'SOYS', title: 'Content in the intelligent workplace', sessions: ['SOYS10', 'SOYS20'] }],
	]);

	readonly cities = new Map<string, CityFields>([
		[
			'sydney',
			{
				name: 'Sydney',
				country: 'Australia',
				timezone: 'Australia/Sydney',
				dates: { start: '2020-02-13', end: '2020-02-14' },
				venue: { name: 'ICC Sydney', address: '14 Darling Drive, Sydney NSW 2000' },
				paths: ['soys'],
				rooms: ['Darling Harbour Theatre', 'Expo Theatre', 'Room C2.2'],
				agenda: [
					line('SOYS10', '2020-02-13', '09:00', 'Darling Harbour Theatre'),
					line('SOYS20', '2020-02-13', '10:00', 'Darling Harbour Theatre'),
					line('THR1001', '2020-02-13', '13:15', 'Expo Theatre'),
					line('WRK1001', '2020-02-14', '13:45', 'Room C2.2'),
				],
			},
		],
		[
			'chicago',
			{
				name: 'Chicago',
				country: 'United States',
				timezone: 'America/Chicago',
				dates: { start: '2020-04-15', end: '2020-04-16' },
				venue: { name: 'McCormick Place', address: '2301 S King Dr, Chicago, IL 60616' },
				paths: ['soys'],
				rooms: ['Grand Ballroom', 'Theater 1'],
				agenda: [
					line('SOYS10', '2020-04-15', '09:00', 'Grand Ballroom'),
					line('SOYS20', '2020-04-15', '10:00', 'Grand Ballroom'),
					line('THR1001', '2020-04-16', '12:00', 'Theater 1', '12:30'),
				],
			},
		],
		[
			'toronto',
			{
				name: 'Toronto',
				country: 'Canada',
				timezone: 'America/Toronto',
				dates: { start: '2020-01-08', end: '2020-01-09' },
				venue: { name: 'Metro Toronto Convention Centre', address: '255 Front St W, Toronto, ON M5V 2W6' },
				paths: [],
				rooms: ['Hall A', 'Expo Theatre'],
				agenda: [line('SOYS10', '2020-01-08', '09:00', 'Hall A')],
			},
		],
	]);

	withEvent(change: Change<EventFields>): this {
		this.event = change(this.event) ?? this.event;
		return this;
	}

	withTracks(change: Change<TrackFields[]>): this {
		this.tracks = change(this.tracks) ?? this.tracks;
		return this;
	}

	withSpeaker(id: string, change: Change<SpeakerFields>): this {
		return edit(this.speakers, id, change, this);
	}

	withSession(name: string, change: Change<SessionFields>): this {
		return edit(this.sessions, name, change, this);
	}

	withPath(id: string, change: Change<PathFields>): this {
		return edit(this.paths, id, change, this);
	}

	withCity(id: string, change: Change<CityFields>): this {
		return edit(this.cities, id, change, this);
	}

	addSpeaker(id: string, fields: SpeakerFields): this {
		this.speakers.set(id, fields);
		return this;
	}

	addSession(name: string, fields: SessionFields): this {
		this.sessions.set(name, fields);
		return this;
	}

	addPath(id: string, fields: PathFields): this {
		this.paths.set(id, fields);
		return this;
	}

	addCity(id: string, fields: CityFields): this {
		this.cities.set(id, fields);
		return this;
	}

	/** The source as Astro's loaders would hand it over: one SourceFile per file. */
	build(): CatalogSource {
		return {
			event: { filePath: 'content/event.yaml', data: this.event },
			tracks: { filePath: 'content/tracks.yaml', data: this.tracks },
			sessions: files('content/sessions', '.mdx', this.sessions),
			paths: files('content/paths', '.mdx', this.paths),
			cities: files('content/cities', '.mdx', this.cities),
			speakers: files('content/speakers', '.md', this.speakers),
		};
	}
}

/** A fresh valid tour to change. */
export function tour(): TourSource {
	return new TourSource();
}

function edit<T, B>(files: Map<string, T>, name: string, change: Change<T>, builder: B): B {
	const current = files.get(name);
	if (current === undefined) throw new Error(`the test tour has no file named "${name}"`);
	files.set(name, change(current) ?? current);
	return builder;
}

function files(folder: string, extension: string, entries: ReadonlyMap<string, Fields>): SourceFile[] {
	return [...entries].map(([name, data]) => ({ filePath: `${folder}/${name}${extension}`, data, body: `\nAbout ${name}.\n` }));
}
