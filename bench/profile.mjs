#!/usr/bin/env node
// Reads the V8 CPU profiles that `node --cpu-prof` wrote (bench/run.mjs --cpu-prof: bench/out/profile/) and prints
// where the time went: self time by package or build chunk, and the functions with the most self time.
//
//   npm exec -- node bench/profile.mjs [bench/out/profile] [--top 25]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a function lives, coarsely: a package, one of the build's chunks, Node itself, or V8's own entries. */
function areaOf(url, functionName) {
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) return pkg[1];
	if (url.startsWith('node:')) return 'node internals';
	// Astro's server build: chunks named after the page or module they bundle, e.g. pages/sessions/_slug_.astro.mjs.
	const chunk = /\/(?:\.prerender|server|chunks|pages)\/(.+)$/.exec(url);
	if (chunk) return `build: ${chunk[1].replace(/_[A-Za-z0-9-]{8}\.mjs$/, '.mjs')}`;
	const src = /\/(src\/.+)$/.exec(url);
	return src ? src[1] : basename(url);
}

/** Self time in ms per node id of one profile. */
function selfTimes(profile) {
	const times = new Map();
	const { samples = [], timeDeltas = [] } = profile;
	for (let i = 0; i < samples.length; i++) times.set(samples[i], (times.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
	return times;
}

/** One profile's busy time, and its self time by area and by function, in ms. */
function readProfile(file) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const times = selfTimes(profile);
	const areas = new Map();
	const functions = new Map();
	let busy = 0;
	for (const node of profile.nodes) {
		const ms = times.get(node.id) ?? 0;
		if (ms === 0) continue;
		const { functionName, url, lineNumber } = node.callFrame;
		const area = areaOf(url, functionName);
		if (area === '(idle)') continue;
		busy += ms;
		areas.set(area, (areas.get(area) ?? 0) + ms);
		const key = `${functionName || '(anonymous)'}  ${area}${url ? `:${lineNumber + 1}` : ''}`;
		functions.set(key, (functions.get(key) ?? 0) + ms);
	}
	return { busy, areas, functions };
}

/**
 * The top costs of each thread's profile (Node names them CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread
 * 0 is a process's main thread, where Astro renders; the share pictures' drawing processes write their own).
 */
export function summariseProfiles(dir, top = 25) {
	const files = readdirSync(dir)
		.filter((name) => name.endsWith('.cpuprofile'))
		.sort();
	if (files.length === 0) return `no .cpuprofile in ${dir}`;
	const profiles = files.map((name) => ({ name, ...readProfile(join(dir, name)) }));
	const total = profiles.reduce((sum, profile) => sum + profile.busy, 0);
	const rank = (map, busy, count) =>
		[...map]
			.sort(([, a], [, b]) => b - a)
			.slice(0, count)
			.map(([key, ms]) => `    ${(ms / 1000).toFixed(1).padStart(6)} s ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${key}`);
	const lines = [`CPU profiles in ${dir}: ${files.length} files, ${(total / 1000).toFixed(1)} s busy in all (idle left out)`];
	// The first process to start is the build; the share pictures' drawing processes start later, each with its own file.
	const pidOf = (name) => /^CPU\.\d+\.\d+\.(\d+)\./.exec(name)?.[1];
	const buildPid = pidOf(files[0]);
	for (const profile of profiles) {
		const thread = /\.\d+\.(\d+)\.\d+\.cpuprofile$/.exec(profile.name)?.[1];
		const role = pidOf(profile.name) === buildPid ? 'the build' : `drawing process ${pidOf(profile.name)}`;
		lines.push(
			'',
			`  ${profile.name} (${role}, ${thread === '0' ? 'main thread' : `worker thread ${thread ?? '?'}`}): ${(profile.busy / 1000).toFixed(1)} s busy`,
			'  self time by package or build chunk:',
			...rank(profile.areas, profile.busy, Math.ceil(top / 2)),
			'  functions with the most self time:',
			...rank(profile.functions, profile.busy, top),
		);
	}
	return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const args = process.argv.slice(2);
	const topAt = args.indexOf('--top');
	const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
	const dir = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--top') ?? 'bench/out/profile';
	console.log(summariseProfiles(dir, top));
}
