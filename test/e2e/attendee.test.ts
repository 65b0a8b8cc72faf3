import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { formatDay } from '../../src/presentation/format';
import { launchChromium } from '../support/browser';
import { projectRoot } from '../support/builds';

// Issue 10 in a real browser: the catalog with a city chosen, "your city" on session pages, the phone layout.
const baseUrl = inject('baseUrl');
const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));
const sydney = catalog.cityById.get('sydney');

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	await page.goto(`${baseUrl}${path}`);
	return { context, page };
}

describe('the catalog with a city chosen', () => {
	it('shows each card’s day, time and room in that city and sorts the cards of a track by time', async () => {
		const { context, page } = await open('/sessions/?city=sydney');
		await page.locator('[data-session]:visible [data-when]:not([hidden])').first().waitFor();
		const cards = await page.locator('[data-session]:visible').evaluateAll((items) =>
			items.map((item) => ({
				code: item.getAttribute('data-session') ?? '',
				group: item.closest('[data-catalog-group]')?.getAttribute('data-catalog-group') ?? '',
				when: item.querySelector('[data-when]')?.textContent ?? '',
			})),
		);
		expect(cards.length).toBe(sydney?.deliveriesBySession.size);
		for (const card of cards) {
			const deliveries = sydney?.deliveriesBySession.get(card.code) ?? [];
			const first = deliveries[0];
			expect(card.when, card.code).toContain(
				`${formatDay(first?.day ?? '')} · ${first?.startTime}–${first?.endTime} ${first?.zoneLabel} · ${first?.room}`,
			);
		}
		// Within each track, time order.
		const startOf = (code: string) => sydney?.deliveriesBySession.get(code)?.[0]?.start.getTime() ?? 0;
		for (const group of new Set(cards.map((card) => card.group))) {
			const starts = cards.filter((card) => card.group === group).map((card) => startOf(card.code));
			expect(starts).toEqual([...starts].sort((a, b) => a - b));
		}
		await context.close();
	});

	it('updates the track counts, hides options that would leave nothing, and keeps the chosen city for session pages', async () => {
		const { context, page } = await open('/sessions/');
		await page.getByLabel('City').selectOption('sydney');
		const theater = catalog.sessions.filter((session) => session.type === 'theater' && sydney?.deliveriesBySession.has(session.code));
		await expect.poll(() => page.locator('[data-catalog-toc="theater"] [data-count]').textContent()).toBe(`(${theater.length})`);
		const hidden = await page
			.getByLabel('Speaker')
			.evaluate((select: HTMLSelectElement) => [...select.options].filter((option) => option.hidden).map((option) => option.value));
		const speaking = new Set(
			[...(sydney?.deliveriesBySession.keys() ?? [])].flatMap(
				(code) => catalog.sessionByCode.get(code)?.speakers.map((speaker) => speaker.id) ?? [],
			),
		);
		expect(hidden.length).toBeGreaterThan(0);
		expect(hidden.sort()).toEqual(
			catalog.speakers
				.map((speaker) => speaker.id)
				.filter((id) => !speaking.has(id))
				.sort(),
		);
		expect(await page.evaluate(() => localStorage.getItem('roadshow:city'))).toBe('sydney');
		await context.close();
	});

	it('puts the filters behind "Filters (n)" on a phone, so the sessions come first', async () => {
		const { context, page } = await open('/sessions/?city=sydney&type=theater', { width: 390, height: 844 });
		const summary = page.locator('.filters-panel summary');
		await expect.poll(() => summary.textContent()).toMatch(/Filters\s*\(2\)/);
		expect(await page.getByLabel('City').isVisible()).toBe(false);
		await summary.click();
		expect(await page.getByLabel('City').isVisible()).toBe(true);
		// Nothing is wider than the screen (a long track chip used to be 559 px wide).
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await context.close();
	});
});

describe('"your city" on a session page', () => {
	it('moves the chosen city to the top, names its time under the title, and remembers it on the next session', async () => {
		const { context, page } = await open('/sessions/soys10/');
		const chooser = page.getByLabel('Your city');
		await chooser.selectOption('sydney');
		const top = page.locator('tbody[data-yours] tr[data-city]');
		expect(await top.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-city')))).toEqual(['sydney', 'sydney']);
		expect(await page.locator('[data-your-delivery]').innerText()).toBe(
			'In Sydney: Thu, 13 Feb 2020 09:00–09:45 AEDT · Darling Harbour Theatre',
		);
		// The rest keep their groups and order.
		const rest = await page
			.locator('tbody[data-region] tr[data-city]')
			.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-order'))));
		const sydneyCount = catalog.deliveriesBySession.get('SOYS10')?.filter((delivery) => delivery.city.id === 'sydney').length ?? 0;
		expect(rest).toHaveLength((catalog.deliveriesBySession.get('SOYS10')?.length ?? 0) - sydneyCount);

		await page.goto(`${baseUrl}/sessions/soys20/`);
		expect(await page.getByLabel('Your city').inputValue()).toBe('sydney');
		expect(await page.locator('tbody[data-yours] tr[data-city]').count()).toBeGreaterThan(0);

		// Clearing the choice puts every row back in place and the tour summary under the title.
		await page.getByLabel('Your city').selectOption('');
		expect(await page.locator('tbody[data-yours]').isVisible()).toBe(false);
		expect(await page.locator('[data-your-delivery]').innerText()).toMatch(/^In \d+ cities, /);
		const orders = await page
			.locator('tbody[data-region] tr[data-city]')
			.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-order'))));
		expect(orders).toHaveLength(catalog.deliveriesBySession.get('SOYS20')?.length ?? -1);
		await context.close();
	});

	it('says when the chosen city does not give the session', async () => {
		const { context, page } = await open('/sessions/soys10/');
		await page.evaluate(() => localStorage.setItem('roadshow:city', 'orlando'));
		await page.reload();
		expect(await page.locator('[data-your-delivery]').innerText()).toBe('Not on the agenda in Orlando.');
		await context.close();
	});

	it('lists every city without JavaScript, and hides the chooser', async () => {
		const plain = await browser.newContext({ javaScriptEnabled: false });
		const page = await plain.newPage();
		await page.goto(`${baseUrl}/sessions/soys10/`);
		expect(await page.locator('tr[data-city]:visible').count()).toBe(catalog.deliveriesBySession.get('SOYS10')?.length);
		expect(await page.getByLabel('Your city').isVisible()).toBe(false);
		await plain.close();
	});
});

describe('search ranks what attendees look for first', () => {
	it('puts sessions and speakers above the city pages whose introductions share the word', async () => {
		const { context, page } = await open('/search/');
		await page.locator('[data-search].is-ready').waitFor();
		await page.locator('#search-input').fill('workshop');
		await page.locator('[data-search-status]', { hasText: '“workshop”' }).waitFor();
		const kinds = await page
			.locator('.result a')
			.evaluateAll((links) => links.map((link) => (link.getAttribute('href') ?? '').split('/')[1]));
		expect(kinds).toContain('cities');
		const firstCity = kinds.indexOf('cities');
		expect(kinds.slice(firstCity).every((kind) => kind === 'cities')).toBe(true);
		expect(kinds.slice(0, firstCity).length).toBeGreaterThan(2);
		await context.close();
	});
});
