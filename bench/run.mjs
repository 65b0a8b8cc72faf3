#!/usr/bin/env node
// Build benchmark: generates a synthetic content folder, times the content check and a full `astro build`
// of it, and reports pages, files, sizes, peak memory and the Pagefind index. Run from the project root:
//
//   npm run bench                                    # 1000 sessions x 10 cities, on the pinned Node
//   npm run bench -- --sessions 5000 --cities 30     # the large tour
//
// Options: --sessions N (1000), --cities N (10), --speakers N, --paths N, --seed N, --ext md|mdx (passed to generate.mjs),
// --no-generate (reuse bench/out/content), --warm (keep bench/out/.cache from the previous build),
// --timeout MIN (stop the build after MIN minutes and report what it got through; default: no limit),
// --isolated (build from a private copy of the project in bench/out/site: see bench/README.md),
// --no-floor (skip the bare-Astro floor build), --no-incremental (skip the second build with one changed session),
// --cpu-prof (profile the cold build with node --cpu-prof into bench/out/profile/ and print its top costs).
// Writes bench/out/result.json, bench/out/build.log (Astro's output) and bench/out/check.log.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFloor } from './floor.mjs';
import { summariseProfiles } from './profile.mjs';
import { columns, durationSeconds, prepareContent, readAstroLog, table, timed, walk } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench/out');
const contentDir = 'bench/out/content';
const cacheDir = 'bench/out/.cache';
const distDir = 'bench/out/dist';
const TIME = '/usr/bin/time';
// The same Node as this script (the pinned one under `npm run bench`), and Astro's CLI as its package names it.
const astroCli = join('node_modules/astro', JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')).bin.astro);

function parseArgs(argv) {
	const options = {
		sessions: 1000,
		cities: 10,
		generate: true,
		warm: false,
		timeout: 0,
		isolated: false,
		floor: true,
		incremental: true,
		cpuProf: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--no-generate') options.generate = false;
		else if (arg === '--warm') options.warm = true;
		else if (arg === '--isolated') options.isolated = true;
		else if (arg === '--no-floor') options.floor = false;
		else if (arg === '--no-incremental') options.incremental = false;
		else if (arg === '--cpu-prof') options.cpuProf = true;
		else if (arg === '--ext') options.ext = argv[++i];
		else if (['--sessions', '--cities', '--speakers', '--paths', '--seed', '--timeout'].includes(arg)) {
			const value = Number(argv[++i]);
			if (!Number.isFinite(value) || value < 0) throw new Error(`${arg} needs a number`);
			options[arg.slice(2)] = value;
		} else throw new Error(`unknown option ${arg}; see the top of bench/run.mjs`);
	}
	return options;
}

/**
 * A private copy of the project to build from: src/, public/ and the config files copied, node_modules
 * linked, the generated content copied. Astro writes `.astro/` (content-modules.mjs, the collections
 * manifest) under the project root whatever cacheDir is, so two builds of different content folders in one
 * checkout can pick up each other's module map; a private root avoids that and freezes src/ for the run.
 */
function isolatedRoot() {
	const site = join(out, 'site');
	rmSync(site, { recursive: true, force: true });
	mkdirSync(site, { recursive: true });
	for (const name of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
		if (existsSync(join(root, name))) cpSync(join(root, name), join(site, name), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(site, 'node_modules'), 'dir');
	cpSync(join(root, contentDir), join(site, contentDir), { recursive: true });
	return site;
}

function gitState() {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
		const dirty =
			execFileSync('git', ['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'public'], { cwd: root, encoding: 'utf8' }).trim() !==
			'';
		return { commit, srcChanged: dirty };
	} catch {
		return null;
	}
}

const mb = (bytes) => bytes / 1024 / 1024;

/** Each route file under src/pages as a regex of the paths it writes, static segments before dynamic ones. */
function routePatterns(pagesDir) {
	const escape = (text) => text.replace(/[.*+?^${}()|\\]/g, '\\$&');
	return walk(pagesDir)
		.map(({ path }) => {
			const file = path.split('\\').join('/');
			// "sessions/[slug].astro" writes /sessions/<slug>/index.html, "404.astro" /404.html; endpoints keep their name.
			let out = file.replace(/\.(ts|js)$/, '');
			if (out.endsWith('.astro')) {
				out = out.replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
				out = out === '404' ? '404.html' : out === '' ? 'index.html' : `${out}/index.html`;
			}
			const source = out
				.split(/(\[[^\]]+\])/)
				.map((part) => (part.startsWith('[...') ? '.+' : part.startsWith('[') ? '[^/]+' : escape(part)))
				.join('');
			return { route: `src/pages/${file}`, regex: new RegExp(`^/${source}$`), dynamic: (file.match(/\[/g) ?? []).length };
		})
		.sort((a, b) => a.dynamic - b.dynamic);
}

/** Astro's log: phases and, per route file, the number of files and the sum of their "(+12ms)" times. */
function readBuildLog(text) {
	const { clean, phases: astroPhases, astroSeconds } = readAstroLog(text);
	const phases = Object.fromEntries(Object.entries(astroPhases).filter(([, value]) => value !== null));
	if (astroSeconds !== null) phases['astro total (incl. pagefind)'] = astroSeconds;
	// Pagefind logs no duration: the time between the end of the routes and its "indexed" line (±1 s).
	const clock = (hms) => hms.split(':').reduce((total, part) => total * 60 + Number(part), 0);
	const routesDone = /generating static routes[\s\S]*?\n(\d\d:\d\d:\d\d) ✓ Completed in/.exec(clean);
	const indexed = /\n(\d\d:\d\d:\d\d) \[roadshow-pagefind\] indexed/.exec(clean);
	if (routesDone && indexed) phases['pagefind (from log clock, ±1 s)'] = (clock(indexed[1]) - clock(routesDone[1]) + 86400) % 86400;
	const routes = new Map();
	const patterns = routePatterns(join(root, 'src/pages'));
	let current = null;
	for (const line of clean.split('\n')) {
		// Astro 5 names the route file above its pages; Astro 7 lists the pages alone, so the route is found
		// by matching the output path against the route files.
		const header = /[▶λ] (src\/pages\/\S+)/.exec(line);
		if (header) {
			current = header[1];
			continue;
		}
		const page = /[├└]─ (\S+) \(\+((?:\d+m\s*)?[\d.]+m?s)\)/.exec(line);
		const name = page && (current ?? patterns.find(({ regex }) => regex.test(page[1]))?.route);
		if (page && name) {
			const route = routes.get(name) ?? { files: 0, seconds: 0 };
			route.files++;
			route.seconds += durationSeconds(page[2]) ?? 0;
			routes.set(name, route);
		}
	}
	const pagefind = /indexed (\d+) pages for search/.exec(clean);
	return {
		phases,
		routes: [...routes]
			.map(([route, r]) => ({
				route,
				files: r.files,
				seconds: +r.seconds.toFixed(2),
				msPerFile: r.files ? +((1000 * r.seconds) / r.files).toFixed(1) : null,
			}))
			.sort((a, b) => b.seconds - a.seconds),
		pagefindIndexed: pagefind ? Number(pagefind[1]) : null,
	};
}

/** Which kind of output a route file writes, for the phase table: share pictures, calendars and feeds, or pages. */
function routeKind(route) {
	if (/^src\/pages\/(og\/)?\[\.\.\.[a-z]+\]\.png\.ts$/.test(route)) return 'share pictures';
	if (/\.(ics|json|xml|txt|js|css)\.ts$/.test(route)) return 'calendars, schedules, feeds';
	return 'pages';
}

/** One `astro build` of the generated tour into bench/out/dist, timed; `nodeArgs` go before Astro's CLI. */
async function buildSite(options, env, buildRoot, logName, nodeArgs = []) {
	rmSync(join(root, distDir), { recursive: true, force: true });
	// Isolated: the output goes inside the private root and is moved to bench/out/dist afterwards. With an
	// outDir outside the project root, Astro builds in <root>/.astro/ and moves that folder to outDir whole,
	// so .astro's content-modules.mjs and content-assets.mjs would end up in the site.
	const buildOutDir = options.isolated ? join(buildRoot, 'dist') : join(root, distDir);
	const loadBefore = loadavg()[0];
	const build = await timed(
		[process.execPath, ...nodeArgs, astroCli, 'build', '--outDir', buildOutDir],
		{ ...env, ROADSHOW_CACHE_DIR: join(root, cacheDir) },
		join(out, logName),
		{
			cwd: buildRoot,
			timeoutMinutes: options.timeout,
			echo: /\[(types|build|vite|roadshow-pagefind)\]|✓ Completed|generating static routes|error|Error/,
		},
	);
	const loadAfter = loadavg()[0];
	if (options.isolated && existsSync(buildOutDir)) renameSync(buildOutDir, join(root, distDir));
	return { ...build, loadBefore, loadAfter, log: readBuildLog(readFileSync(join(out, logName), 'utf8')) };
}

/** Changes one session's title, as an editor would, for the incremental build; returns the file's name. */
function editOneSession(buildRoot) {
	const sessions = join(buildRoot, contentDir, 'sessions');
	const name = readdirSync(sessions)
		.filter((file) => /\.mdx?$/.test(file))
		.sort()[0];
	const file = join(sessions, name);
	const text = readFileSync(file, 'utf8');
	const edited = text.replace(
		/^title: (.*)$/m,
		(line, title) => `title: ${title.startsWith('"') ? `"Updated: ${title.slice(1)}` : `Updated: ${title}`}`,
	);
	if (edited === text) throw new Error(`could not find the title of ${file}`);
	writeFileSync(file, edited);
	return name;
}

const seconds = (value) => (value === null || value === undefined ? '-' : `${value} s`);
const ratio = (site, floor) => (site && floor ? `${(site / floor).toFixed(2)}×` : '-');

async function main() {
	const options = parseArgs(process.argv.slice(2));
	mkdirSync(out, { recursive: true });
	const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1) };
	console.log(`roadshow bench: ${options.sessions} sessions x ${options.cities} cities on ${machine.cpus} CPUs, Node ${machine.node}`);
	if (!existsSync(TIME)) console.log(`  note: ${TIME} is missing: peak memory of the largest process is not measured`);

	const generated = prepareContent(options, join(root, contentDir));

	const env = { ROADSHOW_CONTENT_DIR: contentDir, ROADSHOW_CACHE_DIR: cacheDir };
	const git = gitState();

	// 1. Catalog only: read + validate + build the Catalog (scripts/check-content.mjs, Vite SSR loader included).
	const check = await timed([process.execPath, 'scripts/check-content.mjs'], env, join(out, 'check.log'), { cwd: root });
	const checkText = readFileSync(join(out, 'check.log'), 'utf8').trim();
	console.log(`  check: ${checkText.split('\n').at(-1)} (${check.seconds.toFixed(1)} s)`);
	if (check.code !== 0) throw new Error(`the content check failed; see bench/out/check.log`);

	// 2. The floor: a bare Astro project rendering the same session files as trivial pages, in the same run.
	const floor = options.floor ? await runFloor(generated) : null;
	if (floor && !floor.ok) throw new Error('the floor build failed; see bench/out/floor-build.log');

	// 3. The full build, cold unless --warm.
	if (!options.warm) rmSync(join(root, cacheDir), { recursive: true, force: true });
	const buildRoot = options.isolated ? isolatedRoot() : root;
	const profileDir = join(out, 'profile');
	if (options.cpuProf) rmSync(profileDir, { recursive: true, force: true });
	console.log(`  building the site (log: bench/out/build.log) ...`);
	const build = await buildSite(
		options,
		env,
		buildRoot,
		'build.log',
		options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
	);
	const log = build.log;

	// 4. What the build wrote.
	const files = walk(join(root, distDir));
	const inPagefind = (f) => f.path.startsWith('pagefind/');
	const inAssets = (f) => f.path.startsWith('_astro/');
	const routeFiles = files.filter((f) => !inPagefind(f) && !inAssets(f));
	const byExt = (ext) => routeFiles.filter((f) => f.path.endsWith(ext));
	const sum = (list) => list.reduce((total, f) => total + f.size, 0);
	const html = byExt('.html');
	const pagefindFiles = files.filter(inPagefind);
	let pagefindPages = null;
	const entry = join(root, distDir, 'pagefind/pagefind-entry.json');
	if (existsSync(entry)) {
		const languages = JSON.parse(readFileSync(entry, 'utf8')).languages ?? {};
		pagefindPages = Object.values(languages).reduce((total, language) => total + (language.page_count ?? 0), 0);
	}
	const ok = build.code === 0 && !build.timedOut;

	// 5. The same build again after an editor changed one session's title, with the caches of the first.
	let incremental = null;
	if (ok && options.incremental && !options.cpuProf) {
		const edited = editOneSession(buildRoot);
		console.log(`  building again after a change to ${edited} (log: bench/out/build-incremental.log) ...`);
		const again = await buildSite(options, env, buildRoot, 'build-incremental.log');
		incremental = {
			edited,
			ok: again.code === 0,
			seconds: +again.seconds.toFixed(1),
			peakTreeMb: again.peakTreeMb === null ? null : Math.round(again.peakTreeMb),
			peakTree: again.peakTree,
			phases: again.log.phases,
		};
	}

	const kinds = {};
	for (const route of log.routes) kinds[routeKind(route.route)] = +((kinds[routeKind(route.route)] ?? 0) + route.seconds).toFixed(1);
	const result = {
		date: new Date().toISOString(),
		machine,
		git,
		isolated: options.isolated,
		input: generated
			? {
					sessions: generated.sessions,
					cities: generated.cities,
					speakers: generated.speakers,
					paths: generated.paths,
					deliveries: generated.deliveries,
					seed: generated.seed,
					ext: generated.ext,
				}
			: { sessions: options.sessions, cities: options.cities, reused: true },
		ok,
		timedOut: build.timedOut,
		exitCode: build.code,
		build: {
			seconds: +build.seconds.toFixed(1),
			peakMb: build.peakMb === null ? null : Math.round(build.peakMb),
			peakTreeMb: build.peakTreeMb === null ? null : Math.round(build.peakTreeMb),
			peakTree: build.peakTree,
			loadAverage: { before: +build.loadBefore.toFixed(2), after: +build.loadAfter.toFixed(2) },
			warm: options.warm,
			profiled: options.cpuProf,
		},
		floor,
		ratioToFloor: floor ? +(build.seconds / floor.wallSeconds).toFixed(2) : null,
		incremental,
		check: {
			seconds: +check.seconds.toFixed(1),
			peakMb: check.peakMb === null ? null : Math.round(check.peakMb),
			output: checkText.split('\n').at(-1),
		},
		files: {
			html: html.length,
			ics: byExt('.ics').length,
			json: byExt('.json').length,
			xml: byExt('.xml').length,
			png: byExt('.png').length,
			routeFiles: routeFiles.length,
			assets: files.filter(inAssets).length,
			pagefind: pagefindFiles.length,
		},
		msPerFile: routeFiles.length ? +((1000 * build.seconds) / routeFiles.length).toFixed(1) : null,
		msPerPage: html.length ? +((1000 * build.seconds) / html.length).toFixed(1) : null,
		sizeMb: {
			total: +mb(sum(files)).toFixed(1),
			html: +mb(sum(html)).toFixed(1),
			ics: +mb(sum(byExt('.ics'))).toFixed(1),
			png: +mb(sum(byExt('.png'))).toFixed(1),
			pagefind: +mb(sum(pagefindFiles)).toFixed(1),
		},
		pagefind: { pageCount: pagefindPages, indexedLogLine: log.pagefindIndexed },
		phases: log.phases,
		routeKinds: kinds,
		routes: log.routes,
	};
	writeFileSync(join(out, 'result.json'), JSON.stringify(result, null, '\t') + '\n');

	const status = ok
		? 'ok'
		: build.timedOut
			? `STOPPED after ${options.timeout} min (--timeout)`
			: `FAILED (exit ${build.code ?? build.signal}; see bench/out/build.log)`;
	console.log(`\nresult: ${status}`);
	const phase = (name) => result.phases[name] ?? null;
	const floorPhase = (name) => floor?.phases[name] ?? null;
	const memory = (tree, largest) => `${tree ?? '-'} MB tree${largest ? `, ${largest} MB largest process` : ''}`;
	const rows = [
		['', 'site', floor ? 'floor (bare Astro)' : '', floor ? 'site / floor' : ''],
		[
			'content',
			generated
				? `${generated.sessions} sessions (.${generated.ext}), ${generated.cities} cities, ${generated.deliveries} deliveries, ${generated.speakers} speakers, ${generated.paths} paths`
				: contentDir,
		],
		[
			'files written',
			`${result.files.html} pages, ${result.files.ics} .ics, ${result.files.json} .json, ${result.files.xml} .xml, ${result.files.png} .png (${result.files.routeFiles} in all)`,
			floor ? `${floor.pages} pages` : '',
		],
		[
			'build (wall)',
			`${result.build.seconds} s${options.cpuProf ? ' (profiled)' : ''}`,
			floor ? `${floor.wallSeconds} s` : '',
			ratio(result.build.seconds, floor?.wallSeconds),
		],
		['  content sync + types', seconds(phase('content sync + types')), floor ? seconds(floorPhase('content sync + types')) : ''],
		['  server build (vite)', seconds(phase('server build (vite)')), floor ? seconds(floorPhase('server build (vite)')) : ''],
		['  static routes', seconds(phase('static routes')), floor ? seconds(floorPhase('static routes')) : ''],
		...Object.entries(kinds)
			.sort(([, a], [, b]) => b - a)
			.map(([kind, value]) => [`    ${kind} (sum of per-file times)`, `${value} s`]),
		['  Pagefind (±1 s)', seconds(phase('pagefind (from log clock, ±1 s)'))],
		[
			'ms per page / per file',
			`${result.msPerPage ?? '-'} / ${result.msPerFile ?? '-'}`,
			floor ? `${((1000 * floor.wallSeconds) / floor.pages).toFixed(1)} per page` : '',
		],
		[
			'peak memory',
			memory(result.build.peakTreeMb, result.build.peakMb),
			floor ? memory(floor.peakTreeMb, floor.peakMb) : '',
			ratio(result.build.peakTreeMb, floor?.peakTreeMb),
		],
		[
			'dist size',
			`${result.sizeMb.total} MB (HTML ${result.sizeMb.html}, .ics ${result.sizeMb.ics}, .png ${result.sizeMb.png})`,
			floor ? `${floor.distMb} MB` : '',
		],
		['Pagefind index', `${result.sizeMb.pagefind} MB, ${result.files.pagefind} files, page_count ${pagefindPages ?? '-'}`],
		['catalog only (check)', `${result.check.seconds} s`],
		...(incremental
			? [
					[
						'second build, one session changed',
						`${incremental.seconds} s (${incremental.ok ? 'ok' : 'FAILED'}; ${incremental.peakTreeMb ?? '-'} MB tree)`,
					],
				]
			: []),
		[
			'load average before/after',
			`${result.build.loadAverage.before} / ${result.build.loadAverage.after}`,
			floor ? `${floor.loadAverage.before} / ${floor.loadAverage.after}` : '',
		],
	];
	console.log(columns(rows));
	const peakLine = (label, peak) =>
		peak && console.log(`  ${label} peak at ${peak.atSeconds} s (${peak.clock} in the log): ${peak.processes.join(', ')}`);
	peakLine('\nmemory: the build', result.build.peakTree);
	peakLine('memory: the second build', incremental?.peakTree);
	if (log.routes.length)
		console.log(
			`\nroutes by summed render time:\n${table(log.routes.slice(0, 14).map((r) => [r.route, `${r.seconds} s for ${r.files} files (${r.msPerFile} ms each)`]))}`,
		);
	if (options.cpuProf) console.log(`\n${summariseProfiles(profileDir, 25)}`);
	console.log(`\nwrote bench/out/result.json`);
	if (!ok || (incremental && !incremental.ok)) process.exitCode = 1;
}

main().catch((error) => {
	console.error(`run.mjs: ${error.message}`);
	process.exitCode = 1;
});
