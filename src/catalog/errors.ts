/** One mistake in the content: where it is and what would be right. */
export interface Problem {
	/** File path relative to the project root, e.g. `content/cities/toronto.mdx`. */
	readonly file: string;
	/** Field path inside the file, e.g. `agenda[3].session`; empty for the file as a whole. */
	readonly field: string;
	/** What is wrong and what would be right, in plain words. */
	readonly message: string;
}

export function formatProblem(problem: Problem): string {
	return problem.field ? `${problem.file}: ${problem.field}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

/** Every problem found in the content at once, printed like a compiler's error list. */
export class CatalogError extends Error {
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[]) {
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		super(`The content has ${count}; fix ${problems.length === 1 ? 'it' : 'them'} and build again:\n${problems.map(formatProblem).join('\n')}`);
		this.name = 'CatalogError';
		this.problems = problems;
	}
}

/** "agenda[3].session" from zod's ["agenda", 3, "session"]. */
export function fieldPath(path: readonly (string | number)[]): string {
	return path.reduce<string>(
		(text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
		'',
	);
}
