import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroCli, buildsRoot, largeCatalog, makeLargeCatalog, projectRoot, run } from '../support/builds';
import { serveStatic } from '../support/static-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The inert fixture (test/fixtures/inert): bodies that show attacks as text. */
		inertUrl: string;
		/** The large catalog (test/support/builds.ts largeCatalog): an overview at /sessions/ and pages per track. */
		largeUrl: string;
	}
}

/**
 * Builds the inert fixture, the large catalog and the sample into their own folders (never a stale dist/), one
 * after the other (builds share .astro/), and serves the sample with `astro preview`, as a site owner would, and
 * the other two with a plain static server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	await build('e2e-inert', { ROADSHOW_CONTENT_DIR: 'test/fixtures/inert/content' });
	const inert = await serveStatic(join(buildsRoot, 'e2e-inert'));
	await makeLargeCatalog();
	await build('e2e-large', { ROADSHOW_CONTENT_DIR: largeCatalog.content, ROADSHOW_CATALOG_PAGE_SIZE: String(largeCatalog.pageSize) });
	const large = await serveStatic(join(buildsRoot, 'e2e-large'));
	const sample = await buildAndPreview('e2e', {});
	project.provide('baseUrl', sample.url);
	project.provide('inertUrl', inert.url);
	project.provide('largeUrl', large.url);
	return async () => {
		sample.preview.kill();
		inert.server.close();
		large.server.close();
	};
}

async function build(name: string, env: Record<string, string>): Promise<string> {
	const outDir = join(buildsRoot, name);
	const result = await run(process.execPath, [astroCli, 'build', '--outDir', outDir], {
		...env,
		ROADSHOW_CACHE_DIR: join(buildsRoot, '.cache', name),
	});
	if (result.exitCode !== 0) throw new Error(`astro build of ${name} failed:\n${result.output}`);
	return outDir;
}

/** `astro preview` serves one site per project at a time: the sample's. */
async function buildAndPreview(name: string, env: Record<string, string>): Promise<{ url: string; preview: ChildProcess }> {
	const outDir = await build(name, env);
	const port = await freePort();
	const preview: ChildProcess = spawn(
		process.execPath,
		[astroCli, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port)],
		{ cwd: projectRoot, stdio: 'ignore', env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' } },
	);
	const url = `http://127.0.0.1:${port}`;
	await waitFor(`${url}/`, 30_000);
	return { url, preview };
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`astro preview did not answer at ${url} within ${timeoutMs} ms`);
}
