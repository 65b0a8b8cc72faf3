import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, buildsRoot, makeBasicRepository, siteBuilds, type BuildResult, type SiteBuild } from '../support/builds';

declare module 'vitest' {
	export interface ProvidedContext {
		builds: Record<string, BuildResult>;
	}
}

/**
 * Builds the sample and every fixture once. Two builds run at a time (the machines have two cores), but
 * only of the same content: Astro writes the content's module list to .astro/ under the project root,
 * which builds of different content folders would overwrite for each other.
 */
export default async function setup(project: TestProject): Promise<void> {
	rmSync(buildsRoot, { recursive: true, force: true });
	// The basic fixture is built from its own temporary git repository: its calendars' SEQUENCE and DTSTAMP
	// then come from known commits, not from the project's history (which a `git archive` copy lacks).
	makeBasicRepository();
	const results: Record<string, BuildResult> = {};
	const byContent = new Map<string, SiteBuild[]>();
	for (const build of siteBuilds) byContent.set(build.content, [...(byContent.get(build.content) ?? []), build]);
	for (const batch of byContent.values()) {
		await Promise.all(
			batch.map(async (build) => {
				const result = await buildSite(build);
				results[result.name] = result;
				// Astro's own output, for when a build fails where it should not.
				writeFileSync(join(buildsRoot, `${result.name}.log`), result.output);
				process.stdout.write(`built ${result.name} (TZ=${result.tz}) in ${result.seconds.toFixed(1)} s, exit ${result.exitCode} (log: test/.builds/${result.name}.log)\n`);
			}),
		);
	}
	project.provide('builds', results);
}
