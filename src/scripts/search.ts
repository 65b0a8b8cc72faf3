// The /search/ page: results as you type, highlighted excerpts and facets with counts, on Pagefind's JS API.
// The page works without this script as a plain form; the state lives in the URL (?q=…&city=…).
import { element } from './dom';

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}
interface PagefindSearch {
	results: { id: string; data: () => Promise<PagefindResultData> }[];
	filters: Record<string, Record<string, number>>;
	unfilteredResultCount: number;
}
interface Pagefind {
	init: () => Promise<void>;
	options: (options: Record<string, unknown>) => Promise<void>;
	preload: (term: string) => Promise<void>;
	search: (term: string | null, options?: { filters?: Record<string, { any: string[] }> }) => Promise<PagefindSearch | null>;
	filters: () => Promise<Record<string, Record<string, number>>>;
}

/** Facets in the order they are offered, with their legends. */
const facets: readonly (readonly [string, string])[] = [
	['kind', 'Kind'],
	['city', 'City'],
	['track', 'Track'],
	['type', 'Session type'],
	['level', 'Level'],
	['path', 'Learning path'],
	['speaker', 'Speaker'],
	['product', 'Product'],
	['language', 'Language'],
];
const PAGE_SIZE = 20;
/** Results put on screen before the rest of the first page has arrived. */
const FIRST_BATCH = 5;
/** How long a one-letter query waits for the next keystroke before it is searched. */
const ONE_LETTER_WAIT_MS = 200;
/** The pause in typing after which the open filters load their counts. */
const COUNTS_AFTER_MS = 400;

export async function initSearch(root: HTMLElement): Promise<void> {
	const form = root.querySelector<HTMLFormElement>('form[role="search"]');
	const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
	const status = root.querySelector<HTMLElement>('[data-search-status]');
	const list = root.querySelector<HTMLOListElement>('[data-search-results]');
	const filterBox = root.querySelector<HTMLElement>('[data-search-filters]');
	const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
	const panel = root.querySelector<HTMLDetailsElement>('[data-search-filter-panel]');
	const picked = root.querySelector<HTMLElement>('[data-search-filter-count]');
	if (!form || !input || !status || !list || !filterBox || !more || !panel || !picked) return;
	// Filters sit open beside the results on wide screens, and closed above them on phones (one line, not nine groups).
	const wide = matchMedia('(min-width: 56rem)');
	panel.open = wide.matches;
	wide.addEventListener('change', () => (panel.open = wide.matches));
	root.querySelector('[data-search-layout]')?.removeAttribute('hidden');

	// A small catalog's filter index is small: its counts come with the results; a large one's when the filters are used.
	const countsWithResults = root.hasAttribute('data-counts-with-results');
	const labels = readLabels(root);
	const selected = new Map<string, Set<string>>(facets.map(([name]) => [name, new Set<string>()]));
	const params = new URLSearchParams(location.search);
	input.value = params.get('q') ?? '';
	for (const [name] of facets) for (const value of params.getAll(name)) selected.get(name)?.add(idOf(labels, name, value));
	// The values come with the page; their counts need Pagefind's filter index (about 110 KB at 5,000 sessions), which
	// is loaded when the filters are used or shown beside results, not for every search (issue 12).
	renderFilters(filterBox, labels, selected);

	// Pagefind (its script, WebAssembly and metadata) is loaded when the visitor reaches for the field, so that the
	// first keystroke only waits for the index chunk of its word, and a visit that never searches loads none of it.
	let engine: Promise<Pagefind | null> | undefined;
	let attempts = 0;
	const loadEngine = () =>
		(engine ??= (async () => {
			root.dataset['searchEngine'] = 'loading';
			try {
				// A runtime URL, so the bundler leaves Pagefind's own script alone. A browser remembers a module that
				// failed to load: a retry asks for it under another query (Pagefind finds its files from the path).
				const url = `/pagefind/pagefind.js${attempts++ > 0 ? `?retry=${attempts}` : ''}`;
				const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
				await pagefind.init();
				// An empty search settles once the WebAssembly and the metadata are in, and loads no index chunk.
				await pagefind.search('');
				root.dataset['searchEngine'] = 'ready';
				return pagefind;
			} catch {
				root.dataset['searchEngine'] = 'failed';
				// Not remembered: the next keystroke or focus tries again (a dropped connection on a phone). The build hint
				// only under `astro dev` (MODE, not DEV: DEV follows NODE_ENV and is true in test builds).
				engine = undefined;
				status.textContent =
					import.meta.env.MODE === 'development'
						? 'The search index was not found. Run "npm run build" to create it (in development, search uses the last build).'
						: 'Search could not be loaded. Check your connection, then type again.';
				return null;
			}
		})());
	for (const event of ['pointerdown', 'focusin', 'touchstart'] as const)
		form.addEventListener(event, () => void loadEngine(), { passive: true });

	let allFilters: Record<string, Record<string, number>> | null = null;
	let counts: Promise<void> | undefined;
	let shown: PagefindResultData[] = [];
	let pending: PagefindSearch | null = null;
	let generation = 0;
	let running: Promise<void> | null = null;
	let queued = false;
	let countsTimer: ReturnType<typeof setTimeout> | undefined;

	const currentFilters = () =>
		Object.fromEntries([...selected].filter(([, values]) => values.size > 0).map(([name, values]) => [name, { any: [...values] }]));

	/** Loads the whole filter index once, then shows the counts for the current query. */
	const loadCounts = () =>
		(counts ??= (async () => {
			const pagefind = await loadEngine();
			if (!pagefind) {
				counts = undefined;
				return;
			}
			const loaded = await pagefind.filters();
			// Pagefind answers a filter index it could not download with every count at 0: that would hide every
			// value. Keep the values without counts, and try again when the filters are next used.
			if (!hasCounts(loaded)) {
				counts = undefined;
				return;
			}
			allFilters = loaded;
			const term = input.value.trim();
			const filters = currentFilters();
			if (!term && Object.keys(filters).length === 0) updateCounts(filterBox, allFilters);
			else {
				const current = generation;
				const search = await pagefind.search(term || null, { filters });
				if (search && current === generation) updateCounts(filterBox, search.filters);
			}
		})());
	for (const event of ['pointerenter', 'focusin'] as const) panel.addEventListener(event, () => void loadCounts());
	// Opening the disclosure on a phone; on a wide screen it opens by itself, and the counts come with the results.
	panel.addEventListener('toggle', () => panel.open && !wide.matches && void loadCounts());

	const run = async (updateUrl: boolean) => {
		const current = ++generation;
		const term = input.value.trim();
		const filters = currentFilters();
		if (updateUrl) writeUrl(term, selected);
		const pickedCount = pickedCountOf(selected);
		picked.textContent = pickedCount > 0 ? `(${pickedCount})` : '';
		if (!term && Object.keys(filters).length === 0) {
			list.replaceChildren();
			more.hidden = true;
			status.textContent = 'Type a word, a session code or a name, or pick a filter.';
			if (allFilters) updateCounts(filterBox, allFilters);
			return;
		}
		if (root.dataset['searchEngine'] !== 'ready') status.textContent = 'Loading the search index…';
		const pagefind = await loadEngine();
		if (!pagefind || current !== generation) return;
		// Counts only from a search that ran with the whole filter index loaded (a partial one would hide facets).
		const withCounts = allFilters !== null;
		const search = await pagefind.search(term || null, { filters });
		if (!search || current !== generation) return;
		pending = search;
		if (withCounts) updateCounts(filterBox, search.filters);
		// Only the first page's fragments (about 1 KB each); the first few go on screen before the rest arrive.
		const first = await Promise.all(search.results.slice(0, FIRST_BATCH).map((result) => result.data()));
		if (current !== generation) return;
		list.replaceChildren(...first.map(resultItem));
		// Still typing: the next search replaces these, so the rest of the page would be downloaded for nothing.
		if (queued) return;
		const rest = await Promise.all(search.results.slice(FIRST_BATCH, PAGE_SIZE).map((result) => result.data()));
		if (current !== generation) return;
		list.append(...rest.map(resultItem));
		shown = [...first, ...rest];
		more.hidden = search.results.length <= shown.length;
		const count = search.results.length;
		status.textContent = `${count === 1 ? '1 result' : `${count} results`}${term ? ` for “${term}”` : ''}`;
		// Beside results, the open filters of a small catalog show their counts (on a phone they wait until the
		// disclosure is opened), once typing has paused, so that loading them does not hold up the next keystrokes.
		clearTimeout(countsTimer);
		if (panel.open && countsWithResults) countsTimer = setTimeout(() => !running && void loadCounts(), COUNTS_AFTER_MS);
	};

	// As you type: a keystroke starts a search at once when none is running; keystrokes during one are answered by
	// a single search for the latest text when it ends (no fixed delay before the first results).
	const search = (updateUrl: boolean) => {
		if (running) {
			queued = true;
			return;
		}
		running = run(updateUrl).finally(() => {
			running = null;
			if (queued) {
				queued = false;
				search(true);
			}
		});
	};

	// One letter matches a large share of the index (the most chunks and scoring work, results nobody wants): it
	// waits a moment for the second keystroke, which usually comes sooner.
	let oneLetter: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(oneLetter);
		if (input.value.trim().length === 1) oneLetter = setTimeout(() => search(true), ONE_LETTER_WAIT_MS);
		else search(true);
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && input.value) {
			event.preventDefault();
			input.value = '';
			search(true);
		}
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		search(true);
	});
	filterBox.addEventListener('change', (event) => {
		const box = event.target;
		if (!(box instanceof HTMLInputElement)) return;
		const values = selected.get(box.name);
		if (box.checked) values?.add(box.value);
		else values?.delete(box.value);
		void loadCounts();
		search(true);
	});
	more.addEventListener('click', async () => {
		if (!pending) return;
		const next = await Promise.all(pending.results.slice(shown.length, shown.length + PAGE_SIZE).map((result) => result.data()));
		const firstNew = shown.length;
		shown = [...shown, ...next];
		list.append(...next.map(resultItem));
		more.hidden = pending.results.length <= shown.length;
		// Keyboard users continue from the first new result.
		list.children[firstNew]?.querySelector('a')?.focus();
	});
	window.addEventListener('popstate', () => {
		const state = new URLSearchParams(location.search);
		input.value = state.get('q') ?? '';
		for (const [name, values] of selected) {
			values.clear();
			for (const value of state.getAll(name)) values.add(idOf(labels, name, value));
		}
		for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
			box.checked = selected.get(box.name)?.has(box.value) ?? false;
		}
		search(false);
	});
	// A link with a query or filters is answered at once; the counts come with it when filters are picked.
	if (pickedCountOf(selected) > 0) void loadCounts();
	await run(false);
	// Tests and styles wait for this: the page is interactive, and the results of a query in the URL are on screen.
	root.classList.add('is-ready');
}

const pickedCountOf = (selected: ReadonlyMap<string, ReadonlySet<string>>) =>
	[...selected.values()].reduce((sum, values) => sum + values.size, 0);

function writeUrl(term: string, selected: ReadonlyMap<string, ReadonlySet<string>>): void {
	const params = new URLSearchParams();
	if (term) params.set('q', term);
	for (const [name, values] of selected) for (const value of values) params.append(name, value);
	const query = params.toString();
	history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

type Labels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What each filter id reads as (src/presentation/search-filters.ts), from the page; ids stand in for what is missing. */
function readLabels(root: HTMLElement): Labels {
	try {
		const parsed: unknown = JSON.parse(root.dataset['filterLabels'] ?? '{}');
		return parsed && typeof parsed === 'object' ? (parsed as Labels) : {};
	} catch {
		return {};
	}
}

const labelOf = (labels: Labels, name: string, value: string) => labels[name]?.[value] ?? value;

/** A value in the URL as an id; a name from an older link (?city=Sydney) is read as its id. */
function idOf(labels: Labels, name: string, value: string): string {
	const known = labels[name] ?? {};
	if (value in known) return value;
	const lower = value.toLowerCase();
	return Object.keys(known).find((id) => known[id]?.toLowerCase() === lower) ?? value;
}

/** Whether a filter index holds any count: a site always has pages in some facet value. */
function hasCounts(filters: Record<string, Record<string, number>>): boolean {
	return Object.values(filters).some((values) => Object.values(values).some((count) => count > 0));
}

/** The facets and their values, from the page's labels; the counts come later (`updateCounts`). */
function renderFilters(box: HTMLElement, labels: Labels, selected: ReadonlyMap<string, ReadonlySet<string>>): void {
	const groups = facets.flatMap(([name, legend]) => {
		const values = Object.keys(labels[name] ?? {}).sort((a, b) =>
			labelOf(labels, name, a).localeCompare(labelOf(labels, name, b), 'en', { numeric: true }),
		);
		if (values.length < 2 && !(name === 'kind' && values.length > 0)) return [];
		const fieldset = element('fieldset', { class: 'facet' });
		fieldset.append(element('legend', {}, legend));
		const options = element('div', { class: 'facet-options' });
		for (const value of values) {
			const label = element('label', {});
			const box = element('input', { type: 'checkbox', name, value });
			box.checked = selected.get(name)?.has(value) ?? false;
			label.append(box, ` ${labelOf(labels, name, value)} `, element('span', { class: 'count', 'data-count': '' }));
			options.append(label);
		}
		fieldset.append(options);
		return [fieldset];
	});
	box.replaceChildren(...groups);
}

/**
 * Shows how many results each value would give with the current query and filters. A value that would give none is
 * hidden (unless picked), and so is a group left with no value to offer.
 */
function updateCounts(box: HTMLElement, counts: Record<string, Record<string, number>>): void {
	for (const checkbox of box.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
		const count = counts[checkbox.name]?.[checkbox.value] ?? 0;
		const label = checkbox.closest('label');
		const badge = label?.querySelector('[data-count]');
		if (badge) badge.textContent = `(${count})`;
		label?.classList.toggle('is-empty', count === 0 && !checkbox.checked);
	}
	for (const group of box.querySelectorAll<HTMLFieldSetElement>('fieldset')) {
		group.hidden = group.querySelector('label:not(.is-empty)') === null;
	}
}

function resultItem(data: PagefindResultData): HTMLLIElement {
	const item = element('li', { class: 'result' });
	const link = element('a', { href: data.url });
	link.append(element('span', { class: 'result-title' }, data.meta['title'] ?? data.url));
	const meta = element('p', { class: 'result-meta' });
	for (const part of [data.meta['code'], data.meta['type'], data.meta['first']]) {
		if (part) meta.append(element('span', {}, part));
	}
	const excerpt = element('p', { class: 'result-excerpt' });
	excerpt.append(...highlighted(data.excerpt));
	item.append(link, meta, excerpt);
	return item;
}

/** Pagefind's excerpt as nodes: its text, and <mark> around the matches; nothing else is trusted. */
function highlighted(html: string): Node[] {
	const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
	return [...(parsed?.childNodes ?? [])].map((node) =>
		node.nodeName === 'MARK' ? element('mark', {}, node.textContent ?? '') : document.createTextNode(node.textContent ?? ''),
	);
}
