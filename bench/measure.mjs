// Measuring helpers shared by bench/run.mjs and bench/floor.mjs, so that both time and size builds alike.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generate, summaryLine } from './generate.mjs';

const TIME = '/usr/bin/time';

/**
 * The pids of `pid` and all its descendants, from /proc (Linux); just `pid` where /proc is missing.
 * @param {number} pid
 * @returns {number[]}
 */
export function processTree(pid) {
	const pids = [pid];
	for (let i = 0; i < pids.length; i++) {
		let tasks = [];
		try {
			tasks = readdirSync(`/proc/${pids[i]}/task`);
		} catch {
			continue;
		}
		for (const task of tasks) {
			try {
				const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
				if (children) pids.push(...children.split(/\s+/).map(Number));
			} catch {
				// the task ended while we read
			}
		}
	}
	return pids;
}

/** Summed resident memory of a process tree in MB (VmRSS of each process) and its parts, or null without /proc. */
function treeRss(pid) {
	let kb = 0;
	const parts = [];
	for (const each of processTree(pid)) {
		try {
			const status = readFileSync(`/proc/${each}/status`, 'utf8');
			const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
			if (match) {
				kb += Number(match[1]);
				parts.push(`${/^Name:\s+(.*)$/m.exec(status)?.[1] ?? each} ${Math.round(Number(match[1]) / 1024)} MB`);
			}
		} catch {
			// the process ended while we read
		}
	}
	return parts.length > 0 ? { mb: kb / 1024, parts } : null;
}

/**
 * Runs `command` in `cwd` (default: the current folder) under `/usr/bin/time -v` when it exists. Resolves with the wall
 * time measured here, the exit status, the peak RSS of the largest process (getrusage via time), the peak of the
 * whole tree's summed RSS (sampled from /proc every 100 ms: Astro, its worker threads' share of it, and Pagefind's
 * binary while Astro still holds its memory) and whether the timeout stopped it. Output goes to `logFile`; lines
 * matching `echo` are also printed.
 */
export function timed(command, env, logFile, { timeoutMinutes = 0, echo, cwd = process.cwd() } = {}) {
	const haveTime = existsSync(TIME);
	const timeFile = `${logFile}.time`;
	rmSync(timeFile, { force: true });
	const [file, args] = haveTime ? [TIME, ['-v', '-o', timeFile, ...command]] : [command[0], command.slice(1)];
	const log = createWriteStream(logFile);
	const started = performance.now();
	return new Promise((resolvePromise, reject) => {
		// Own process group, so a timeout can stop node and any helper it started (pagefind) together.
		const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		let timedOut = false;
		let peakTreeMb = null;
		let peakTree = null;
		// Once a second: the tree's memory over time, beside the log (`<log>.memory.tsv`), to find the phase that grows it.
		const timeline = ['seconds\tclock\ttree MB\tprocesses'];
		let samples = 0;
		const sampler = setInterval(() => {
			const now = treeRss(child.pid);
			if (now !== null && samples++ % 10 === 0)
				timeline.push(
					`${((performance.now() - started) / 1000).toFixed(0)}\t${new Date().toTimeString().slice(0, 8)}\t${Math.round(now.mb)}\t${now.parts.join(', ')}`,
				);
			if (now !== null && (peakTreeMb === null || now.mb > peakTreeMb)) {
				peakTreeMb = now.mb;
				// When and of what: seconds into the command and each process's share, to find the phase in the log.
				peakTree = {
					atSeconds: +((performance.now() - started) / 1000).toFixed(1),
					clock: new Date().toTimeString().slice(0, 8),
					processes: now.parts,
				};
			}
		}, 100);
		const timer =
			timeoutMinutes > 0
				? setTimeout(() => {
						timedOut = true;
						// Stop the command but let /usr/bin/time live to report its peak memory; the whole
						// process group goes 10 s later if anything is left.
						let children = [];
						try {
							children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
						} catch {}
						const stop = (pid) => {
							try {
								process.kill(pid, 'SIGTERM');
							} catch {}
						};
						if (haveTime && children.length > 0) children.forEach((pid) => stop(Number(pid)));
						else stop(-child.pid);
						setTimeout(() => stop(-child.pid), 10_000).unref();
					}, timeoutMinutes * 60_000)
				: undefined;
		let pending = '';
		const onData = (chunk) => {
			log.write(chunk);
			if (!echo) return;
			pending += chunk.toString();
			const lines = pending.split('\n');
			pending = lines.pop();
			for (const line of lines) if (echo.test(line)) process.stdout.write(`  | ${line}\n`);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			clearInterval(sampler);
			writeFileSync(`${logFile}.memory.tsv`, timeline.join('\n') + '\n');
			log.end();
			const seconds = (performance.now() - started) / 1000;
			let peakMb = null;
			if (haveTime && existsSync(timeFile)) {
				const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
				if (match) peakMb = Number(match[1]) / 1024;
			}
			resolvePromise({ seconds, code, signal, timedOut, peakMb, peakTreeMb, peakTree, haveTime });
		});
	});
}

/** Every file under `dir`, with its path relative to `dir` and its size. */
export function walk(dir, base = dir, files = []) {
	if (!existsSync(dir)) return files;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) walk(full, base, files);
		else files.push({ path: relative(base, full), size: statSync(full).size });
	}
	return files;
}

/** Label/value rows, aligned, for the console. */
export function table(rows) {
	const width = Math.max(...rows.map(([label]) => label.length));
	return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

/** "1m 2.5s", "12.3s", "450ms" → seconds, or null. */
export function durationSeconds(value) {
	const m = /^(?:(\d+)m\s*)?([\d.]+)(ms|s)$/.exec(value.trim());
	if (!m) return null;
	return (m[1] ? Number(m[1]) * 60 : 0) + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
}

const duration = String.raw`((?:\d+m\s*)?[\d.]+m?s)`;

/**
 * Astro's build log without colours, and its phases in seconds (null where the log does not say), read with
 * the same patterns for the project's build and the floor so that the two results line up.
 */
export function readAstroLog(text) {
	const clean = text.replace(/\x1b\[[0-9;]*m/g, '');
	const grab = (regex) => {
		const m = regex.exec(clean);
		return m ? durationSeconds(m[1]) : null;
	};
	return {
		clean,
		phases: {
			'content sync + types': grab(new RegExp(String.raw`\[types\] Generated ${duration}`)),
			// Astro 7 logs no "building client" line: the first Vite build after the entrypoints start is the server build.
			'server build (vite)': grab(new RegExp(String.raw`Building static entrypoints[\s\S]*?\[vite\] ✓ built in ${duration}`)),
			'static routes': grab(new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in ${duration}`)),
		},
		astroSeconds: grab(new RegExp(String.raw`\[build\] \d+ page\(s\) built in ${duration}`)),
		warnings: (clean.match(/\[WARN\]/g) ?? []).length,
	};
}

/**
 * Writes the synthetic tour with generate.mjs (options as parsed from --sessions, --cities, ...) into `dir`,
 * or, with --no-generate, checks that a previous one is there. Returns the generator's summary, or null.
 */
export function prepareContent(options, dir) {
	if (!options.generate) {
		if (!existsSync(join(dir, 'sessions'))) throw new Error(`${dir}/sessions does not exist; run without --no-generate`);
		return null;
	}
	const generated = generate({
		sessions: options.sessions,
		cities: options.cities,
		speakers: options.speakers,
		paths: options.paths,
		seed: options.seed,
		ext: options.ext,
		out: dir,
	});
	console.log(`  ${summaryLine(generated)}`);
	return generated;
}

/** Rows of cells, each column padded to its widest cell, for the console. */
export function columns(rows) {
	const widths = [];
	for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell).length)));
	return rows.map((row) => `  ${row.map((cell, i) => String(cell).padEnd(widths[i])).join('  ')}`.trimEnd()).join('\n');
}
