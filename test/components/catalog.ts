import { buildCatalog } from '../../src/catalog/build';
import type { Catalog, City, Delivery, LearningPath, Session } from '../../src/catalog/types';
import { tour, type TourSource } from '../unit/source-builder';

// Components get real catalog objects, built from plain content like the unit tests' (test/unit/source-builder.ts),
// so that sessions, cities, paths and deliveries agree with each other as they do on the site.

/** The catalog of the test tour, after `change` edited its source. */
export function catalogOf(change: (source: TourSource) => TourSource | void = () => {}): Catalog {
	const source = tour();
	return buildCatalog((change(source) ?? source).build());
}

function found<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`the test catalog has no ${what}`);
	return value;
}

export const sessionOf = (catalog: Catalog, code: string): Session => found(catalog.sessionByCode.get(code), `session ${code}`);
export const pathOf = (catalog: Catalog, id: string): LearningPath => found(catalog.pathById.get(id), `path ${id}`);
export const cityOf = (catalog: Catalog, id: string): City => found(catalog.cityById.get(id), `city ${id}`);

/** The first delivery of session `code` in city `cityId`. */
export function deliveryOf(catalog: Catalog, cityId: string, code: string): Delivery {
	return found(cityOf(catalog, cityId).deliveriesBySession.get(code)?.[0], `delivery of ${code} in ${cityId}`);
}
