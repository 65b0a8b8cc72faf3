// Search benchmark: how fast /search/ answers the first keystrokes, and how many bytes one search downloads.
// Serves a built site on localhost, drives Debian's Chromium (headless, a fresh cold context per run) and counts
// every byte the server sends, by kind. See bench/README.md, "bench/search.mjs".
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
	options: {
		dist: { type: 'string', default: 'bench/out/dist' },
		query: { type: 'string', multiple: true },
		runs: { type: 'string', default: '5' },
		delay: { type: 'string', default: '80' },
		'no-gzip': { type: 'boolean', default: false },
		out: { type: 'string', default: 'bench/out/search-result.json' },
	},
});
const dist = resolve(options.dist);
if (!existsSync(join(dist, 'search', 'index.html')) || !existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
	console.error(`${dist} has no search page or no Pagefind index: build the site first (npm run bench -- --sessions 5000 --cities 30)`);
	process.exit(1);
}
const runs = Number(options.runs);
const keyDelay = Number(options.delay);
const gzip = !options['no-gzip'];

// The generated tour's words (bench/generate.mjs, seed 2021): a word in many abstracts, a made-up term from the
// long tail, a session code and a speaker's name. Codes and names are checked against the dist below.
const defaultQueries = [
	{ label: 'common word', query: 'security' },
	{ label: 'rare term', query: 'neotelsa' },
	{ label: 'session code', query: 'BRK6730' },
	{ label: 'speaker name', query: 'Farid Varga' },
];
const queries = options.query ? options.query.map((query) => ({ label: 'given', query })) : defaultQueries;
if (!options.query && !existsSync(join(dist, 'sessions', 'brk6730'))) {
	console.error(`${dist} has no /sessions/brk6730/: pass the queries with --query (this dist is not the 5000-session tour)`);
	process.exit(1);
}

// --- A plain static host, as a site owner would use: correct types, gzip for text (as every CDN does), no caching headers.
const types = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.woff2': 'font/woff2',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
};
const compressible = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);
const bodies = new Map();
/** Every response, in the order the server finished sending it: when it was asked for, its path and encoded bytes. */
let served = [];

function body(file, acceptsGzip) {
	const key = `${file}\0${acceptsGzip}`;
	let entry = bodies.get(key);
	if (!entry) {
		const raw = readFileSync(file);
		const zip = gzip && acceptsGzip && compressible.has(extname(file));
		entry = { data: zip ? gzipSync(raw, { level: 9 }) : raw, encoding: zip ? 'gzip' : undefined };
		bodies.set(key, entry);
	}
	return entry;
}

const server = createServer((request, response) => {
	const asked = performance.now();
	const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
	let file = normalize(join(dist, path));
	if (file !== dist && !file.startsWith(dist + sep)) file = '';
	if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	const found = Boolean(file) && existsSync(file);
	const { data, encoding } = body(found ? file : join(dist, '404.html'), /\bgzip\b/.test(request.headers['accept-encoding'] ?? ''));
	const headers = { 'content-type': (found && types[extname(file)]) || (found ? 'application/octet-stream' : types['.html']) };
	if (encoding) headers['content-encoding'] = encoding;
	headers['content-length'] = data.length;
	response.writeHead(found ? 200 : 404, headers);
	response.end(data, () => served.push({ asked, done: performance.now(), path, bytes: data.length }));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const address = server.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/** What a response is, for the split: Pagefind's parts by their file names, everything else as "other". */
function kindOf(path) {
	if (path.startsWith('/pagefind/wasm.')) return 'wasm';
	if (path.startsWith('/pagefind/index/')) return 'index';
	if (path.startsWith('/pagefind/fragment/')) return 'fragments';
	if (path.startsWith('/pagefind/filter/')) return 'filters';
	if (/^\/pagefind\/(pagefind\..*\.pf_meta|pagefind-entry\.json)$/.test(path)) return 'meta';
	if (/^\/pagefind\/pagefind(-worker)?\.js$/.test(path)) return 'pagefind js';
	return 'other';
}
const kinds = ['pagefind js', 'meta', 'wasm', 'index', 'filters', 'fragments', 'other'];

function bytesBetween(from, to) {
	const split = Object.fromEntries(kinds.map((kind) => [kind, 0]));
	let requests = 0;
	for (const entry of served) {
		if (entry.asked < from || entry.asked >= to) continue;
		split[kindOf(entry.path)] += entry.bytes;
		requests++;
	}
	return { total: Object.values(split).reduce((sum, bytes) => sum + bytes, 0), requests, split };
}

/** Resolves once the server has answered nothing for `quietMs` (the page's own loading has settled). */
async function networkQuiet(quietMs, timeoutMs = 15_000) {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const last = Math.max(0, ...served.map((entry) => entry.done));
		const now = performance.now();
		if (now - last >= quietMs) return;
		if (now > deadline) throw new Error(`the network did not settle within ${timeoutMs} ms`);
		await new Promise((done) => setTimeout(done, 25));
	}
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});

async function measure(query) {
	// A first visit: fresh context, HTTP cache off, and no service worker (its precaching would blur what search costs).
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const errors = [];
	page.on('pageerror', (error) => errors.push(error.message));
	served = [];

	const start = performance.now();
	await page.goto(`${baseUrl}/search/`, { waitUntil: 'load' });
	await networkQuiet(500);
	const focused = performance.now();
	const pageLoad = bytesBetween(start, focused);

	// The page's clock: the first keydown, the first result in the list, and results for the whole query.
	await page.evaluate((term) => {
		const marks = { firstKey: 0, lastKey: 0, firstResult: 0, finalResult: 0 };
		Object.assign(window, { searchBenchMarks: marks });
		document.addEventListener(
			'keydown',
			(event) => {
				if (!marks.firstKey) marks.firstKey = event.timeStamp;
				marks.lastKey = event.timeStamp;
			},
			{ capture: true },
		);
		const list = document.querySelector('[data-search-results]');
		const status = document.querySelector('[data-search-status]');
		const check = () => {
			const now = performance.now();
			if (!marks.firstResult && marks.firstKey && list?.querySelector('.result')) marks.firstResult = now;
			if (!marks.finalResult && status?.textContent?.includes(`for “${term}”`) && list?.querySelector('.result')) marks.finalResult = now;
		};
		new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
	}, query);

	await page.locator('#search-input').click();
	await networkQuiet(400);
	const typing = performance.now();
	const preload = bytesBetween(focused, typing);

	await page.keyboard.type(query, { delay: keyDelay });
	await page.waitForFunction(() => window.searchBenchMarks.finalResult > 0, undefined, { timeout: 15_000 });
	await networkQuiet(500);
	const settled = performance.now();
	const marks = await page.evaluate(() => window.searchBenchMarks);
	// The page's clock and this process's differ by a constant: map the first result back to find its bytes.
	const offset = (await page.evaluate(() => performance.now())) - performance.now();
	const firstResultHere = marks.firstResult - offset;
	const results = await page.locator('.result').count();
	await context.close();
	return {
		firstResultMs: marks.firstResult - marks.firstKey,
		finalResultMs: marks.finalResult - marks.lastKey,
		typingMs: marks.lastKey - marks.firstKey,
		pageLoad,
		preload,
		// "One search": everything from the focus to the first result, and then to the settled page of results.
		toFirstResult: bytesBetween(focused, firstResultHere),
		search: bytesBetween(focused, settled),
		results,
		errors,
	};
}

const median = (numbers) => {
	const sorted = [...numbers].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const medianBytes = (samples) => ({
	total: median(samples.map((sample) => sample.total)),
	requests: median(samples.map((sample) => sample.requests)),
	split: Object.fromEntries(kinds.map((kind) => [kind, median(samples.map((sample) => sample.split[kind]))])),
});

const report = [];
try {
	for (const { label, query } of queries) {
		const samples = [];
		// One unmeasured run first, so Chromium's own start-up (its first compile of the page) is not in the numbers.
		await measure(query);
		for (let run = 0; run < runs; run++) samples.push(await measure(query));
		report.push({
			label,
			query,
			runs,
			firstResultMs: median(samples.map((sample) => sample.firstResultMs)),
			firstResultMsRange: [
				Math.min(...samples.map((sample) => sample.firstResultMs)),
				Math.max(...samples.map((sample) => sample.firstResultMs)),
			],
			finalResultMs: median(samples.map((sample) => sample.finalResultMs)),
			typingMs: median(samples.map((sample) => sample.typingMs)),
			results: median(samples.map((sample) => sample.results)),
			pageLoad: medianBytes(samples.map((sample) => sample.pageLoad)),
			preload: medianBytes(samples.map((sample) => sample.preload)),
			toFirstResult: medianBytes(samples.map((sample) => sample.toFirstResult)),
			search: medianBytes(samples.map((sample) => sample.search)),
			errors: [...new Set(samples.flatMap((sample) => sample.errors))],
		});
	}
} finally {
	await browser.close();
	server.close();
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const row = (cells) => `| ${cells.join(' | ')} |`;
console.log(`dist ${dist}, ${runs} runs per query (medians), keys every ${keyDelay} ms, gzip for text ${gzip ? 'on' : 'off'}\n`);
console.log(
	row([
		'query',
		'first result ms (min–max)',
		'results for whole query ms after last key',
		'page load KB',
		'focus → first result KB',
		'one search KB',
	]),
);
console.log(row(['---', '---', '---', '---', '---', '---']));
for (const entry of report) {
	console.log(
		row([
			`${entry.label}: ${entry.query}`,
			`${entry.firstResultMs.toFixed(0)} (${entry.firstResultMsRange.map((ms) => ms.toFixed(0)).join('–')})`,
			entry.finalResultMs.toFixed(0),
			kb(entry.pageLoad.total),
			kb(entry.toFirstResult.total),
			kb(entry.search.total),
		]),
	);
}
console.log(`\nOne search (focus → settled results), KB by kind:\n`);
console.log(row(['query', ...kinds, 'requests']));
console.log(row(['---', ...kinds.map(() => '---'), '---']));
for (const entry of report)
	console.log(row([entry.query, ...kinds.map((kind) => kb(entry.search.split[kind])), String(entry.search.requests)]));
console.log(`\nOf which loaded on focus, before the first key (KB by kind):\n`);
console.log(row(['query', ...kinds]));
console.log(row(['---', ...kinds.map(() => '---')]));
for (const entry of report) console.log(row([entry.query, ...kinds.map((kind) => kb(entry.preload.split[kind]))]));
console.log(`\nPage load, before the focus (KB by kind):\n`);
console.log(row(['query', ...kinds, 'requests']));
console.log(row(['---', ...kinds.map(() => '---'), '---']));
for (const entry of report)
	console.log(row([entry.query, ...kinds.map((kind) => kb(entry.pageLoad.split[kind])), String(entry.pageLoad.requests)]));
for (const entry of report) if (entry.errors.length > 0) console.log(`\nerrors on the page for ${entry.query}: ${entry.errors.join('; ')}`);

mkdirSync(resolve(options.out, '..'), { recursive: true });
writeFileSync(
	options.out,
	`${JSON.stringify({ date: new Date().toISOString(), dist, runs, keyDelayMs: keyDelay, gzip, node: process.version, queries: report }, null, '\t')}\n`,
);
console.log(`\nwrote ${options.out}`);
