import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCatalog, type Session } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { sessionFacetValues } from '../../src/presentation/facets';
import { launchChromium } from '../support/browser';
import { largeCatalog, projectRoot } from '../support/builds';

// Issue 12 in a real browser: the filters of a catalog too large for one page (an overview at /sessions/, pages
// per track) still find the right sessions, across a track's numbered pages and across all tracks.

const largeUrl = inject('largeUrl');
const catalog = buildCatalog(readContentFolder(projectRoot, largeCatalog.content));
const has = (session: Session, facet: string, value: string) => sessionFacetValues(catalog, session)[facet]?.includes(value) ?? false;

// A track on more than one page, and the type and city that leave the most of its sessions, some past its first page.
const track = catalog.tracks.find((candidate) => (catalog.sessionsByTrack.get(candidate.id)?.length ?? 0) > largeCatalog.pageSize);
const trackSessions = catalog.sessionsByTrack.get(track?.id ?? '') ?? [];
const firstPage = new Set(trackSessions.slice(0, largeCatalog.pageSize).map((session) => session.code));
const [choice] = catalog.cities
	.flatMap((city) => ['breakout', 'theater'].map((type) => ({ city: city.id, type })))
	.map((pair) => ({
		...pair,
		codes: trackSessions
			.filter((session) => has(session, 'type', pair.type) && has(session, 'city', pair.city))
			.map((session) => session.code),
	}))
	.filter((pair) => pair.codes.some((code) => !firstPage.has(code)))
	.sort((a, b) => b.codes.length - a.codes.length);
const { type = '', city = '', codes: expected = [] } = choice ?? {};
const matching = (session: Session) => has(session, 'type', type) && has(session, 'city', city);
/** The filters of the page's address, in a stable order. */
const filtersOf = (page: Page) => [...new URL(page.url()).searchParams].sort().map(([name, value]) => `${name}=${value}`);

let browser: Browser;
let context: BrowserContext | undefined;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});
afterEach(async () => {
	await context?.close();
	context = undefined;
});

async function open(path: string): Promise<Page> {
	context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${largeUrl}${path}`);
	await page.locator('[data-catalog-filters]:not([hidden])').waitFor();
	return page;
}

const shownCodes = (page: Page) =>
	page.locator('[data-session]:not([hidden])').evaluateAll((items) => items.map((item) => item.getAttribute('data-session') ?? ''));

describe(`filters over ${largeCatalog.sessions} sessions in pages of ${largeCatalog.pageSize}`, () => {
	it('has a track on several pages whose sessions of one type in one city span them', () => {
		// The matches must not all be on the track's first page, or the test would not show the pages pulled in.
		expect(track && choice).toBeTruthy();
		expect(expected.length).toBeGreaterThan(1);
	});

	it('goes from /sessions/ to the chosen track, and there finds every session of a type in a city on all its pages', async () => {
		const page = await open('/sessions/');
		await page.locator('select[name="track"]').selectOption(track?.id ?? '');
		await page.waitForURL(`${largeUrl}/tracks/${track?.id}/`);
		await page.locator('[data-catalog-filters]:not([hidden])').waitFor();
		await page.locator('select[name="type"]').selectOption(type);
		await page.locator('select[name="city"]').selectOption(city);
		await expect
			.poll(() => page.locator('[data-catalog-status]').textContent())
			.toBe(`${expected.length} of ${trackSessions.length} sessions match`);
		expect([...(await shownCodes(page))].sort()).toEqual([...expected].sort());
		// With the city, each card has its day, time and room there, and the list is in time order.
		await expect.poll(() => page.locator('[data-session]:not([hidden]) [data-when]:not([hidden])').count()).toBe(expected.length);
		expect(filtersOf(page)).toEqual([`city=${city}`, `type=${type}`]);
		await expect(page.locator('[data-catalog-pagination]').isHidden()).resolves.toBe(true);
	});

	it('keeps the other filters when the track changes, and counts the matches of every track in the overview', async () => {
		const page = await open(`/tracks/${track?.id}/2/?type=${type}&city=${city}`);
		await expect.poll(async () => [...(await shownCodes(page))].sort()).toEqual([...expected].sort());
		await page.locator('select[name="track"]').selectOption('');
		await page.waitForURL((url) => url.pathname === '/sessions/');
		expect(filtersOf(page)).toEqual([`city=${city}`, `type=${type}`]);
		const all = catalog.sessions.filter(matching);
		await expect
			.poll(() => page.locator('[data-catalog-status]').textContent())
			.toBe(`${all.length} of ${catalog.sessions.length} sessions match`);
		for (const other of catalog.tracks) {
			const count = (catalog.sessionsByTrack.get(other.id) ?? []).filter(matching).length;
			if (count === 0) {
				await expect(page.locator(`[data-catalog-group="${other.id}"]`).isHidden()).resolves.toBe(true);
				continue;
			}
			const more = page.locator(`[data-catalog-group="${other.id}"] [data-catalog-more]`);
			await expect(more.textContent()).resolves.toBe(`All ${count} matching sessions of ${other.name}`);
			await expect(more.getAttribute('href')).resolves.toBe(`/tracks/${other.id}/?city=${city}&type=${type}`);
		}
		// The overview's preview cards that match stay in view; the others are hidden.
		for (const code of await shownCodes(page)) expect(all.map((session) => session.code)).toContain(code);
	});

	it('opens the track page for an overview link with a track (/sessions/?track=…), keeping the rest', async () => {
		const page = await open(`/sessions/?track=${track?.id}&type=${type}`);
		await page.waitForURL(`${largeUrl}/tracks/${track?.id}/?type=${type}`);
		const count = trackSessions.filter((session) => has(session, 'type', type)).length;
		await expect.poll(() => page.locator('[data-catalog-status]').textContent()).toBe(`${count} of ${trackSessions.length} sessions match`);
	});

	it('shows only its own page again when the filters are cleared', async () => {
		const page = await open(`/tracks/${track?.id}/?type=${type}`);
		await page.locator('[data-catalog-status]', { hasText: 'match' }).waitFor();
		await page.locator('[data-catalog-clear]').click();
		await expect.poll(async () => (await shownCodes(page)).length).toBe(largeCatalog.pageSize);
		expect(await shownCodes(page)).toEqual(trackSessions.slice(0, largeCatalog.pageSize).map((session) => session.code));
		await expect(page.locator('[data-catalog-pagination]').isVisible()).resolves.toBe(true);
	});
});
