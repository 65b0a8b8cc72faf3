import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { offlineStrategy, offlineWorker } from '../scripts/service-worker';

/**
 * The cache's name for one build: `roadshow-<content time>-<hash>`. The content time is `asOf` (the last commit
 * touching the content), the hash covers the names of the site's own scripts and styles (their names hold a
 * hash of their bytes) and the worker's own code. A build whose pages, scripts or styles changed gets a new name
 * (and the worker a new byte, so browsers install it); the same content and code always give the same name,
 * whatever the machine, its clock or its time zone.
 */
export function cacheName(asOf: Date, assetNames: readonly string[], workerCode: string): string {
	const hash = createHash('sha256');
	for (const name of [...assetNames].sort()) hash.update(`${name}\n`);
	hash.update(workerCode);
	const time = asOf.toISOString().replace(/[-:]|\.\d+/g, '');
	return `roadshow-${time}-${hash.digest('hex').slice(0, 12)}`;
}

/**
 * The site's scripts and styles in the build's output folder (`<outDir>/_astro/`). Astro writes them before it
 * renders pages and endpoints, so /sw.js can name them. (In `astro dev` the folder holds the last build's, if any;
 * pages in dev do not register the worker.)
 */
export function builtAssetNames(outDir: URL): string[] {
	const folder = new URL('_astro/', outDir);
	if (!existsSync(folder)) return [];
	return readdirSync(folder).filter((name) => /\.(?:js|css)$/.test(name));
}

/**
 * The worker's code as it runs, the cache name left as `version`: the strategy as a declaration (the worker calls it
 * by name), the worker as a function called with the global scope.
 */
export const workerCode = `${offlineStrategy}\n(${offlineWorker})(self, version);\n`;

/** The text of /sw.js. */
export function workerScript(version: string): string {
	return `// Roadshow keeps the pages you visit for when there is no network (src/scripts/service-worker.ts).\nconst version = ${JSON.stringify(version)};\n${workerCode}`;
}
