// Screenshots of a built site in headless Chromium, for the README and for looking at a change.
// `npm run screenshots` shoots every page type of dist/ into screenshots/ (git-ignored); or
// npm exec -- node scripts/screenshot.mjs <dist dir> <out dir> [--full] [/path/ ...]
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const full = args.includes('--full');
const [root = 'dist', out = 'screenshots', ...paths] = args.filter((arg) => arg !== '--full');
// One page of each type of the sample site.
const pageTypes = [
	'/',
	'/sessions/',
	'/sessions/?city=orlando',
	'/sessions/soys10/',
	'/paths/',
	'/paths/soys/',
	'/cities/',
	'/cities/sydney/',
	'/cities/orlando/',
	'/cities/orlando/rooms/',
	'/speakers/',
	'/speakers/jeff-teper/',
	'/speakers/megan-okafor/',
	'/search/?q=azure',
	'/no-such-page/',
];
const types = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.svg': 'image/svg+xml',
	'.json': 'application/json',
	'.png': 'image/png',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.jpg': 'image/jpeg',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
};
const server = createServer(async (request, response) => {
	let path = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
	if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
	try {
		const body = await readFile(path);
		response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
	} catch {
		response.writeHead(404, { 'Content-Type': types['.html'] }).end(await readFile(join(root, '404.html')).catch(() => 'not found'));
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
	for (const path of paths.length ? paths : pageTypes) {
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
			if (path.startsWith('/search/')) await page.waitForSelector('.result, [data-results] li', { timeout: 5000 }).catch(() => {});
			const slug = path.replace(/^\/|\/$/g, '').replace(/[/?=&]+/g, '-') || 'home';
			const name = `${slug}-${label}.png`;
			await page.screenshot({ path: join(out, name), fullPage: full });
			await context.close();
			process.stdout.write(`${join(out, name)}\n`);
		}
	}
} finally {
	await browser.close();
	server.close();
}
