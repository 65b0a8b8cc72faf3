import { shallowHistoryProblem } from '../calendar/revisions';
import { buildCatalog } from '../catalog/build';
import { contentDirectory } from '../loaders/content-files';
import { CatalogError, formatProblem } from '../catalog/errors';
import { readContentFolder } from '../loaders/content-folder';

/** Runs every content rule on the folder and reports like a compiler: one `file: field: message` line each. */
export function checkContent(projectRoot: string): { ok: boolean; text: string } {
	const folder = contentDirectory();
	// The build stops on this too (src/integrations/content-check.ts): the check says so first.
	const shallow = shallowHistoryProblem(projectRoot, folder, process.env);
	if (shallow?.fatal) return { ok: false, text: `${folder}/: ${shallow.message}` };
	try {
		const catalog = buildCatalog(readContentFolder(projectRoot, folder));
		return {
			ok: true,
			text: `${folder}/: no problems in ${count(catalog.sessions.length, 'session')}, ${count(catalog.paths.length, 'learning path')}, ${count(catalog.cities.length, 'city', 'cities')} (${count(catalog.deliveries.length, 'delivery', 'deliveries')}), ${count(catalog.speakers.length, 'speaker')}`,
		};
	} catch (error) {
		if (!(error instanceof CatalogError)) throw error;
		return { ok: false, text: `${error.problems.map(formatProblem).join('\n')}\n\n${folder}/: ${count(error.problems.length, 'problem')}` };
	}
}

function count(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}
