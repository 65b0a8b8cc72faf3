import { byCodePoint } from './order';

/** One mistake in the content: where it is and what would be right. */
export interface Problem {
	/** File path relative to the project root, e.g. `content/cities/toronto.mdx`. */
	readonly file: string;
	/** Field path inside the file, e.g. `agenda[3].session`; empty for the file as a whole. */
	readonly field: string;
	/** What is wrong and what would be right, in plain words. */
	readonly message: string;
}

/** Reports a problem in one file: `at('agenda[3].room', 'unknown room …')`. */
export type FileReporter = (field: string, message: string) => void;

export function formatProblem(problem: Problem): string {
	return problem.field ? `${problem.file}: ${problem.field}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

/** Every problem found in the content at once, printed like a compiler's error list. */
export class CatalogError extends Error {
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[]) {
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		super(
			`The content has ${count}; fix ${problems.length === 1 ? 'it' : 'them'} and build again:\n${problems.map(formatProblem).join('\n')}`,
		);
		this.name = 'CatalogError';
		this.problems = problems;
		// A content error, not a bug: where in our code it was found is noise to an editor, so no stack trace.
		this.stack = '';
	}
}

/**
 * The one place the problems of a catalog build go: readers and rules report here as they find them,
 * and the build ends with every problem at once, sorted like a compiler's list.
 */
export class ProblemLog {
	readonly #problems: Problem[] = [];

	readonly report = (problem: Problem): void => {
		this.#problems.push(problem);
	};

	/** A reporter for one file. */
	in(file: string): FileReporter {
		return (field, message) => this.report({ file, field, message });
	}

	get isEmpty(): boolean {
		return this.#problems.length === 0;
	}

	/** Throws one CatalogError listing every problem reported, if there is any. */
	throwIfAny(): void {
		if (!this.isEmpty) throw new CatalogError(sortProblems(this.#problems));
	}
}

/** By file, then agenda problems in agenda order, like a compiler's line numbers; others keep their order. */
function sortProblems(problems: readonly Problem[]): Problem[] {
	return problems
		.map((problem, order) => ({ problem, order }))
		.sort((a, b) => byCodePoint(a.problem.file, b.problem.file) || lineOf(a.problem) - lineOf(b.problem) || a.order - b.order)
		.map(({ problem }) => problem);
}

function lineOf(problem: Problem): number {
	const match = /^agenda\[(\d+)\]/.exec(problem.field);
	return match ? Number(match[1]) : -1;
}

/** "agenda[3].session" from zod's ["agenda", 3, "session"]. */
export function fieldPath(path: readonly (string | number)[]): string {
	return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}
