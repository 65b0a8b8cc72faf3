import { shallowHistoryProblem } from '../calendar/revisions';
import { buildCatalog } from '../catalog/build';
import { contentDirectory } from '../loaders/content-files';
import { CatalogError, formatProblem } from '../catalog/errors';
import { readContentFolder } from '../loaders/content-folder';
import { markdownMdxFiles } from '../catalog/markdown-equivalence';
import type { CatalogSource, SourceFile } from '../catalog/types';

/** Runs every content rule on the folder and reports like a compiler: one `file: field: message` line each. */
export function checkContent(projectRoot: string): { ok: boolean; text: string } {
	const folder = contentDirectory();
	// The build stops on this too (src/integrations/content-check.ts): the check says so first.
	const shallow = shallowHistoryProblem(projectRoot, folder, process.env);
	if (shallow?.fatal) return { ok: false, text: `${folder}/: ${shallow.message}` };
	try {
		const source = readContentFolder(projectRoot, folder);
		const catalog = buildCatalog(source);
		const hints = markdownHints(bodyFiles(source), folder);
		return {
			ok: true,
			text: `${hints.map((hint) => `${hint}\n`).join('')}${folder}/: no problems in ${count(catalog.sessions.length, 'session')}, ${count(catalog.paths.length, 'learning path')}, ${count(catalog.cities.length, 'city', 'cities')} (${count(catalog.deliveries.length, 'delivery', 'deliveries')}), ${count(catalog.speakers.length, 'speaker')}`,
		};
	} catch (error) {
		if (!(error instanceof CatalogError)) throw error;
		return { ok: false, text: `${error.problems.map(formatProblem).join('\n')}\n\n${folder}/: ${count(error.problems.length, 'problem')}` };
	}
}

function bodyFiles(source: CatalogSource): SourceFile[] {
	return [...source.sessions, ...source.paths, ...source.cities, ...source.speakers];
}

/**
 * Hints, not problems: one line for each `.mdx` file whose body uses no MDX (src/loaders/entries.ts already
 * builds it as Markdown), the first `limit` by name and then how many more, so that a folder of thousands stays
 * readable.
 */
export function markdownHints(files: readonly SourceFile[], folder: string, limit = 10): string[] {
	const names = markdownMdxFiles(files);
	const lines = names
		.slice(0, limit)
		.map((name) => `${name}: hint: the body uses no MDX, so the build already renders it as Markdown; rename the file to .md`);
	if (names.length > limit)
		lines.push(`${folder}/: hint: and ${count(names.length - limit, 'more .mdx file')} like these; rename them to .md too`);
	return lines;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}
