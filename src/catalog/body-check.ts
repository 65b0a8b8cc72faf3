import type { ProblemLog } from './errors';
import type { SourceFile } from './types';

// Bodies are Markdown/MDX written by editors and rendered as HTML. These mistakes would put script in the
// page or break the strict Content-Security-Policy the site is built for, so they stop the build.
const rules: readonly { pattern: RegExp; message: (found: string) => string }[] = [
	{
		pattern: /\]\(\s*<?\s*(?:javascript|vbscript|data):|\bhref\s*=\s*["']?\s*(?:javascript|vbscript|data):/gi,
		message: () => 'has a link to a javascript:, vbscript: or data: address; link to an https:// page instead',
	},
	{
		pattern: /<script\b/gi,
		message: () => 'has a <script> element; scripts in content are not allowed (the site runs under a strict CSP)',
	},
	{
		pattern: /<[a-z][^>]*\s(on[a-z]+)\s*=/gi,
		message: (found) => `has an ${found} event handler attribute; remove it (scripts in content are not allowed)`,
	},
	{
		pattern: /<[a-z][^>]*\sstyle\s*=/gi,
		message: () => 'has an inline style attribute; remove it (the site runs under a strict CSP without inline styles)',
	},
	{
		// Invisible, they arrive with pasted text, and calendar files may not carry them (RFC 5545).
		pattern: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g,
		message: (found) =>
			`has the invisible control character U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; delete it (retype the text if it was pasted)`,
	},
];

/** Reports unsafe markup in a content file's body, with its line counted from the body's first line. */
export function checkBody(file: SourceFile, problems: ProblemLog): void {
	const body = file.body;
	if (!body) return;
	for (const rule of rules) {
		for (const match of body.matchAll(rule.pattern)) {
			const line = body.slice(0, match.index).split('\n').length;
			problems.report({ file: file.filePath, field: 'body', message: `line ${line} of the text ${rule.message(match[1] ?? match[0])}` });
		}
	}
}
