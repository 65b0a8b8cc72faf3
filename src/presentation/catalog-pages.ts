import type { Catalog, Session, Track } from '../catalog';
import { sessionFacetValues } from './facets';

/**
 * Most session cards one catalog page carries. A catalog of at most this many sessions is one page, /sessions/,
 * with every card (the sample's 46); a larger one becomes an overview at /sessions/ and one page per track at
 * /tracks/<id>/ (numbered /tracks/<id>/2/… when a track has more). A card weighs about 60 bytes gzipped on a
 * page of cards, so 500 cards and the page's chrome (the filters: 800 speakers at 5,000 sessions) stay under a
 * third of the 150 KB first-view budget of issue 12 (bench tour, 5,000 sessions: /sessions/ 44 KB, a 500-card
 * track page 42 KB), leaving room for long titles and many speakers.
 * ROADSHOW_CATALOG_PAGE_SIZE overrides it at build time (the tests build a few hundred sessions with a low one).
 */
export const catalogPageSize = 500;

/** The page size of this build: ROADSHOW_CATALOG_PAGE_SIZE if set to a whole number ≥ 2, else catalogPageSize. */
export function pageSizeOf(environment: Readonly<Record<string, string | undefined>>): number {
	const raw = environment['ROADSHOW_CATALOG_PAGE_SIZE'];
	if (raw === undefined || raw === '') return catalogPageSize;
	// Digits only: Number() would also take " 20", "1e3" and "0x10".
	const size = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(size) || size < 2) throw new Error(`ROADSHOW_CATALOG_PAGE_SIZE=${raw}: expected a whole number of at least 2`);
	return size;
}

/** One track's share of a paginated catalog. */
export interface TrackPages {
	readonly track: Track;
	readonly sessions: readonly Session[];
	/** The track's sessions cut into pages of at most the page size; page n is pages[n - 1]. */
	readonly pages: readonly (readonly Session[])[];
	/** Position of the track's first session in `order`: the track holds order[start] … order[start + sessions.length - 1]. */
	readonly start: number;
}

/** How the session catalog is laid out in pages, worked out once per build. */
export interface CatalogPages {
	readonly pageSize: number;
	/** More sessions than one page holds: /sessions/ is an overview and each track has its own pages. */
	readonly paginated: boolean;
	/** Tracks with at least one session, in the order of tracks.yaml. */
	readonly tracks: readonly TrackPages[];
	readonly trackPagesById: ReadonlyMap<string, TrackPages>;
	/** Every session, track after track: the numbering of the per-facet indexes (/sessions/by-<facet>.json). */
	readonly order: readonly Session[];
	/** How many sessions of each track the overview shows before its link to the track's pages. */
	readonly previewSize: number;
}

export function catalogPages(catalog: Catalog, pageSize: number): CatalogPages {
	const tracks: TrackPages[] = [];
	const order: Session[] = [];
	for (const track of catalog.tracks) {
		const sessions = catalog.sessionsByTrack.get(track.id) ?? [];
		if (sessions.length === 0) continue;
		const pages: Session[][] = [];
		for (let from = 0; from < sessions.length; from += pageSize) pages.push(sessions.slice(from, from + pageSize));
		tracks.push({ track, sessions, pages, start: order.length });
		order.push(...sessions);
	}
	return {
		pageSize,
		paginated: catalog.sessions.length > pageSize,
		tracks,
		trackPagesById: new Map(tracks.map((entry) => [entry.track.id, entry])),
		order,
		// The overview's cards fit in one page too, shared among the tracks (at least a few per track).
		previewSize: Math.max(3, Math.floor(pageSize / Math.max(1, tracks.length))),
	};
}

/** For each value of one facet, the gaps between the positions of its sessions (see facetIndexes). */
export type FacetIndex = ReadonlyMap<string, readonly number[]>;

/**
 * For each facet, the sessions with each of its values, as positions in `order`, each list written as gaps from
 * the previous position (the first from -1): small numbers, which gzip to a few KB per facet at 5,000 sessions.
 * One pass over the sessions for all facets (/sessions/by-<facet>.json). Values are ids from the content (a
 * speaker's file name, a product): Maps, so that `constructor` or `__proto__` is a value like any other.
 */
export function facetIndexes(catalog: Catalog, pages: CatalogPages): ReadonlyMap<string, FacetIndex> {
	const indexes = new Map<string, Map<string, number[]>>();
	const last = new Map<string, number>();
	pages.order.forEach((session, position) => {
		for (const [facet, values] of Object.entries(sessionFacetValues(catalog, session))) {
			let index = indexes.get(facet);
			if (!index) indexes.set(facet, (index = new Map()));
			for (const value of values) {
				const key = `${facet}\u0000${value}`;
				let gaps = index.get(value);
				if (!gaps) index.set(value, (gaps = []));
				gaps.push(position - (last.get(key) ?? -1));
				last.set(key, position);
			}
		}
	});
	return indexes;
}

/**
 * A facet's index as the JSON object of /sessions/by-<facet>.json: { <value>: [gaps] }. Object.fromEntries
 * defines each value as an own property, `__proto__` included (an assignment would set the prototype instead).
 */
export function facetIndexJson(index: FacetIndex): Readonly<Record<string, readonly number[]>> {
	return Object.fromEntries(index);
}
