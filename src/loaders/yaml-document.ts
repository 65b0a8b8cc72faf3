import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentDirectory } from './content-files';
import { ContentFolder } from './content-folder';
import { CatalogError, type Problem } from '../catalog/errors';

/**
 * Loads a whole YAML file of the content folder (`event.yaml`) as one entry (id = its path), with the same
 * reader as `npm run check`. Unlike Astro's `file()` loader, a syntax error or a missing file stops the build
 * with the file name instead of leaving the collection silently empty.
 */
export function yamlDocument(name: string): Loader {
	return {
		name: 'roadshow-yaml-document',
		load: async ({ config, store, watcher }) => {
			const projectRoot = fileURLToPath(config.root);
			const problems: Problem[] = [];
			const source = new ContentFolder(projectRoot, contentDirectory(), problems).read(name);
			if (!source || problems.length > 0) throw new CatalogError(problems);
			store.clear();
			store.set({ id: source.filePath, data: { document: source.data }, filePath: source.filePath });
			watcher?.add(join(projectRoot, source.filePath));
		},
	};
}
