// @ts-check
// Draws share pictures off the main thread: src/site/og-images.ts starts this file as a worker thread and posts it
// cards; it answers with the PNG bytes, after writing them to the cache. Plain JavaScript that Node runs as it is
// (no Vite in a worker), so it takes only packages and the data in the message.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';

/** @typedef {{ eventName: string; kicker: string; title: string; footer: string; bands: readonly string[] }} OgCard */
/** @typedef {{ id: number; card: OgCard; file: string }} Job */

/** @type {{ modules: string; cacheDir: string; size: { width: number; height: number } }} */
const { modules, cacheDir, size } = workerData;
const fonts = /** @type {const} */ ([400, 700]).map((weight) => ({
	name: 'Inter',
	weight,
	style: /** @type {const} */ ('normal'),
	data: readFileSync(join(modules, `@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
}));
// One libvips thread per worker: the pool already has a worker per core.
sharp.concurrency(1);
mkdirSync(cacheDir, { recursive: true });

/** @param {Job} job */
async function draw({ card, file }) {
	const svg = await satori(drawing(card), { ...size, fonts });
	const pixels = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
	// A palette of 32 colours (flat colours and anti-aliased text need no more): a third of resvg's own PNG
	// (about 20 KB instead of 52 KB); no dithering, so the same pixels give the same bytes.
	const png = await sharp(pixels.pixels, { raw: { width: pixels.width, height: pixels.height, channels: 4 } })
		.png({ palette: true, colours: 32, dither: 0, effort: 1 })
		.toBuffer();
	// Written aside and renamed, so that a build stopped half-way never leaves half a picture to reuse.
	const partial = `${file}.${process.pid}.${job++}.tmp`;
	writeFileSync(partial, png);
	renameSync(partial, file);
	return png;
}
let job = 0;

/** @typedef {{ type: string; props: { style: Record<string, string | number>; children?: string | Node | Node[] | undefined } }} Node */
/** @type {(style: Record<string, string | number>, children?: string | Node | Node[]) => Node} */
const box = (style, children) => ({ type: 'div', props: { style, children } });

/**
 * The design: a band of track colours, the event's name, a kicker, the title (at most 3 lines) and a footer.
 * @param {OgCard} card
 * @returns {Node}
 */
function drawing(card) {
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

parentPort?.on('message', (/** @type {Job} */ message) => {
	draw(message).then(
		(png) => {
			const bytes = new Uint8Array(png);
			parentPort?.postMessage({ id: message.id, png: bytes }, [bytes.buffer]);
		},
		(error) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
	);
});
