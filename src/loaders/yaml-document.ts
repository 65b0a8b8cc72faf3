import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { formatProblem } from '../catalog/errors';
import { parseSourceText } from './content-folder';

/**
 * Loads a whole YAML file as one entry (id = its path). Unlike Astro's `file()` loader, a syntax error or a
 * missing file stops the build with the file name instead of leaving the collection silently empty.
 */
export function yamlDocument(filePath: string): Loader {
	return {
		name: 'roadshow-yaml-document',
		load: async ({ config, store, watcher }) => {
			const absolute = join(fileURLToPath(config.root), filePath);
			const text = await readFile(absolute, 'utf8').catch(() => {
				throw new Error(`${filePath}: is missing; every site needs this file (see the README for its fields)`);
			});
			const { source, problem } = parseSourceText(filePath, text);
			if (problem) throw new Error(formatProblem(problem));
			store.clear();
			store.set({ id: filePath, data: { document: source?.data }, filePath });
			watcher?.add(absolute);
		},
	};
}
