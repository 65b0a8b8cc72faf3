import type { SourceFile } from './types';

// Sorting and grouping helpers of the catalog. Sorting never uses the machine's locale: output must be the
// same on every build machine.

export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const byFilePath = (a: SourceFile, b: SourceFile): number => byCodePoint(a.filePath, b.filePath);

/** Items under each of their keys, in input order: one pass, so every lookup after it is O(1). */
export function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): ReadonlyMap<string, readonly T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		for (const key of keysOf(item)) {
			const group = groups.get(key);
			if (group) group.push(item);
			else groups.set(key, [item]);
		}
	}
	return groups;
}

export function unique<T>(items: readonly T[]): T[] {
	return [...new Set(items)];
}
