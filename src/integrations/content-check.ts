import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { shallowHistoryProblem, uncommittedFiles } from '../calendar/revisions';
import { buildCatalog, type Catalog } from '../catalog';
import { contentDirectory } from '../loaders/content-files';
import { readContentFolder } from '../loaders/content-folder';

const checked = Symbol.for('roadshow.checkedCatalog');
type Stash = { readonly contentDir: string; readonly catalog: Catalog };

/**
 * Runs `npm run check`'s content check before Astro loads any content: the same file walk, parser and rules,
 * so a build stops on exactly the problems the check lists, before any body is compiled or rendered (an MDX
 * syntax error, an import, a hostile YAML file never reach Astro's compilers). A build keeps the checked
 * catalog for the pages (src/site/catalog.ts), so it is computed once.
 */
export function contentCheck(): AstroIntegration {
	return {
		name: 'roadshow-content-check',
		hooks: {
			'astro:config:setup': ({ config, command, logger }) => {
				if (command !== 'build' && command !== 'dev') return;
				const root = fileURLToPath(config.root);
				const catalog = buildCatalog(readContentFolder(root, contentDirectory()));
				if (command !== 'build') return;
				const shallow = shallowHistoryProblem(root, contentDirectory(), process.env);
				if (shallow?.fatal) {
					const error = new Error(`Calendars need the content's git history: ${shallow.message}`);
					error.stack = ''; // a setting to change, not a bug: no stack trace
					throw error;
				}
				if (shallow) logger.warn(shallow.message);
				const uncommitted = uncommittedFiles(root, contentDirectory()).size;
				if (uncommitted > 0) {
					logger.warn(
						`${uncommitted} content ${uncommitted === 1 ? 'file has' : 'files have'} changes that are not committed; their calendar events take the files' times as SEQUENCE and DTSTAMP (commit before you publish)`,
					);
				}
				(globalThis as Record<symbol, Stash>)[checked] = { contentDir: contentDirectory(), catalog };
			},
		},
	};
}

/** The catalog the build checked before it loaded the content, if this process is that build. */
export function checkedCatalog(): Catalog | undefined {
	const stash = (globalThis as Record<symbol, Stash | undefined>)[checked];
	return stash?.contentDir === contentDirectory() ? stash.catalog : undefined;
}
