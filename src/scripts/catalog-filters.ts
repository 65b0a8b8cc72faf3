// The faceted session catalog: narrows the server-rendered list in place (no reload) and keeps the choice in
// the URL (?city=sydney&type=theater) so it can be shared; a change replaces the history entry, so one Back
// leaves the catalog. With a city chosen, each card shows its day, time and room there (from that city's small
// deliveries.json, fetched once) and cards sort by time. The filters apply as they change (a group of controls,
// not a form to submit). Without JavaScript they stay hidden and the full grouped list (or, in a paginated
// catalog, the links to every track's pages) is there.
//
// A catalog too large for one page (src/presentation/catalog-pages.ts) has three scopes (data-scope):
// - `all`: every card is on the page; everything happens in place, as above.
// - `track`: /tracks/<id>/[n/]: one page of a track. Choosing a track goes to that track's page (or /sessions/
//   for "All") with the other choices in the query. Any other choice first pulls in the cards of the track's
//   other numbered pages (that track's HTML only, each page under the budget), then filters in place.
// - `overview`: /sessions/: the first few cards of each track. A choice loads /sessions/by-<facet>.json (the
//   sessions with each value of that facet, a few KB) and shows per track how many match, with a link to the
//   track's page carrying the choice; the preview cards that match stay in view.
import { rememberCity } from './your-city';
import { initPickButtons, pickButton } from './pick-buttons';

interface Item {
	readonly element: HTMLElement;
	readonly code: string;
	readonly order: number;
	readonly values: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A row of /cities/<id>/deliveries.json (src/presentation/city-deliveries.ts). */
interface DeliveryRow {
	readonly uid: string;
	readonly key: string;
	readonly code: string;
	readonly day: string;
	readonly start: string;
	readonly end: string;
	readonly zone: string;
	readonly startsAt: string;
	readonly room: string;
	readonly cancelled: boolean;
}

/** What the status says when a file the filters need could not be fetched (the next change asks again). */
const unreachable = 'The filter could not be loaded; check your connection and try again.';

/**
 * A fetched file, kept once it has arrived: a failure (offline, a server error) is forgotten, so that the next
 * choice asks again instead of showing an empty answer for good.
 */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
	let promise = cache.get(key);
	if (!promise) {
		const loading = load();
		promise = loading;
		cache.set(key, loading);
		loading.catch(() => {
			if (cache.get(key) === loading) cache.delete(key);
		});
	}
	return promise;
}

/** A response that came with its body, or an error (a failed download is never read as an empty answer). */
async function fetchOk(url: string): Promise<Response> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return response;
}

const fetchJson = async (url: string): Promise<unknown> => (await fetchOk(url)).json();

const agendas = new Map<string, Promise<readonly DeliveryRow[]>>();

const agendaOf = (city: string): Promise<readonly DeliveryRow[]> =>
	remembered(agendas, city, async () => {
		const data = (await fetchJson(`/cities/${encodeURIComponent(city)}/deliveries.json`)) as { deliveries?: unknown };
		return Array.isArray(data.deliveries) ? (data.deliveries as DeliveryRow[]) : [];
	});

/** /sessions/by-<facet>.json: for each value, the gaps between the positions of each value's sessions. */
interface FacetIndexFile {
	readonly values?: Readonly<Record<string, readonly number[]>>;
}

/** A facet's index (src/pages/sessions/by-[facet].json.ts): for each value, the positions of its sessions. */
const facetIndexes = new Map<string, Promise<ReadonlyMap<string, ReadonlySet<number>>>>();

const facetIndexOf = (facet: string): Promise<ReadonlyMap<string, ReadonlySet<number>>> =>
	remembered(facetIndexes, facet, async () => {
		const data = (await fetchJson(`/sessions/by-${encodeURIComponent(facet)}.json`)) as FacetIndexFile;
		// A Map, whatever the values are called (a speaker may be `constructor`); JSON.parse makes each an own key.
		const decoded = new Map<string, ReadonlySet<number>>();
		for (const [value, gaps] of Object.entries(data.values ?? {})) {
			if (!Array.isArray(gaps)) continue;
			let position = -1;
			decoded.set(value, new Set(gaps.map((gap) => (position += gap))));
		}
		return decoded;
	});

/** A track's pages, as urls.ts writes them (trackPageUrl); "All" is the catalog's overview. */
const trackHref = (track: string) => (track ? `/tracks/${encodeURIComponent(track)}/` : '/sessions/');

export function initCatalogFilters(form: HTMLElement): void {
	const scope = form.dataset['scope'] ?? 'all';
	const paginated = scope !== 'all';
	const otherPages = (form.dataset['otherPages'] ?? '').split(' ').filter(Boolean);
	const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name]')];
	// In a paginated catalog the track is the page, not a filter: choosing one navigates.
	const filtering = selects.filter((select) => !(paginated && select.name === 'track'));
	const names = selects.map((select) => select.name);
	const status = form.querySelector<HTMLElement>('[data-catalog-status]');
	const panel = form.closest('details');
	const panelCount = document.querySelector<HTMLElement>('[data-filter-count]');
	const collect = (): Item[] =>
		[...document.querySelectorAll<HTMLElement>('[data-session]')].map((element, order) => ({
			element,
			code: element.dataset['session'] ?? '',
			order,
			values: new Map(names.map((name) => [name, new Set((element.dataset[name] ?? '').split(' ').filter(Boolean))])),
		}));
	let items = collect();
	const groups = [...document.querySelectorAll<HTMLElement>('[data-catalog-group]')];
	const pagination = document.querySelector<HTMLElement>('[data-catalog-pagination]');
	// Every session in scope is on the page (a one-page catalog, a one-page track, or a track whose pages were pulled in).
	let complete = scope === 'all' || (scope === 'track' && otherPages.length === 0);
	// The sessions in scope: the catalog's (overview, one-page catalog) or the track's (a track's page).
	const total = Number(form.dataset['sessions'] ?? '') || items.length;
	// On a page of a track on several pages, which of the track's sessions it shows ("61–88").
	const pageRange = form.dataset['pageRange'];

	const chosen = () => new Map(filtering.filter((select) => select.value).map((select) => [select.name, select.value]));
	const matches = (item: Item, filters: ReadonlyMap<string, string>, except?: string) =>
		[...filters].every(([name, value]) => name === except || item.values.get(name)?.has(value));
	const query = (filters: ReadonlyMap<string, string>) => {
		const text = new URLSearchParams([...filters]).toString();
		return text ? `?${text}` : '';
	};

	// The cards of the track's other pages, pulled into this one in page order (once): the track's HTML only.
	let merging: Promise<void> | undefined;
	const mergeOtherPages = () =>
		(merging ??= (async () => {
			const list = document.querySelector<HTMLElement>('[data-catalog-page]');
			if (!list) return;
			const here = list.dataset['catalogPage'] ?? '1';
			const fetched = await Promise.all(
				otherPages.map(async (url) => {
					const html = await (await fetchOk(url)).text();
					return new DOMParser().parseFromString(html, 'text/html').querySelector<HTMLElement>('[data-catalog-page]');
				}),
			);
			const pages = [list, ...fetched.filter((page): page is HTMLElement => page !== null)].sort(
				(a, b) => Number(a.dataset['catalogPage']) - Number(b.dataset['catalogPage']),
			);
			const cards = pages.flatMap((page) =>
				[...page.querySelectorAll<HTMLElement>(':scope > [data-session]')].map((card) => {
					if (page !== list) card.dataset['otherPage'] = page.dataset['catalogPage'] ?? '';
					return document.adoptNode(card);
				}),
			);
			list.append(...cards);
			list.dataset['catalogPage'] = here;
			items = collect();
			complete = true;
			shownCity = undefined;
		})().catch(() => {
			merging = undefined;
		}));

	let shownCity: string | undefined = '';
	let applying = 0;
	const apply = async () => {
		const run = ++applying;
		const chosenFilters = chosen();
		// A file the choice needs could not be fetched: the page stays as without a choice, and says so.
		let failed = false;
		if (scope === 'track' && chosenFilters.size > 0 && !complete) {
			if (status) status.textContent = 'Loading the other pages of this track…';
			await mergeOtherPages();
			if (run !== applying) return;
			failed = !complete;
		}
		// In the overview, the sessions that match, as positions in the catalog's order (per-facet indexes).
		let matching: ReadonlySet<number> | undefined;
		if (scope === 'overview' && chosenFilters.size > 0) {
			try {
				const indexes = await Promise.all(
					[...chosenFilters].map(([name, value]) => facetIndexOf(name).then((index) => index.get(value) ?? new Set<number>())),
				);
				if (run !== applying) return;
				const [smallest, ...others] = [...indexes].sort((a, b) => a.size - b.size);
				matching = new Set([...(smallest ?? [])].filter((position) => others.every((set) => set.has(position))));
			} catch {
				if (run !== applying) return;
				failed = true;
			}
		}
		const filters = failed ? new Map<string, string>() : chosenFilters;
		let visible = 0;
		for (const item of items) {
			// With no choice, a track's page shows its own cards only (the others were pulled in for a filter).
			const shown = filters.size === 0 ? item.element.dataset['otherPage'] === undefined : matches(item, filters);
			item.element.hidden = !shown;
			if (shown) visible++;
		}
		if (pagination) pagination.hidden = filters.size > 0;
		for (const group of groups) {
			const id = group.dataset['catalogGroup'] ?? '';
			const [start = 0, size = 0] = (group.dataset['trackRange'] ?? '').split(' ').map(Number);
			let count = group.querySelectorAll('[data-session]:not([hidden])').length;
			if (scope === 'overview')
				count = matching ? [...matching].filter((position) => position >= start && position < start + size).length : size;
			group.hidden = count === 0;
			const entry = document.querySelector<HTMLElement>(`[data-catalog-toc="${id}"]`);
			if (entry) {
				entry.hidden = group.hidden;
				const counter = entry.querySelector('[data-count]');
				if (counter) counter.textContent = `(${count})`;
				const link = entry.querySelector('a');
				if (link && scope === 'overview') link.href = `${trackHref(id)}${query(chosenFilters)}`;
			}
			const more = group.querySelector<HTMLAnchorElement>('[data-catalog-more]');
			if (more) {
				more.href = `${trackHref(id)}${query(chosenFilters)}`;
				more.textContent = `All ${count} ${filters.size ? 'matching ' : ''}sessions of ${more.dataset['trackName'] ?? id}`;
			}
		}
		if (panelCount) panelCount.textContent = chosenFilters.size ? `(${chosenFilters.size})` : '';
		const city = chosenFilters.get('city') ?? '';
		if (city !== shownCity) {
			shownCity = city;
			void showTimes(city);
		}
		// Each option tells how many sessions it would leave, given the other choices (when every card in scope is
		// here; the overview's options carry the catalog's counts, written by the build).
		if (complete) {
			for (const select of filtering) {
				const counts = new Map<string, number>();
				for (const item of items) {
					if (!matches(item, filters, select.name)) continue;
					for (const value of item.values.get(select.name) ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
				}
				for (const option of select.options) {
					if (!option.value) continue;
					const count = counts.get(option.value) ?? 0;
					option.textContent = `${option.dataset['label'] ?? option.value} (${count})`;
					// An option that would leave nothing is hidden (unless it is the one chosen, so it can be seen).
					option.hidden = count === 0 && option.value !== select.value;
					option.disabled = option.hidden;
				}
			}
		}
		if (status) {
			const count = matching ? matching.size : visible;
			if (failed) status.textContent = unreachable;
			else if (filters.size > 0) status.textContent = `${count} of ${total} sessions match`;
			// A track's page n tells the track's total and its own share, as its heading does.
			else if (scope === 'track' && pageRange) status.textContent = `All ${total} sessions of this track; ${pageRange} on this page`;
			else status.textContent = `All ${total} sessions`;
		}
	};

	const readUrl = () => {
		const params = new URLSearchParams(location.search);
		for (const select of filtering) {
			const value = params.get(select.name) ?? '';
			select.value = [...select.options].some((option) => option.value === value) ? value : '';
		}
	};

	const writeUrl = () => {
		const params = new URLSearchParams(location.search);
		for (const select of filtering) {
			if (select.value) params.set(select.name, select.value);
			else params.delete(select.name);
		}
		const text = params.toString();
		history.replaceState(null, '', `${location.pathname}${text ? `?${text}` : ''}${location.hash}`);
	};

	// With a city: its day, time and room on every card, and cards in time order within their track.
	const showTimes = async (city: string) => {
		// The city as people read it (the option's label), for the buttons' names.
		const cityName = selects.find((select) => select.name === 'city')?.selectedOptions[0]?.dataset['label'] ?? city;
		let rows: readonly DeliveryRow[] = [];
		try {
			rows = city ? await agendaOf(city) : [];
		} catch {
			if (city !== shownCity) return;
			// The filter itself works (the cards carry their cities); the times come with the next change.
			shownCity = undefined;
			if (status)
				status.textContent = `${status.textContent ?? ''} The times in ${cityName} could not be loaded; check your connection and try again.`;
			return;
		}
		if (city !== shownCity) return;
		const byCode = new Map<string, DeliveryRow[]>();
		for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
		for (const item of items) {
			const slot = item.element.querySelector<HTMLElement>('[data-when]');
			const deliveries = byCode.get(item.code) ?? [];
			if (slot) {
				slot.replaceChildren(
					...deliveries.map((row) => {
						const line = document.createElement('span');
						line.className = row.cancelled ? 'when-line cancelled' : 'when-line';
						const text = document.createElement('span');
						text.textContent = `${row.cancelled ? 'Cancelled: ' : ''}${row.day} · ${row.start}–${row.end} ${row.zone} · ${row.room}`;
						line.append(text);
						if (!row.cancelled)
							line.append(pickButton({ uid: row.uid, city, key: row.key }, `${item.code} in ${cityName}, ${row.start} on ${row.day}`));
						return line;
					}),
				);
				slot.hidden = deliveries.length === 0;
			}
		}
		initPickButtons(document.querySelector('main') ?? document);
		const firstStart = (item: Item) => byCode.get(item.code)?.find((row) => !row.cancelled)?.startsAt ?? '';
		const key = (item: Item) => (city ? Date.parse(firstStart(item)) || Infinity : 0);
		for (const group of groups) {
			const list = group.querySelector('ul');
			if (!list) continue;
			const members = items.filter((item) => list.contains(item.element));
			members.sort((a, b) => key(a) - key(b) || a.order - b.order);
			list.append(...members.map((item) => item.element));
		}
	};

	// In a paginated catalog, choosing a track opens its page. A change made by browsing the closed menu with the
	// keyboard (arrows, Home, End, Page Up/Down, a letter) does not (WCAG 3.2.2): Enter opens it, and leaving the
	// menu without Enter puts it back on this page's track (tabbing on must not take the visitor elsewhere). A mouse,
	// a touch or Enter in the open list chooses at once.
	const trackSelect = paginated ? selects.find((select) => select.name === 'track') : undefined;
	if (trackSelect) {
		const here = form.dataset['track'] ?? '';
		let browsing = false;
		let leaving = false;
		const open = () => {
			if (leaving || trackSelect.value === here) return;
			leaving = true;
			location.assign(`${trackHref(trackSelect.value)}${query(chosen())}`);
		};
		trackSelect.addEventListener('keydown', (event) => {
			if (event.key === 'Enter') {
				if (trackSelect.value !== here) event.preventDefault();
				open();
				return;
			}
			const typing = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
			browsing = typing || ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key);
			// The change such a key makes comes before the next task.
			if (browsing) setTimeout(() => (browsing = false));
		});
		trackSelect.addEventListener('change', () => {
			if (!browsing) open();
		});
		trackSelect.addEventListener('blur', () => {
			if (!leaving) trackSelect.value = here;
		});
	}

	form.addEventListener('change', (event) => {
		const target = event.target;
		if (target === trackSelect) return;
		if (target instanceof HTMLSelectElement && target.name === 'city') rememberCity(target.value);
		writeUrl();
		void apply();
	});
	// A multi-page track starts pulling in its other pages as soon as someone reaches for a filter.
	if (scope === 'track' && !complete) form.addEventListener('focusin', () => void mergeOtherPages().then(() => apply()), { once: true });
	form.querySelector('[data-catalog-clear]')?.addEventListener('click', () => {
		for (const select of filtering) select.value = '';
		writeUrl();
		void apply();
	});
	window.addEventListener('popstate', () => {
		readUrl();
		void apply();
	});

	// A link to the overview with a track (/sessions/?track=…, as a session page or search may write) opens that track's page.
	const askedTrack = new URLSearchParams(location.search).get('track');
	if (
		scope === 'overview' &&
		askedTrack &&
		selects.some((select) => select.name === 'track' && [...select.options].some((option) => option.value === askedTrack))
	) {
		const params = new URLSearchParams(location.search);
		params.delete('track');
		location.replace(`${trackHref(askedTrack)}${params.size ? `?${params.toString()}` : ''}`);
		return;
	}
	readUrl();
	void apply();
	form.hidden = false;
	if (panel) {
		panel.hidden = false;
		// Wide screens show the filters; phones keep them behind "Filters (n)" so the sessions come first.
		if (matchMedia('(min-width: 48rem)').matches) panel.open = true;
	}
}
