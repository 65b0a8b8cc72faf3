import type { Catalog, City, Session } from '../catalog';
import { facetId } from '../catalog/facet-ids';
import { typeLabels } from './format';

/** One way to narrow the session catalog; values are URL-safe ids, labels what attendees read. */
export interface Facet {
	readonly name: string;
	readonly label: string;
	readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** Product names as URL values: the catalog's facet ids (kept apart: a clash is a content error). */
export const slug = facetId;

/** The cities where the session still takes place: a city whose every delivery of it is cancelled does not count. */
export function citiesGiving(catalog: Catalog, session: Session): readonly City[] {
	return (catalog.citiesBySession.get(session.code) ?? []).filter((city) =>
		(city.deliveriesBySession.get(session.code) ?? []).some((delivery) => !delivery.cancelled),
	);
}

/** A session's value ids for each facet: what the catalog filters on and Pagefind records (search-filters.ts). */
export function sessionFacetValues(catalog: Catalog, session: Session): Readonly<Record<string, readonly string[]>> {
	return {
		city: citiesGiving(catalog, session).map((city) => city.id),
		track: [session.track.id],
		type: [session.type],
		level: [String(session.level)],
		path: (catalog.pathsBySession.get(session.code) ?? []).map((path) => path.id),
		speaker: session.speakers.map((speaker) => speaker.id),
		product: session.products.map(slug),
		language: [session.language],
	};
}

/** The catalog's facets (city, track, type, level, path, speaker, product, language) and each session's values. */
export function sessionFacets(catalog: Catalog): {
	facets: readonly Facet[];
	valuesOf: (session: Session) => Readonly<Record<string, readonly string[]>>;
} {
	const valuesOf = (session: Session) => sessionFacetValues(catalog, session);
	const products = new Map(catalog.sessions.flatMap((session) => session.products.map((product) => [slug(product), product] as const)));
	const languages = [...new Set(catalog.sessions.map((session) => session.language))].sort();
	const types = [...new Set(catalog.sessions.map((session) => session.type))];
	const levels = [...new Set(catalog.sessions.map((session) => session.level))].sort();
	const facets: Facet[] = [
		{ name: 'city', label: 'City', options: catalog.cities.map((city) => ({ value: city.id, label: city.name })) },
		// A track without sessions has no page and nothing to filter: not a choice.
		{
			name: 'track',
			label: 'Track',
			options: catalog.tracks
				.filter((track) => (catalog.sessionsByTrack.get(track.id)?.length ?? 0) > 0)
				.map((track) => ({ value: track.id, label: track.name })),
		},
		{ name: 'type', label: 'Session type', options: types.map((type) => ({ value: type, label: typeLabels[type] })) },
		{ name: 'level', label: 'Level', options: levels.map((level) => ({ value: String(level), label: String(level) })) },
		{ name: 'path', label: 'Learning path', options: catalog.paths.map((path) => ({ value: path.id, label: path.code })) },
		{ name: 'speaker', label: 'Speaker', options: catalog.speakers.map((speaker) => ({ value: speaker.id, label: speaker.name })) },
		{
			name: 'product',
			label: 'Product',
			options: [...products].sort((a, b) => a[1].localeCompare(b[1], 'en')).map(([value, label]) => ({ value, label })),
		},
		{ name: 'language', label: 'Language', options: languages.map((language) => ({ value: language, label: language })) },
	];
	return { facets: facets.filter((facet) => facet.options.length > 1), valuesOf };
}
