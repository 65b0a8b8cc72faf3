import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build';
import { catalogPageSize, catalogPages, facetIndexes, pageSizeOf } from '../../src/presentation/catalog-pages';
import { tour } from './source-builder';

// How the catalog is cut into pages (issue 12): one page up to the page size, else pages per track.

const catalog = buildCatalog(tour().build());
const codes = (sessions: readonly { code: string }[] | undefined) => sessions?.map((session) => session.code);

describe('catalogPages', () => {
	it('keeps a catalog of at most one page of sessions on one page', () => {
		expect(catalogPages(catalog, 4).paginated).toBe(false);
		expect(catalogPages(catalog, catalogPageSize).paginated).toBe(false);
	});

	it('cuts each track into pages of the page size, in track order, when the catalog is larger', () => {
		const pages = catalogPages(catalog, 1);
		expect(pages.paginated).toBe(true);
		expect(pages.tracks.map((entry) => entry.track.id)).toEqual(['collaboration', 'intranet']);
		expect(pages.trackPagesById.get('collaboration')?.pages.map(codes)).toEqual([['SOYS10'], ['THR1001']]);
		expect(codes(pages.order)).toEqual(['SOYS10', 'THR1001', 'SOYS20', 'WRK1001']);
		expect(pages.trackPagesById.get('intranet')?.start).toBe(2);
	});

	it('writes for each facet value the gaps between the positions of its sessions', () => {
		const indexes = facetIndexes(catalog, catalogPages(catalog, 2));
		// Breakouts at positions 0 and 2, the theater session at 1, the workshop at 3.
		expect(indexes.get('type')).toEqual({ breakout: [1, 2], theater: [2], workshop: [4] });
		expect(indexes.get('speaker')?.['megan-okafor']).toEqual([1, 3]);
	});
});

describe('pageSizeOf', () => {
	it('takes ROADSHOW_CATALOG_PAGE_SIZE when set, else catalogPageSize', () => {
		expect(pageSizeOf({})).toBe(catalogPageSize);
		expect(pageSizeOf({ ROADSHOW_CATALOG_PAGE_SIZE: '40' })).toBe(40);
	});

	it('refuses a size that is not a whole number of at least 2, naming the variable', () => {
		for (const value of ['0', '1', '2.5', 'many'])
			expect(() => pageSizeOf({ ROADSHOW_CATALOG_PAGE_SIZE: value })).toThrow(/ROADSHOW_CATALOG_PAGE_SIZE/);
	});
});
