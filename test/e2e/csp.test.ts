import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, recordViolations } from '../support/browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});

/** Every kind of page of the sample; the search page with a query, so that Pagefind's WebAssembly runs. */
const pages = [
	'/',
	'/sessions/',
	'/sessions/soys10/',
	'/paths/',
	'/paths/soys/',
	'/cities/',
	'/cities/sydney/',
	'/speakers/',
	'/speakers/jeff-teper/',
	// A photo (AVIF, WebP, a fallback) and, on /cities/sydney/, a city's picture: img-src 'self' allows them.
	'/speakers/megan-okafor/',
	'/search/?q=teams',
	'/no-such-page/',
];

describe('the Content-Security-Policy', () => {
	it.each(pages)('%s runs under the policy with no violation', async (path) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const violations = await recordViolations(page);
		await page.goto(`${baseUrl}${path}`);
		if (path.startsWith('/search/')) await page.locator('.result').first().waitFor();
		await page.waitForLoadState('networkidle');
		const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(policy).toContain("object-src 'none'");
		expect(policy).toContain("base-uri 'self'");
		expect(policy).toContain("form-action 'self'");
		expect(policy).not.toContain("'unsafe-inline'");
		expect(policy?.includes("'wasm-unsafe-eval'")).toBe(path.startsWith('/search/'));
		expect(violations).toEqual([]);
		await context.close();
	});

	it.each(['/', '/sessions/soys10/', '/cities/sydney/', '/speakers/jeff-teper/'])(
		'%s keeps its JSON-LD, a data block the policy has no say over, readable and without a violation',
		async (path) => {
			const context = await browser.newContext();
			const page = await context.newPage();
			const violations = await recordViolations(page);
			await page.goto(`${baseUrl}${path}`);
			await page.waitForLoadState('networkidle');
			const blocks = await page.locator('head script[type="application/ld+json"]').allTextContents();
			expect(blocks).toHaveLength(1);
			expect(JSON.parse(blocks[0] ?? '')).toHaveProperty('@context', 'https://schema.org');
			expect(violations).toEqual([]);
			await context.close();
		},
	);

	it.each(['/speakers/megan-okafor/', '/cities/sydney/'])('%s shows its picture from this site, in AVIF', async (path) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}${path}`);
		await page.waitForLoadState('networkidle');
		const shown = await page
			.locator('picture img')
			.first()
			.evaluate((img: HTMLImageElement) => ({
				loaded: img.complete && img.naturalWidth > 0,
				source: new URL(img.currentSrc).pathname,
				sameSite: new URL(img.currentSrc).origin === location.origin,
			}));
		expect(shown).toEqual({ loaded: true, source: expect.stringMatching(/^\/_astro\/.+\.avif$/), sameSite: true });
		await context.close();
	});

	it('blocks an inline script that content might smuggle into a page', async () => {
		// The policy is real: a script the build did not hash is refused, and the violation is reported.
		const context = await browser.newContext();
		const page = await context.newPage();
		const violations = await recordViolations(page);
		await page.goto(`${baseUrl}/sessions/soys10/`);
		const ran = await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true';
			document.body.append(script);
			return (window as unknown as { injected?: boolean }).injected === true;
		});
		await page.waitForTimeout(200);
		expect(ran).toBe(false);
		expect(violations.some((directive) => directive.startsWith('script-src'))).toBe(true);
		await context.close();
	});
});
