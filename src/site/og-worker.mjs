// @ts-check
// Draws share pictures beside the build: src/site/og-images.ts starts this file as a child process and sends it
// cards; it writes each PNG to its cache file and says so. Plain JavaScript that Node runs as it is (no Vite
// here), so it takes only packages, its argument and the data in the messages. It exits when the build lets go.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';

/** @typedef {{ eventName: string; kicker: string; title: string; footer: string; bands: readonly string[] }} OgCard */
/** @typedef {{ id: number; card: OgCard; file: string }} Job */

/** @type {{ modules: string; cacheDir: string; size: { width: number; height: number } }} */
const { modules, cacheDir, size } = JSON.parse(process.argv[2] ?? '{}');
const fonts = /** @type {const} */ ([400, 700]).map((weight) => ({
	name: 'Inter',
	weight,
	style: /** @type {const} */ ('normal'),
	data: readFileSync(join(modules, `@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
}));
// One libvips thread per process: the pool already has a process per core.
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
	const partial = `${file}.${process.pid}.${written++}.tmp`;
	writeFileSync(partial, png);
	renameSync(partial, file);
}
let written = 0;

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
				// break-word: a title without spaces (a URL, a long code) wraps instead of running off the edge.
				box(
					{
						display: 'block',
						fontSize: long ? 52 : 64,
						fontWeight: 700,
						lineHeight: 1.15,
						marginTop: 16,
						lineClamp: 3,
						wordBreak: 'break-word',
					},
					card.title,
				),
				box(
					{ display: 'flex', marginTop: 'auto', paddingTop: 24, borderTop: '2px solid #3a3f6b', fontSize: 30, color: '#e4e7f5' },
					card.footer ? box({ display: 'block', lineClamp: 1, wordBreak: 'break-word' }, card.footer) : undefined,
				),
			]),
		],
	);
}

const send = (/** @type {object} */ message) => process.send?.(message);
// Whatever escapes the drawing of one picture is about the drawing itself: the build hears why, then the process ends.
process.on('uncaughtException', (error) => {
	const fatal = error instanceof Error ? error.message : String(error);
	if (process.send) process.send({ fatal }, () => process.exit(1));
	else process.exit(1);
});
process.on('message', (/** @type {Job} */ message) => {
	draw(message).then(
		() => send({ id: message.id, drawn: true }),
		(error) => send({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
	);
});
// The build disconnects when it needs no more pictures.
process.on('disconnect', () => process.exit(0));
