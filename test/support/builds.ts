import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const buildsRoot = join(projectRoot, 'test/.builds');

/** Astro's command-line entry, as its package.json names it (it moved between major versions). */
export const astroCli = join(
	projectRoot,
	'node_modules/astro',
	(JSON.parse(readFileSync(join(projectRoot, 'node_modules/astro/package.json'), 'utf8')) as { bin: { astro: string } }).bin.astro,
);

/** One real `astro build` of a content folder under a given machine TZ. */
export interface SiteBuild {
	readonly name: string;
	readonly content: string;
	readonly tz: string;
}

export interface BuildResult extends SiteBuild {
	readonly outDir: string;
	readonly exitCode: number;
	readonly output: string;
	readonly seconds: number;
}

export const siteBuilds = [
	{ name: 'sample-utc', content: 'content', tz: 'UTC' },
	{ name: 'sample-tokyo', content: 'content', tz: 'Asia/Tokyo' },
	{ name: 'basic-utc', content: 'test/fixtures/basic/content', tz: 'UTC' },
	{ name: 'basic-tokyo', content: 'test/fixtures/basic/content', tz: 'Asia/Tokyo' },
	{ name: 'bad', content: 'test/fixtures/bad/content', tz: 'UTC' },
] as const satisfies readonly SiteBuild[];

export type BuildName = (typeof siteBuilds)[number]['name'];

/** Runs a command of the project (the real CLI, as a user would) and collects its output. */
export function run(
	command: string,
	args: readonly string[],
	env: Record<string, string>,
): Promise<{ exitCode: number; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: projectRoot,
			env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
	});
}

export async function buildSite(build: SiteBuild): Promise<BuildResult> {
	const outDir = join(buildsRoot, build.name);
	const started = performance.now();
	const { exitCode, output } = await run(
		process.execPath,
		[astroCli, 'build', '--outDir', outDir],
		{ TZ: build.tz, ROADSHOW_CONTENT_DIR: build.content, ROADSHOW_CACHE_DIR: join(buildsRoot, '.cache', build.name) },
	);
	return { ...build, outDir, exitCode, output, seconds: (performance.now() - started) / 1000 };
}

/** Every file of a built site, relative to its root, sorted. */
export function listFiles(root: string): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else files.push(relative(root, path).split('\\').join('/'));
		}
	};
	walk(root);
	return files.sort();
}

export function readBuilt(build: BuildResult, path: string): string {
	return readFileSync(join(build.outDir, path), 'utf8');
}

