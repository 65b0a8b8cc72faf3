import type { Problem } from './errors';
import type { EventData } from '../schemas/event';
import type { SessionType } from '../schemas/session';

/** One content file as a loader found it: where it is, its front matter (or YAML document) and its body. */
export interface SourceFile {
	/** Path relative to the project root, with forward slashes, e.g. `content/sessions/SOYS10.mdx`. */
	readonly filePath: string;
	readonly data: unknown;
	readonly body?: string | undefined;
	/** Line of the file on which the body starts (1-based), so that problems in the body name the file's line. */
	readonly bodyLine?: number | undefined;
}

/** Raster formats told by a file's first bytes. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'avif';

/** A file of content/images/ as the loader found it: facts only, which the catalog judges (readers/images.ts). */
export interface SourceImage {
	/** Path relative to the project root, e.g. `content/images/sydney.png`. */
	readonly filePath: string;
	/** The file name, which content refers to: `sydney.png`. */
	readonly name: string;
	readonly isFolder: boolean;
	readonly bytes: number;
	/** The format its first bytes are, or `svg` for text that starts like SVG, or undefined for anything else. */
	readonly format: ImageFormat | 'svg' | undefined;
	/** Width and height in pixels as the file's header declares them, when the loader could read them. */
	readonly size?: { readonly width: number; readonly height: number };
	/** Already refused by the loader (a link out of the content folder): present, never usable, not reported again. */
	readonly refused?: boolean;
}

/** Every content file of a site, before validation. */
export interface CatalogSource {
	readonly event: SourceFile;
	readonly tracks: SourceFile;
	readonly sessions: readonly SourceFile[];
	readonly paths: readonly SourceFile[];
	readonly cities: readonly SourceFile[];
	readonly speakers: readonly SourceFile[];
	/** Problems found while reading the files (YAML, size, encoding, links), reported with the catalog's own. */
	readonly problems?: readonly Problem[];
	/** Entry files that exist but could not be read: their ids are declared all the same. */
	readonly unreadable?: readonly string[];
	/** The files of content/images/ (speaker photos, city pictures). */
	readonly images?: readonly SourceImage[];
}

export type Event = EventData & { readonly filePath: string; readonly host: string };

export interface Track {
	readonly id: string;
	readonly name: string;
	readonly description: string | undefined;
	readonly color: string | undefined;
}

export interface Speaker {
	readonly id: string;
	readonly name: string;
	readonly role: string;
	readonly company: string;
	/** File name of the photo in content/images/ (checked: it exists and is an image); the alt text is the name. */
	readonly photo: string | undefined;
	readonly links: readonly { readonly label: string; readonly url: string }[];
	readonly bio: string;
	readonly filePath: string;
}

export interface Session {
	/** Upper-case code from the file name, e.g. "SOYS10". */
	readonly code: string;
	/** URL segment: the code in lower case. */
	readonly slug: string;
	readonly title: string;
	readonly type: SessionType;
	/** Minutes, after the default for the type was applied. */
	readonly duration: number;
	readonly track: Track;
	readonly level: 100 | 200 | 300 | 400;
	readonly speakers: readonly Speaker[];
	readonly products: readonly string[];
	readonly tags: readonly string[];
	readonly language: string;
	readonly video: string | undefined;
	readonly slides: string | undefined;
	/** The abstract as written (Markdown/MDX source). */
	readonly abstract: string;
	readonly filePath: string;
}

export interface LearningPath {
	readonly id: string;
	readonly code: string;
	readonly title: string;
	readonly sessions: readonly Session[];
	readonly products: readonly string[];
	/** Sum of the sessions' durations, in minutes. */
	readonly totalMinutes: number;
	readonly description: string;
	readonly filePath: string;
}

/** One scheduled run of a session in a city: the unit calendars, agendas and "my schedule" work with. */
export interface Delivery {
	/**
	 * `<CODE>-<city>-<n>@<uid domain>`: n is the delivery's number among the session's lines in the city's agenda
	 * (or the line's `id`). It survives a change of time, day, room, title, speakers or site host.
	 */
	readonly uid: string;
	/** `<code>-<n>` in lower case, unique in the city: the name of the delivery's own calendar file. */
	readonly key: string;
	/** `status: cancelled`: shown struck through, in calendars as STATUS:CANCELLED, left out of schedules. */
	readonly cancelled: boolean;
	readonly session: Session;
	readonly city: City;
	readonly room: string;
	readonly start: Date;
	readonly end: Date;
	/** Local day "YYYY-MM-DD" in the city's zone. */
	readonly day: string;
	/** Local wall-clock "HH:MM" in the city's zone. */
	readonly startTime: string;
	readonly endTime: string;
	/** Minutes east of UTC at the start, e.g. 660 for AEDT. */
	readonly utcOffsetMinutes: number;
	/** "AEDT", "CET"; the UTC offset ("UTC+9") where the zone has no customary abbreviation. */
	readonly zoneLabel: string;
	/** Position of the line in the city's agenda. */
	readonly agendaIndex: number;
}

export interface AgendaDay {
	readonly day: string;
	readonly deliveries: readonly Delivery[];
}

export interface City {
	readonly id: string;
	readonly name: string;
	readonly country: string;
	readonly label: string | undefined;
	readonly timezone: string;
	readonly dates: { readonly start: string; readonly end: string };
	readonly venue: { readonly name: string; readonly address: string };
	readonly registration: string | undefined;
	/** A picture of the city in content/images/ (checked) and what it shows. */
	readonly image: { readonly file: string; readonly alt: string } | undefined;
	readonly paths: readonly LearningPath[];
	readonly rooms: readonly string[];
	readonly description: string;
	readonly filePath: string;
	/** Deliveries in start order, then room. */
	readonly deliveries: readonly Delivery[];
	readonly days: readonly AgendaDay[];
	/** This city's deliveries of each session code, in start order. */
	readonly deliveriesBySession: ReadonlyMap<string, readonly Delivery[]>;
	/** How the agenda's times are labelled, e.g. "AEDT, UTC+11" or "UTC+9". */
	readonly zoneSummary: string;
	readonly hasWorkshop: boolean;
}

/** Everything the site is built from, validated and indexed once per build. */
export interface Catalog {
	readonly event: Event;
	readonly tracks: readonly Track[];
	readonly sessions: readonly Session[];
	readonly paths: readonly LearningPath[];
	/** Cities by first day, then name. */
	readonly cities: readonly City[];
	readonly speakers: readonly Speaker[];
	readonly deliveries: readonly Delivery[];
	readonly trackById: ReadonlyMap<string, Track>;
	readonly sessionByCode: ReadonlyMap<string, Session>;
	readonly pathById: ReadonlyMap<string, LearningPath>;
	readonly cityById: ReadonlyMap<string, City>;
	readonly speakerById: ReadonlyMap<string, Speaker>;
	readonly deliveryByUid: ReadonlyMap<string, Delivery>;
	readonly sessionsByTrack: ReadonlyMap<string, readonly Session[]>;
	readonly sessionsBySpeaker: ReadonlyMap<string, readonly Session[]>;
	readonly pathsBySession: ReadonlyMap<string, readonly LearningPath[]>;
	readonly deliveriesBySession: ReadonlyMap<string, readonly Delivery[]>;
	readonly citiesByPath: ReadonlyMap<string, readonly City[]>;
	readonly citiesBySession: ReadonlyMap<string, readonly City[]>;
}
