import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { offlineStrategy } from '../../src/scripts/service-worker';
import { builtAssetNames, cacheName, workerCode, workerScript } from '../../src/site/service-worker';

// The offline copies' worker (issue 11): which requests it answers, and the cache name each build gives it.
const origin = 'https://tour.example.org';
const strategy = (path: string, mode = 'no-cors', method = 'GET') => offlineStrategy(method, mode, new URL(path, origin), origin);

describe('the service worker’s strategies', () => {
	it('answers pages from the network first and the site’s own files from its cache', () => {
		expect(strategy('/cities/sydney/', 'navigate')).toBe('network-first');
		expect(strategy('/sessions/?city=sydney', 'navigate')).toBe('network-first');
		expect(strategy('/_astro/BaseLayout.CwDlh8FL.css')).toBe('cache-first');
		expect(strategy('/_astro/offline.C1aQISLW.js', 'cors')).toBe('cache-first');
		for (const path of ['/tracks.css', '/favicon.svg']) expect(strategy(path, 'cors'), path).toBe('stale-while-revalidate');
		// Times: a rebuild's new time must show (and export) at once when online.
		for (const path of ['/cities/sydney/deliveries.json', '/cities/sydney/calendar.ics', '/cities/sydney/sessions/soys10-1.ics']) {
			expect(strategy(path, 'cors'), path).toBe('network-first');
		}
	});

	it('leaves other sites, other methods, the search index, itself and anything else to the network', () => {
		expect(offlineStrategy('GET', 'navigate', new URL('https://www.youtube-nocookie.com/embed/x'), origin)).toBe('network');
		expect(offlineStrategy('GET', 'cors', new URL('https://cdn.example.com/_astro/x.js'), origin)).toBe('network');
		expect(strategy('/cities/sydney/', 'navigate', 'POST')).toBe('network');
		expect(strategy('/_astro/x.js', 'cors', 'HEAD')).toBe('network');
		expect(strategy('/pagefind/pagefind.js', 'cors')).toBe('network');
		expect(strategy('/pagefind/index/en_1.pf_index', 'cors')).toBe('network');
		expect(strategy('/sw.js', 'same-origin')).toBe('network');
		expect(strategy('/og/sessions/soys10.png')).toBe('network');
		expect(strategy('/sessions.xml')).toBe('network');
	});
});

describe('the cache name', () => {
	const asOf = new Date('2020-02-13T08:00:00.123Z');

	it('is the same for the same content, scripts and styles, in any order, and names the content’s time', () => {
		const name = cacheName(asOf, ['b.CwDl.css', 'a.C1aQ.js'], workerCode);
		expect(name).toMatch(/^roadshow-20200213T080000Z-[0-9a-f]{12}$/);
		expect(cacheName(new Date(asOf), ['a.C1aQ.js', 'b.CwDl.css'], workerCode)).toBe(name);
	});

	it('changes with the content, with a script or style, and with the worker’s own code', () => {
		const name = cacheName(asOf, ['a.C1aQ.js'], workerCode);
		expect(cacheName(new Date('2020-02-13T08:00:01Z'), ['a.C1aQ.js'], workerCode)).not.toBe(name);
		expect(cacheName(asOf, ['a.X9yz.js'], workerCode)).not.toBe(name);
		expect(cacheName(asOf, ['a.C1aQ.js'], `${workerCode} `)).not.toBe(name);
	});

	it('counts the built scripts and styles only, and nothing where there is no build', () => {
		const outDir = mkdtempSync(join(tmpdir(), 'roadshow-sw-'));
		try {
			expect(builtAssetNames(pathToFileURL(`${outDir}/`))).toEqual([]);
			mkdirSync(join(outDir, '_astro'));
			for (const name of ['a.C1aQ.js', 'b.CwDl.css', 'sydney.Cy.avif']) writeFileSync(join(outDir, '_astro', name), '');
			expect(builtAssetNames(pathToFileURL(`${outDir}/`)).sort()).toEqual(['a.C1aQ.js', 'b.CwDl.css']);
		} finally {
			rmSync(outDir, { recursive: true, force: true });
		}
	});

	it('is written into a worker that names no other site', () => {
		const script = workerScript('roadshow-20200213T080000Z-0123456789ab');
		expect(script).toContain('const version = "roadshow-20200213T080000Z-0123456789ab";');
		expect(script).toContain('(self, version);');
		expect(script).not.toMatch(/https?:\/\//i);
		expect(script).not.toMatch(/["'`]\/\/[^/]/);
		// It parses as a script (the worker is a classic script, not a module).
		expect(() => new Function(script)).not.toThrow();
	});
});
