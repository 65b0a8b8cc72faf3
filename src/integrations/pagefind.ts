import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API at `astro:build:done` (as Starlight does) and fails
 * the build when indexing reports errors. During `astro dev` it serves the last build's index, so
 * search works while editing (with the content of that build).
 */
export function pagefind(): AstroIntegration {
	let outDir = '';
	return {
		name: 'roadshow-pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const path = new URL(request.url ?? '/', 'http://localhost').pathname;
					if (!path.startsWith('/pagefind/')) return next();
					const file = normalize(join(outDir, path));
					if (!file.startsWith(join(outDir, 'pagefind')) || !existsSync(file)) return next();
					readFile(file).then(
						(body) => {
							response.setHeader('Content-Type', contentTypes[extname(file)] ?? 'application/octet-stream');
							response.end(body);
						},
						() => next(),
					);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				// The indexer is a child process. When it crashes, Pagefind's promises never settle; Node then runs out of
				// work and would end the build with exit code 0 and no search index. Fail it instead.
				let finished = false;
				const unfinished = () => {
					if (finished) return;
					logger.error('Pagefind stopped before it finished indexing (its indexer crashed); the site has no search index');
					process.exitCode = 1;
				};
				process.once('beforeExit', unfinished);
				try {
					const { index, errors: createErrors } = await createIndex({});
					if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
					const { errors: indexErrors, page_count } = await index.addDirectory({ path: site });
					if (indexErrors.length > 0) throw new Error(`Pagefind failed to index the site:\n${indexErrors.join('\n')}`);
					if (page_count === 0) throw new Error('Pagefind found no pages to index (no data-pagefind-body in the built HTML)');
					const { errors: writeErrors } = await index.writeFiles({ outputPath: join(site, 'pagefind') });
					if (writeErrors.length > 0) throw new Error(`Pagefind failed to write its index:\n${writeErrors.join('\n')}`);
					logger.info(`indexed ${page_count} pages for search`);
					finished = true;
				} finally {
					process.off('beforeExit', unfinished);
					await close();
				}
			},
		},
	};
}

const contentTypes: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
};
