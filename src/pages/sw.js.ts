import type { APIRoute } from 'astro';
import { outDir } from 'astro:config/server';
import { asOf } from '../site/as-of';
import { builtAssetNames, cacheName, workerCode, workerScript } from '../site/service-worker';

// The service worker, at the site's root so that its scope is the whole site (docs/architecture.md "Offline").
export const GET: APIRoute = () => {
	const version = cacheName(asOf, builtAssetNames(outDir), workerCode);
	return new Response(workerScript(version), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
