import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { contentFolders, eventFile, isDraftName, isEntryFile, maxFileBytes, splitFrontMatter, tracksFile } from './content-files';
import { parseYamlText } from './yaml-text';
import { CatalogError, type Problem } from '../catalog/errors';
import type { CatalogSource, ImageFormat, SourceFile, SourceImage } from '../catalog/types';
import { imagesFolder } from '../schemas/fields';

/**
 * Reads a content folder from disk: the one file walk and parser of `npm run check`, of the build's content
 * check and of the Astro loaders (src/loaders/entries.ts), so that they see the same files and the same data.
 */
export function readContentFolder(projectRoot: string, contentDir = 'content'): CatalogSource {
	const problems: Problem[] = [];
	const folder = new ContentFolder(projectRoot, contentDir, problems);
	const source = {
		event: folder.read(eventFile),
		tracks: folder.read(tracksFile),
		sessions: folder.entries(contentFolders.sessions),
		paths: folder.entries(contentFolders.paths),
		cities: folder.entries(contentFolders.cities),
		speakers: folder.entries(contentFolders.speakers),
		images: folder.images(imagesFolder),
	};
	// Without these two files nothing else can be checked; any other file that cannot be read is reported with
	// the rest of the catalog's problems, and its id still counts as declared (no "unknown session" echoes).
	if (!source.event || !source.tracks) throw new CatalogError(problems);
	return { ...source, event: source.event, tracks: source.tracks, problems, unreadable: folder.unreadable };
}

/** A file or folder name the build reads as written: no URL syntax (`?`, `#`, `%`, `\`), spaces or controls. */
const safeName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The files of one content folder. Symbolic links are followed only when they stay inside the folder: a link to
 * `/etc/passwd` or `~/.ssh` would publish a file of the build machine. Problems name the file as the editor
 * sees it (relative to the project root).
 */
export class ContentFolder {
	readonly #projectRoot: string;
	readonly #root: string;
	readonly #realRoot: string | undefined;
	readonly #problems: Problem[];
	/** Project-relative names of entry files that exist but could not be read or parsed (each one a problem). */
	readonly unreadable: string[] = [];

	constructor(projectRoot: string, contentDir: string, problems: Problem[]) {
		this.#projectRoot = projectRoot;
		this.#root = join(projectRoot, contentDir);
		this.#realRoot = existsSync(this.#root) ? realpathSync(this.#root) : undefined;
		this.#problems = problems;
	}

	/** Parses one file, named relative to the content folder (`event.yaml`); missing files are problems. */
	read(name: string): SourceFile | undefined {
		const path = join(this.#root, name);
		if (!existsSync(path) && !this.#isLink(path)) {
			this.#report(path, 'is missing; every site needs this file (see the README for its fields)');
			return undefined;
		}
		return this.#readFile(path);
	}

	/** Every Markdown and MDX file under a sub-folder (`sessions`), sorted, drafts (`_*`) skipped. */
	entries(folder: string): SourceFile[] {
		return this.entryPaths(folder).flatMap((path) => {
			const file = this.#readFile(path);
			if (file === undefined) this.unreadable.push(this.nameOf(path));
			return file ?? [];
		});
	}

	/** Absolute paths of the entry files under a sub-folder, sorted. */
	entryPaths(folder: string): string[] {
		const start = join(this.#root, folder);
		if (!existsSync(start) && !this.#isLink(start)) return [];
		// The folder itself may be a link: it too must stay inside the content folder.
		if (this.#isLink(start) && !this.#linkStaysInside(start)) return [];
		const seen = new Set<string>();
		const walk = (dir: string): string[] => {
			const real = realpathSync(dir);
			if (seen.has(real)) return []; // a link back to a folder already walked
			seen.add(real);
			return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
				const path = join(dir, entry.name);
				if (isDraftName(entry.name)) return [];
				if (!safeName.test(entry.name)) {
					// Astro finds an entry's module through a URL made of its path: "?", "#", "%2e%2e" or "\" in a
					// folder name would make it compile another file than the one checked here.
					if (entry.isDirectory() || isEntryFile(entry.name)) {
						this.#report(
							path,
							`has a name with a character other than letters, digits, ".", "_" and "-" ("${entry.name}"), which the build would read as part of a web address; rename it`,
						);
						this.unreadable.push(this.nameOf(path));
					}
					return [];
				}
				if (entry.isSymbolicLink() && !this.#linkStaysInside(path)) {
					this.unreadable.push(this.nameOf(path));
					return [];
				}
				const stat = statSync(path);
				if (stat.isDirectory()) return walk(path);
				return stat.isFile() && isEntryFile(entry.name) ? [path] : [];
			});
		};
		return walk(start).sort();
	}

	/**
	 * The files of content/images/, one level, drafts (`_*`) and hidden files skipped: the build imports every
	 * other file there (src/site/images.ts), so each is looked at, referenced or not. Only the first bytes are
	 * read, to tell the format.
	 */
	images(folder: string): SourceImage[] {
		const dir = join(this.#root, folder);
		if (!existsSync(dir) && !this.#isLink(dir)) return [];
		if (this.#isLink(dir) && !this.#linkStaysInside(dir)) return [];
		return readdirSync(dir, { withFileTypes: true })
			.filter((entry) => !isDraftName(entry.name) && !entry.name.startsWith('.'))
			.map((entry) => join(dir, entry.name))
			.sort()
			.flatMap((path): SourceImage[] => {
				const named = { filePath: this.nameOf(path), name: path.slice(dir.length + 1) };
				if (this.#isLink(path) && !this.#linkStaysInside(path))
					return [{ ...named, isFolder: false, bytes: 0, format: undefined, refused: true }];
				const stat = statSync(path);
				const facts = { ...named, bytes: stat.size };
				if (!stat.isFile()) return [{ ...facts, isFolder: true, format: undefined }];
				const format = sniffImage(path);
				const size = format && format !== 'svg' ? imageSize(path, format) : undefined;
				return [{ ...facts, isFolder: false, format, ...(size ? { size } : {}) }];
			});
	}

	/** The project-relative name of a file, as problems and entries name it. */
	nameOf(path: string): string {
		return relative(this.#projectRoot, path).split(sep).join('/');
	}

	#readFile(path: string): SourceFile | undefined {
		if (this.#isLink(path) && !this.#linkStaysInside(path)) return undefined;
		const bytes = readFileSync(path);
		if (bytes.length > maxFileBytes) {
			this.#report(path, `is ${Math.ceil(bytes.length / 1024)} KB; a content file may be at most ${maxFileBytes / 1024} KB, split it`);
			return undefined;
		}
		let text: string;
		try {
			// The byte-order mark stays: splitFrontMatter() and the YAML parser take off exactly one, as Astro does.
			text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
		} catch {
			this.#report(path, 'is not UTF-8 text; save it as UTF-8 (in most editors: "Save with encoding")');
			return undefined;
		}
		// A carriage return alone ends a line for Astro's front-matter parser (js-yaml) but not for ours: a field
		// hidden behind it in a comment would be seen by the build only (e.g. an MDX layout, which is code).
		const loneReturn = /\r(?!\n)/.exec(text);
		if (loneReturn) {
			const line = text.slice(0, loneReturn.index).split('\n').length;
			this.#report(
				path,
				`has a carriage return without a line feed on line ${line} (old Mac line endings); save the file with LF or CRLF line endings`,
			);
			return undefined;
		}
		const { source, problem } = parseSourceText(this.nameOf(path), text);
		if (problem) this.#problems.push(problem);
		return source;
	}

	#isLink(path: string): boolean {
		try {
			return lstatSync(path).isSymbolicLink();
		} catch {
			return false;
		}
	}

	#linkStaysInside(path: string): boolean {
		let target: string;
		try {
			target = realpathSync(path);
		} catch {
			this.#report(
				path,
				'is a symbolic link to nothing (its target does not exist, or links point to each other in a loop); remove the link or copy the file here',
			);
			return false;
		}
		const inside = this.#realRoot !== undefined && (target === this.#realRoot || target.startsWith(this.#realRoot + sep));
		if (!inside) {
			this.#report(
				path,
				'is a symbolic link to a file or folder outside the content folder, which the build may not publish; copy it into the content folder instead',
			);
		}
		return inside;
	}

	#report(path: string, message: string): void {
		this.#problems.push({ file: this.nameOf(path), field: '', message });
	}
}

/** The first `size` bytes of a file (fewer when it is shorter), read without reading the rest. */
function readHead(path: string, size: number): Buffer {
	const head = Buffer.alloc(size);
	const fd = openSync(path, 'r');
	try {
		return head.subarray(0, readSync(fd, head, 0, size, 0));
	} finally {
		closeSync(fd);
	}
}

/** The raster format a file's first bytes show (the magic numbers of PNG, JPEG, WebP and AVIF), or SVG text. */
function sniffImage(path: string): ImageFormat | 'svg' | undefined {
	const bytes = readHead(path, 256);
	const length = bytes.length;
	const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
	if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	// ISO media: an "ftyp" box whose major or a compatible brand is avif (still) or avis (sequence).
	if (ascii(4, 8) === 'ftyp') {
		const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length);
		for (let at = 8; at + 4 <= boxEnd; at += 4) if (['avif', 'avis'].includes(ascii(at, at + 4))) return 'avif';
	}
	if (/^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(ascii(0, length))) return 'svg';
	return undefined;
}

/**
 * Width and height as the file's header declares them, read without decoding: PNG's IHDR, a JPEG's start-of-frame,
 * WebP's VP8/VP8L/VP8X header, AVIF's "ispe" property. Undefined when the header is not where it is looked for.
 * A small file can declare a huge picture (a "decompression bomb"), and Astro's image step then ships it as is.
 */
export function imageSize(path: string, format: ImageFormat): { width: number; height: number } | undefined {
	const bytes = readHead(path, format === 'png' || format === 'webp' ? 64 : 256 * 1024);
	const length = bytes.length;
	const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
	const size = (width: number, height: number) => ({ width, height });
	if (format === 'png') return length >= 24 && ascii(12, 16) === 'IHDR' ? size(bytes.readUInt32BE(16), bytes.readUInt32BE(20)) : undefined;
	if (format === 'webp') {
		const chunk = ascii(12, 16);
		if (chunk === 'VP8X' && length >= 30) return size(bytes.readUIntLE(24, 3) + 1, bytes.readUIntLE(27, 3) + 1);
		if (chunk === 'VP8L' && length >= 25) {
			const bits = bytes.readUInt32LE(21);
			return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
		}
		if (chunk === 'VP8 ' && length >= 30) return size(bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff);
		return undefined;
	}
	if (format === 'jpeg') {
		// Segments after SOI: FF, marker, 2-byte length; a start-of-frame (C0-CF but C4, C8, CC) holds height, width.
		for (let at = 2; at + 9 < length;) {
			if (bytes[at] !== 0xff) return undefined;
			const marker = bytes[at + 1] ?? 0;
			if (marker === 0xff) {
				at++;
				continue;
			}
			if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
				return size(bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5));
			}
			at += 2 + bytes.readUInt16BE(at + 2);
		}
		return undefined;
	}
	// AVIF: the largest image spatial extent ("ispe": version and flags, width, height) among the item properties.
	let largest: { width: number; height: number } | undefined;
	for (let at = bytes.indexOf('ispe'); at >= 4 && at + 16 <= length; at = bytes.indexOf('ispe', at + 4)) {
		const width = bytes.readUInt32BE(at + 8);
		const height = bytes.readUInt32BE(at + 12);
		if (!largest || width * height > largest.width * largest.height) largest = size(width, height);
	}
	return largest;
}

/** Parses one YAML, Markdown or MDX file; mistakes become a problem with the file's line and column. */
export function parseSourceText(filePath: string, text: string): { source?: SourceFile; problem?: Problem } {
	const invalid = (line: number, column: number, message: string): { problem: Problem } => ({
		problem: { file: filePath, field: '', message: `is not valid YAML (line ${line}, column ${column}): ${message}` },
	});
	if (/\.ya?ml$/.test(filePath)) {
		const parsed = parseYamlText(text.replace(/^\uFEFF/, ''));
		if ('mistake' in parsed) return invalid(parsed.mistake.line, parsed.mistake.column, parsed.mistake.message);
		return { source: { filePath, data: parsed.data } };
	}
	const split = splitFrontMatter(text);
	if ('problem' in split) return { problem: { file: filePath, field: '', message: split.problem } };
	const parsed = parseYamlText(split.frontMatter);
	// The front matter starts on the file's second line.
	if ('mistake' in parsed) return invalid(parsed.mistake.line + 1, parsed.mistake.column, parsed.mistake.message);
	const data = parsed.data ?? {};
	if (typeof data !== 'object' || Array.isArray(data)) {
		return {
			problem: { file: filePath, field: '', message: 'has front matter that is not a list of fields; write one "name: value" per line' },
		};
	}
	return { source: { filePath, data, body: split.body, bodyLine: split.bodyLine } };
}
