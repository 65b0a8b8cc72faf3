import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite, buildsRoot, siteBuilds, type BuildResult } from '../support/builds';

declare module 'vitest' {
	export interface ProvidedContext {
		builds: Record<string, BuildResult>;
	}
}

/** Builds the sample and every fixture once (two at a time: the machines have two cores). */
export default async function setup(project: TestProject): Promise<void> {
	rmSync(buildsRoot, { recursive: true, force: true });
	const results: Record<string, BuildResult> = {};
	const queue = [...siteBuilds];
	const worker = async () => {
		for (let next = queue.shift(); next; next = queue.shift()) {
			const result = await buildSite(next);
			results[result.name] = result;
			process.stdout.write(`built ${result.name} (TZ=${result.tz}) in ${result.seconds.toFixed(1)} s, exit ${result.exitCode}\n`);
		}
	};
	await Promise.all([worker(), worker()]);
	project.provide('builds', results);
}
