import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';

const baseUrl = inject('baseUrl');

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
	context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	page = await context.newPage();
});
afterEach(async () => {
	await context.close();
});

describe('small things an attendee notices', () => {
	it('closes an open "Add to calendar" menu when another opens, with the keyboard, without script', async () => {
		await page.goto(`${baseUrl}/sessions/soys10/`);
		const menus = page.locator('details.add-to-calendar');
		expect(await menus.count()).toBeGreaterThan(2);
		await menus.nth(0).locator('summary').click();
		expect(await menus.nth(0).evaluate((menu) => (menu as HTMLDetailsElement).open)).toBe(true);
		await menus.nth(1).locator('summary').focus();
		await page.keyboard.press('Enter');
		const open = await menus.evaluateAll((all) => all.map((menu) => (menu as HTMLDetailsElement).open));
		expect(open.filter(Boolean)).toHaveLength(1);
		expect(open[1]).toBe(true);
	});

	it('offers a search box on the "page not found" page that leads to results', async () => {
		await page.goto(`${baseUrl}/no-such-session/`);
		await page.getByLabel('Search sessions, speakers and cities').fill('SOYS20');
		await page.getByRole('button', { name: 'Search', exact: true }).last().click();
		await page.waitForURL(/\/search\/\?q=SOYS20/);
		await page.locator('.result a').first().waitFor();
		expect(await page.locator('.result a').first().getAttribute('href')).toBe('/sessions/soys20/');
	});
});
