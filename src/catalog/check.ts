import { buildCatalog } from './build';
import { contentDirectory } from './content-files';
import { CatalogError, formatProblem } from './errors';
import { readContentFolder } from './read-content';

/** Runs every content rule on the folder and reports like a compiler: one `file: field: message` line each. */
export function checkContent(projectRoot: string): { ok: boolean; text: string } {
	const folder = contentDirectory();
	try {
		const catalog = buildCatalog(readContentFolder(projectRoot, folder));
		return {
			ok: true,
			text: `${folder}/: no problems in ${catalog.sessions.length} sessions, ${catalog.paths.length} learning paths, ${catalog.cities.length} cities (${catalog.deliveries.length} deliveries), ${catalog.speakers.length} speakers`,
		};
	} catch (error) {
		if (!(error instanceof CatalogError)) throw error;
		const count = error.problems.length === 1 ? '1 problem' : `${error.problems.length} problems`;
		return { ok: false, text: `${error.problems.map(formatProblem).join('\n')}\n\n${folder}/: ${count}` };
	}
}
