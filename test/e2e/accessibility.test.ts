import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { contextPerTest } from '../support/browser';

const baseUrl = inject('baseUrl');
/** The large catalog (test/support/builds.ts largeCatalog): its overview and pages per track exist only at scale. */
const largeUrl = inject('largeUrl');

/** WCAG 2.0 and 2.1, levels A and AA: the rules issue 10 holds every page to. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every kind of page the site has, once each (and a city on each side of the date line, and search with results). */
const pages: readonly { name: string; path: string; site?: string; ready?: (page: Page) => Promise<void> }[] = [
	{ name: 'home', path: '/' },
	{ name: 'session list', path: '/sessions/' },
	{ name: 'session', path: '/sessions/soys10/' },
	{ name: 'path list', path: '/paths/' },
	{ name: 'path', path: '/paths/soys/' },
	{ name: 'city list', path: '/cities/' },
	{ name: 'city (Orlando)', path: '/cities/orlando/' },
	{ name: 'city (Sydney)', path: '/cities/sydney/' },
	{ name: 'agenda by room (Orlando)', path: '/cities/orlando/rooms/' },
	{
		name: 'catalog with a city chosen',
		path: '/sessions/?city=sydney',
		ready: (page) => page.locator('[data-when]:not([hidden])').first().waitFor(),
	},
	{ name: 'speaker with a photo', path: '/speakers/megan-okafor/' },
	{
		name: 'my schedule with picks and a clash',
		path: '/my-schedule/',
		ready: async (page) => {
			// Hong Kong and Madrid on the same day (a clash), and Sydney.
			await page.evaluate(() =>
				localStorage.setItem(
					'roadshow:picks',
					JSON.stringify([
						{ uid: 'SOYS10-hong-kong-1@ignite-tour.example.org', city: 'hong-kong', key: 'soys10-1' },
						{ uid: 'SOYS10-madrid-1@ignite-tour.example.org', city: 'madrid', key: 'soys10-1' },
						{ uid: 'THR1001-sydney-1@ignite-tour.example.org', city: 'sydney', key: 'thr1001-1' },
					]),
				),
			);
			await page.reload();
			await page.locator('.clash').first().waitFor();
		},
	},
	{ name: 'my schedule, empty', path: '/my-schedule/', ready: (page) => page.locator('[data-schedule-empty]').waitFor() },
	{ name: 'speaker list', path: '/speakers/' },
	{ name: 'speaker', path: '/speakers/jeff-teper/' },
	{ name: 'search', path: '/search/', ready: (page) => page.locator('[data-search].is-ready').waitFor() },
	{
		name: 'search with results',
		path: '/search/',
		ready: async (page) => {
			await page.locator('[data-search].is-ready').waitFor();
			await page.locator('#search-input').fill('SharePoint');
			await page.locator('.result a').first().waitFor();
		},
	},
	{ name: 'page not found', path: '/404.html' },
	{ name: 'catalog overview at scale', path: '/sessions/', site: largeUrl },
	{
		name: 'track page at scale, filtered across its pages',
		path: '/tracks/developer-platform/2/?type=breakout',
		site: largeUrl,
		ready: (page) => page.locator('[data-catalog-status]', { hasText: 'match' }).waitFor(),
	},
];

const contexts = contextPerTest();

describe.each(['light', 'dark'] as const)('axe-core (WCAG 2.1 A and AA) in the %s colour scheme', (colorScheme) => {
	it.each(pages)('finds no violation on the $name page ($path)', async ({ name, path, site = baseUrl, ready }) => {
		const context = await contexts.open({ viewport: { width: 1280, height: 900 }, colorScheme });
		const page = await context.newPage();
		await page.goto(`${site}${path}`);
		await ready?.(page);
		expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
		const { violations, passes } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
		// axe ran its rules on the page (a blank or unreachable page passes nothing).
		expect(passes.length).toBeGreaterThan(10);
		const findings = violations.flatMap((violation) =>
			violation.nodes.map(
				(node) =>
					`${violation.id} (${violation.impact ?? 'n/a'}) at ${node.target.join(' ')} on ${name} ${path} [${colorScheme}]: ${violation.help}`,
			),
		);
		expect(findings, `${findings.length} axe violation(s) on ${path} [${colorScheme}]:\n${findings.join('\n')}`).toEqual([]);
	});
});
