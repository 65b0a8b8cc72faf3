import { imageFileName } from '../../schemas/fields';
import type { FileReporter, ProblemLog } from '../errors';
import { closestMatch } from '../suggest';
import type { ImageFormat, SourceImage } from '../types';

/** The largest image file accepted in content/images/ (10 MiB): a larger one is a camera original, not a web picture. */
export const maxImageBytes = 10 * 1024 * 1024;

/**
 * The most pixels an image in content/images/ may have (100 megapixels). Astro's image step (sharp) refuses more
 * than 268 and then copies the original file under every size's name: a 50 KB PNG declaring 20000 × 20000 pixels
 * would reach every visitor as is, to be decoded into 1.6 GB of memory.
 */
export const maxImagePixels = 100_000_000;

const formatByExtension: Readonly<Record<string, ImageFormat>> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', webp: 'webp', avif: 'avif' };
const formatNames: Readonly<Record<ImageFormat, string>> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', avif: 'AVIF' };
const extensionOf: Readonly<Record<ImageFormat, string>> = { png: 'png', jpeg: 'jpg', webp: 'webp', avif: 'avif' };

/** The images content may refer to, and every name present (an invalid file is reported once, as itself). */
export interface ContentImages {
	/** Names of the files that are fine to use. */
	readonly usable: ReadonlySet<string>;
	/** Names of every file present, usable or not. */
	readonly present: ReadonlySet<string>;
	/** The folder as editors see it, e.g. `content/images/`. */
	readonly folder: string;
}

/**
 * Judges every file of content/images/. The build imports each one (src/site/images.ts), so a file no page uses
 * must be an image all the same: a text file named `.png` would stop Astro's image step with a stack trace.
 */
export function readImages(images: readonly SourceImage[], folder: string, problems: ProblemLog): ContentImages {
	const usable = new Set<string>();
	for (const image of images) {
		const at = problems.in(image.filePath);
		if (checkImage(image, folder, at)) usable.add(image.name);
	}
	return { usable, present: new Set(images.map((image) => image.name)), folder };
}

function checkImage(image: SourceImage, folder: string, at: FileReporter): boolean {
	if (image.refused) return false;
	if (image.isFolder) {
		at('', `is a folder; ${folder} holds image files only, directly in it: move its files up`);
		return false;
	}
	if (image.format === 'svg' || /\.svg$/i.test(image.name)) {
		at('', 'is an SVG, which can run script when opened on its own; save it as .png, .jpg, .webp or .avif');
		return false;
	}
	const extension = /\.([^.]+)$/.exec(image.name)?.[1] ?? '';
	const expected = formatByExtension[extension];
	if (!expected && formatByExtension[extension.toLowerCase()]) {
		at('', `has an upper-case extension (".${extension}"); image names are lower case: rename it to end in ".${extension.toLowerCase()}"`);
		return false;
	}
	if (!expected) {
		at(
			'',
			`is not a .png, .jpg, .jpeg, .webp or .avif file, and this folder holds only those; save it in one of these formats or move it elsewhere`,
		);
		return false;
	}
	if (!imageFileName.test(image.name)) {
		at(
			'',
			`has a name with a character other than lower-case letters, digits, ".", "_" and "-" ("${image.name}"), or does not start with a letter or digit; rename it, e.g. "jeff-teper.jpg"`,
		);
		return false;
	}
	if (image.bytes > maxImageBytes) {
		at(
			'',
			`is ${(image.bytes / 1024 / 1024).toFixed(1)} MB; an image may be at most ${maxImageBytes / 1024 / 1024} MB: export it smaller (2,000 pixels wide is plenty)`,
		);
		return false;
	}
	if (image.format === undefined) {
		at('', `is not a ${formatNames[expected]} image (its first bytes are no image format's); export the picture again as .${extension}`);
		return false;
	}
	if (image.format !== expected) {
		at('', `is a ${formatNames[image.format]} image with a .${extension} name; rename it to .${extensionOf[image.format]}`);
		return false;
	}
	if (image.size && image.size.width * image.size.height > maxImagePixels) {
		const { width, height } = image.size;
		at(
			'',
			`is ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); an image may have at most ${maxImagePixels / 1e6} megapixels: export it smaller (2,000 pixels wide is plenty)`,
		);
		return false;
	}
	return true;
}

/**
 * Checks a field that names an image: the schema has checked the name; here it must be a file of the folder.
 * A file present but refused is reported as itself only. Returns whether the field can be used.
 */
export function checkImageReference(name: string, field: string, images: ContentImages, at: FileReporter): boolean {
	if (images.usable.has(name)) return true;
	if (images.present.has(name)) return false;
	const near = closestMatch(name, images.usable);
	at(
		field,
		`${images.folder}${name} does not exist; ${near ? `did you mean "${near}"? ` : ''}add the image to ${images.folder} or correct the name (it is case-sensitive)`,
	);
	return false;
}
