import type { Root } from 'hast';
import { markdownToHast, mdxToHast } from 'satteri';
import { bodyFeatures, sanitiseBody } from './body-policy';
import type { ProblemLog } from './errors';
import type { SourceFile } from './types';

/** The longest body (128 KiB): a page of text is a few KB; more is a pasted file or an attack. */
export const maxBodyBytes = 128 * 1024;

// Invisible, they arrive with pasted text, and calendar files may not carry them (RFC 5545). Tab and line
// breaks are text.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Reports what the build would refuse in a body: its size, invisible control characters, and everything the
 * allow-list (body-policy.ts) would take out of the rendered tree, at the file's line and column. The tree is
 * made by the parser the build uses (Sätteri), with the same Markdown features; MDX code is mdx-check.ts's.
 */
export function checkBody(file: SourceFile, problems: ProblemLog): void {
	const body = file.body;
	if (!body) return;
	const at = problems.in(file.filePath);
	const line = (bodyLine: number) => bodyLine + (file.bodyLine ?? 1) - 1;
	const bytes = Buffer.byteLength(body);
	if (bytes > maxBodyBytes) {
		at('body', `is ${Math.ceil(bytes / 1024)} KB of text; a body may be at most ${maxBodyBytes / 1024} KB, shorten it or link to a page`);
		return;
	}
	for (const match of body.matchAll(controlCharacter)) {
		const lines = body.slice(0, match.index).split('\n');
		at(
			'body',
			`at line ${line(lines.length)}, column ${(lines.at(-1)?.length ?? 0) + 1}: has the invisible control character U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; delete it (retype the text if it was pasted)`,
		);
	}
	const isMdx = file.filePath.endsWith('.mdx');
	let tree: Root;
	try {
		tree = (isMdx ? mdxToHast(body, { features: bodyFeatures }) : markdownToHast(body, { features: bodyFeatures })) as Root;
	} catch (error) {
		if (error instanceof RangeError) {
			at('body', 'nests lists, quotes or emphasis so deeply that it cannot be read; flatten the text');
		}
		// An MDX syntax error: mdx-check.ts reports it with its place and a fix.
		return;
	}
	sanitiseBody(tree, ({ message, position, kind }) => {
		if (kind === 'code') return; // reported by mdx-check.ts, which says why code may not run
		const start = position?.start;
		at('body', start ? `at line ${line(start.line)}, column ${start.column}: ${message}` : message);
	});
}
