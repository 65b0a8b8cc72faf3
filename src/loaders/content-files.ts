/**
 * Folder of the editors' files relative to the project root: `content/`, or another one for test fixtures
 * and the benchmark (ROADSHOW_CONTENT_DIR).
 */
export function contentDirectory(): string {
	return (process.env['ROADSHOW_CONTENT_DIR'] ?? 'content').replace(/\/+$/, '');
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

/** Front matter between two `---` lines at the very start of a Markdown or MDX file. */
export const frontMatterPattern = /^---\r?\n(?:([\s\S]*?)\r?\n)??---[ \t]*(?:\r?\n|$)/;

/** The 1-based line on which a Markdown or MDX file's body starts (the line after its front matter). */
export function bodyStartLine(text: string): number | undefined {
	const match = frontMatterPattern.exec(text);
	if (!match) return undefined;
	return match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
}
