// "Your city": the city an attendee cares about, remembered in this browser only (localStorage, no account, no
// cookie). The session page puts that city's deliveries first; choosing a city in the catalog remembers it too.
// Without JavaScript, or with storage blocked, pages show every city in tour order.

const storageKey = 'roadshow:city';

/** The remembered city id, or '' (also when storage is blocked, as in some private windows). */
export function rememberedCity(): string {
	try {
		return localStorage.getItem(storageKey) ?? '';
	} catch {
		return '';
	}
}

export function rememberCity(id: string): void {
	try {
		if (id) localStorage.setItem(storageKey, id);
		else localStorage.removeItem(storageKey);
	} catch {
		// Storage blocked: the choice lasts for this page only.
	}
}

/**
 * The session page: the chooser (hidden until this runs) and the table of deliveries. The chosen city's rows move
 * into the "Your city" group at the top and the summary under the title names its first delivery.
 */
export function initSessionCity(chooser: HTMLElement): void {
	const select = chooser.querySelector('select');
	const table = document.querySelector<HTMLTableElement>('table[data-deliveries]');
	const yours = table?.querySelector<HTMLElement>('tbody[data-yours]');
	const summary = document.querySelector<HTMLElement>('[data-your-delivery]');
	if (!select || !table || !yours) return;
	// What the page says without a chosen city (the tour's span), shown again when the choice is cleared.
	const fallback = summary ? [...summary.childNodes] : [];

	const apply = (city: string) => {
		// Put back the rows of the previous choice, in their order.
		for (const row of yours.querySelectorAll<HTMLTableRowElement>('tr[data-city]')) {
			const home = table.querySelector<HTMLElement>(`tbody[data-region="${CSS.escape(row.dataset['region'] ?? '')}"]`);
			const next = [...(home?.querySelectorAll<HTMLElement>('tr[data-order]') ?? [])].find(
				(other) => Number(other.dataset['order']) > Number(row.dataset['order']),
			);
			if (next) next.before(row);
			else home?.append(row);
		}
		const rows = city ? [...table.querySelectorAll<HTMLTableRowElement>(`tr[data-city="${CSS.escape(city)}"]`)] : [];
		yours.append(...rows);
		yours.hidden = rows.length === 0;
		for (const region of table.querySelectorAll<HTMLElement>('tbody[data-region]')) {
			region.hidden = !region.querySelector('tr[data-city]');
		}
		if (summary) summary.replaceChildren(...(city ? describe(city, rows, select) : fallback));
	};

	select.value = [...select.options].some((option) => option.value === rememberedCity()) ? rememberedCity() : '';
	chooser.hidden = false;
	apply(select.value);
	select.addEventListener('change', () => {
		rememberCity(select.value);
		apply(select.value);
	});
}

/** "In Sydney: Thu, 13 Feb 2020 09:00–09:45 AEDT · Darling Harbour Theatre", from the row itself. */
function describe(city: string, rows: readonly HTMLTableRowElement[], select: HTMLSelectElement): Node[] {
	const name = select.selectedOptions[0]?.textContent ?? city;
	const first = rows.find((row) => !row.classList.contains('cancelled'));
	if (!first) {
		return [document.createTextNode(rows.length ? `Cancelled in ${name}.` : `Not on the agenda in ${name}.`)];
	}
	const time = first.querySelector('.delivery-time')?.cloneNode(true);
	const room = first.querySelector('.room')?.textContent ?? '';
	const label = document.createElement('strong');
	label.textContent = `In ${name}: `;
	return [label, ...(time ? [time] : []), document.createTextNode(room ? ` · ${room}` : '')];
}
