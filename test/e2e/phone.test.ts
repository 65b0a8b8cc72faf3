import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { contextPerTest } from '../support/browser';

const baseUrl = inject('baseUrl');
const phone = { width: 390, height: 844 };
const destinations = ['Sessions', 'Learning paths', 'Cities', 'Speakers', 'Search', 'My schedule'];
/** A page of each kind; /search/ had a header of its own (no search box, the links moved). */
const pagePaths = [
	'/',
	'/sessions/',
	'/sessions/soys10/',
	'/paths/',
	'/cities/',
	'/cities/orlando/',
	'/speakers/',
	'/search/',
	'/404.html',
];

const contexts = contextPerTest();

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
	const context = await contexts.open({
		viewport: { ...phone, width: options.width ?? phone.width },
		javaScriptEnabled: options.javaScriptEnabled ?? true,
	});
	const page = await context.newPage();
	await page.goto(`${baseUrl}${path}`);
	return page;
}

/** Where each header link and the header's search box are on screen, rounded to the pixel. */
function headerLayout(page: Page) {
	return page.evaluate(() => {
		const box = (element: Element) => {
			const rect = element.getBoundingClientRect();
			return [Math.round(rect.left), Math.round(rect.top), Math.round(rect.right), Math.round(rect.bottom)];
		};
		const header = document.querySelector('header.site-header');
		return {
			headers: document.querySelectorAll('header.site-header').length,
			links: [...(header?.querySelectorAll('nav a') ?? [])].map((link) => ({ text: link.textContent?.trim(), box: box(link) })),
			search: [...(header?.querySelectorAll('form[role="search"]') ?? [])].map(box),
			pageWidth: document.documentElement.scrollWidth,
		};
	});
}

describe('the site header on a 390 px phone', () => {
	it('shows every destination without scrolling sideways, without JavaScript, with one layout on every page', async () => {
		let first: Awaited<ReturnType<typeof headerLayout>> | undefined;
		for (const path of pagePaths) {
			const page = await open(path, { javaScriptEnabled: false });
			const layout = await headerLayout(page);
			expect(layout.headers, path).toBe(1);
			expect(
				layout.links.map((link) => link.text),
				path,
			).toEqual(destinations);
			for (const { text, box } of layout.links) {
				const [left = -1, top = -1, right = Infinity] = box;
				expect(left, `${path} ${text}`).toBeGreaterThanOrEqual(0);
				expect(right, `${path} ${text}`).toBeLessThanOrEqual(phone.width);
				expect(top, `${path} ${text}`).toBeGreaterThanOrEqual(0);
			}
			for (const text of destinations) {
				expect(await page.locator('header nav').getByRole('link', { name: text, exact: true }).isVisible(), `${path} ${text}`).toBe(true);
			}
			expect(layout.search, `${path}: the header's search box`).toHaveLength(1);
			expect(layout.pageWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(phone.width);
			first ??= layout;
			expect({ links: layout.links, search: layout.search }, `${path} has the header of ${pagePaths[0]}`).toEqual({
				links: first.links,
				search: first.search,
			});
		}
	});

	it('reaches every destination with the keyboard, the focus visible on each', async () => {
		const page = await open('/search/');
		const reached: string[] = [];
		for (let step = 0; step < 12 && reached.length < destinations.length; step++) {
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => {
				const element = document.activeElement;
				if (!element?.closest('header nav')) return undefined;
				const style = getComputedStyle(element);
				return { text: element.textContent?.trim() ?? '', outline: `${style.outlineStyle} ${style.outlineWidth}` };
			});
			if (!focused) continue;
			reached.push(focused.text);
			expect(focused.outline, focused.text).not.toMatch(/^none|\s0px$/);
		}
		expect(reached).toEqual(destinations);
	});
});

describe('search on a 390 px phone', () => {
	it('puts the results first on the screen, the filters in a closed disclosure', async () => {
		const page = await open('/search/?q=SharePoint');
		await page.locator('[data-search].is-ready').waitFor();
		const summary = page.locator('details.filters > summary');
		expect((await summary.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Filters');
		expect(await page.locator('details.filters').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
		expect(await page.locator('details.filters fieldset').first().isVisible()).toBe(false);
		const firstResult = await page.locator('.result').first().boundingBox();
		expect(firstResult?.y ?? Infinity).toBeLessThan(phone.height);
	});

	it('opens the filters without inner scrollbars, offers no value without results and counts the filters picked', async () => {
		const page = await open('/search/?q=SharePoint');
		await page.locator('[data-search].is-ready').waitFor();
		await page.locator('details.filters > summary').click();
		const groups = page.locator('details.filters fieldset:visible');
		expect(await groups.count()).toBeGreaterThan(3);
		const scrolling = await page
			.locator('details.filters fieldset, details.filters .facet-options')
			.evaluateAll((elements) =>
				elements.filter((element) => element.scrollHeight > element.clientHeight + 1).map((element) => element.textContent?.slice(0, 40)),
			);
		expect(scrolling).toEqual([]);
		const shown = await page.locator('details.filters label:visible').allTextContents();
		expect(shown.length).toBeGreaterThan(5);
		for (const text of shown) expect(text.trim(), 'a value offered with no result').not.toMatch(/\(0\)$/);
		await page.locator('details.filters label:visible input').first().check();
		await page.waitForURL(/&/);
		await page.locator('details.filters > summary', { hasText: 'Filters (1)' }).waitFor();
	});

	it('shows the filters open beside the results on a wide screen', async () => {
		const page = await open('/search/?q=SharePoint', { width: 1280 });
		await page.locator('[data-search].is-ready').waitFor();
		expect(await page.locator('details.filters').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
		expect(await page.locator('details.filters fieldset').first().isVisible()).toBe(true);
	});
});
