// The faceted session catalog: narrows the server-rendered list in place (no reload, no download) and
// keeps the choice in the URL (?city=sydney&type=theater) so it can be shared and survives back/forward.
// Without JavaScript the form stays hidden and the full grouped list is there.

interface Item {
	readonly element: HTMLElement;
	readonly values: ReadonlyMap<string, ReadonlySet<string>>;
}

export function initCatalogFilters(form: HTMLFormElement): void {
	const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name]')];
	const names = selects.map((select) => select.name);
	const status = form.querySelector<HTMLElement>('[data-catalog-status]');
	const items: Item[] = [...document.querySelectorAll<HTMLElement>('[data-session]')].map((element) => ({
		element,
		values: new Map(names.map((name) => [name, new Set((element.dataset[name] ?? '').split(' ').filter(Boolean))])),
	}));
	const groups = [...document.querySelectorAll<HTMLElement>('[data-catalog-group]')];

	const chosen = () => new Map(selects.filter((select) => select.value).map((select) => [select.name, select.value]));
	const matches = (item: Item, filters: ReadonlyMap<string, string>, except?: string) =>
		[...filters].every(([name, value]) => name === except || item.values.get(name)?.has(value));

	const apply = () => {
		const filters = chosen();
		let visible = 0;
		for (const item of items) {
			const shown = matches(item, filters);
			item.element.hidden = !shown;
			if (shown) visible++;
		}
		for (const group of groups) {
			group.hidden = !group.querySelector('[data-session]:not([hidden])');
			const entry = document.querySelector<HTMLElement>(`[data-catalog-toc="${group.dataset['catalogGroup'] ?? ''}"]`);
			if (entry) entry.hidden = group.hidden;
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
				option.textContent = `${option.dataset['label'] ?? option.value} (${counts.get(option.value) ?? 0})`;
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
		history.pushState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
	};

	form.addEventListener('change', () => {
		writeUrl();
		apply();
	});
	form.addEventListener('reset', () => {
		// The reset happens after this event; read the cleared values on the next task.
		setTimeout(() => {
			writeUrl();
			apply();
		});
	});
	form.addEventListener('submit', (event) => event.preventDefault());
	window.addEventListener('popstate', () => {
		readUrl();
		apply();
	});

	readUrl();
	apply();
	form.hidden = false;
}
