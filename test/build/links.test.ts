import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/loaders/yaml-text';
import { projectRoot } from '../support/builds';
import { builtSite } from '../support/built-site';
import { brokenReferences } from '../support/internal-links';

function siteOrigin(contentDir: string): string {
	const parsed = parseYamlText(readFileSync(join(projectRoot, contentDir, 'event.yaml'), 'utf8'));
	const url = 'data' in parsed ? (parsed.data as { url?: unknown } | undefined)?.url : undefined;
	if (typeof url !== 'string') throw new Error(`${contentDir}/event.yaml has no url`);
	return new URL(url).origin;
}

describe('internal links and assets of the built sample', () => {
	const sample = builtSite('sample-utc');

	it('resolve every href, src and srcset inside the site to a built file, and every fragment to an id on its page', () => {
		expect(sample.exitCode, sample.output).toBe(0);
		const { checked, broken } = brokenReferences(sample.outDir, siteOrigin(sample.content));
		// Thousands of links (cards, agendas, calendars); a few would mean the walk missed them.
		expect(checked).toBeGreaterThan(1000);
		expect(broken, `${broken.length} broken internal reference(s):\n${broken.join('\n')}`).toEqual([]);
	});
});
