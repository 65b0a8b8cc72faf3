import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OgCard } from '../../src/presentation/og-card';

// The share pictures' drawing processes (src/site/og-images.ts, src/site/og-worker.mjs), driven as a build drives
// them: every card handed over first, then each picture asked for.

const card = (title: string, bands: readonly string[] = ['#0078d4']): OgCard => ({
	eventName: 'Microsoft Ignite The Tour',
	kicker: 'Breakout · Apps and infrastructure',
	title,
	footer: 'Megan Okafor, Jeff Teper',
	bands,
});

describe('share pictures drawn by child processes', () => {
	let cache: string;
	let images: typeof import('../../src/site/og-images');

	beforeAll(async () => {
		cache = mkdtempSync(join(tmpdir(), 'roadshow-og-'));
		vi.stubEnv('ROADSHOW_CACHE_DIR', cache);
		images = await import('../../src/site/og-images');
	});
	afterAll(() => {
		vi.unstubAllEnvs();
		rmSync(cache, { recursive: true, force: true });
	});

	it('draws every card handed over, each its own 1200×630 PNG, and keeps each in the cache by its hash', async () => {
		const cards = Array.from({ length: 6 }, (_, i) => card(`BRK10${i}: Moving a data centre to the cloud, part ${i + 1}`));
		images.prepareOgImages(cards);
		const pictures = await Promise.all(cards.map((each) => images.ogImage(each)));
		for (const picture of pictures) {
			const { width, height, format } = await sharp(picture).metadata();
			expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' });
		}
		expect(new Set(pictures.map((picture) => Buffer.from(picture).toString('base64'))).size).toBe(6);
		const cached = readdirSync(join(cache, 'og'));
		expect(cached.filter((name) => /^[0-9a-f]{64}\.png$/.test(name)).length).toBe(6);
		expect(cached.filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});

	it('gives the same bytes for the same card, from the cache, and draws a changed card anew', async () => {
		const first = await images.ogImage(card('SOYS10: Content collaboration'));
		const again = await images.ogImage(card('SOYS10: Content collaboration'));
		expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
		const changed = await images.ogImage(card('SOYS10: Content collaboration, updated'));
		expect(Buffer.from(changed).equals(Buffer.from(first))).toBe(false);
	});

	it('draws a title of any length and odd text as text (cut at three lines), never failing the build over it', async () => {
		const long = card(`${'Very long title words '.repeat(40)}<script>alert(1)</script> & "quotes" \u202e reversed`, []);
		const picture = await images.ogImage(long);
		expect((await sharp(picture).metadata()).width).toBe(1200);
		const file = readdirSync(join(cache, 'og')).map((name) => readFileSync(join(cache, 'og', name)));
		expect(file.some((bytes) => bytes.equals(Buffer.from(picture)))).toBe(true);
	});
});
