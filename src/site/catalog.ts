import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { buildCatalog } from '../catalog';
import { checkedCatalog } from '../integrations/content-check';
import { contentDirectory } from '../loaders/content-files';
import { readContentFolder } from '../loaders/content-folder';
import { catalogPages, facetIndexes, pageSizeOf, type FacetIndex } from '../presentation/catalog-pages';
import { sessionFacets } from '../presentation/facets';

type BodyCollection = Exclude<CollectionKey, 'event' | 'tracks'>;

// Astro's collections hold the rendered bodies; asking for them also ties this module to the content, so the
// dev server rebuilds the catalog when a file changes.
const [, , ...bodies] = await Promise.all([
	getCollection('event'),
	getCollection('tracks'),
	getCollection('sessions'),
	getCollection('paths'),
	getCollection('cities'),
	getCollection('speakers'),
]);
const entries: CollectionEntry<BodyCollection>[] = bodies.flat();

// Built once per build (like Starlight's routing utils) and shared by every page and endpoint: in `astro build`
// it is the catalog the content check built before Astro loaded the content (src/integrations/content-check.ts),
// from the same files by the same reader as `npm run check`.
export const catalog = checkedCatalog() ?? buildCatalog(readContentFolder(process.cwd(), contentDirectory()));

/** The public address of the site without a trailing slash, from content/event.yaml. */
export const siteUrl = catalog.event.url.replace(/\/+$/, '');

const entryByFile = new Map<string, CollectionEntry<BodyCollection>>(entries.map((entry) => [entry.filePath ?? entry.id, entry]));

/** The collection entry of a content file, for `render()` of its Markdown/MDX body. */
export function entryOf(filePath: string): CollectionEntry<BodyCollection> {
	const entry = entryByFile.get(filePath);
	if (!entry) throw new Error(`${filePath}: no content entry; was the file renamed during the build?`);
	return entry;
}

/** The catalog's pages (one, or an overview and per-track pages), laid out once per build. */
export const sessionPages = catalogPages(catalog, pageSizeOf(process.env));
/** A paginated catalog's sessions per facet value (/sessions/by-<facet>.json), indexed once per build. */
export const sessionFacetIndexes = sessionPages.paginated ? facetIndexes(catalog, sessionPages) : new Map<string, FacetIndex>();

/** The catalog's facets and each session's values (src/presentation/facets.ts), worked out once for all catalog pages. */
export const catalogFacets = sessionFacets(catalog);
