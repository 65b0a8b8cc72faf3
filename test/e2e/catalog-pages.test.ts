import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildCatalog, type Session } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { sessionFacetValues } from '../../src/presentation/facets';
import { contextPerTest } from '../support/browser';
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

const contexts = contextPerTest();

async function open(path: string): Promise<Page> {
	const context = await contexts.open({ viewport: { width: 1280, height: 900 } });
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

describe('the catalog when a file it needs does not arrive, and the track menu with the keyboard', () => {
	const unreachable = 'The filter could not be loaded; check your connection and try again.';
	const tracks = catalog.tracks.filter((candidate) => (catalog.sessionsByTrack.get(candidate.id)?.length ?? 0) > 0);

	it('says so on the overview when a facet index fails, keeps every track in view, and asks again on the next change', async () => {
		const page = await open('/sessions/');
		let failing = true;
		let asked = 0;
		await page.route('**/sessions/by-type.json', async (route) => {
			asked++;
			await (failing ? route.abort('internetdisconnected') : route.continue());
		});
		await page.locator('select[name="type"]').selectOption(type);
		await expect.poll(() => page.locator('[data-catalog-status]').textContent()).toBe(unreachable);
		await expect(page.locator('[data-catalog-status]').getAttribute('role')).resolves.toBe('status');
		for (const other of tracks) await expect(page.locator(`[data-catalog-group="${other.id}"]`).isVisible()).resolves.toBe(true);
		// Back online: the next change fetches the type's index again instead of remembering the failure.
		failing = false;
		await page.locator('select[name="city"]').selectOption(city);
		const all = catalog.sessions.filter(matching);
		await expect
			.poll(() => page.locator('[data-catalog-status]').textContent())
			.toBe(`${all.length} of ${catalog.sessions.length} sessions match`);
		expect(asked).toBe(2);
	});

	it("says so on a track's page when its other pages fail, and pulls them in on the next change", async () => {
		const page = await open(`/tracks/${track?.id}/`);
		let failing = true;
		await page.route(`**/tracks/${track?.id}/2/`, async (route) => {
			await (failing ? route.abort('internetdisconnected') : route.continue());
		});
		await page.locator('select[name="type"]').selectOption(type);
		await expect.poll(() => page.locator('[data-catalog-status]').textContent()).toBe(unreachable);
		// The page's own cards stay, with the way to the other pages.
		await expect.poll(async () => (await shownCodes(page)).length).toBe(largeCatalog.pageSize);
		await expect(page.locator('[data-catalog-pagination]').isVisible()).resolves.toBe(true);
		failing = false;
		await page.locator('select[name="city"]').selectOption(city);
		await expect
			.poll(() => page.locator('[data-catalog-status]').textContent())
			.toBe(`${expected.length} of ${trackSessions.length} sessions match`);
		expect([...(await shownCodes(page))].sort()).toEqual([...expected].sort());
	});

	it("tells on a track's later page the track's total and the page's share", async () => {
		const page = await open(`/tracks/${track?.id}/2/`);
		const last = Math.min(2 * largeCatalog.pageSize, trackSessions.length);
		await expect
			.poll(() => page.locator('[data-catalog-status]').textContent())
			.toBe(`All ${trackSessions.length} sessions of this track; ${largeCatalog.pageSize + 1}–${last} on this page`);
	});

	it('lets the keyboard move through the track menu without leaving the page; Enter opens the track', async () => {
		const page = await open('/sessions/');
		const menu = page.locator('select[name="track"]');
		const hint = await menu.getAttribute('aria-describedby');
		await expect(page.locator(`[id="${hint}"]`).textContent()).resolves.toContain("Opens the track's page");
		await menu.focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		// Give a navigation, if one were under way, the time to start.
		await page.waitForTimeout(300);
		expect(new URL(page.url()).pathname).toBe('/sessions/');
		await expect(menu.inputValue()).resolves.toBe(tracks[1]?.id);
		await page.keyboard.press('Enter');
		await page.waitForURL(`${largeUrl}/tracks/${tracks[1]?.id}/`);
	});

	it("puts the menu back on the page's track when the keyboard leaves it without Enter, and stays on the page", async () => {
		const page = await open(`/tracks/${tracks[0]?.id}/`);
		const menu = page.locator('select[name="track"]');
		await menu.focus();
		await page.keyboard.press('ArrowDown');
		await page.waitForTimeout(300);
		expect(new URL(page.url()).pathname).toBe(`/tracks/${tracks[0]?.id}/`);
		await page.keyboard.press('Tab');
		await page.waitForTimeout(300);
		expect(new URL(page.url()).pathname).toBe(`/tracks/${tracks[0]?.id}/`);
		await expect(menu.inputValue()).resolves.toBe(tracks[0]?.id);
	});
});
