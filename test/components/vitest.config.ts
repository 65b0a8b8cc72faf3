import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import type {} from 'vitest/config'; // adds `test` to Vite's config type

/**
 * The 'components' project (listed in the root vitest.config.ts): renders .astro components with Astro's
 * Container API, which needs the Vite config Astro builds the site with. getViteConfig() loads astro.config.mjs
 * (so components compile exactly as in a build) and runs only the integrations' config hooks: mdx adds its Vite
 * plugin, pagefind notes the output folder; nothing is built or indexed, since Pagefind indexes at
 * astro:build:done, which only `astro build` calls. The tests set the machine's TZ themselves where it matters.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

export default getViteConfig({ root, test: { name: 'components', include: ['test/components/**/*.test.ts'] } }, { root });
