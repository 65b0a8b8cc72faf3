import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Debian's Chromium, headless, as root; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--headless',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/**
 * One Chromium for a test file and a fresh context for each test (closed after it, or when the next is asked for):
 * call at the top of a file, then `const context = await contexts.open({ viewport })` in a test.
 */
export function contextPerTest(): { open: (options?: BrowserContextOptions) => Promise<BrowserContext> } {
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	const close = async () => {
		await context?.close();
		context = undefined;
	};
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});
	afterEach(close);
	return {
		open: async (options) => {
			await close();
			if (!browser) throw new Error('contextPerTest(): the browser starts in beforeAll; open contexts inside tests');
			context = await browser.newContext(options);
			return context;
		},
	};
}

/** Collects the page's CSP violations (directive and blocked URI) from the moment it starts loading. */
export async function recordViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			void (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
				`${event.violatedDirective} blocked ${event.blockedURI}`,
			);
		});
	});
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	return violations;
}
