// @ts-check
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { processorFeatures, videoOrigins } from './src/catalog/body-policy';
import { bodyAllowList } from './src/integrations/body-allow-list';
import { contentCheck } from './src/integrations/content-check';
import { pagefind } from './src/integrations/pagefind';
import { dropDeadHeadInjectDirective } from './src/integrations/rolldown-logs.mjs';
import { parseYamlText } from './src/loaders/yaml-text';

// Test fixtures and the benchmark point the same site at another content folder.
const contentDir = process.env.ROADSHOW_CONTENT_DIR ?? 'content';

/** The site's public address comes from the event file, so editors set it in one place. */
function siteUrl() {
	try {
		const parsed = parseYamlText(readFileSync(new URL(`./${contentDir}/event.yaml`, import.meta.url), 'utf8'));
		const event = /** @type {{ url?: unknown } | undefined} */ ('data' in parsed ? parsed.data : undefined);
		return typeof event?.url === 'string' ? event.url : undefined;
	} catch {
		return undefined; // the catalog reports a missing or broken event.yaml with its file name
	}
}

const site = siteUrl();
// content/images/ as a fixed alias: src/site/images.ts finds its files with one import.meta.glob pattern, so no
// path written in content is ever handed to Vite as an import.
const contentImages = resolve(fileURLToPath(new URL('.', import.meta.url)), contentDir, 'images');
// Astro's content cache remembers entries by name and digest: one cache per content folder, or a build of the
// sample after a build of a copy of it finds entries that point into the copy.
const cacheDir =
	process.env.ROADSHOW_CACHE_DIR ??
	(contentDir === 'content' ? undefined : `node_modules/.astro/content-${contentDir.replace(/[^A-Za-z0-9]+/g, '-')}`);

export default defineConfig({
	...(site ? { site } : {}),
	trailingSlash: 'ignore',
	// Astro 7's default ('jsx') drops white space that spans a line break between inline elements, which joined
	// "Thu, 13 Feb 2020" and "09:00" into "202009:00"; true removes only what HTML itself ignores.
	compressHTML: true,
	// The content check runs first: nothing of the content reaches Astro's loaders and compilers before it passed.
	// The sitemap (sitemap-index.xml, named in /robots.txt) lists the HTML pages at `site`; the integration leaves
	// out the 404 page, and the filter the endpoints (feeds, calendars, schedules), which are not pages.
	integrations: [contentCheck(), mdx(), sitemap({ filter: (page) => page.endsWith('/') }), pagefind()],
	// A Content-Security-Policy on every page (a <meta> element with the hashes of Astro's own scripts and styles;
	// the site has no inline code). /search/ adds 'wasm-unsafe-eval' for Pagefind. public/_headers sends the
	// parts a <meta> cannot carry (frame-ancestors) on hosts that read it.
	// Prism marks code up with classes; Shiki's inline styles would need 'unsafe-inline' in style-src.
	// Every body's rendered tree passes the allow-list (src/catalog/body-policy.ts); raw HTML in Markdown is parsed
	// into elements first, so that the allow-list reads it as a browser would.
	markdown: {
		syntaxHighlight: 'prism',
		processor: satteri({ hastPlugins: [bodyAllowList], features: processorFeatures }),
	},
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self'",
				"font-src 'self'",
				"connect-src 'self'",
				// The offline copies' service worker, /sw.js (src/pages/sw.js.ts); said outright, not left to script-src.
				"worker-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
				// Video players a body may embed (src/catalog/body-policy.ts), and nothing else.
				`frame-src ${videoOrigins.join(' ')}`,
			],
		},
	},
	build: { format: 'directory', inlineStylesheets: 'never' },
	devToolbar: { enabled: false },
	// No inline scripts or styles: the site must run under a strict Content-Security-Policy.
	vite: {
		resolve: { alias: { '@content-images': contentImages } },
		build: { assetsInlineLimit: 0, rolldownOptions: { onLog: dropDeadHeadInjectDirective } },
		// Test and benchmark builds write whole sites into the project; the dev server must not watch them.
		server: { watch: { ignored: ['**/test/.builds/**', '**/bench/out/**'] } },
		// Vite's own cache too: builds that run at once re-optimise dependencies into it after a config change,
		// and two writers of node_modules/.vite/deps broke one of them.
		...(cacheDir ? { cacheDir: `${cacheDir}/vite` } : {}),
	},
	// Parallel test builds must not share Astro's content cache.
	...(cacheDir ? { cacheDir } : {}),
});
