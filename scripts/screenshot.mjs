// Screenshots of a built site in headless Chromium, for the README and for looking at a change:
// npm exec -- node scripts/screenshot.mjs <dist dir> <out dir> [/path/ ...]
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const [root = 'dist', out = 'docs', ...paths] = process.argv.slice(2);
const types = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.svg': 'image/svg+xml',
	'.json': 'application/json',
};
const server = createServer(async (request, response) => {
	let path = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
	if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
	try {
		const body = await readFile(path);
		response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
	} catch {
		response.writeHead(404).end('not found');
	}
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--headless',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
	],
});
await mkdir(out, { recursive: true });
try {
	for (const path of paths.length ? paths : ['/']) {
		// The widths reviews look at: a phone (390 px) and a laptop (1440 px), each in light and dark mode.
		for (const [label, width, height, scheme] of [
			['desktop', 1440, 900, 'light'],
			['desktop-dark', 1440, 900, 'dark'],
			['phone', 390, 844, 'light'],
			['phone-dark', 390, 844, 'dark'],
		]) {
			const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
			const page = await context.newPage();
			await page.goto(`http://127.0.0.1:${port}${path}`);
			const name = `${path.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home'}-${label}.png`;
			await page.screenshot({ path: join(out, name) });
			await context.close();
			process.stdout.write(`${join(out, name)}\n`);
		}
	}
} finally {
	await browser.close();
	server.close();
}
