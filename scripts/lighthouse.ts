// Lighthouse (issue 10's gate): performance, accessibility, best practices and SEO of the home page, a session
// page and a city page of a built site, served as a plain static host would; each score must be at least 0.95.
// `npm run lighthouse` checks dist/ (build first); or npm exec -- node scripts/lighthouse.ts <dist dir> [/path/ ...]
// Prints a table of the scores and the audits that cost points, and exits 1 if any score is below the floor.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../test/support/static-server.ts';

const floor = 0.95;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const [root = 'dist', ...requested] = process.argv.slice(2);
const paths = requested.length > 0 ? requested : ['/', '/sessions/soys10/', '/cities/orlando/'];

const dist = resolve(root);
if (!existsSync(resolve(dist, 'index.html'))) {
	console.error(`${dist}/index.html does not exist: build the site first (npm run build)`);
	process.exit(2);
}

interface Row {
	readonly path: string;
	readonly scores: Record<(typeof categories)[number], number | null>;
	/** The audits of a category below 1 that weigh in its score: "seo: meta-description (0)". */
	readonly losses: string[];
}

const { url, server } = await serveStatic(dist);
const rows: Row[] = [];
try {
	for (const path of paths) {
		// A fresh browser per page: no cache, storage or service worker carries over from the page before.
		const chrome = await chromeLauncher.launch({
			chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
			chromeFlags: ['--headless=new', '--no-sandbox'],
		});
		try {
			const result = await lighthouse(`${url}${path}`, { port: chrome.port, logLevel: 'error', onlyCategories: [...categories] });
			if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
			const { lhr } = result;
			if (lhr.runtimeError) throw new Error(`Lighthouse could not test ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
			const scores = Object.fromEntries(categories.map((id) => [id, lhr.categories[id]?.score ?? null])) as Row['scores'];
			const losses = categories.flatMap((id) =>
				(lhr.categories[id]?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0)
					.map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
					.filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
					.map(
						({ ref, audit }) =>
							`${id}: ${ref.id} (${audit?.score}${audit?.displayValue ? `, ${audit.displayValue}` : ''}) ${audit?.title ?? ''}`,
					),
			);
			rows.push({ path, scores, losses });
		} finally {
			chrome.kill();
		}
	}
} finally {
	server.close();
}

const pad = (text: string, width: number) => text.padEnd(width);
const width = Math.max(...rows.map((row) => row.path.length), 'page'.length) + 2;
console.log(pad('page', width) + categories.map((id) => pad(id, 16)).join(''));
for (const row of rows) {
	console.log(
		pad(row.path, width) +
			categories
				.map((id) => {
					const score = row.scores[id];
					return pad(score === null ? 'n/a' : `${score.toFixed(2)}${score < floor ? ' FAIL' : ''}`, 16);
				})
				.join(''),
	);
}
for (const row of rows.filter((row) => row.losses.length > 0)) console.log(`\n${row.path}\n  ${row.losses.join('\n  ')}`);

const failed = rows.flatMap((row) => categories.filter((id) => (row.scores[id] ?? 0) < floor).map((id) => `${row.path} ${id}`));
if (failed.length > 0) {
	console.error(`\nLighthouse: ${failed.length} score(s) below ${floor}: ${failed.join(', ')}`);
	process.exit(1);
}
console.log(`\nLighthouse: every score at least ${floor}.`);
