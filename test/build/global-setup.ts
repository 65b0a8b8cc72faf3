import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, buildsRoot, makeBasicRepository, makeLargeCatalog, siteBuilds, type BuildResult } from '../support/builds';
import { buildHistory } from '../support/history';

declare module 'vitest' {
	export interface ProvidedContext {
		builds: Record<string, BuildResult>;
		/** The history walk of test/support/history.ts: one build per commit, and the shallow clone's two. */
		history: { steps: BuildResult[]; shallow: BuildResult; shallowAllowed: BuildResult };
	}
}

/**
 * Builds the sample and every fixture once, one after the other. Astro 7 writes .astro/ under the project
 * root (not configurable) by writing a temporary file and renaming it; two builds at once collide on that name
 * (ENOENT on rename of .astro/content-assets.mjs.tmp, seen twice), so the builds do not overlap.
 */
export default async function setup(project: TestProject): Promise<void> {
	rmSync(buildsRoot, { recursive: true, force: true });
	// The basic fixture is built from its own temporary git repository: its calendars' SEQUENCE and DTSTAMP
	// then come from known commits, not from the project's history (which a `git archive` copy lacks).
	makeBasicRepository();
	await makeLargeCatalog();
	const results: Record<string, BuildResult> = {};
	const report = (result: BuildResult) => {
		// Astro's own output, for when a build fails where it should not.
		writeFileSync(join(buildsRoot, `${result.name}.log`), result.output);
		process.stdout.write(
			`built ${result.name} (TZ=${result.tz}) in ${result.seconds.toFixed(1)} s, exit ${result.exitCode} (log: test/.builds/${result.name}.log)\n`,
		);
	};
	for (const build of siteBuilds) {
		const result = await buildSite(build);
		results[result.name] = result;
		report(result);
	}
	project.provide('builds', results);
	const history = await buildHistory();
	[...history.steps, history.shallow, history.shallowAllowed].forEach(report);
	project.provide('history', history);
}
