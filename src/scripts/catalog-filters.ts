// The faceted session catalog: narrows the server-rendered list in place (no reload) and keeps the choice in
// the URL (?city=sydney&type=theater) so it can be shared; a change replaces the history entry, so one Back
// leaves the catalog. With a city chosen, each card shows its day, time and room there (from that city's small
// deliveries.json, fetched once) and cards sort by time. The filters apply as they change (a group of controls,
// not a form to submit). Without JavaScript they stay hidden and the full
// grouped list is there.
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

const agendas = new Map<string, Promise<readonly DeliveryRow[]>>();

function agendaOf(city: string): Promise<readonly DeliveryRow[]> {
	let agenda = agendas.get(city);
	if (!agenda) {
		agenda = fetch(`/cities/${encodeURIComponent(city)}/deliveries.json`)
			.then((response) => (response.ok ? (response.json() as Promise<{ deliveries: DeliveryRow[] }>) : { deliveries: [] }))
			.then((data) => (Array.isArray(data.deliveries) ? data.deliveries : []))
			.catch(() => []);
		agendas.set(city, agenda);
	}
	return agenda;
}

export function initCatalogFilters(form: HTMLElement): void {
	const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name]')];
	const names = selects.map((select) => select.name);
	const status = form.querySelector<HTMLElement>('[data-catalog-status]');
	const panel = form.closest('details');
	const panelCount = document.querySelector<HTMLElement>('[data-filter-count]');
	const items: Item[] = [...document.querySelectorAll<HTMLElement>('[data-session]')].map((element, order) => ({
		element,
		code: element.dataset['session'] ?? '',
		order,
		values: new Map(names.map((name) => [name, new Set((element.dataset[name] ?? '').split(' ').filter(Boolean))])),
	}));
	const groups = [...document.querySelectorAll<HTMLElement>('[data-catalog-group]')];

	const chosen = () => new Map(selects.filter((select) => select.value).map((select) => [select.name, select.value]));
	const matches = (item: Item, filters: ReadonlyMap<string, string>, except?: string) =>
		[...filters].every(([name, value]) => name === except || item.values.get(name)?.has(value));

	let shownCity = '';
	const apply = () => {
		const filters = chosen();
		let visible = 0;
		for (const item of items) {
			const shown = matches(item, filters);
			item.element.hidden = !shown;
			if (shown) visible++;
		}
		for (const group of groups) {
			const count = group.querySelectorAll('[data-session]:not([hidden])').length;
			group.hidden = count === 0;
			const entry = document.querySelector<HTMLElement>(`[data-catalog-toc="${group.dataset['catalogGroup'] ?? ''}"]`);
			if (entry) {
				entry.hidden = group.hidden;
				const counter = entry.querySelector('[data-count]');
				if (counter) counter.textContent = `(${count})`;
			}
		}
		if (panelCount) panelCount.textContent = filters.size ? `(${filters.size})` : '';
		const city = filters.get('city') ?? '';
		if (city !== shownCity) {
			shownCity = city;
			void showTimes(city);
		}
		// Each option tells how many sessions it would leave, given the other choices.
		for (const select of selects) {
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
		if (status) {
			status.textContent = filters.size === 0 ? `All ${items.length} sessions` : `${visible} of ${items.length} sessions match`;
		}
	};

	const readUrl = () => {
		const params = new URLSearchParams(location.search);
		for (const select of selects) {
			const value = params.get(select.name) ?? '';
			select.value = [...select.options].some((option) => option.value === value) ? value : '';
		}
	};

	const writeUrl = () => {
		const params = new URLSearchParams(location.search);
		for (const select of selects) {
			if (select.value) params.set(select.name, select.value);
			else params.delete(select.name);
		}
		const query = params.toString();
		history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
	};

	// With a city: its day, time and room on every card, and cards in time order within their track.
	const showTimes = async (city: string) => {
		const rows = city ? await agendaOf(city) : [];
		if (city !== shownCity) return;
		// The city as people read it (the option's label), for the buttons' names.
		const cityName = selects.find((select) => select.name === 'city')?.selectedOptions[0]?.dataset['label'] ?? city;
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

	form.addEventListener('change', (event) => {
		const target = event.target;
		if (target instanceof HTMLSelectElement && target.name === 'city') rememberCity(target.value);
		writeUrl();
		apply();
	});
	form.querySelector('[data-catalog-clear]')?.addEventListener('click', () => {
		for (const select of selects) select.value = '';
		writeUrl();
		apply();
	});
	window.addEventListener('popstate', () => {
		readUrl();
		apply();
	});

	readUrl();
	apply();
	form.hidden = false;
	if (panel) {
		panel.hidden = false;
		// Wide screens show the filters; phones keep them behind "Filters (n)" so the sessions come first.
		if (matchMedia('(min-width: 48rem)').matches) panel.open = true;
	}
}
