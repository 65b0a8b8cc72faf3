import type { Catalog, City, LearningPath, Session, Speaker } from '../catalog';
import { facetId } from '../catalog/facet-ids';
import { sessionFacetValues } from './facets';
import { typeLabels } from './labels';

// One vocabulary for filters (issue 10): the catalog (/sessions/?city=sydney), search (/search/?city=sydney) and
// the session pages' links use the same ids; names are only what people read. Pagefind records these ids as
// filter values, and the search page shows them through `searchFilterLabels()`.

export type SearchFilters = Readonly<Record<string, readonly string[]>>;

/** Kinds of page in the search index, as ids. */
export const kindLabels = { session: 'Session', path: 'Learning path', city: 'City', speaker: 'Speaker' } as const;

export function sessionSearchFilters(catalog: Catalog, session: Session): SearchFilters {
	return { kind: ['session'], ...sessionFacetValues(catalog, session) };
}

export function pathSearchFilters(path: LearningPath, cities: readonly City[]): SearchFilters {
	return { kind: ['path'], path: [path.id], product: path.products.map(facetId), city: cities.map((city) => city.id) };
}

export const citySearchFilters = (city: City): SearchFilters => ({ kind: ['city'], city: [city.id] });

export const speakerSearchFilters = (speaker: Speaker): SearchFilters => ({ kind: ['speaker'], speaker: [speaker.id] });

/** What each filter id reads as, for the search page: `{ city: { sydney: 'Sydney' }, … }`. */
export function searchFilterLabels(catalog: Catalog): Record<string, Record<string, string>> {
	const products: Record<string, string> = {};
	for (const list of [...catalog.sessions.map((session) => session.products), ...catalog.paths.map((path) => path.products)]) {
		for (const product of list) products[facetId(product)] = product;
	}
	const byId = <T>(items: readonly T[], id: (item: T) => string, label: (item: T) => string) =>
		Object.fromEntries(items.map((item) => [id(item), label(item)]));
	return {
		kind: { ...kindLabels },
		city: byId(
			catalog.cities,
			(city) => city.id,
			(city) => city.name,
		),
		track: byId(
			catalog.tracks,
			(track) => track.id,
			(track) => track.name,
		),
		type: { ...typeLabels },
		level: byId([100, 200, 300, 400], String, String),
		path: byId(
			catalog.paths,
			(path) => path.id,
			(path) => path.code,
		),
		speaker: byId(
			catalog.speakers,
			(speaker) => speaker.id,
			(speaker) => speaker.name,
		),
		product: products,
		language: byId([...new Set(catalog.sessions.map((session) => session.language))], String, String),
	};
}
