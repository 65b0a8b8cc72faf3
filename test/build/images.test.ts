import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { buildsRoot, listFiles, projectRoot, readBuilt } from '../support/builds';
import { builtSite } from '../support/built-site';

/** Width and height from a PNG's header: the signature, then the IHDR chunk (RFC 2083). */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
	expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
	expect(bytes.subarray(bytes.length - 8, bytes.length - 4).toString('latin1')).toBe('IEND');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const metaContent = (html: string, key: string) =>
	new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

/** Every URL an <img> or <source> of the page names, in src or srcset. */
function imageUrls(fragment: string): string[] {
	const srcs = [...fragment.matchAll(/\ssrc="([^"]+)"/g)].map((match) => match[1] ?? '');
	const sets = [...fragment.matchAll(/\ssrcset="([^"]+)"/g)].flatMap((match) =>
		(match[1] ?? '').split(',').map((item) => item.trim().split(/\s+/)[0] ?? ''),
	);
	return [...new Set([...srcs, ...sets])];
}

describe('share pictures (Open Graph) of the sample', () => {
	const sample = builtSite('sample-utc');
	const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));
	const pages = listFiles(sample.outDir).filter((file) => /^(sessions|paths|cities)\/[^/]+\/index\.html$/.test(file));

	it('names a picture in every session, path and city page, with its size and alt text, and the picture is a 1200×630 PNG', () => {
		expect(pages.length).toBe(catalog.sessions.length + catalog.paths.length + catalog.cities.length);
		for (const page of pages) {
			const html = readBuilt(sample, page);
			const src = metaContent(html, 'og:image') ?? '';
			expect(src, page).toBe(`${catalog.event.url.replace(/\/$/, '')}/og/${page.replace(/\/index\.html$/, '')}.png`);
			expect(metaContent(html, 'twitter:image')).toBe(src);
			expect(metaContent(html, 'og:image:width')).toBe('1200');
			expect(metaContent(html, 'og:image:height')).toBe('630');
			expect(metaContent(html, 'og:image:alt')).toBe(metaContent(html, 'og:title'));
			expect(pngSize(readFileSync(join(sample.outDir, new URL(src).pathname)))).toEqual({ width: 1200, height: 630 });
		}
	});

	it('draws each page its own picture, the same on every build (another TZ, another cache)', () => {
		const soys10 = readFileSync(join(sample.outDir, 'og/sessions/soys10.png'));
		const soys20 = readFileSync(join(sample.outDir, 'og/sessions/soys20.png'));
		expect(soys10.equals(soys20)).toBe(false);
		const tokyo = builtSite('sample-tokyo');
		for (const file of listFiles(join(sample.outDir, 'og'))) {
			expect(readFileSync(join(tokyo.outDir, 'og', file)).equals(readFileSync(join(sample.outDir, 'og', file))), file).toBe(true);
		}
	});

	it('keeps each picture in the build cache, by the hash of what it shows, for the next build to reuse', () => {
		const cached = readdirSync(join(buildsRoot, '.cache', sample.name, 'og')).filter((name) => /^[0-9a-f]{64}\.png$/.test(name));
		expect(cached.length).toBe(pages.length);
	});

	it('gives other pages no share picture (none is made for them)', () => {
		expect(metaContent(readBuilt(sample, 'index.html'), 'og:image')).toBeUndefined();
		expect(metaContent(readBuilt(sample, 'speakers/megan-okafor/index.html'), 'og:image')).toBeUndefined();
	});
});

describe('speaker photos and city pictures from content/images/', () => {
	const sample = builtSite('sample-utc');
	const files = new Set(listFiles(sample.outDir));
	const exists = (url: string) => url.startsWith('/_astro/') && files.has(url.slice(1));

	it("shows a speaker's photo as a <picture> of AVIF and WebP with a sized fallback, loaded at once at the top of the page", () => {
		const html = readBuilt(sample, 'speakers/megan-okafor/index.html');
		const picture = /<picture[\s\S]*?<\/picture>/.exec(html)?.[0] ?? '';
		expect(picture).toMatch(/<source srcset="[^"]+\.avif[^"]*" type="image\/avif">/);
		expect(picture).toMatch(/<source srcset="[^"]+\.webp[^"]*" type="image\/webp">/);
		const img = /<img [^>]*>/.exec(picture)?.[0] ?? '';
		expect(img).toContain('alt="Megan Okafor"');
		expect(img).toContain('width="112"');
		expect(img).toContain('height="112"');
		expect(img).toMatch(/ srcset="[^"]+ 1x, [^"]+ 2x"/);
		expect(img).toContain('loading="eager"');
		const urls = imageUrls(picture);
		expect(urls.length).toBeGreaterThanOrEqual(6);
		for (const url of urls) expect(exists(url), url).toBe(true);
		// No initials beside the photo.
		expect(html).not.toContain('avatar large initials');
	});

	it('loads the photos of the speaker list when scrolled to, and keeps initials for speakers without one', () => {
		const html = readBuilt(sample, 'speakers/index.html');
		const imgs = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
		expect(imgs.length).toBe(2);
		for (const img of imgs) {
			expect(img).toContain('loading="lazy"');
			expect(img).toContain('width="52"');
			for (const url of imageUrls(img)) expect(exists(url), url).toBe(true);
		}
		expect(readBuilt(sample, 'speakers/jeff-teper/index.html')).toMatch(
			/<span class="avatar large initials"[^>]*aria-hidden="true"[^>]*>\s*JT\s*<\/span>/,
		);
	});

	it("puts a city's picture at the top of its page, loaded first, with its alt text and every size", () => {
		const html = readBuilt(sample, 'cities/sydney/index.html');
		const picture = /<picture[\s\S]*?<\/picture>/.exec(html)?.[0] ?? '';
		const img = /<img [^>]*>/.exec(picture)?.[0] ?? '';
		expect(img).toContain('alt="A drawn skyline against an orange evening sky"');
		expect(img).toMatch(/ width="\d+" height="\d+"/);
		expect(img).toContain('loading="eager"');
		expect(img).toContain('fetchpriority="high"');
		expect(picture).toMatch(/type="image\/avif"/);
		expect(imageUrls(picture).filter((url) => url.endsWith('.avif')).length).toBe(3);
		for (const url of imageUrls(picture)) expect(exists(url), url).toBe(true);
		expect(html.indexOf('<picture')).toBeLessThan(html.indexOf('<h1'));
		expect(readBuilt(sample, 'cities/london/index.html')).not.toContain('<picture');
	});

	it("serves every picture from the site itself, which the pages' Content-Security-Policy allows (img-src 'self')", () => {
		for (const page of ['speakers/megan-okafor/index.html', 'speakers/index.html', 'cities/sydney/index.html']) {
			const html = readBuilt(sample, page);
			const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
			expect(policy).toContain("img-src 'self'");
			for (const url of imageUrls(html)) expect(url, page).toMatch(/^\/(?!\/)/);
		}
	});
});
