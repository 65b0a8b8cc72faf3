// The /search/ page: results as you type, highlighted excerpts and facets with counts, on Pagefind's JS API.
// The page works without this script as a plain form; the state lives in the URL (?q=…&city=…).

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
	status.textContent = 'Loading the search index…';

	let pagefind: Pagefind;
	try {
		// A runtime URL, so the bundler leaves Pagefind's own script alone.
		const url = '/pagefind/pagefind.js';
		pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
		await pagefind.init();
	} catch {
		status.textContent = 'The search index was not found. Run "npm run build" to create it (in development, search uses the last build).';
		return;
	}
	const labels = readLabels(root);
	const selected = new Map<string, Set<string>>(facets.map(([name]) => [name, new Set<string>()]));
	const params = new URLSearchParams(location.search);
	input.value = params.get('q') ?? '';
	for (const [name] of facets) for (const value of params.getAll(name)) selected.get(name)?.add(idOf(labels, name, value));

	const allFilters = await pagefind.filters();
	renderFilters(filterBox, allFilters, selected, labels);

	let shown: PagefindResultData[] = [];
	let pending: PagefindSearch | null = null;
	let generation = 0;

	const run = async (updateUrl: boolean) => {
		const current = ++generation;
		const term = input.value.trim();
		const filters = Object.fromEntries(
			[...selected].filter(([, values]) => values.size > 0).map(([name, values]) => [name, { any: [...values] }]),
		);
		if (updateUrl) writeUrl(term, selected);
		const pickedCount = [...selected.values()].reduce((sum, values) => sum + values.size, 0);
		picked.textContent = pickedCount > 0 ? `(${pickedCount})` : '';
		if (!term && Object.keys(filters).length === 0) {
			list.replaceChildren();
			more.hidden = true;
			status.textContent = 'Type a word, a session code or a name, or pick a filter.';
			updateCounts(filterBox, allFilters);
			return;
		}
		const search = await pagefind.search(term || null, { filters });
		if (!search || current !== generation) return;
		pending = search;
		updateCounts(filterBox, search.filters);
		shown = await Promise.all(search.results.slice(0, PAGE_SIZE).map((result) => result.data()));
		if (current !== generation) return;
		list.replaceChildren(...shown.map(resultItem));
		more.hidden = search.results.length <= shown.length;
		const count = search.results.length;
		status.textContent = `${count === 1 ? '1 result' : `${count} results`}${term ? ` for “${term}”` : ''}`;
	};

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		void pagefind.preload(input.value);
		timer = setTimeout(() => void run(true), 120);
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && input.value) {
			event.preventDefault();
			input.value = '';
			void run(true);
		}
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void run(true);
	});
	filterBox.addEventListener('change', (event) => {
		const box = event.target;
		if (!(box instanceof HTMLInputElement)) return;
		const values = selected.get(box.name);
		if (box.checked) values?.add(box.value);
		else values?.delete(box.value);
		void run(true);
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
		void run(false);
	});
	await run(false);
	// Tests and styles wait for this: the index is loaded, facets and any first results are on screen.
	root.classList.add('is-ready');
}

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

function renderFilters(
	box: HTMLElement,
	all: Record<string, Record<string, number>>,
	selected: ReadonlyMap<string, ReadonlySet<string>>,
	labels: Labels,
): void {
	const groups = facets.flatMap(([name, legend]) => {
		const values = Object.keys(all[name] ?? {}).sort((a, b) =>
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

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Record<string, string>,
	text?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	if (text !== undefined) node.textContent = text;
	return node;
}
