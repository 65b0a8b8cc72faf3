import type { APIRoute, GetStaticPaths } from 'astro';
import { facetIndexJson, type FacetIndex } from '../../presentation/catalog-pages';
import { catalogFacets, sessionFacetIndexes, sessionPages } from '../../site/catalog';

// The sessions with each value of one facet, for the filters of a paginated catalog's overview (src/scripts/
// catalog-filters.ts): { sessions, values: { <value id>: [gaps between positions in order] } }. One small file per
// facet, loaded when that facet is chosen, never the catalog's cards; a one-page catalog has none.
// The track is not among them: choosing one opens the track's pages.
export const getStaticPaths = (() =>
	catalogFacets.facets
		.filter((facet) => facet.name !== 'track')
		.flatMap((facet) => {
			const values = sessionFacetIndexes.get(facet.name);
			return values ? [{ params: { facet: facet.name }, props: { values } }] : [];
		})) satisfies GetStaticPaths;

export const GET: APIRoute<{ values: FacetIndex }> = ({ props }) =>
	new Response(`${JSON.stringify({ sessions: sessionPages.order.length, values: facetIndexJson(props.values) })}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
