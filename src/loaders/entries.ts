import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentDirectory, contentFolders } from './content-files';
import { ContentFolder } from './content-folder';
import { CatalogError, type Problem } from '../catalog/errors';
import { readsAsMarkdown } from '../catalog/markdown-equivalence';

type RenderedContent = { html: string; metadata?: { imagePaths?: string[] } };
type MarkdownEntryType = {
	getRenderFunction?: (
		config: unknown,
	) => Promise<(entry: { id: string; data: unknown; body: string; filePath: string; digest: string }) => Promise<RenderedContent>>;
};

/**
 * The Markdown and MDX files of one content sub-folder, read by the same walk and parser as `npm run check`
 * (instead of Astro's glob() loader, whose front-matter parser, file walk and symlink handling differ, and
 * which logs a body that fails to render and goes on with an empty page). `.md` bodies, and `.mdx` bodies that
 * read as Markdown (src/catalog/markdown-equivalence.ts), are rendered here with the site's Markdown processor;
 * the other `.mdx` bodies are compiled by @astrojs/mdx into the server bundle and rendered when a page asks.
 * Any error stops the build.
 */
export function contentEntries(folder: keyof typeof contentFolders): Loader {
	return {
		name: 'roadshow-content-entries',
		load: async (context) => {
			const { config, store, parseData, generateDigest, watcher } = context;
			const projectRoot = fileURLToPath(config.root);
			// Astro's own Markdown entry type renders with the configured processor, as its glob() loader does.
			const { entryTypes } = context as typeof context & { entryTypes: ReadonlyMap<string, MarkdownEntryType> };
			const renderMarkdown = await entryTypes.get('.md')?.getRenderFunction?.(config);
			if (!renderMarkdown) throw new Error('roadshow-content-entries: Astro has no Markdown renderer');

			const sync = async (): Promise<void> => {
				const problems: Problem[] = [];
				const files = new ContentFolder(projectRoot, contentDirectory(), problems);
				const base = `${projectRoot}${contentDirectory()}/${contentFolders[folder]}`;
				const sources = files.entries(contentFolders[folder]);
				if (problems.length > 0) throw new CatalogError(problems);
				const untouched = new Set(store.keys());
				for (const source of sources) {
					const id = relative(base, `${projectRoot}${source.filePath}`).split(sep).join('/');
					untouched.delete(id);
					const body = source.body ?? '';
					// A component-free .mdx body costs what Markdown costs: no MDX module, rendered here like a .md body.
					const asMdx = source.filePath.endsWith('.mdx') && !readsAsMarkdown(body);
					// The way it is rendered is part of the digest, so that a cached entry follows a change of that rule.
					const digest = generateDigest({ data: JSON.stringify(source.data), body, as: asMdx ? 'mdx' : 'markdown' });
					const existing = store.get(id);
					if (existing?.digest === digest && existing.filePath === source.filePath) {
						if (existing.deferredRender) store.addModuleImport(existing.filePath);
						continue;
					}
					const data = await parseData({ id, data: source.data as Record<string, unknown>, filePath: source.filePath });
					const entry = { id, data, body, filePath: source.filePath, digest };
					if (asMdx) {
						store.set({ ...entry, deferredRender: true });
					} else {
						const rendered = await renderMarkdown({ ...entry, filePath: `${projectRoot}${source.filePath}` });
						store.set({ ...entry, rendered, ...(rendered.metadata?.imagePaths ? { assetImports: rendered.metadata.imagePaths } : {}) });
					}
				}
				for (const id of untouched) store.delete(id);
			};

			await sync();
			if (!watcher) return;
			const base = `${projectRoot}${contentDirectory()}/${contentFolders[folder]}`;
			watcher.add(base);
			watcher.on('all', (_event, path) => {
				if (path.startsWith(base)) void sync();
			});
		},
	};
}
