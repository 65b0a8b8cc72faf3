import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build';
import { CatalogError, formatProblem } from '../../src/catalog/errors';
import type { CatalogSource, ImageFormat, SourceImage } from '../../src/catalog/types';
import { imageSize } from '../../src/loaders/content-folder';
import { tour, type TourSource } from './source-builder';

// Speaker photos and city pictures (content/images/): the facts the loader hands over, and what the catalog says.

const image = (name: string, facts: Partial<SourceImage> = {}): SourceImage => ({
	filePath: `content/images/${name}`,
	name,
	isFolder: false,
	bytes: 20_000,
	format: 'jpeg',
	...facts,
});

const withImages = (source: TourSource, ...images: SourceImage[]): CatalogSource => ({ ...source.build(), images });

/** The lines `npm run check` prints for the content, or [] when it is accepted. */
function problemLines(source: CatalogSource): string[] {
	try {
		buildCatalog(source);
		return [];
	} catch (error) {
		if (!(error instanceof CatalogError)) throw error;
		return error.problems.map(formatProblem);
	}
}

describe('speaker photos', () => {
	it('takes a photo that is a file of content/images/ and keeps its name', () => {
		const source = withImages(
			tour().withSpeaker('megan-okafor', (speaker) => {
				speaker['photo'] = 'megan.jpg';
			}),
			image('megan.jpg'),
		);
		expect(buildCatalog(source).speakerById.get('megan-okafor')?.photo).toBe('megan.jpg');
	});

	it('names the missing file, the folder and the closest name', () => {
		const source = withImages(
			tour().withSpeaker('megan-okafor', (speaker) => {
				speaker['photo'] = 'megan-okafr.jpg';
			}),
			image('megan-okafor.jpg'),
		);
		expect(problemLines(source)).toEqual([
			'content/speakers/megan-okafor.md: photo: content/images/megan-okafr.jpg does not exist; did you mean "megan-okafor.jpg"? add the image to content/images/ or correct the name (it is case-sensitive)',
		]);
	});

	it('refuses a path in public/ with the way to move it, and upper-case names', () => {
		const source = tour()
			.withSpeaker('megan-okafor', (speaker) => {
				speaker['photo'] = '/speakers/megan.jpg';
			})
			.withSpeaker('jeff-teper', (speaker) => {
				speaker['photo'] = 'Jeff.JPG';
			});
		expect(problemLines(withImages(source))).toEqual([
			'content/speakers/jeff-teper.md: photo: "Jeff.JPG" has a character other than lower-case letters, digits, ".", "_" and "-"; rename the file and write its new name, e.g. "jeff-teper.jpg"',
			'content/speakers/megan-okafor.md: photo: "/speakers/megan.jpg" is a path in public/; images now live in content/images/, which makes sized AVIF and WebP versions: move the file there and write its name alone, e.g. "jeff-teper.jpg"',
		]);
	});
});

describe('city pictures', () => {
	it('takes an image with its alt text', () => {
		const source = withImages(
			tour().withCity('sydney', (city) => {
				city['image'] = 'sydney.webp';
				city['imageAlt'] = 'The harbour at dusk';
			}),
			image('sydney.webp', { format: 'webp' }),
		);
		expect(buildCatalog(source).cityById.get('sydney')?.image).toEqual({ file: 'sydney.webp', alt: 'The harbour at dusk' });
	});

	it('asks for imageAlt with an image, and for an image with imageAlt', () => {
		const source = withImages(
			tour()
				.withCity('sydney', (city) => {
					city['image'] = 'sydney.png';
				})
				.withCity('toronto', (city) => {
					city['imageAlt'] = 'Nothing';
				}),
			image('sydney.png', { format: 'png' }),
		);
		expect(problemLines(source)).toEqual([
			'content/cities/sydney.mdx: imageAlt: is required with "image"; say in a few words what the picture shows, e.g. "The Sydney Opera House at dusk"',
			'content/cities/toronto.mdx: imageAlt: describes a picture, but there is no "image"; add one or remove imageAlt',
		]);
	});
});

describe('the files of content/images/, used or not (the build imports each)', () => {
	it('refuses a file whose bytes are another format, too large a file, a folder, an odd name and another extension', () => {
		const source = withImages(
			tour(),
			image('a.png', { format: 'jpeg' }),
			image('big.jpg', { bytes: 11 * 1024 * 1024 }),
			image('old', { isFolder: true, format: undefined }),
			image('My Photo.jpg'),
			image('notes.txt', { format: undefined }),
			image('fine.avif', { format: 'avif' }),
		);
		expect(problemLines(source)).toEqual(
			[
				'content/images/a.png: is a JPEG image with a .png name; rename it to .jpg',
				'content/images/big.jpg: is 11.0 MB; an image may be at most 10 MB: export it smaller (2,000 pixels wide is plenty)',
				'content/images/old: is a folder; content/images/ holds image files only, directly in it: move its files up',
				'content/images/My Photo.jpg: has a name with a character other than lower-case letters, digits, ".", "_" and "-" ("My Photo.jpg"), or does not start with a letter or digit; rename it, e.g. "jeff-teper.jpg"',
				'content/images/notes.txt: is not a .png, .jpg, .jpeg, .webp or .avif file, and this folder holds only those; save it in one of these formats or move it elsewhere',
			].sort(),
		);
	});

	it('refuses a picture of more than 100 megapixels, which Astro would ship undecoded (a small file can declare 20000 × 20000)', () => {
		const source = withImages(
			tour(),
			image('bomb.png', { format: 'png', size: { width: 20_000, height: 20_000 } }),
			image('camera.jpg', { size: { width: 8000, height: 6000 } }),
		);
		expect(problemLines(source)).toEqual([
			'content/images/bomb.png: is 20000 × 20000 pixels (400 megapixels); an image may have at most 100 megapixels: export it smaller (2,000 pixels wide is plenty)',
		]);
	});

	it('reports a photo of a refused file once, as the file', () => {
		const source = withImages(
			tour().withSpeaker('megan-okafor', (speaker) => {
				speaker['photo'] = 'fake.png';
			}),
			image('fake.png', { format: undefined }),
		);
		expect(problemLines(source)).toEqual([
			"content/images/fake.png: is not a PNG image (its first bytes are no image format's); export the picture again as .png",
		]);
	});
});

describe('the loader reads the pixel size from the header without decoding', () => {
	it.each<[ImageFormat, (image: Sharp) => Sharp]>([
		['png', (image) => image.png()],
		['jpeg', (image) => image.jpeg()],
		['webp', (image) => image.webp()],
		['webp', (image) => image.webp({ lossless: true })],
		['avif', (image) => image.avif()],
	])('%s', async (format, encode) => {
		const folder = mkdtempSync(join(tmpdir(), 'roadshow-size-'));
		try {
			const path = join(folder, 'picture');
			const picture = sharp({ create: { width: 321, height: 123, channels: 3, background: '#336699' } });
			writeFileSync(path, await encode(picture).withMetadata().toBuffer());
			expect(imageSize(path, format)).toEqual({ width: 321, height: 123 });
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
