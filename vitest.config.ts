import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/unit/**/*.test.ts', 'test/build/**/*.test.ts'],
		// Real Astro builds take seconds each; they run in a global setup once and are shared by the files.
		testTimeout: 120_000,
		hookTimeout: 600_000,
		globalSetup: ['test/build/global-setup.ts'],
	},
});
