import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { ogSize, type OgCard } from '../presentation/og-card';
// This file's own text is part of every cache key: a change to the drawing below makes every picture anew.
import drawingSource from './og-images.ts?raw';

// Builds run from the project root (docs/architecture.md). Inter ships WOFF beside WOFF2; satori reads WOFF, TTF and OTF.
const modules = join(process.cwd(), 'node_modules');
const fonts = ([400, 700] as const).map((weight) => ({
	name: 'Inter',
	weight,
	style: 'normal' as const,
	data: readFileSync(join(modules, `@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
}));
const versions = ['satori', '@resvg/resvg-js', 'sharp', '@fontsource/inter'].map(
	(name) => `${name}@${(JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')) as { version: string }).version}`,
);

/**
 * Finished pictures by the hash of what makes them (the card, this file, the renderers' versions), in the build
 * cache (ROADSHOW_CACHE_DIR, else Astro's node_modules/.astro): a rebuild draws only the cards that changed.
 */
const cacheDir = join(process.env['ROADSHOW_CACHE_DIR'] ?? join(modules, '.astro'), 'og');

/** The PNG share picture of a card, 1200×630: from the cache, or drawn with satori and resvg. */
export async function ogImage(card: OgCard): Promise<Buffer> {
	const key = createHash('sha256').update(JSON.stringify({ card, versions, drawingSource })).digest('hex');
	const cached = join(cacheDir, `${key}.png`);
	try {
		return readFileSync(cached);
	} catch {
		// not drawn yet
	}
	const svg = await satori(drawing(card), { ...ogSize, fonts });
	const pixels = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
	// A palette of 32 colours (flat colours and anti-aliased text need no more): a third of resvg's own PNG
	// (about 20 KB instead of 52 KB) for about 4 ms more; no dithering, so the same pixels give the same bytes.
	const png = await sharp(pixels.pixels, { raw: { width: pixels.width, height: pixels.height, channels: 4 } })
		.png({ palette: true, colours: 32, dither: 0, effort: 1 })
		.toBuffer();
	mkdirSync(cacheDir, { recursive: true });
	// Written aside and renamed, so that a build stopped half-way never leaves half a picture to reuse.
	const partial = `${cached}.${process.pid}.tmp`;
	writeFileSync(partial, png);
	renameSync(partial, cached);
	return png;
}

type Style = Record<string, string | number>;
interface Node {
	type: string;
	props: { style: Style; children?: string | Node | Node[] | undefined };
}
const box = (style: Style, children?: string | Node | Node[]): Node => ({ type: 'div', props: { style, children } });

/** The design: a band of track colours, the event's name, a kicker, the title (at most 3 lines) and a footer. */
function drawing(card: OgCard): Node {
	const long = card.title.length > 80;
	return box(
		{
			display: 'flex',
			flexDirection: 'column',
			width: '100%',
			height: '100%',
			background: '#14123a',
			color: '#ffffff',
			fontFamily: 'Inter',
		},
		[
			box(
				{ display: 'flex', height: 18 },
				card.bands.map((colour) => box({ flex: 1, background: colour })),
			),
			box({ display: 'flex', flexDirection: 'column', flex: 1, padding: '56px 80px 64px' }, [
				box({ fontSize: 30, color: '#c9cde6' }, card.eventName),
				box({ fontSize: 28, color: '#9fd8e6', marginTop: 44, fontWeight: 700 }, card.kicker),
				box({ display: 'block', fontSize: long ? 52 : 64, fontWeight: 700, lineHeight: 1.15, marginTop: 16, lineClamp: 3 }, card.title),
				box(
					{ display: 'flex', marginTop: 'auto', paddingTop: 24, borderTop: '2px solid #3a3f6b', fontSize: 30, color: '#e4e7f5' },
					card.footer ? box({ display: 'block', lineClamp: 1 }, card.footer) : undefined,
				),
			]),
		],
	);
}
