import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { processTree } from '../../bench/measure.mjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionCard, type OgCard } from '../../src/presentation/og-card';
import type { Event, Session } from '../../src/catalog/types';

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
		vi.stubEnv('ROADSHOW_OG_TIMEOUT_MS', '4000');
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

	it('stops a drawing process that hangs, fails its picture with the reason, and draws the next ones', async () => {
		const cards = [1, 2].map((n) => card(`HNG${n}: A picture whose drawing process is stopped`));
		images.prepareOgImages(cards);
		// The drawing processes are this process's children running og-worker.mjs: stop them as a debugger or a
		// starved machine would.
		const drawers = processTree(process.pid)
			.slice(1)
			.filter((pid) => commandOf(pid).includes('og-worker.mjs'));
		expect(drawers.length).toBeGreaterThan(0);
		for (const pid of drawers) process.kill(pid, 'SIGSTOP');
		await expect(images.ogImage(cards[0]!)).rejects.toThrow(/HNG1: .*did not answer in 4 s and was stopped/);
		const after = await images.ogImage(card('HNG3: A picture asked for afterwards'));
		expect((await sharp(after).metadata()).width).toBe(1200);
	}, 30_000);
});

describe('what a share picture says', () => {
	it('shortens a title far longer than three lines before it is drawn, at a word, without splitting a character', () => {
		const event = { name: 'Ignite' } as Event;
		const session = {
			code: 'BRK1',
			title: `${'Cloud 🌩️ migration '.repeat(5000)}end`,
			type: 'breakout',
			track: { name: 'Apps' },
			speakers: [{ name: 'A'.repeat(10_000) }],
		} as unknown as Session;
		const { title, footer } = sessionCard(event, session);
		expect(Array.from(title).length).toBeLessThanOrEqual(200);
		expect(title.endsWith('…')).toBe(true);
		expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
		expect(Array.from(footer).length).toBeLessThanOrEqual(160);
	});
});

function commandOf(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}
