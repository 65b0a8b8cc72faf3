import type { FileReporter, ProblemLog } from '../errors';
import { closestMatch } from '../suggest';
import type { CatalogSource, Session, SourceFile } from '../types';

/** Ids of every file present, valid or not: a reference to an invalid file is not also reported as unknown. */
export interface DeclaredIds {
	readonly sessions: ReadonlySet<string>;
	readonly speakers: ReadonlySet<string>;
	readonly paths: ReadonlySet<string>;
	readonly tracks: ReadonlySet<string>;
}

export function declaredIds(source: CatalogSource): DeclaredIds {
	const names = (files: readonly SourceFile[], folder: string) =>
		new Set([
			...files.map((file) => baseName(file.filePath)),
			...(source.unreadable ?? []).filter((name) => name.includes(`/${folder}/`)).map(baseName),
		]);
	const trackIds = Array.isArray(source.tracks.data)
		? source.tracks.data.flatMap((track: unknown) =>
				typeof track === 'object' && track !== null && 'id' in track ? [String(track.id)] : [],
			)
		: [];
	return {
		sessions: new Set([...names(source.sessions, 'sessions')].map((name) => name.toUpperCase())),
		speakers: names(source.speakers, 'speakers'),
		paths: names(source.paths, 'paths'),
		tracks: new Set(trackIds),
	};
}

/** Ids from file names, each given once: `toronto.md` beside `toronto.mdx`, or in a sub-folder, is a clash. */
export function uniqueIds(kind: string, problems: ProblemLog): (file: SourceFile) => string | undefined {
	const fileById = new Map<string, string>();
	return (file) => {
		const at = problems.in(file.filePath);
		const id = idFromFileName(file.filePath, at);
		if (id === undefined) return undefined;
		const other = fileById.get(id);
		if (other) {
			at('', `duplicate ${kind} id "${id}": ${other} has the same file name; rename or delete one of them`);
			return undefined;
		}
		fileById.set(id, file.filePath);
		return id;
	};
}

function idFromFileName(filePath: string, at: FileReporter): string | undefined {
	const name = baseName(filePath);
	if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) return name;
	const suggestion = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	at(
		'',
		`the file name "${name}" is not a valid id; use lower-case letters, digits and hyphens${suggestion ? `, e.g. "${suggestion}"` : ''}`,
	);
	return undefined;
}

/** "SOYS10" for `content/sessions/SOYS10.mdx`. */
export function baseName(filePath: string): string {
	const last = filePath.split('/').at(-1) ?? filePath;
	return last.replace(/\.[^.]+$/, '');
}

export function unknownSession(reference: string, sessionByCode: ReadonlyMap<string, Session>): string {
	const guess = closestMatch(reference.toUpperCase(), sessionByCode.keys());
	if (guess) return `unknown session "${reference}"; did you mean "${guess}"?`;
	const example = sessionByCode.keys().next().value;
	return `unknown session "${reference}"${example ? ` (known codes look like ${example})` : ' (there are no sessions in content/sessions/)'}`;
}

export function unknownId(kind: string, value: string, known: Iterable<string>, where: string): string {
	const ids = [...known];
	const guess = closestMatch(value, ids);
	if (guess) return `unknown ${kind} "${value}"; did you mean "${guess}"?`;
	const list = ids.length === 0 ? 'there are none' : ids.length <= 12 ? `known: ${ids.join(', ')}` : `e.g. ${ids.slice(0, 5).join(', ')}`;
	return `unknown ${kind} "${value}"; use one from ${where} (${list})`;
}
