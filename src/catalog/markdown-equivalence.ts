import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { processorFeatures } from './body-policy';
import type { SourceFile } from './types';

/**
 * Whether an `.mdx` body means exactly what the same text means as Markdown: Sätteri's Markdown parser and its
 * MDX parser, with the site's features, give the same tree (positions aside). Then the build renders it as
 * Markdown (src/loaders/entries.ts), which costs no MDX module in the server bundle and gives the HTML the text
 * gives in a `.md` file. Anything MDX reads otherwise stays MDX: a JSX element (even `<div>`), an `{expression}`
 * or `{/* comment *\/}`, indented code (code in Markdown, a paragraph in MDX), `<https://…>` autolinks and HTML
 * comments (MDX refuses both), or text MDX cannot parse at all.
 */
export function readsAsMarkdown(body: string): boolean {
	let markdown: MdastNode;
	let mdx: MdastNode;
	try {
		markdown = markdownToMdast(body, { features: processorFeatures, position: false });
		mdx = mdxToMdast(body, { features: processorFeatures, position: false });
	} catch {
		return false; // not MDX (the content check says where), or too deep to read: the MDX path reports it
	}
	return sameTree(markdown, mdx);
}

/** The `.mdx` files among these whose bodies read as Markdown, in the order given. */
export function markdownMdxFiles(files: readonly SourceFile[]): string[] {
	return files.filter((file) => file.filePath.endsWith('.mdx') && readsAsMarkdown(file.body ?? '')).map((file) => file.filePath);
}

/** Deep equality of two parsed trees: every field and child, in order, except where in the text a node was. */
function sameTree(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameTree(item, b[index]));
	const keysOf = (node: object) =>
		Object.keys(node).filter((key) => key !== 'position' && (node as Record<string, unknown>)[key] !== undefined);
	const aKeys = keysOf(a);
	const bKeys = keysOf(b);
	return (
		aKeys.length === bKeys.length &&
		aKeys.every((key) => Object.hasOwn(b, key) && sameTree((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
	);
}
