import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../support/pagefind-crash.mjs', import.meta.url));
const site = mkdtempSync(join(tmpdir(), 'roadshow-pagefind-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('the Pagefind integration', () => {
	it('fails the build, with a message, when the indexer crashes instead of ending with exit code 0 and no index', () => {
		// The real Pagefind, on a page whose 45-character lang makes its indexer panic.
		const run = spawnSync(process.execPath, [script, site], { encoding: 'utf8', timeout: 60_000 });
		expect(run.stderr).toContain('panicked');
		expect(run.stderr).toContain('Pagefind stopped before it finished indexing');
		expect(run.stdout).not.toContain('the hook finished');
		expect(run.status).toBe(1);
		expect(existsSync(join(site, 'pagefind'))).toBe(false);
	});
});
