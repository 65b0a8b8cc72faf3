import { chromium, type Browser, type Page } from 'playwright-core';

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
