import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { launchChromium, recordViolations } from '../support/browser';
import { projectRoot } from '../support/builds';

// Issue 11, offline at the venue: the service worker (src/scripts/service-worker.ts, served as /sw.js) keeps the
// pages a visitor opens, and src/scripts/offline.ts says when a page is such a saved copy.
const baseUrl = inject('baseUrl');
const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});

/** Opens the home page in a fresh context and waits until the worker controls it (it claims open pages). */
async function controlledPage(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const violations = await recordViolations(page);
	await page.goto(`${baseUrl}/`);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	// The home page was loaded before the worker ran: the page asks the worker to save it (and its script).
	await waitForSaved(page, ['/']);
	return { context, page, violations };
}

/** Waits until the worker's cache holds these paths (it saves after answering, and a page last, after its files). */
async function waitForSaved(page: Page, paths: string[]): Promise<void> {
	const saved = () =>
		page.evaluate(async () => {
			const found: string[] = [];
			for (const name of (await caches.keys()).filter((key) => key.startsWith('roadshow-'))) {
				for (const request of await (await caches.open(name)).keys()) found.push(new URL(request.url).pathname);
			}
			return found;
		});
	await expect
		.poll(
			async () => {
				const found = await saved();
				return paths.filter((path) => !found.includes(path));
			},
			{ timeout: 10_000 },
		)
		.toEqual([]);
}

const notice = (page: Page) => page.locator('[data-offline-notice]');

describe('offline at the venue', () => {
	it('opens visited city and session pages without a network, styled, and says they are saved copies', async () => {
		const { context, page: first, violations } = await controlledPage();
		let page = first;
		await page.goto(`${baseUrl}/cities/sydney/`);
		await page.goto(`${baseUrl}/sessions/soys10/`);
		await waitForSaved(page, ['/cities/sydney/', '/sessions/soys10/']);
		// Served by the network: no mark, an empty (invisible) status region.
		expect(await page.locator('html').getAttribute('data-saved-copy')).toBeNull();
		expect(await notice(page).textContent()).toBe('');
		expect(await notice(page).boundingBox()).toEqual(expect.objectContaining({ height: 0 }));

		await context.setOffline(true);
		await page.goto(`${baseUrl}/cities/sydney/`);
		await expect(page.locator('h1').textContent()).resolves.toContain('Sydney');
		await expect(notice(page).textContent()).resolves.toMatch(/^You are offline: this is the copy of this page saved on .*\d{4}.*\.$/);
		expect(await notice(page).getAttribute('role')).toBe('status');
		// The stylesheet came from the cache too: the notice is laid out as the site's CSS says.
		expect(await notice(page).evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
		await page.reload();
		await expect(notice(page).textContent()).resolves.toMatch(/^You are offline/);
		await page.goto(`${baseUrl}/sessions/soys10/?from=offline`);
		await expect(page.locator('h1').textContent()).resolves.toContain(catalog.sessionByCode.get('SOYS10')?.title);
		await expect(notice(page).textContent()).resolves.toMatch(/^You are offline/);

		// A page never opened was never saved: the browser's own offline error.
		await expect(page.goto(`${baseUrl}/speakers/jeff-teper/`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);

		// Back online: the saved copy says so, and the next load comes from the network without a notice.
		page = await context.newPage();
		await page.goto(`${baseUrl}/sessions/soys10/`);
		await expect(notice(page).textContent()).resolves.toMatch(/^You are offline/);
		await context.setOffline(false);
		await page.waitForFunction(() => document.querySelector('[data-offline-notice]')?.textContent?.startsWith('You are back online'));
		await page.reload();
		expect(await page.locator('html').getAttribute('data-saved-copy')).toBeNull();
		expect(await notice(page).textContent()).toBe('');
		expect(violations).toEqual([]);
		await context.close();
	});

	it('saves the pages a page asks it to save before they are visited (the sessions on a schedule)', async () => {
		const { context, page } = await controlledPage();
		await page.evaluate(() => navigator.serviceWorker.controller?.postMessage({ save: ['/sessions/brk2040/', 'https://example.org/'] }));
		await waitForSaved(page, ['/sessions/brk2040/']);
		await context.setOffline(true);
		await page.goto(`${baseUrl}/sessions/brk2040/`);
		await expect(page.locator('h1').textContent()).resolves.toContain(catalog.sessionByCode.get('BRK2040')?.title);
		await expect(notice(page).textContent()).resolves.toMatch(/^You are offline/);
		await context.close();
	});

	it('carries saved pages over from an older cache when a worker activates, then deletes that cache', async () => {
		const { context, page } = await controlledPage();
		const oldCache = 'roadshow-20000101T000000Z-000000000000';
		await page.evaluate(async (name) => {
			const response = await fetch('/paths/soys/');
			const headers = new Headers(response.headers);
			headers.set('x-roadshow-saved', '2020-02-13T08:00:00.000Z');
			await (await caches.open(name)).put('/paths/soys/', new Response(await response.blob(), { headers }));
			// A second registration of the same worker (for /paths/ only) installs and activates anew, as a worker
			// of a new build would, and finds the old cache.
			const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/paths/' });
			const worker = registration.installing ?? registration.waiting;
			if (worker)
				await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(true)));
		}, oldCache);
		const names = await page.evaluate(() => caches.keys());
		expect(names).not.toContain(oldCache);
		expect(names.filter((name) => name.startsWith('roadshow-'))).toHaveLength(1);
		await context.setOffline(true);
		await page.goto(`${baseUrl}/paths/soys/`);
		await expect(notice(page).textContent()).resolves.toMatch(/^You are offline: this is the copy of this page saved on .*2020/);
		await context.close();
	});

	it('leaves other origins, other methods and the search index to the network', async () => {
		const { context, page } = await controlledPage();
		await page.goto(`${baseUrl}/search/?q=teams`);
		await page.locator('.result').first().waitFor();
		const cached = await page.evaluate(async () => {
			const urls: string[] = [];
			for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
			return urls;
		});
		expect(cached.filter((url) => new URL(url).pathname.startsWith('/pagefind/'))).toEqual([]);
		expect(cached.filter((url) => new URL(url).origin !== baseUrl)).toEqual([]);
		await context.close();
	});
});

describe('my schedule at the venue', () => {
	it('opens /my-schedule/ and the picked sessions and their city offline, once the schedule was seen', async () => {
		const { context, page, violations } = await controlledPage();
		// SOYS20 in Sydney, never visited on this device.
		await page.evaluate(() =>
			localStorage.setItem(
				'roadshow:picks',
				JSON.stringify([{ uid: 'SOYS20-sydney-1@ignite-tour.example.org', city: 'sydney', key: 'soys20-1' }]),
			),
		);
		await page.goto(`${baseUrl}/my-schedule/`);
		await page.locator('[data-schedule-list] .pick-item').waitFor();
		await waitForSaved(page, ['/my-schedule/', '/sessions/soys20/', '/cities/sydney/', '/cities/sydney/deliveries.json']);
		await context.setOffline(true);
		await page.reload();
		await page.locator('[data-schedule-list] .pick-item').waitFor();
		expect(await page.locator('[data-schedule-list] .pick-item .pick-title').textContent()).toContain('SOYS20');
		await expect.poll(() => notice(page).textContent()).toMatch(/^You are offline: this is the copy of this page saved on /);
		await page.goto(`${baseUrl}/sessions/soys20/`);
		expect(await page.locator('h1').textContent()).toContain('Connect the organization');
		await page.goto(`${baseUrl}/cities/sydney/`);
		expect(await page.locator('h1').textContent()).toBe('Sydney');
		expect(violations).toEqual([]);
		await context.close();
	});
});
