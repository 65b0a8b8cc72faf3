import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Browser, Page } from 'playwright-core';
import { markdownToHtml, mdxToHast } from 'satteri';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bodyFeatures, sanitiseBody } from '../../src/catalog/body-policy';
import { allowListPlugin } from '../../src/integrations/body-allow-list';
import { splitFrontMatter } from '../../src/loaders/content-files';
import { launchChromium, recordViolations } from '../support/browser';
import { projectRoot } from '../support/builds';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});

/** What a page did that it must not: dialogs opened, requests to other hosts, navigations away. */
async function watch(page: Page, home: string): Promise<string[]> {
	const events: string[] = [];
	page.on('dialog', (dialog) => {
		events.push(`dialog: ${dialog.message()}`);
		void dialog.dismiss();
	});
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(home) && !url.startsWith('data:') && url !== 'about:blank') events.push(`request: ${url}`);
	});
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame() && !frame.url().startsWith(home) && frame.url() !== 'about:blank')
			events.push(`navigated: ${frame.url()}`);
	});
	return events;
}

/** Clicks every link and element of the body and hovers it, so that on-click and on-hover script would run. */
async function poke(page: Page, selector: string): Promise<void> {
	await page.evaluate((root) => {
		for (const element of document.querySelectorAll(`${root} *`)) {
			for (const type of ['mouseover', 'focus', 'click']) {
				// Links are not followed for real (outside sites are unreachable here); script on them would still run.
				const event = new MouseEvent(type, { bubbles: true, cancelable: true });
				if (type === 'click' && element instanceof HTMLAnchorElement && /^(https?|mailto):/.test(element.href)) event.preventDefault();
				element.dispatchEvent(event);
			}
			if (element instanceof HTMLAnchorElement && !/^(https?|mailto):/.test(element.href)) element.click();
		}
	}, selector);
	await page.waitForTimeout(300);
}

describe('inert content in Chromium (test/fixtures/inert, built and served)', () => {
	const inertUrl = inject('inertUrl');

	it.each(['/sessions/sec10/', '/sessions/sec20/', '/speakers/mallory-quinn/', '/cities/sydney/'])(
		'%s opens no dialog, breaks no policy and keeps its code as text',
		async (path) => {
			const context = await browser.newContext();
			const page = await context.newPage();
			const violations = await recordViolations(page);
			const events = await watch(page, inertUrl);
			await page.goto(`${inertUrl}${path}`);
			await page.waitForLoadState('domcontentloaded');
			await poke(page, '.prose');
			expect(events.filter((event) => !event.startsWith('request: https://www.youtube-nocookie.com/'))).toEqual([]);
			expect(violations).toEqual([]);
			const links = await page
				.locator('.prose a')
				.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).protocol));
			expect(links.filter((protocol) => !['http:', 'https:', 'mailto:'].includes(protocol))).toEqual([]);
			if (path === '/sessions/sec10/') {
				await expect.poll(() => page.locator('.prose code').first().textContent()).toBe('<script>alert(document.cookie)</script>');
			}
			await context.close();
		},
	);
});

/**
 * The allow-list is safe by construction, not only because the content check refuses these bodies: each body of
 * test/fixtures/hostile goes through the real processor with the allow-list reporting instead of stopping, and
 * what comes out is loaded in Chromium with no Content-Security-Policy to help, every element clicked.
 */
describe('hostile bodies after the allow-list, in Chromium without a policy', () => {
	const folder = join(projectRoot, 'test/fixtures/hostile/content/speakers');
	const bodies = readdirSync(folder)
		.filter((name) => /\.mdx?$/.test(name))
		.flatMap((name) => {
			let text: string;
			try {
				text = readFileSync(join(folder, name), 'utf8');
			} catch {
				return [];
			}
			const split = splitFrontMatter(text);
			return 'body' in split && split.body !== undefined ? [{ name, body: split.body }] : [];
		})
		// Bodies with nothing to take out (their attack is in front matter or the file itself), or that do not parse.
		.filter(
			({ name }) =>
				![
					'eve.md',
					'deep-nesting.md',
					'mdx-syntax.mdx',
					'billion-laughs.md',
					'outside-link.md',
					'outside-photo.md',
					'photo-outside.md',
					'photo-svg.md',
					'photo-not-image.md',
					'photo-missing.md',
					'photo-link.md',
					'two-boms.md',
					'lone-return.mdx',
				].includes(name),
		);

	it('has the markup attacks to test', () => {
		expect(bodies.length).toBeGreaterThanOrEqual(17);
	});

	it.each(bodies)('$name: nothing runs, nothing is fetched, nothing navigates', async ({ name, body }) => {
		const dropped: string[] = [];
		const html = name.endsWith('.mdx')
			? toHtml(sanitiseBody(mdxToHast(body, { features: bodyFeatures }) as Root, (item) => dropped.push(item.message)))
			: (
					await markdownToHtml(body, {
						features: { ...bodyFeatures, rawHtml: true },
						hastPlugins: [allowListPlugin((items) => dropped.push(...items.map((item) => item.message)))],
					})
				).html;
		expect(dropped.length, `${name}: the allow-list took something out`).toBeGreaterThan(0);
		// The text "javascript:alert(1)" may stay (an autolink's text); an attribute with it may not.
		expect(html).not.toMatch(
			/<(script|style|base|meta|link|form|svg|object|embed)\b|\son[a-z]+=|=\s*["']?\s*javascript:|srcdoc|\.mjs|\?raw|\.svg|\/\.\.\//i,
		);
		const context = await browser.newContext();
		const page = await context.newPage();
		const home = 'http://127.0.0.1/';
		await page.route('**/*', (route) =>
			route.request().url() === home
				? route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>t</title><main></main>' })
				: route.abort(),
		);
		const events = await watch(page, home);
		await page.goto(home);
		await page.setContent(`<!doctype html><title>t</title><main>${html}</main>`, { waitUntil: 'load' });
		await poke(page, 'main');
		expect(events).toEqual([]);
		await context.close();
	});
});
