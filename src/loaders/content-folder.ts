import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { bodyStartLine, contentFolders, eventFile, frontMatterPattern, isDraftName, isEntryFile, tracksFile } from './content-files';
import { CatalogError, type Problem } from '../catalog/errors';
import type { CatalogSource, SourceFile } from '../catalog/types';

/**
 * Reads a content folder straight from disk, the way Astro's loaders do (js-yaml, front matter),
 * for `npm run check` and the benchmark, which run without Astro.
 */
export function readContentFolder(projectRoot: string, contentDir = 'content'): CatalogSource {
	const problems: Problem[] = [];
	const root = join(projectRoot, contentDir);
	const read = (path: string): SourceFile | undefined => readSourceFile(projectRoot, path, problems);
	const entries = (folder: string) => listEntryFiles(join(root, folder)).flatMap((path) => read(path) ?? []);
	const source = {
		event: read(join(root, eventFile)),
		tracks: read(join(root, tracksFile)),
		sessions: entries(contentFolders.sessions),
		paths: entries(contentFolders.paths),
		cities: entries(contentFolders.cities),
		speakers: entries(contentFolders.speakers),
	};
	if (problems.length > 0 || !source.event || !source.tracks) throw new CatalogError(problems);
	return { ...source, event: source.event, tracks: source.tracks };
}

/** Parses one YAML, Markdown or MDX file; YAML mistakes become problems with the line number. */
export function parseSourceText(filePath: string, text: string): { source?: SourceFile; problem?: Problem } {
	try {
		if (/\.ya?ml$/.test(filePath)) return { source: { filePath, data: yaml.load(text, { filename: filePath }) } };
		const match = frontMatterPattern.exec(text);
		if (!match) {
			return {
				problem: {
					file: filePath,
					field: '',
					message: 'has no front matter; start the file with a "---" line, the fields, and another "---" line',
				},
			};
		}
		return {
			source: { filePath, data: yaml.load(match[1] ?? '') ?? {}, body: text.slice(match[0].length), bodyLine: bodyStartLine(text) },
		};
	} catch (error) {
		if (!(error instanceof yaml.YAMLException)) throw error;
		// Front matter starts on the file's second line; js-yaml counts from the front matter's first.
		const line = error.mark.line + (/\.ya?ml$/.test(filePath) ? 1 : 2);
		const where = `line ${line}, column ${error.mark.column + 1}`;
		return { problem: { file: filePath, field: '', message: `is not valid YAML (${where}): ${error.reason}` } };
	}
}

function readSourceFile(projectRoot: string, path: string, problems: Problem[]): SourceFile | undefined {
	const filePath = relative(projectRoot, path).split(sep).join('/');
	if (!existsSync(path)) {
		problems.push({ file: filePath, field: '', message: 'is missing; every site needs this file (see the README for its fields)' });
		return undefined;
	}
	const { source, problem } = parseSourceText(filePath, readFileSync(path, 'utf8'));
	if (problem) problems.push(problem);
	return source;
}

function listEntryFiles(folder: string): string[] {
	if (!existsSync(folder)) return [];
	// A walk of our own rather than a recursive readdir: draft folders (`_*`) are skipped, not read.
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return isDraftName(entry.name) ? [] : walk(path);
			return entry.isFile() && isEntryFile(entry.name) ? [path] : [];
		});
	return walk(folder).sort();
}
