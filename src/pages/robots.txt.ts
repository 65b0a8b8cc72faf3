import type { APIRoute } from 'astro';
import { siteUrl } from '../site/catalog';

/**
 * Crawlers may read everything, and find every page in the sitemap (@astrojs/sitemap, astro.config.mjs), at the
 * absolute address the robots.txt standard asks for, from content/event.yaml's url.
 */
export const GET: APIRoute = () =>
	new Response(['User-agent: *', 'Allow: /', '', `Sitemap: ${siteUrl}/sitemap-index.xml`, ''].join('\n'), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
