import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroCli, buildsRoot, projectRoot, run } from '../support/builds';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

/**
 * Builds the sample into its own folder (never a stale dist/) and serves it with `astro preview`, as a
 * site owner would.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const outDir = join(buildsRoot, 'e2e');
	const astro = astroCli;
	const build = await run(process.execPath, [astro, 'build', '--outDir', outDir], {
		ROADSHOW_CACHE_DIR: join(buildsRoot, '.cache', 'e2e'),
	});
	if (build.exitCode !== 0) throw new Error(`astro build failed:\n${build.output}`);
	const port = await freePort();
	const preview: ChildProcess = spawn(
		process.execPath,
		[astro, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port)],
		{ cwd: projectRoot, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
	);
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitFor(`${baseUrl}/`, 30_000);
	project.provide('baseUrl', baseUrl);
	return async () => {
		preview.kill();
	};
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
