// The service worker's code (served as /sw.js by src/pages/sw.js.ts). It keeps what a visitor has seen, so that
// at the venue, without a network, the pages already opened (the city's agenda, the sessions, /my-schedule/) open
// again. See docs/architecture.md "Offline".
//
// The endpoint writes these two functions into /sw.js with Function.prototype.toString(), so each must be
// self-contained: no imports, no module-level constants, nothing from outside but the other function's name and
// the worker's globals. TypeScript's DOM library has no service worker types; the few used are declared below.

/** How the worker answers a request: `network` means it does not answer at all (the browser fetches as usual). */
export type Strategy = 'network-first' | 'cache-first' | 'stale-while-revalidate' | 'network';

/**
 * The strategy for a request. Pages (navigations) come from the network while it answers within a few seconds,
 * else from the saved copy; hashed build files (/_astro/) never change under their name, so the saved copy is
 * enough; the other files pages load (track colours, icon, a city's deliveries, calendar files) come from the
 * saved copy at once and are refreshed behind it. Other sites, other methods, the search index (/pagefind/, large
 * and useless without a network anyway) and everything else go to the network untouched.
 */
export function offlineStrategy(method: string, mode: string, url: URL, origin: string): Strategy {
	if (method !== 'GET' || url.origin !== origin) return 'network';
	const path = url.pathname;
	if (path === '/sw.js' || path.startsWith('/pagefind/')) return 'network';
	// Pages, a city's deliveries and calendar files say when things are: the network's answer first, so a rebuilt
	// site never shows (or exports) the old time while it is online; the saved copy only when there is no answer.
	if (mode === 'navigate' || /^\/cities\/[^/]+\/deliveries\.json$/.test(path) || path.endsWith('.ics')) return 'network-first';
	if (path.startsWith('/_astro/')) return 'cache-first';
	if (path === '/tracks.css' || path === '/favicon.svg') return 'stale-while-revalidate';
	return 'network';
}

interface WaitUntil extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchRequestEvent extends WaitUntil {
	readonly request: Request;
	respondWith(response: Promise<Response>): void;
}
interface WorkerMessageEvent extends WaitUntil {
	readonly data: unknown;
}
/** The parts of ServiceWorkerGlobalScope the worker uses. */
export interface WorkerScope {
	readonly location: { readonly origin: string };
	readonly caches: CacheStorage;
	readonly clients: { claim(): Promise<void> };
	skipWaiting(): Promise<void>;
	fetch(request: Request | string): Promise<Response>;
	addEventListener(type: 'install' | 'activate', listener: (event: WaitUntil) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchRequestEvent) => void): void;
	addEventListener(type: 'message', listener: (event: WorkerMessageEvent) => void): void;
}

/**
 * The worker. `version` is the cache's name for this build (src/site/service-worker.ts); caches of other builds
 * are emptied into it when it activates, then deleted, so a rebuilt site keeps the pages a visitor saved.
 */
export function offlineWorker(scope: WorkerScope, version: string): void {
	/** How long a page may take before the saved copy is shown instead (the network may still answer later). */
	const patienceMs = 3000;
	/** The header that records when a copy was saved; the page is told through an attribute on <html>. */
	const savedHeader = 'x-roadshow-saved';
	const prefix = 'roadshow-';

	const open = () => scope.caches.open(version);
	/** Files are static: a `Vary: Origin` (astro preview sends one) must not hide a script saved with a page. */
	const exact = { ignoreVary: true };

	/** Pages are saved by path: a query only sets a page's filters in the browser, the HTML is the same. */
	const pageKey = (request: Request) => {
		const url = new URL(request.url);
		return `${url.origin}${url.pathname}`;
	};

	/**
	 * The site's files a saved page or script needs: its scripts and stylesheets, the track colours, the icon, and the
	 * chunks a script imports. They are saved with the page, not when the page asks for them: a browser may take
	 * them from its memory cache, unseen by the worker, and the first page is loaded before the worker runs.
	 */
	const needs = (url: string, text: string) => {
		const found = new Set<string>();
		for (const [, path] of text.matchAll(/(?:src|href)="(\/(?:_astro\/[^"]+\.(?:js|css)|tracks\.css|favicon\.svg))"/g))
			found.add(path ?? '');
		if (new URL(url).pathname.startsWith('/_astro/')) {
			for (const [, name] of text.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) found.add(`/_astro/${name ?? ''}`);
		}
		return [...found].map((path) => new URL(path, url).href);
	};

	/**
	 * Saves a copy of a good same-origin answer, stamped with the time it was saved. What it needs is saved first, so
	 * that a page in the cache is a page that opens complete.
	 */
	const save = async (key: string, response: Response, depth = 0): Promise<void> => {
		if (!response.ok || response.status !== 200 || response.type !== 'basic') return;
		const headers = new Headers(response.headers);
		headers.set(savedHeader, new Date().toISOString());
		const body = await response.blob();
		const cache = await open();
		if (depth < 2 && /^text\/(?:html|javascript)/.test(headers.get('content-type') ?? '')) {
			for (const url of needs(key, await body.text())) {
				if (await cache.match(url, exact)) continue;
				const needed = await scope.fetch(url).catch(() => undefined);
				if (needed) await save(url, needed, depth + 1);
			}
		}
		await cache.put(key, new Response(body, { status: 200, statusText: response.statusText, headers }));
	};

	/** A saved page as the visitor gets it: an HTML page says on its <html> element when it was saved. */
	const savedCopy = async (cached: Response) => {
		const saved = cached.headers.get(savedHeader) ?? '';
		if (!(cached.headers.get('content-type') ?? '').startsWith('text/html')) return cached;
		const html = (await cached.text()).replace(/<html(?=[\s>])/i, `<html data-saved-copy="${saved.replace(/[^0-9A-Z:.-]/g, '')}"`);
		const headers = new Headers(cached.headers);
		headers.delete('content-length');
		return new Response(html, { status: 200, headers });
	};

	const networkFirst = (event: FetchRequestEvent) => {
		const key = pageKey(event.request);
		const network = scope.fetch(event.request);
		// The page is saved whenever the network answers, even after the saved copy was shown.
		event.waitUntil(network.then((response) => save(key, response.clone())).catch(() => undefined));
		const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), patienceMs));
		return Promise.race([network, timeout]).then(
			async (first) => {
				if (first !== 'timeout') return first;
				const cached = await (await open()).match(key, exact);
				// Nothing saved: wait for the network after all, however slow.
				return cached ? savedCopy(cached) : network;
			},
			async () => {
				const cached = await (await open()).match(key, exact);
				// Never seen: the browser's own offline page.
				return cached ? savedCopy(cached) : Response.error();
			},
		);
	};

	const cacheFirst = async (event: FetchRequestEvent) => {
		const cached = await (await open()).match(event.request, exact);
		if (cached) return cached;
		const response = await scope.fetch(event.request);
		event.waitUntil(save(event.request.url, response.clone()));
		return response;
	};

	const staleWhileRevalidate = async (event: FetchRequestEvent) => {
		const cached = await (await open()).match(event.request, exact);
		const network = scope.fetch(event.request).then(async (response) => {
			await save(event.request.url, response.clone());
			return response;
		});
		event.waitUntil(network.catch(() => undefined));
		return cached ?? network;
	};

	scope.addEventListener('install', (event) => {
		event.waitUntil(scope.skipWaiting());
	});

	scope.addEventListener('activate', (event) => {
		event.waitUntil(
			(async () => {
				const current = await open();
				for (const name of await scope.caches.keys()) {
					if (name === version || !name.startsWith(prefix)) continue;
					// Carry the saved copies over (what this build already has wins), then drop the old cache.
					const old = await scope.caches.open(name);
					for (const request of await old.keys()) {
						if (await current.match(request, exact)) continue;
						const response = await old.match(request, exact);
						if (response) await current.put(request, response);
					}
					await scope.caches.delete(name);
				}
				await scope.clients.claim();
			})(),
		);
	});

	scope.addEventListener('fetch', (event) => {
		const request = event.request;
		const strategy = offlineStrategy(request.method, request.mode, new URL(request.url), scope.location.origin);
		if (strategy === 'network-first') event.respondWith(networkFirst(event));
		else if (strategy === 'cache-first') event.respondWith(cacheFirst(event));
		else if (strategy === 'stale-while-revalidate') event.respondWith(staleWhileRevalidate(event));
	});

	// A page may ask for pages to be saved before they are visited ({ save: ['/sessions/soys10/', …] }), e.g. the
	// sessions on an attendee's schedule. Only paths on this site, and at most 200 of them.
	scope.addEventListener('message', (event) => {
		const data = event.data as { save?: unknown } | null;
		if (!data || !Array.isArray(data.save)) return;
		const paths = data.save.filter((path): path is string => typeof path === 'string' && /^\/(?!\/)/.test(path)).slice(0, 200);
		event.waitUntil(
			Promise.all(
				paths.map(async (path) => {
					const url = new URL(path, scope.location.origin);
					if (url.origin !== scope.location.origin) return;
					const request = new Request(url.href, { credentials: 'same-origin' });
					const response = await scope.fetch(request).catch(() => undefined);
					if (response) await save(`${url.origin}${url.pathname}`, response);
				}),
			),
		);
	});
}
