#!/usr/bin/env node
// Floor benchmark: builds the same generated session files as bench/run.mjs with a bare Astro project (only
// @astrojs/mdx, one collection, one trivial page per session) on the same Node and the same node_modules.
// What that costs is what Astro itself costs for this many MDX pages; the project's own build is compared
// with it. Run from the project root:
//
//   npm run bench:floor                                   # 1000 sessions x 10 cities
//   npm run bench:floor -- --sessions 5000 --cities 30    # the large tour
//
// Options: --sessions N (1000), --cities N (10), --speakers N, --paths N, --seed N, --ext md|mdx (passed to
// generate.mjs, as in run.mjs), --no-generate (reuse bench/out/content).
// Writes the project to bench/out/floor/ (its build to bench/out/floor/dist), bench/out/floor-result.json,
// bench/out/floor-build.log (Astro's output) and bench/out/floor-build.log.time.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareContent, readAstroLog, table, timed, walk } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench/out');
// The same content folder as run.mjs, so both builds can read one generated tour (--no-generate).
const contentDir = join(out, 'content');
const floor = join(out, 'floor');
const TIME = '/usr/bin/time';
const astroPackage = JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8'));
// Absolute, because the build runs with the floor project as its working directory.
const astroCli = join(root, 'node_modules/astro', astroPackage.bin.astro);

function parseArgs(argv) {
	const options = { sessions: 1000, cities: 10, generate: true };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--no-generate') options.generate = false;
		else if (arg === '--ext') options.ext = argv[++i];
		else if (['--sessions', '--cities', '--speakers', '--paths', '--seed'].includes(arg)) {
			const value = Number(argv[++i]);
			if (!Number.isFinite(value) || value < 0) throw new Error(`${arg} needs a number`);
			options[arg.slice(2)] = value;
		} else throw new Error(`unknown option ${arg}; see the top of bench/floor.mjs`);
	}
	return options;
}

// The floor project. Every file is rewritten on each run, so the build always sees exactly this.
const FILES = {
	// Only MDX: no Pagefind, no site URL, no build options. The output stays inside the project root: with an
	// outDir outside it, Astro builds in <root>/.astro/ and moves that folder whole (see bench/README.md).
	// cacheDir is set because the default, node_modules/.astro, would go through the symlink into the main
	// project's node_modules and share its data store. The onLog filter is the project's own
	// (src/integrations/rolldown-logs.mjs): without it Rolldown prints a 9-line warning for every MDX file, which the project's
	// build does not pay for, so the floor would not be a floor.
	'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { dropDeadHeadInjectDirective } from '../../../src/integrations/rolldown-logs.mjs';

export default defineConfig({
	integrations: [mdx()],
	outDir: './dist',
	cacheDir: './.cache',
	vite: { build: { rolldownOptions: { onLog: dropDeadHeadInjectDirective } } },
});
`,
	// One collection over the generated sessions, in place (no copy), with a schema that only needs a title.
	'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
	sessions: defineCollection({
		loader: glob({ pattern: '**/*.{md,mdx}', base: '../content/sessions' }),
		schema: z.object({ title: z.string() }).passthrough(),
	}),
};
`,
	// One page per session: the title and the rendered body, nothing else.
	'src/pages/sessions/[slug].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
	const entries = await getCollection('sessions');
	return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
const title = entry.data.title;
---

<html><head><title>{title}</title></head><body><h1>{title}</h1><Content /></body></html>
`,
};

/** Writes bench/out/floor/ from scratch: the files above and node_modules linked to the project's. */
function writeFloorProject() {
	rmSync(floor, { recursive: true, force: true });
	for (const [path, text] of Object.entries(FILES)) {
		mkdirSync(join(floor, path, '..'), { recursive: true });
		writeFileSync(join(floor, path), text);
	}
	// Relative, so the link still works if the checkout moves; it gives the floor the same Astro and MDX.
	symlinkSync('../../../node_modules', join(floor, 'node_modules'), 'dir');
}

/**
 * Builds bench/out/floor cold from the content already in bench/out/content and returns its measurements (also
 * written to bench/out/floor-result.json). `generated` is generate.mjs's summary when the content was just written.
 */
export async function runFloor(generated = null) {
	const sessions = readdirSync(join(contentDir, 'sessions')).filter((name) => /\.mdx?$/.test(name)).length;
	writeFloorProject();
	const loadBefore = loadavg()[0];
	console.log(
		`  building the floor in bench/out/floor (log: bench/out/floor-build.log; load average before: ${loadBefore.toFixed(2)}) ...`,
	);
	const build = await timed([process.execPath, astroCli, 'build'], { ASTRO_TELEMETRY_DISABLED: '1' }, join(out, 'floor-build.log'), {
		cwd: floor,
		echo: /^(?!.*\[WARN\]).*(\[(types|build|vite)\]|✓ Completed|generating static routes|error|Error)/,
	});
	const loadAfter = loadavg()[0];
	const log = readAstroLog(readFileSync(join(out, 'floor-build.log'), 'utf8'));

	const files = walk(join(floor, 'dist'));
	const pages = files.filter((f) => f.path.endsWith('index.html')).length;
	const distMb = files.reduce((total, f) => total + f.size, 0) / 1024 / 1024;
	const ok = build.code === 0 && pages === sessions;

	const result = {
		date: new Date().toISOString(),
		node: process.version,
		astro: astroPackage.version,
		cpus: cpus().length,
		input: generated ? { sessions, cities: generated.cities, seed: generated.seed, ext: generated.ext } : { sessions, reused: true },
		ok,
		exitCode: build.code,
		haveTime: build.haveTime,
		pages,
		wallSeconds: +build.seconds.toFixed(1),
		astroSeconds: log.astroSeconds,
		phases: log.phases,
		peakMb: build.peakMb === null ? null : Math.round(build.peakMb),
		peakTreeMb: build.peakTreeMb === null ? null : Math.round(build.peakTreeMb),
		distMb: +distMb.toFixed(1),
		warnings: log.warnings,
		loadAverage: { before: +loadBefore.toFixed(2), after: +loadAfter.toFixed(2) },
	};
	writeFileSync(join(out, 'floor-result.json'), JSON.stringify(result, null, '\t') + '\n');
	return result;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	mkdirSync(out, { recursive: true });
	console.log(
		`roadshow floor bench: ${options.sessions} sessions x ${options.cities} cities on ${cpus().length} CPUs, Node ${process.version}, Astro ${astroPackage.version}`,
	);
	if (!existsSync(TIME)) console.log(`  note: ${TIME} is missing: reporting wall time only, no peak memory`);
	const result = await runFloor(prepareContent(options, contentDir));
	const status = result.ok
		? 'ok'
		: result.exitCode !== 0
			? `FAILED (exit ${result.exitCode}; see bench/out/floor-build.log)`
			: `WRONG PAGE COUNT (${result.pages} pages for ${result.input.sessions} sessions)`;
	console.log(`\nresult: ${status}`);
	console.log(
		table([
			['sessions / pages', `${result.input.sessions} / ${result.pages}`],
			['build (wall)', `${result.wallSeconds} s`],
			['Astro\'s "built in"', result.astroSeconds === null ? '-' : `${result.astroSeconds} s`],
			...Object.entries(result.phases).map(([name, value]) => [`  ${name}`, value === null ? '-' : `${value} s`]),
			[
				'peak memory, tree / largest process',
				result.haveTime ? `${result.peakTreeMb ?? '-'} / ${result.peakMb ?? '-'} MB` : `not measured (${TIME} missing)`,
			],
			['dist size', `${result.distMb} MB`],
			['warnings in the log', `${result.warnings}`],
			['load average before/after', `${result.loadAverage.before} / ${result.loadAverage.after}`],
		]),
	);
	console.log(`\nwrote bench/out/floor-result.json`);
	if (!result.ok) process.exitCode = 1;
}

// Run as a script (npm run bench:floor), not when bench/run.mjs imports runFloor().
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
	main().catch((error) => {
		console.error(`floor.mjs: ${error.message}`);
		process.exitCode = 1;
	});
