import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { ELEMENT_NODE, parse, renderSync, TEXT_NODE, walkSync, type ElementNode, type Node } from 'ultrahtml';
import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { catalogPageSize } from '../../src/presentation/catalog-pages';
import { sessionFacetValues } from '../../src/presentation/facets';
import { largeCatalog, listFiles, projectRoot, readBuilt, type BuildResult } from '../support/builds';
import { builtSite } from '../support/built-site';
import { brokenReferences } from '../support/internal-links';
import { headOf } from '../support/seo';

// Issue 12: the session catalog at scale. A catalog larger than one page (src/presentation/catalog-pages.ts) is an
// overview at /sessions/ and pages per track at /tracks/<id>/[n/]; the first view stays under 150 KB gzipped.

/** The first view's budget: /sessions/ as the browser downloads it, gzipped. */
const budget = 150 * 1024;

const elementsOf = (html: string): ElementNode[] => {
	const elements: ElementNode[] = [];
	walkSync(parse(html) as Node, (node) => {
		if (node.type === ELEMENT_NODE) elements.push(node as ElementNode);
	});
	return elements;
};
/** An element's text as it is written (white space kept, the few entities Astro writes decoded). */
const textOf = (element: Node): string => {
	let text = '';
	walkSync(element, (node) => {
		if (node.type === TEXT_NODE) text += (node as { value: string }).value;
	});
	const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
	return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity, name: string) => entities[name] ?? entity).trim();
};
/** The session codes of the cards on a built page, in page order. */
const cardsOf = (html: string) =>
	elementsOf(html).flatMap((element) =>
		element.name === 'li' && element.attributes['data-session'] ? [element.attributes['data-session']] : [],
	);
/** The site-internal paths a page links to (href of <a>), without query or fragment. */
const linksOf = (html: string) =>
	elementsOf(html).flatMap((element) =>
		element.name === 'a' && element.attributes['href']?.startsWith('/')
			? [new URL(element.attributes['href'], 'https://site.test').pathname]
			: [],
	);
const fileOf = (path: string) => `${path.replace(/^\//, '')}index.html`;
const gzipped = (build: BuildResult, file: string) => gzipSync(readFileSync(join(build.outDir, file))).length;

describe('the sample catalog (46 sessions) stays one page', () => {
	const sample = builtSite('sample-utc');

	it('shows every session on /sessions/, grouped by track, and has no track pages or facet indexes', () => {
		const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));
		expect(catalog.sessions.length).toBeLessThanOrEqual(catalogPageSize);
		const cards = cardsOf(readBuilt(sample, 'sessions/index.html'));
		expect(cards).toEqual(catalog.tracks.flatMap((track) => (catalog.sessionsByTrack.get(track.id) ?? []).map((session) => session.code)));
		const files = listFiles(sample.outDir);
		expect(files.filter((file) => file.startsWith('tracks/'))).toEqual([]);
		expect(files.filter((file) => /^sessions\/by-.*\.json$/.test(file))).toEqual([]);
	});
});

describe(`a catalog of ${largeCatalog.sessions} sessions with pages of ${largeCatalog.pageSize} cards`, () => {
	const large = builtSite('large');
	const catalog = buildCatalog(readContentFolder(projectRoot, largeCatalog.content));
	const { pageSize } = largeCatalog;
	const files = listFiles(large.outDir);
	const catalogPages = files.filter((file) => file === 'sessions/index.html' || /^tracks\/.+\/index\.html$/.test(file));

	it('builds', () => {
		expect(large.exitCode, large.output).toBe(0);
		expect(catalog.sessions).toHaveLength(largeCatalog.sessions);
	});

	it('keeps every catalog page to one page of cards, and /sessions/ within the budget scaled to 500-card pages', () => {
		for (const file of catalogPages) expect(cardsOf(readBuilt(large, file)).length, file).toBeLessThanOrEqual(pageSize);
		// Scaling the whole page (chrome included) by 500/40 overstates it: a safe bound for the default page size.
		for (const file of catalogPages) expect(gzipped(large, file) * (catalogPageSize / pageSize), file).toBeLessThan(budget);
		const overview = cardsOf(readBuilt(large, 'sessions/index.html'));
		expect(overview.length).toBeGreaterThan(0);
		expect(overview.length).toBeLessThan(catalog.sessions.length);
	});

	it('lists on the pages of each track exactly its sessions, in order, page after page', () => {
		for (const track of catalog.tracks) {
			const sessions = (catalog.sessionsByTrack.get(track.id) ?? []).map((session) => session.code);
			const pageCount = Math.ceil(sessions.length / pageSize);
			const pages = files.filter((file) => file.startsWith(`tracks/${track.id}/`));
			expect(pages, track.id).toHaveLength(pageCount);
			const cards = Array.from({ length: pageCount }, (_, index) =>
				cardsOf(readBuilt(large, `tracks/${track.id}/${index === 0 ? '' : `${index + 1}/`}index.html`)),
			);
			expect(cards.flat(), track.id).toEqual(sessions);
			expect(cards.slice(0, -1).every((page) => page.length === pageSize)).toBe(true);
		}
		// The sample has one-page tracks only; this fixture must exercise numbered pages.
		expect(files.some((file) => /^tracks\/[^/]+\/2\/index\.html$/.test(file))).toBe(true);
	});

	it('reaches every session from /sessions/ by links, within three clicks, through catalog pages only', () => {
		const depthOf = new Map<string, number>([['/sessions/', 0]]);
		const queue = ['/sessions/'];
		for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
			const depth = depthOf.get(path) ?? 0;
			// Session pages are the leaves: the walk follows the overview and the track pages only.
			if (path !== '/sessions/' && !path.startsWith('/tracks/')) continue;
			for (const link of linksOf(readBuilt(large, fileOf(path)))) {
				if (depthOf.has(link) || !(link.startsWith('/sessions/') || link.startsWith('/tracks/'))) continue;
				depthOf.set(link, depth + 1);
				queue.push(link);
			}
		}
		for (const session of catalog.sessions) expect(depthOf.get(`/sessions/${session.slug}/`), session.code).toBeLessThanOrEqual(3);
		for (const file of catalogPages) expect(depthOf.has(`/${file.replace(/index\.html$/, '')}`), file).toBe(true);
	});

	it('writes for each facet the positions of its sessions, a few KB, that decode to the right sessions', () => {
		const order = catalog.tracks.flatMap((track) => catalog.sessionsByTrack.get(track.id) ?? []);
		for (const facet of ['city', 'type', 'level', 'speaker', 'product']) {
			const file = `sessions/by-${facet}.json`;
			const data = JSON.parse(readBuilt(large, file)) as { sessions: number; values: Record<string, number[]> };
			expect(data.sessions).toBe(catalog.sessions.length);
			for (const [value, gaps] of Object.entries(data.values)) {
				let position = -1;
				const decoded = gaps.map((gap) => order[(position += gap)]?.code);
				const expected = order
					.filter((session) => sessionFacetValues(catalog, session)[facet]?.includes(value))
					.map((session) => session.code);
				expect(decoded, `${facet}=${value}`).toEqual(expected);
			}
			expect(gzipped(large, file), file).toBeLessThan(4 * 1024);
		}
		// Choosing a track opens its pages: there is no index of tracks to download.
		expect(files).not.toContain('sessions/by-track.json');
	});

	it('names the track pages in titles and headings, and puts them in the sitemap', () => {
		const sitemap = files
			.filter((file) => /^sitemap-\d+\.xml$/.test(file))
			.map((file) => readBuilt(large, file))
			.join('');
		for (const file of catalogPages.filter((page) => page.startsWith('tracks/'))) {
			const html = readBuilt(large, file);
			const head = headOf(html);
			const track = catalog.trackById.get(file.split('/')[1] ?? '');
			expect(head.title, file).toContain(track?.name);
			expect(Array.from(head.title ?? '').length, file).toBeLessThanOrEqual(70);
			expect(sitemap, file).toContain(`<loc>https://bench.example.org/${file.replace(/index\.html$/, '')}</loc>`);
			// The main navigation marks the Sessions section as the one the track page belongs to.
			expect(html, file).toMatch(/<a href="\/sessions\/" aria-current="true"[^>]*>\s*Sessions\s*<\/a>/);
			// One h1 (the track), then h2, then the cards' h3: headings in order.
			const levels = elementsOf(html).flatMap((element) => (/^h[1-6]$/.test(element.name) ? [Number(element.name[1])] : []));
			expect(levels[0], file).toBe(1);
			levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0), `${file} heading ${index}`).toBeLessThanOrEqual(1));
		}
	});

	it('offers no track without sessions: no page, no option, no link', () => {
		const empty = largeCatalog.emptyTrack;
		expect(catalog.trackById.has(empty)).toBe(true);
		expect(catalog.sessionsByTrack.get(empty) ?? []).toEqual([]);
		expect(files.filter((file) => file.startsWith(`tracks/${empty}/`))).toEqual([]);
		for (const file of catalogPages) {
			const elements = elementsOf(readBuilt(large, file));
			const options = elements.filter((element) => element.name === 'option').map((element) => element.attributes['value']);
			expect(options.length, file).toBeGreaterThan(0);
			expect(options, file).not.toContain(empty);
			expect(linksOf(readBuilt(large, file)), file).not.toContain(`/tracks/${empty}/`);
		}
	});

	it('links each track of the overview to its pages, and says its menus count the whole catalog', () => {
		const html = readBuilt(large, 'sessions/index.html');
		const elements = elementsOf(html);
		const byId = new Map(elements.flatMap((element) => (element.attributes['id'] ? [[element.attributes['id'], element]] : [])));
		for (const track of catalog.tracks) {
			const total = catalog.sessionsByTrack.get(track.id)?.length ?? 0;
			if (total === 0) continue;
			const more = elements.find(
				(element) =>
					element.name === 'a' &&
					element.attributes['data-catalog-more'] !== undefined &&
					element.attributes['href'] === `/tracks/${track.id}/`,
			);
			expect(more && textOf(more), track.id).toBe(`All ${total} sessions of ${track.name}`);
		}
		// The options' numbers are the catalog's, written by the build: they do not follow the other choices.
		for (const select of elements.filter((element) => element.name === 'select')) {
			const hint = byId.get(select.attributes['aria-describedby'] ?? '');
			const expected = select.attributes['name'] === 'track' ? "Opens the track's page" : 'whole catalog';
			expect(hint && textOf(hint), select.attributes['name']).toContain(expected);
		}
	});

	it('puts a breadcrumb navigation on the track pages, and names their page links "Page n"', () => {
		for (const file of catalogPages.filter((page) => page.startsWith('tracks/'))) {
			const elements = elementsOf(readBuilt(large, file));
			const breadcrumb = elements.find((element) => element.name === 'nav' && element.attributes['aria-label'] === 'Breadcrumb');
			expect(breadcrumb, file).toBeDefined();
			expect(
				breadcrumb &&
					elementsOf(renderSync(breadcrumb)).some((element) => element.name === 'a' && element.attributes['href'] === '/sessions/'),
				file,
			).toBe(true);
			const pagination = elements.find((element) => element.name === 'nav' && element.attributes['data-catalog-pagination'] !== undefined);
			if (!pagination) continue;
			const names = elementsOf(renderSync(pagination))
				.filter((element) => element.name === 'a' && !element.attributes['rel'])
				.map(textOf);
			expect(names, file).toEqual(names.map((_, index) => `Page ${index + 1}`));
		}
	});

	it('has no broken internal link and no html-validate finding on the catalog pages', async () => {
		// The generated event's footer points at bench.example.org/code-of-conduct, a page of the organiser's own
		// site: with another origin, absolute links count as external and every relative one is checked.
		const { checked, broken } = brokenReferences(large.outDir, 'https://elsewhere.example.net');
		expect(checked).toBeGreaterThan(largeCatalog.sessions * 3);
		expect(broken, broken.join('\n')).toEqual([]);
		const validator = new HtmlValidate(config);
		const findings: string[] = [];
		for (const file of catalogPages) {
			const report = await validator.validateString(readBuilt(large, file), file);
			for (const result of report.results)
				findings.push(...result.messages.map((message) => `${file}:${message.line} ${message.ruleId}: ${message.message}`));
		}
		expect(findings, findings.join('\n')).toEqual([]);
	});
});
