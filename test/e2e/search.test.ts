import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { launchChromium } from '../support/browser';
import { projectRoot } from '../support/builds';

const baseUrl = inject('baseUrl');
const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));
const sydneyTheater = catalog.sessions.filter(
	(session) => session.type === 'theater' && catalog.cityById.get('sydney')?.deliveriesBySession.has(session.code),
);
const sydneySessions = catalog.sessions.filter((session) => catalog.cityById.get('sydney')?.deliveriesBySession.has(session.code));

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});
beforeEach(async () => {
	await context?.close();
	context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	page = await context.newPage();
});

async function searchFor(term: string): Promise<void> {
	await page.goto(`${baseUrl}/search/`);
	await page.locator('[data-search].is-ready').waitFor();
	await page.locator('#search-input').fill(term);
	await page.locator('[data-search-status]', { hasText: `for “${term}”` }).waitFor();
}

const resultCodes = () => page.locator('.result-meta span:first-child').allTextContents();

describe('search (/search/)', () => {
	it('finds SOYS20 first when searching its code', async () => {
		await searchFor('SOYS20');
		expect((await resultCodes())[0]).toBe('SOYS20');
		await expect(page.locator('.result a').first().getAttribute('href')).resolves.toBe('/sessions/soys20/');
	});

	it('finds SOYS40 when searching "cortex", with the word highlighted in excerpts', async () => {
		await searchFor('cortex');
		expect(await resultCodes()).toContain('SOYS40');
		expect(await page.locator('.result-excerpt mark').count()).toBeGreaterThan(0);
		expect((await page.locator('.result-excerpt mark').first().textContent())?.toLowerCase()).toContain('cortex');
	});

	it("finds a speaker's page and their sessions by name", async () => {
		await searchFor('Jeff Teper');
		const links = await page.locator('.result a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
		expect(links[0]).toBe('/speakers/jeff-teper/');
		for (const session of catalog.sessionsBySpeaker.get('jeff-teper') ?? []) expect(links).toContain(`/sessions/${session.slug}/`);
	});

	it('does not answer a speaker or a session title with every city page whose agenda lists it', async () => {
		await searchFor('Jeff Teper');
		const links = await page.locator('.result a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
		expect(links.filter((link) => link?.startsWith('/cities/'))).toEqual([]);
		const title = catalog.sessionByCode.get('SOYS20')?.title ?? '';
		await searchFor(title);
		const titles = await page.locator('.result a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
		expect(titles[0]).toBe('/sessions/soys20/');
		expect(titles.filter((link) => link?.startsWith('/cities/'))).toEqual([]);
	});

	it('finds a city page by the city name, with an excerpt that is not page furniture', async () => {
		await searchFor('Sydney');
		const links = await page.locator('.result a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
		expect(links).toContain('/cities/sydney/');
		const excerpts = await page.locator('.result-excerpt').allTextContents();
		for (const excerpt of excerpts) expect(excerpt).not.toMatch(/Add the whole agenda|Download \.ics|Add to calendar/);
	});

	it('narrows results with two filters and shows the right count', async () => {
		await page.goto(`${baseUrl}/search/`);
		await page.locator('[data-search].is-ready').waitFor();
		await page
			.getByRole('group', { name: 'City' })
			.getByRole('checkbox', { name: /^Sydney/ })
			.check();
		await page.locator('[data-search-status]', { hasText: /results?$/ }).waitFor();
		const afterOne = Number((await page.locator('[data-search-status]').textContent())?.split(' ')[0]);
		await page
			.getByRole('group', { name: 'Session type' })
			.getByRole('checkbox', { name: /^Theater/ })
			.check();
		await page.locator('[data-search-status]', { hasText: new RegExp(`^${sydneyTheater.length} results?$`) }).waitFor();
		expect(afterOne).toBeGreaterThan(sydneyTheater.length);
		expect(new Set(await resultCodes())).toEqual(new Set(sydneyTheater.map((session) => session.code)));
		// The same ids as the catalog's URLs; the names are what the boxes say.
		await page.waitForURL(/city=sydney&type=theater/);
		// The catalog reads the same query: search's URL, pasted on /sessions/, picks the same filters.
		await page.goto(`${baseUrl}/sessions/${new URL(page.url()).search}`);
		await expect.poll(() => page.getByLabel('City').inputValue()).toBe('sydney');
		expect(await page.getByLabel('Session type').inputValue()).toBe('theater');
	});

	it('reads a link with the names of older versions (?city=Sydney&type=Theater) as the ids', async () => {
		await page.goto(`${baseUrl}/search/?city=Sydney&type=Theater`);
		await page.locator('[data-search].is-ready').waitFor();
		await page.locator('[data-search-status]', { hasText: new RegExp(`^${sydneyTheater.length} results?$`) }).waitFor();
		expect(
			await page
				.getByRole('group', { name: 'City' })
				.getByRole('checkbox', { name: /^Sydney/ })
				.isChecked(),
		).toBe(true);
	});

	it('offers facets with the counts of the whole index before anything is typed, once the filters are reached', async () => {
		await page.goto(`${baseUrl}/search/`);
		await page.locator('[data-search].is-ready').waitFor();
		// The counts need Pagefind's filter index, loaded when the filters are used, not with the page (issue 12).
		await page.locator('[data-search-filters]').hover();
		await page
			.getByRole('group', { name: 'Kind' })
			.locator('label', { hasText: /\(\d+\)/ })
			.first()
			.waitFor();
		const kinds = await page.getByRole('group', { name: 'Kind' }).locator('label').allTextContents();
		expect(kinds.map((text) => text.trim())).toEqual([
			`City (${catalog.cities.length})`,
			`Learning path (${catalog.paths.length})`,
			`Session (${catalog.sessions.length})`,
			`Speaker (${catalog.speakers.length})`,
		]);
		const cities = await page.getByRole('group', { name: 'City' }).locator('label').count();
		expect(cities).toBe(catalog.cities.length);
		for (const legend of ['Track', 'Session type', 'Level', 'Learning path', 'Speaker', 'Product']) {
			expect(await page.getByRole('group', { name: legend }).count(), legend).toBe(1);
		}
	});

	it('clears the query with Esc', async () => {
		await searchFor('cortex');
		await page.locator('#search-input').press('Escape');
		await expect(page.locator('#search-input').inputValue()).resolves.toBe('');
		expect(await page.locator('.result').count()).toBe(0);
	});

	it('reaches the search box, a result and a filter with the keyboard alone', async () => {
		await page.goto(`${baseUrl}/search/?q=cortex`);
		await page.locator('[data-search].is-ready').waitFor();
		await page.locator('.result').first().waitFor();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		// The filters' disclosure (open beside the results on a wide screen), then its first value.
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
		await page.keyboard.press('Space');
		await page.waitForURL(/kind=/);
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Escape');
		await expect(page.locator('#search-input').inputValue()).resolves.toBe('');
	});

	it('loads Pagefind when the field is reached, before any keystroke, and answers the typing', async () => {
		const asked: string[] = [];
		// Pagefind fetches from its Web Worker: context-wide requests include the worker's.
		context.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (path.startsWith('/pagefind/')) asked.push(path);
		});
		await page.goto(`${baseUrl}/search/`);
		await page.locator('[data-search].is-ready').waitFor();
		expect(asked, 'nothing of Pagefind with the page').toEqual([]);
		await page.locator('#search-input').click();
		await page.locator('[data-search][data-search-engine="ready"]').waitFor();
		expect(asked).toContain('/pagefind/pagefind.js');
		expect(
			asked.some((path) => /^\/pagefind\/wasm\.[a-z]+\.pagefind$/.test(path)),
			'the WebAssembly',
		).toBe(true);
		expect(
			asked.some((path) => /^\/pagefind\/pagefind\..+\.pf_meta$/.test(path)),
			'the metadata',
		).toBe(true);
		expect(
			asked.filter((path) => path.includes('/fragment/') || path.includes('/filter/')),
			'no results before a keystroke',
		).toEqual([]);
		expect(await page.locator('#search-input').inputValue()).toBe('');
		await page.keyboard.type('cortex', { delay: 60 });
		await page.locator('[data-search-status]', { hasText: 'for “cortex”' }).waitFor();
		expect(await resultCodes()).toContain('SOYS40');
	});

	it('tries Pagefind again after a failed download, and tells the visitor to check the connection (not to run a build)', async () => {
		let failures = 0;
		await page.route('**/pagefind/pagefind.js*', (route) => (failures++ === 0 ? route.abort() : route.continue()));
		await page.goto(`${baseUrl}/search/`);
		await page.locator('#search-input').click();
		await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('Search could not be loaded');
		expect(await page.locator('[data-search-status]').textContent()).not.toContain('npm run build');
		await page.locator('#search-input').pressSequentially('cortex');
		await page.locator('[data-search-status]', { hasText: 'for “cortex”' }).waitFor();
		expect(await resultCodes()).toContain('SOYS40');
	});

	it('keeps every filter value, without counts, when the filter index fails to download, and counts them once it comes', async () => {
		let blocked = true;
		let aborted = 0;
		await page.route('**/pagefind/filter/**', (route) => {
			if (!blocked) return route.continue();
			aborted++;
			return route.abort();
		});
		await page.goto(`${baseUrl}/search/?q=cortex`);
		await page.locator('.result').first().waitFor();
		await page.locator('[data-search-filter-panel]').hover();
		await expect.poll(() => aborted).toBeGreaterThan(0);
		await page.waitForTimeout(500);
		const boxes = page.locator('[data-search-filters] input[type="checkbox"]');
		expect(await boxes.count()).toBeGreaterThan(5);
		for (const box of await boxes.all()) expect(await box.isVisible()).toBe(true);
		expect(await page.locator('[data-search-filters]').textContent()).not.toContain('(0)');
		blocked = false;
		await page.mouse.move(0, 0);
		await page.locator('[data-search-filter-panel]').hover();
		await expect.poll(() => page.locator('[data-search-filters]').textContent()).toMatch(/\([1-9]\d*\)/);
	});

	it('shows the first results before it loads the filter index, whose counts follow (timing and bytes are measured by bench/search.mjs)', async () => {
		const asked: string[] = [];
		page.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (path.startsWith('/pagefind/')) asked.push(path);
		});
		await page.goto(`${baseUrl}/search/`);
		await page.locator('#search-input').click();
		await page.locator('[data-search][data-search-engine="ready"]').waitFor();
		await page.locator('#search-input').pressSequentially('cortex');
		await page.locator('.result').first().waitFor();
		expect(
			asked.filter((path) => path.includes('/filter/')),
			'no filter index before the first results',
		).toEqual([]);
		expect(asked.some((path) => path.includes('/fragment/'))).toBe(true);
		// The sample is small: its counts come with the results, once typing has paused.
		await expect.poll(() => asked.some((path) => path.includes('/filter/'))).toBe(true);
		await expect.poll(() => page.locator('[data-search-filters]').textContent()).toMatch(/\(\d+\)/);
	});
});

describe('faceted catalog (/sessions/)', () => {
	// Polled: the status changes after the script has run, not at the moment the page loads.
	const status = () => expect.poll(() => page.locator('[data-catalog-status]').textContent());
	const visibleCodes = () =>
		page.locator('[data-session]:visible').evaluateAll((items) => items.map((item) => item.getAttribute('data-session')));

	it('narrows the list with two filters, keeps them in the URL, survives a reload, and leaves with one Back', async () => {
		await page.goto(`${baseUrl}/`);
		await page.goto(`${baseUrl}/sessions/`);
		await status().toBe(`All ${catalog.sessions.length} sessions`);
		await page.getByLabel('City').selectOption('sydney');
		await status().toBe(`${sydneySessions.length} of ${catalog.sessions.length} sessions match`);
		await page.getByLabel('Session type').selectOption('theater');
		await status().toBe(`${sydneyTheater.length} of ${catalog.sessions.length} sessions match`);
		expect(new URL(page.url()).search).toBe('?city=sydney&type=theater');
		expect(new Set(await visibleCodes())).toEqual(new Set(sydneyTheater.map((session) => session.code)));

		await page.reload();
		await status().toBe(`${sydneyTheater.length} of ${catalog.sessions.length} sessions match`);
		expect(new Set(await visibleCodes())).toEqual(new Set(sydneyTheater.map((session) => session.code)));

		// Each change replaced the history entry: Back leaves the catalog instead of undoing one filter.
		await page.goBack();
		expect(new URL(page.url()).pathname).toBe('/');
	});

	it('works with the keyboard alone', async () => {
		await page.goto(`${baseUrl}/sessions/`);
		const citySelect = page.getByLabel('City');
		for (let step = 0; step < 30 && !(await citySelect.evaluate((select) => select === document.activeElement)); step++) {
			await page.keyboard.press('Tab');
		}
		expect(await citySelect.evaluate((select) => select === document.activeElement)).toBe(true);
		await page.keyboard.press('ArrowDown');
		await status().toMatch(/ of \d+ sessions match$/);
		expect(new URL(page.url()).searchParams.get('city')).toBe(catalog.cities[0]?.id);
	});

	it('shows the full grouped list and no filter form without JavaScript', async () => {
		const plain = await browser.newContext({ javaScriptEnabled: false });
		const noScript = await plain.newPage();
		await noScript.goto(`${baseUrl}/sessions/?city=sydney`);
		expect(await noScript.locator('[data-session]:visible').count()).toBe(catalog.sessions.length);
		expect(await noScript.locator('[data-catalog-filters]').isVisible()).toBe(false);
		await noScript.goto(`${baseUrl}/search/`);
		expect(await noScript.locator('main').innerText()).toContain('Search runs in your browser and needs JavaScript');
		expect(await noScript.locator('[data-search-layout]').isVisible()).toBe(false);
		await plain.close();
	});
});
