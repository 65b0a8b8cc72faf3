import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		reporters: ['default', './test/support/summary-reporter.ts'],
		projects: [
			{ test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
			{
				test: {
					name: 'build',
					include: ['test/build/**/*.test.ts'],
					// Real Astro builds of the sample and the fixtures run once in the global setup and are shared.
					globalSetup: ['test/build/global-setup.ts'],
					hookTimeout: 900_000,
					testTimeout: 120_000,
				},
			},
			// Renders components with Astro's Container API; it needs Astro's Vite config, so it has its own file.
			'test/components/vitest.config.ts',
		],
	},
});
