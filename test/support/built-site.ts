import { inject } from 'vitest';
import type { BuildName, BuildResult } from './builds';

/** A build made once by the global setup (test/build/global-setup.ts), by name. */
export function builtSite(name: BuildName): BuildResult {
	const result = inject('builds')[name];
	if (!result) throw new Error(`no build named ${name}; is test/build/global-setup.ts in the vitest config?`);
	return result;
}
