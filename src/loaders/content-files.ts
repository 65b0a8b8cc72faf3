import { posix } from 'node:path';
/**
 * Folder of the editors' files relative to the project root: `content/`, or another one for test fixtures
 * and the benchmark (ROADSHOW_CONTENT_DIR).
 */
export function contentDirectory(): string {
	const setting = (process.env['ROADSHOW_CONTENT_DIR'] ?? 'content').replaceAll('\\', '/');
	// "./content/" and "content" name one folder: file names built from it must match git's and the reader's.
	const folder = posix.normalize(setting).replace(/\/+$/, '') || '.';
	// Astro's content layer only reads files under the project (and keys its cache by those relative paths).
	if (posix.isAbsolute(folder) || /^[A-Za-z]:/.test(folder) || folder === '..' || folder.startsWith('../')) {
		const error = new Error(
			`ROADSHOW_CONTENT_DIR=${setting}: the content folder must be inside the project, written relative to it (e.g. test/fixtures/basic/content)`,
		);
		error.stack = ''; // a setting to change, not a bug: no stack trace
		throw error;
	}
	return folder;
}

/** Where each kind of content lives and which files count, shared by the Astro loaders and `npm run check`. */
export const contentFolders = {
	sessions: 'sessions',
	paths: 'paths',
	cities: 'cities',
	speakers: 'speakers',
} as const;

export const eventFile = 'event.yaml';
export const tracksFile = 'tracks.yaml';

/** Markdown and MDX files, except drafts: files and folders whose names start with `_`. */
export const entryPattern = ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'];

export function isEntryFile(name: string): boolean {
	return /\.(md|mdx)$/.test(name) && !isDraftName(name);
}

export function isDraftName(name: string): boolean {
	return name.startsWith('_');
}

/** The largest content file read (1 MiB: an agenda of a few thousand lines); a larger one is a mistake or an attack. */
export const maxFileBytes = 1024 * 1024;

/** A Markdown or MDX file cut into its front matter and its body, or why it cannot be. */
export type SplitFile =
	{ readonly frontMatter: string; readonly body: string; readonly bodyLine: number } | { readonly line: number; readonly problem: string };

/**
 * Front matter: a first line `---`, the fields, and the next line that starts with `---`, which must be `---`
 * alone. A leading byte order mark is ignored and CRLF line ends are fine. Astro's MDX compiler cuts an `.mdx`
 * file at the first line starting with `---` or `+++` too: refusing every other shape means the body the
 * check reads is the body the build compiles.
 */
export function splitFrontMatter(text: string): SplitFile {
	const lines = text.replace(/^\uFEFF/, '').split('\n');
	if (lines[0]?.startsWith('\uFEFF')) {
		return { line: 1, problem: 'starts with two byte-order marks; save it as UTF-8 (with or without one byte-order mark)' };
	}
	if (!/^---[ \t\r]*$/.test(lines[0] ?? '')) {
		return { line: 1, problem: 'has no front matter; start the file with a "---" line, the fields, and another "---" line' };
	}
	const close = lines.findIndex((line, index) => index > 0 && /^(---|\+\+\+)/.test(line));
	if (close === -1) {
		return { line: 1, problem: 'has no line "---" that ends the front matter; add one after the last field' };
	}
	if (!/^---[ \t\r]*$/.test(lines[close] ?? '')) {
		return {
			line: close + 1,
			problem: `line ${close + 1} starts with "${lines[close]?.slice(0, 3)}", which ends the front matter; write "---" alone on the line that ends it, and indent or quote the text that starts with it`,
		};
	}
	return {
		frontMatter: lines
			.slice(1, close)
			.map((line) => line.replace(/\r$/, ''))
			.join('\n'),
		body: lines.slice(close + 1).join('\n'),
		bodyLine: close + 2,
	};
}
