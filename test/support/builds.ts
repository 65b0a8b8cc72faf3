import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
	/** Environment of the build beyond TZ and the content folder (e.g. ROADSHOW_CATALOG_PAGE_SIZE). */
	readonly env?: Readonly<Record<string, string>>;
}

export interface BuildResult extends SiteBuild {
	readonly outDir: string;
	readonly exitCode: number;
	readonly output: string;
	readonly seconds: number;
}

/**
 * The basic fixture as a content folder with its own git history, made by the global setup
 * (makeBasicRepository), so that calendar SEQUENCE and DTSTAMP come from known commits whether or not the
 * project itself is a git checkout (a `git archive` copy is not).
 */
export const basicRepository = {
	fixture: 'test/fixtures/basic/content',
	content: 'test/.builds/basic-repo/content',
	/** The first commit adds the whole fixture, SOYS10 without its abstract (only its front matter). */
	firstCommit: '2020-01-01T12:00:00Z',
	/** The second commit adds SOYS10's abstract, so SOYS10 is the only file committed twice. */
	secondCommit: '2020-01-02T12:00:00Z',
	editedFile: 'sessions/SOYS10.mdx',
} as const;

/**
 * A catalog too large for one page: bench/generate.mjs writes it (makeLargeCatalog) and it is built with a page
 * size of 40 cards (ROADSHOW_CATALOG_PAGE_SIZE) instead of 500, so 300 sessions paginate as 5,000 would:
 * an overview at /sessions/, pages per track, some tracks on two pages.
 */
export const largeCatalog = {
	content: 'test/.builds/large-content',
	sessions: 300,
	cities: 3,
	pageSize: 40,
	/** A track of tracks.yaml without sessions (added after the generator's): it has no page and is no choice. */
	emptyTrack: 'empty-track',
} as const;

/** Writes the large catalog's content folder (the generator is deterministic: same seed, same files). */
export async function makeLargeCatalog(): Promise<void> {
	const { content, sessions, cities } = largeCatalog;
	const args = ['bench/generate.mjs', '--sessions', String(sessions), '--cities', String(cities), '--out', content, '--quiet'];
	const { exitCode, output } = await run(process.execPath, args, {});
	if (exitCode !== 0) throw new Error(`bench/generate.mjs failed:\n${output}`);
	appendFileSync(
		join(projectRoot, content, 'tracks.yaml'),
		`- id: ${largeCatalog.emptyTrack}\n  name: Sessions to come\n  description: A track announced before its sessions\n  color: "#5a5a5a"\n`,
	);
}

export const siteBuilds = [
	{ name: 'sample-utc', content: 'content', tz: 'UTC' },
	{ name: 'sample-tokyo', content: 'content', tz: 'Asia/Tokyo' },
	{ name: 'basic-utc', content: basicRepository.content, tz: 'UTC' },
	{ name: 'basic-tokyo', content: basicRepository.content, tz: 'Asia/Tokyo' },
	{ name: 'bad', content: 'test/fixtures/bad/content', tz: 'UTC' },
	{ name: 'hostile', content: 'test/fixtures/hostile/content', tz: 'UTC' },
	{ name: 'inert', content: 'test/fixtures/inert/content', tz: 'America/Los_Angeles' },
	{ name: 'large', content: largeCatalog.content, tz: 'UTC', env: { ROADSHOW_CATALOG_PAGE_SIZE: String(largeCatalog.pageSize) } },
] as const satisfies readonly SiteBuild[];

export type BuildName = (typeof siteBuilds)[number]['name'];

/**
 * The environment without GIT_DIR, GIT_WORK_TREE and friends: set when the tests run from a git hook, they
 * would point every git command (the fixture's and the build's) at the project's own repository.
 */
const outsideGit = Object.fromEntries(
	Object.entries(process.env).filter(
		// CI and the shallow-clone setting change what a build accepts: a test that means them sets them itself.
		([name]) => !name.startsWith('GIT_') && name !== 'CI' && name !== 'ROADSHOW_ALLOW_SHALLOW_CLONE',
	),
);

/**
 * Runs git in a folder as an editor would commit, at a given date: neither the machine's nor the user's git
 * configuration (signing, hooks, templates) applies, nor GIT_DIR from a hook.
 */
export function gitIn(dir: string): (args: string[], date?: string) => Buffer {
	return (args, date) =>
		execFileSync('git', args, {
			cwd: dir,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...outsideGit,
				GIT_CONFIG_NOSYSTEM: '1',
				GIT_CONFIG_GLOBAL: '/dev/null',
				GIT_AUTHOR_NAME: 'Editor',
				GIT_AUTHOR_EMAIL: 'editor@example.org',
				GIT_COMMITTER_NAME: 'Editor',
				GIT_COMMITTER_EMAIL: 'editor@example.org',
				...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
			},
		});
}

/** Copies the basic fixture to basicRepository.content and commits it there, in a repository of its own. */
export function makeBasicRepository(): void {
	const dir = join(projectRoot, basicRepository.content);
	cpSync(join(projectRoot, basicRepository.fixture), dir, { recursive: true });
	const edited = join(dir, basicRepository.editedFile);
	const finalText = readFileSync(edited, 'utf8');
	const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(finalText)?.[0];
	if (!frontMatter || frontMatter === finalText)
		throw new Error(`${basicRepository.editedFile} of the fixture needs front matter and a body`);
	const git = gitIn(dir);
	git(['init', '-q']);
	writeFileSync(edited, frontMatter);
	git(['add', '-A']);
	git(['commit', '-q', '-m', 'Add the tour', '--no-verify'], basicRepository.firstCommit);
	writeFileSync(edited, finalText);
	git(['add', '-A']);
	git(['commit', '-q', '-m', `Write the abstract of ${basicRepository.editedFile}`, '--no-verify'], basicRepository.secondCommit);
}

/** Runs a command of the project (the real CLI, as a user would) and collects its output. */
export function run(command: string, args: readonly string[], env: Record<string, string>): Promise<{ exitCode: number; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: projectRoot,
			env: { ...outsideGit, ...env, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
	});
}

export async function buildSite(build: SiteBuild, env: Record<string, string> = {}): Promise<BuildResult> {
	const outDir = join(buildsRoot, build.name);
	const started = performance.now();
	const { exitCode, output } = await run(process.execPath, [astroCli, 'build', '--outDir', outDir], {
		...build.env,
		...env,
		TZ: build.tz,
		ROADSHOW_CONTENT_DIR: build.content,
		ROADSHOW_CACHE_DIR: join(buildsRoot, '.cache', build.name),
	});
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

/**
 * The content files a build compiled as MDX modules: the entries Astro's data store (in the build's cache folder)
 * marks `deferredRender`, which are exactly those its content-modules map hands to @astrojs/mdx for the server
 * bundle. Every other body was rendered as Markdown in the content layer. The store is devalue's flat form: one
 * array, objects whose fields hold the indexes of their values.
 */
export function mdxModules(build: BuildResult): string[] {
	const store = JSON.parse(readFileSync(join(buildsRoot, '.cache', build.name, 'data-store.json'), 'utf8')) as unknown[];
	const isEntry = (value: unknown): value is Record<string, number> =>
		typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value && 'filePath' in value;
	return store
		.filter(isEntry)
		.filter((entry) => entry['deferredRender'] !== undefined && store[entry['deferredRender']] === true)
		.map((entry) => String(store[entry['filePath'] ?? -1]))
		.sort();
}
