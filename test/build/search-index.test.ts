import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { listFiles, projectRoot, readBuilt } from '../support/builds';
import { builtSite } from '../support/built-site';

const sample = builtSite('sample-utc');
const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));

/** The filters, meta and sort keys Pagefind reads from a built page. */
function searchRecord(file: string): { filters: Map<string, string[]>; meta: Map<string, string>; sort: Map<string, string> } {
	const html = readBuilt(sample, file);
	const collect = (attribute: string) =>
		[...html.matchAll(new RegExp(`<span ${attribute}="([^"]+)"[^>]*>([^<]*)</span>`, 'g'))].map(
			(match) => [match[1] ?? '', match[2] ?? ''] as const,
		);
	const filters = new Map<string, string[]>();
	for (const [name, value] of collect('data-pagefind-filter'))
		filters.set(name, [...(filters.get(name) ?? []), value.replace(/&amp;/g, '&')]);
	return { filters, meta: new Map(collect('data-pagefind-meta')), sort: new Map(collect('data-pagefind-sort')) };
}

describe('the Pagefind search index of the sample', () => {
	it('is written by the build and holds the session, path, city and speaker pages only', () => {
		const entry = JSON.parse(readFileSync(join(sample.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		const indexed = catalog.sessions.length + catalog.paths.length + catalog.cities.length + catalog.speakers.length;
		expect(entry.languages['en']?.page_count).toBe(indexed);
		const files = listFiles(sample.outDir);
		expect(files).toContain('pagefind/pagefind.js');
		expect(files.filter((file) => file.startsWith('pagefind/filter/')).length).toBeGreaterThan(0);
		const bodies = files.filter((file) => file.endsWith('.html') && readBuilt(sample, file).includes('data-pagefind-body'));
		expect(bodies).toHaveLength(indexed);
		expect(bodies).not.toContain('index.html');
		expect(bodies).not.toContain('sessions/index.html');
	});

	it('gives SOYS10 the filters city, track, type, level, path, speaker, product and language as the catalog ids', () => {
		const session = catalog.sessionByCode.get('SOYS10');
		if (!session) throw new Error('no SOYS10');
		const { filters, meta, sort } = searchRecord('sessions/soys10/index.html');
		// One vocabulary with the catalog's URLs (/sessions/?city=sydney): ids, the names are only shown.
		expect(filters.get('kind')).toEqual(['session']);
		expect(new Set(filters.get('city'))).toEqual(new Set((catalog.citiesBySession.get('SOYS10') ?? []).map((city) => city.id)));
		expect(filters.get('city')).toHaveLength(26);
		expect(filters.get('track')).toEqual(['content-collaboration']);
		expect(filters.get('type')).toEqual(['breakout']);
		expect(filters.get('level')).toEqual(['200']);
		expect(filters.get('path')).toEqual(['soys']);
		expect(filters.get('speaker')).toEqual(session.speakers.map((speaker) => speaker.id));
		expect(filters.get('product')).toEqual(['sharepoint', 'onedrive', 'microsoft-teams']);
		expect(filters.get('language')).toEqual(['en']);
		expect(meta.get('code')).toBe('SOYS10');
		expect(meta.get('type')).toBe('Breakout');
		expect(meta.get('first')).toBe('Toronto · Wed, 8 Jan 2020 09:00 EST');
		expect(sort.get('code')).toBe('SOYS10');
		expect(sort.get('start')).toBe('2020-01-08T14:00:00.000Z');
	});

	it('gives every indexed page both sort keys, so none drops out of sorted results', () => {
		for (const file of listFiles(sample.outDir).filter((name) => name.endsWith('.html'))) {
			if (!readBuilt(sample, file).includes('data-pagefind-body')) continue;
			const { sort, filters } = searchRecord(file);
			expect([...sort.keys()].sort(), file).toEqual(['code', 'start']);
			expect(filters.get('kind'), file).toHaveLength(1);
		}
	});
});
