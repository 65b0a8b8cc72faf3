import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium driven by playwright-core against `astro preview` of the built sample.
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.test.ts'],
		globalSetup: ['test/e2e/global-setup.ts'],
		reporters: ['default', './test/support/summary-reporter.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 300_000,
	},
});
