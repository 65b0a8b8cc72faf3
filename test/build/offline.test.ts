import { describe, expect, inject, it } from 'vitest';
import { readBuilt } from '../support/builds';
import { builtSite } from '../support/built-site';
import { historySteps } from '../support/history';

// The offline copies' worker as the builds write it (issue 11): /sw.js, its cache name and what it may reach.
const versionOf = (script: string) => /^const version = "([^"]+)";$/m.exec(script)?.[1];

describe('/sw.js', () => {
	const utc = builtSite('sample-utc');
	const tokyo = builtSite('sample-tokyo');

	it('is written at the root of the site with a cache name from the content’s time and a hash', () => {
		expect(versionOf(readBuilt(utc, 'sw.js'))).toMatch(/^roadshow-\d{8}T\d{6}Z-[0-9a-f]{12}$/);
	});

	it('names the same cache for two builds of the same content (on machines in other time zones)', () => {
		expect(readBuilt(tokyo, 'sw.js')).toBe(readBuilt(utc, 'sw.js'));
		expect(versionOf(readBuilt(builtSite('basic-tokyo'), 'sw.js'))).toBe(versionOf(readBuilt(builtSite('basic-utc'), 'sw.js')));
	});

	it('names a new cache for every commit that changes the content, so browsers install the new worker', () => {
		const { steps } = inject('history');
		const versions = steps.map((step) => versionOf(readBuilt(step, 'sw.js')));
		expect(versions).toHaveLength(historySteps.length);
		expect(new Set(versions).size).toBe(versions.length);
	});

	it('reaches no other site: no absolute URL, nothing protocol-relative', () => {
		const script = readBuilt(utc, 'sw.js');
		expect(script).not.toMatch(/https?:\/\//i);
		expect(script).not.toMatch(/["'`]\/\/[^/]/);
		expect(script).not.toMatch(/\bimportScripts\b|\bimport\s*\(/);
	});
});
