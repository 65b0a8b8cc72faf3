import type { ImageMetadata } from 'astro';

/**
 * Every image of content/images/ (the alias is set in astro.config.mjs), found by one fixed pattern: drafts
 * (`_*`) left out, extensions from the allow-list of src/schemas/fields.ts. Content names a file; this module
 * looks the name up among the files found, so nothing written in content is ever handed to Vite as an import
 * (a path like `./x.mjs` or `../../etc/passwd?raw` cannot be expressed). The content check has looked at every
 * file here (src/catalog/readers/images.ts): each is a raster image of its extension's type, at most 10 MB.
 */
const found = import.meta.glob<ImageMetadata>(['@content-images/*.{png,jpg,jpeg,webp,avif}', '!@content-images/_*'], {
	import: 'default',
	eager: true,
});

const byName = new Map(Object.entries(found).map(([key, image]) => [key.slice(key.lastIndexOf('/') + 1), image]));

/** The image of content/images/ with this file name, as Astro's `<Picture>` and `getImage()` take it. */
export function contentImage(name: string): ImageMetadata {
	const image = byName.get(name);
	// The content check refuses a name that is not a file here, so this is a file removed during the build.
	if (!image) throw new Error(`content/images/${name}: not found by the build; was it removed while building? Run npm run check`);
	return image;
}
