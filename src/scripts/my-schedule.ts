// /my-schedule/: the picks of this browser (or of a shared link, read-only), grouped by city and local day, with
// clashes, learning-path progress, one calendar file and a share link. The data comes from the small per-city
// deliveries.json files (src/presentation/city-deliveries.ts), never from a whole-catalog download. Every text
// is set with textContent: nothing from a link or a file is ever parsed as HTML.
import type { CityDeliveries, CityDeliveryRow } from '../presentation/city-deliveries';
import { findClashes, type Clash } from './clashes';
import { initPickButtons, pickButton } from './pick-buttons';
import { mergeCalendars } from './ics-merge';
import { applyViewerClock, initViewerClock, remembered as rememberedClock } from './viewer-clock';
import { markNowAndNext, showOnDemand } from './now-next';
import { decodePicks, encodePicks, readPicks, writePicks, type Pick } from './picks';
import { element } from './dom';

type Row = CityDeliveryRow;
type CityData = CityDeliveries;

/** A pick as shown: its delivery, or why there is none. */
interface Entry {
	readonly ref: { readonly city: string; readonly key: string; readonly uid?: string };
	readonly city?: CityData;
	readonly row?: Row;
}

const cities = new Map<string, Promise<CityData | undefined>>();

/** A city's deliveries.json, or undefined when the city is gone from the site (or the file is not ours). */
export function loadCity(id: string): Promise<CityData | undefined> {
	let loaded = cities.get(id);
	if (!loaded) {
		loaded = fetch(`/cities/${encodeURIComponent(id)}/deliveries.json`)
			.then((response) => (response.ok ? (response.json() as Promise<CityData>) : undefined))
			.then((data) => (data && data.city === id && Array.isArray(data.deliveries) ? data : undefined))
			.catch(() => undefined);
		cities.set(id, loaded);
	}
	return loaded;
}

export async function initMySchedule(root: HTMLElement): Promise<void> {
	const list = root.querySelector<HTMLElement>('[data-schedule-list]');
	const status = root.querySelector<HTMLElement>('[data-schedule-status]');
	const empty = root.querySelector<HTMLElement>('[data-schedule-empty]');
	const sharedBanner = root.querySelector<HTMLElement>('[data-schedule-shared]');
	const actions = root.querySelector<HTMLElement>('[data-schedule-actions]');
	if (!list || !status || !empty || !sharedBanner || !actions) return;
	root.hidden = false;

	const params = new URLSearchParams(location.search);
	const shared = params.has('picks');
	const decoded = shared ? decodePicks(params.get('picks') ?? '') : undefined;

	let first = true;
	const render = async () => {
		const refs: Entry['ref'][] = decoded ? decoded.picks : readPicks();
		const entries: Entry[] = await Promise.all(
			refs.map(async (ref) => {
				const city = await loadCity(ref.city);
				const row = city?.deliveries.find((candidate) => ('uid' in ref && ref.uid ? candidate.uid === ref.uid : candidate.key === ref.key));
				return { ref, ...(city ? { city } : {}), ...(row ? { row } : {}) };
			}),
		);
		const found = entries.filter((entry): entry is Entry & { city: CityData; row: Row } => Boolean(entry.city && entry.row));
		// A shared link is someone else's list: what it names that this site does not have is counted, not shown.
		const unknown = shared ? entries.length - found.length : 0;
		if (shared) entries.splice(0, entries.length, ...found);
		const clashes = findClashes(found.map(({ row, city }) => ({ ...row, city: city.city })));
		// Redrawing must not lose the keyboard's place: back to the same button, else to the list's first heading.
		const focused =
			document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement : undefined;
		const focusedPick = focused?.closest<HTMLElement>('[data-pick]')?.dataset['pick'];
		list.replaceChildren(...renderCities(entries, clashes, found, !shared));
		actions.hidden = found.length === 0;
		const count = found.filter((entry) => !entry.row.cancelled).length;
		const clashCount = clashes.size;
		const ignored = (decoded?.ignored ?? 0) + unknown;
		const parts = [
			entries.length === 0
				? shared
					? 'This link holds no schedule this site can read.'
					: ''
				: `${count} ${count === 1 ? 'session' : 'sessions'}${clashCount ? `, ${clashCount} with a clash` : ''}.`,
			ignored
				? `${ignored} ${ignored === 1 ? 'entry' : 'entries'} of the link could not be read and ${ignored === 1 ? 'was' : 'were'} left out.`
				: '',
		];
		status.textContent = parts.filter(Boolean).join(' ');
		empty.hidden = entries.length > 0 || shared;
		if (focused) {
			const again = focusedPick ? list.querySelector<HTMLElement>(`[data-pick="${CSS.escape(focusedPick)}"]`) : null;
			const heading = list.querySelector<HTMLElement>('h2') ?? (empty.hidden ? null : empty.querySelector<HTMLElement>('h2'));
			if (again) again.focus();
			else if (heading) {
				heading.tabIndex = -1;
				heading.focus();
			}
		}
		if (!shared) {
			initPickButtons(list);
			saveForOffline(found.flatMap(({ row, city }) => [row.url, city.url]));
		}
		// On an event day, open at what is on now (or next).
		if (first && !location.hash) list.querySelector('.is-now, .is-next')?.scrollIntoView({ block: 'center' });
		first = false;
		applyViewerClock(rememberedClock(), list);
		return found;
	};

	initViewerClock();
	let found = await render();
	if (shared) {
		sharedBanner.hidden = false;
		const exporter = actions.querySelector('[data-schedule-export]');
		if (exporter) exporter.textContent = 'Download these as a calendar (.ics)';
		sharedBanner.querySelector('button')?.addEventListener('click', () => {
			const mine = readPicks();
			const added: Pick[] = found
				.filter((entry) => !mine.some((pick) => pick.uid === entry.row.uid))
				.map((entry) => ({ uid: entry.row.uid, city: entry.city.city, key: entry.row.key }));
			writePicks([...mine, ...added]);
			location.assign('/my-schedule/');
		});
	} else {
		const refresh = async () => {
			found = await render();
		};
		document.addEventListener('roadshow:picks', () => void refresh());
		// Now and next move with the clock, without a reload (and without redrawing what the viewer may be using).
		setInterval(() => remarks.forEach((remark) => remark()), 30_000);
		window.addEventListener('storage', (event) => {
			if (event.key === null || event.key === 'roadshow:picks') void refresh();
		});
	}

	actions.querySelector('[data-schedule-export]')?.addEventListener('click', async () => {
		// The static file of each pick, merged: the same events (UID, SEQUENCE) as "Add to calendar" gives, so importing
		// again updates them. A file that cannot be fetched stops the export with a message; nothing half-made is saved.
		try {
			const files = await Promise.all(
				found.map(async ({ row }) => {
					const response = await fetch(row.ics);
					if (!response.ok) throw new Error(`${row.code}: ${response.status}`);
					return response.text();
				}),
			);
			const name = root.dataset['eventName'] ?? 'Schedule';
			const text = mergeCalendars(files, { name: `${name}: my schedule` });
			const link = element('a', {
				href: URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })),
				download: 'my-schedule.ics',
			});
			link.hidden = true;
			document.body.append(link);
			link.click();
			link.remove();
			status.textContent = `A calendar file with ${files.length} ${files.length === 1 ? 'session' : 'sessions'} is downloaded; import it again after a change to update them.`;
		} catch (error) {
			status.textContent = `The calendar file could not be made (${error instanceof Error ? error.message : 'no network?'}); try again online.`;
		}
	});

	actions.querySelector('[data-schedule-share]')?.addEventListener('click', async () => {
		const link = `${location.origin}/my-schedule/?picks=${encodePicks(found.map((entry) => ({ uid: entry.row.uid, city: entry.city.city, key: entry.row.key })))}`;
		const output = actions.querySelector<HTMLInputElement>('[data-schedule-link]');
		if (output) {
			output.value = link;
			output.hidden = false;
			output.select();
		}
		try {
			await navigator.clipboard.writeText(link);
			status.textContent = 'The link to this schedule is copied: paste it to share it.';
		} catch {
			status.textContent = 'Copy the link below to share this schedule.';
		}
	});
}

/** What re-marks now and next in the sections on screen; replaced at each drawing. */
let remarks: (() => void)[] = [];

function renderCities(
	entries: readonly Entry[],
	clashes: Map<string, Clash[]>,
	found: readonly { city: CityData; row: Row }[],
	own: boolean,
): HTMLElement[] {
	const titleOf = new Map(found.map(({ row }) => [row.uid, `${row.code} (${row.day} ${row.start})`]));
	remarks = [];
	const byCity = new Map<string, Entry[]>();
	for (const entry of entries) byCity.set(entry.ref.city, [...(byCity.get(entry.ref.city) ?? []), entry]);
	const ordered = [...byCity].sort(([, a], [, b]) => (a[0]?.city?.dates.start ?? '9999').localeCompare(b[0]?.city?.dates.start ?? '9999'));
	return ordered.map(([id, cityEntries]) => {
		const city = cityEntries[0]?.city;
		const section = element('section', { class: 'schedule-city', 'aria-labelledby': `city-${id}` });
		const heading = element('h2', { id: `city-${id}` });
		if (city) heading.append(element('a', { href: city.url }, city.name));
		else heading.textContent = id;
		section.append(heading);
		if (city) section.append(element('p', { class: 'note' }, `Times in ${city.name}'s local time (${city.timezone}).`));
		const rows = cityEntries
			.filter((entry) => entry.row)
			.sort((a, b) => Date.parse(a.row?.startsAt ?? '') - Date.parse(b.row?.startsAt ?? ''));
		const days = new Map<string, Entry[]>();
		for (const entry of rows) days.set(entry.row?.date ?? '', [...(days.get(entry.row?.date ?? '') ?? []), entry]);
		for (const [, dayEntries] of days) {
			section.append(element('h3', {}, dayEntries[0]?.row?.day ?? ''));
			const list = element('ul', { class: 'plain-list schedule-day' });
			for (const entry of dayEntries)
				if (entry.row && entry.city) list.append(renderPick(entry.row, entry.city, clashes.get(entry.row.uid) ?? [], titleOf, own));
			section.append(list);
		}
		const missing = cityEntries.filter((entry) => !entry.row);
		if (missing.length > 0) {
			const gone = element('ul', { class: 'plain-list schedule-gone' });
			for (const entry of missing) {
				const item = element(
					'li',
					{},
					`${entry.ref.key.toUpperCase()}: no longer on the agenda${city ? '' : ` (no city "${id}" on this site)`}.`,
				);
				if (own && entry.ref.uid) item.append(' ', removeButton(entry.ref.uid));
				gone.append(item);
			}
			section.append(gone);
		}
		if (city) section.append(...pathProgress(city, rows, own));
		if (city) {
			const picked = [...section.querySelectorAll<HTMLElement>('.pick-item')];
			const remark = () => {
				markNowAndNext(picked, city.timezone, city.dates);
				showOnDemand(picked, city.timezone, city.dates);
			};
			remark();
			remarks.push(remark);
		}
		return section;
	});
}

function renderPick(row: Row, city: CityData, clashes: readonly Clash[], titleOf: Map<string, string>, own: boolean): HTMLLIElement {
	const item = element('li', {
		class: row.cancelled ? 'pick-item cancelled' : 'pick-item',
		'data-uid': row.uid,
		...(row.video ? { 'data-video': row.video, 'data-title': row.title } : {}),
	});
	// The same markup as the pages' TimeRange, so the viewer's clock reads it too.
	const time = element('p', { class: 'pick-time' });
	const range = element('span', { class: 'range', 'data-day': row.date });
	range.append(element('time', { datetime: row.startsAt }, row.start), '–', element('time', { datetime: row.endsAt }, row.end));
	const local = element('span', { class: 'delivery-time' });
	local.append(range, ` ${row.zone}`);
	time.append(local);
	const what = element('p', { class: 'pick-title' });
	if (row.cancelled) what.append(element('strong', { class: 'cancelled-note' }, 'Cancelled'), ' ');
	what.append(element('span', { class: 'code' }, row.code), ' ', element('a', { href: row.url }, row.title));
	const where = element('p', { class: 'pick-room' }, row.room);
	item.append(time, what, where);
	for (const clash of clashes) {
		const other = titleOf.get(clash.with) ?? 'another pick';
		item.append(
			element(
				'p',
				{ class: 'clash' },
				clash.kind === 'overlap' ? `Clashes with ${other}: the times overlap.` : `Clashes with ${other}: another city on the same day.`,
			),
		);
	}
	if (own) {
		item.append(
			pickButton({ uid: row.uid, city: city.city, key: row.key }, `${row.code} in ${city.name}, ${row.start} on ${row.day}`, true),
		);
	}
	return item;
}

function removeButton(uid: string): HTMLButtonElement {
	const button = element('button', { type: 'button', class: 'button button-ghost' }, 'Remove');
	button.addEventListener('click', () => {
		writePicks(readPicks().filter((pick) => pick.uid !== uid));
		document.dispatchEvent(new CustomEvent('roadshow:picks'));
	});
	return button;
}

/** "SOYS: 3 of 4 picked in Sydney", with the missing sessions' deliveries there one click away. */
function pathProgress(city: CityData, picked: readonly Entry[], own: boolean): HTMLElement[] {
	const codes = new Set(picked.filter((entry) => entry.row && !entry.row.cancelled).map((entry) => entry.row?.code));
	return city.paths.flatMap((path) => {
		const done = path.sessions.filter((code) => codes.has(code));
		if (done.length === 0) return [];
		const box = element('div', { class: 'path-progress' });
		const line = element('p');
		line.append(element('a', { href: path.url }, path.code), `: ${done.length} of ${path.sessions.length} picked in ${city.name}`);
		box.append(line);
		const missing = path.sessions.filter((code) => !codes.has(code));
		if (missing.length > 0 && own) {
			const list = element('ul', { class: 'plain-list' });
			for (const code of missing) {
				for (const row of city.deliveries.filter((candidate) => candidate.code === code && !candidate.cancelled)) {
					const item = element('li', {}, `${row.code} ${row.day} ${row.start}–${row.end} ${row.zone} · ${row.room} `);
					item.append(
						pickButton({ uid: row.uid, city: city.city, key: row.key }, `${row.code} in ${city.name}, ${row.start} on ${row.day}`, false),
					);
					list.append(item);
				}
			}
			box.append(list);
		}
		return [box];
	});
}

/**
 * Asks the offline worker (src/scripts/offline.ts) to keep the picked sessions' pages and their cities' agendas, so
 * they open at the venue without a network even if they were never visited on this device.
 */
function saveForOffline(paths: readonly string[]): void {
	if (!('serviceWorker' in navigator) || paths.length === 0) return;
	const save = [...new Set(paths)].filter((path) => path.startsWith('/')).slice(0, 200);
	void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ save })).catch(() => undefined);
}
