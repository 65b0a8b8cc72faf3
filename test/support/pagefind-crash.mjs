// Runs the Pagefind integration's astro:build:done hook, as Astro does, on a built page that makes Pagefind's
// indexer crash (a `lang` longer than it can take). Node strips the integration's types itself.
// Usage: node test/support/pagefind-crash.mjs <site folder>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pagefind } from '../../src/integrations/pagefind.ts';

const [site = ''] = process.argv.slice(2);
const lang = 'en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee';
writeFileSync(
	join(site, 'index.html'),
	`<!doctype html><html lang="${lang}"><body><main data-pagefind-body><h1>A page</h1><p>Some text.</p></main></body></html>`,
);
const logger = { info: (message) => console.log(message), error: (message) => console.error(message) };
const hook = pagefind().hooks['astro:build:done'];
// Not awaited at the top level: like Astro, the process ends however the hook's promise ends (or never does).
hook({ dir: pathToFileURL(`${site}/`), logger }).then(
	() => console.log('the hook finished'),
	(error) => {
		console.error(String(error));
		process.exitCode = 1;
	},
);
