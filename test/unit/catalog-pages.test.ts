import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build';
import { catalogPageSize, catalogPages, facetIndexes, facetIndexJson, pageSizeOf } from '../../src/presentation/catalog-pages';
import { sessionFacets } from '../../src/presentation/facets';
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
		expect(indexes.get('type')).toEqual(
			new Map([
				['breakout', [1, 2]],
				['theater', [2]],
				['workshop', [4]],
			]),
		);
		expect(indexes.get('speaker')?.get('megan-okafor')).toEqual([1, 3]);
	});

	it('takes values named like the properties of every object (constructor, __proto__, toString, hasOwnProperty)', () => {
		// A speaker's, city's or path's id is a file name and a product's id its name: `constructor` is a valid one.
		const source = tour().addSpeaker('constructor', { name: 'Con Structor', role: 'Engineer', company: 'Contoso' });
		for (const name of ['SOYS10', 'SOYS20'])
			source.withSession(name, (session) => {
				session.speakers = [...session.speakers, 'constructor'];
				session['products'] = ['constructor'];
			});
		const hostile = buildCatalog(source.build());
		// Ids the content check refuses today (the catalog is frozen: renamed in copies), in case it ever lets them
		// through: the index must not care.
		const rename = new Map([
			['megan-okafor', '__proto__'],
			['jeff-teper', 'toString'],
			['kenji-watanabe', 'hasOwnProperty'],
		]);
		const pages = catalogPages(hostile, 2);
		const order = pages.order.map((session) => ({
			...session,
			speakers: session.speakers.map((speaker) => ({ ...speaker, id: rename.get(speaker.id) ?? speaker.id })),
		}));
		const indexes = facetIndexes(hostile, { ...pages, order });
		const speakers = indexes.get('speaker') ?? new Map<string, readonly number[]>();
		// SOYS10 is at position 0, SOYS20 at 2.
		expect(speakers.get('constructor')).toEqual([1, 2]);
		expect(indexes.get('product')?.get('constructor')).toEqual([1, 2]);
		expect([...speakers.keys()].sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
		// The file's JSON is a plain object with each value as its own key, __proto__ included.
		const json = JSON.parse(JSON.stringify(facetIndexJson(speakers))) as Record<string, number[]>;
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect(Object.keys(json).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
		expect(Object.entries(json)).toEqual([...speakers]);
	});
});

describe('the track menu', () => {
	it('offers only the tracks with sessions: an empty one has no page to open', () => {
		const source = tour().withTracks((tracks) => [...tracks, { id: 'empty', name: 'Nothing here yet' }]);
		const withEmpty = buildCatalog(source.build());
		expect(withEmpty.tracks.map((track) => track.id)).toContain('empty');
		const track = sessionFacets(withEmpty).facets.find((facet) => facet.name === 'track');
		expect(track?.options.map((option) => option.value)).toEqual(['collaboration', 'intranet']);
		expect(catalogPages(withEmpty, 1).tracks.map((entry) => entry.track.id)).toEqual(['collaboration', 'intranet']);
	});
});

describe('pageSizeOf', () => {
	it('takes ROADSHOW_CATALOG_PAGE_SIZE when set, else catalogPageSize', () => {
		expect(pageSizeOf({})).toBe(catalogPageSize);
		expect(pageSizeOf({ ROADSHOW_CATALOG_PAGE_SIZE: '40' })).toBe(40);
	});

	it('refuses a size that is not a whole number of at least 2, naming the variable', () => {
		for (const value of ['0', '1', '2.5', 'many', '1e3', ' 20', '20 ', '0x10', '+40', '-5', '40.0'])
			expect(() => pageSizeOf({ ROADSHOW_CATALOG_PAGE_SIZE: value }), JSON.stringify(value)).toThrow(
				`ROADSHOW_CATALOG_PAGE_SIZE=${value}: expected a whole number of at least 2`,
			);
	});
});
