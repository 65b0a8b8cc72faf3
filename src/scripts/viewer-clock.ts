// The second clock: every time is shown in the city's time with its zone; this switch (remembered in the browser)
// adds the viewer's own time next to each range, with "+1 day" or "−1 day" when the date differs from the city's.
// Days stay grouped by the city's date. It reads the ranges' own <time datetime> instants (TimeRange.astro).

import { localDayAndTime } from '../catalog/time';
import { formatUtcOffset, utcOffsetMinutes, zoneAbbreviation } from '../catalog/zones';

const storageKey = 'roadshow:viewer-clock';

export function remembered(): boolean {
	try {
		return localStorage.getItem(storageKey) === 'on';
	} catch {
		return false;
	}
}

function remember(on: boolean): void {
	try {
		if (on) localStorage.setItem(storageKey, 'on');
		else localStorage.removeItem(storageKey);
	} catch {
		// Storage blocked: the switch lasts for this page.
	}
}

/** The viewer's zone, as the browser knows it (Intl), e.g. "Europe/Berlin". */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "23:00–23:45 CET −1 day": a range in a zone, against the city's local day (YYYY-MM-DD). */
export function viewerRange(start: Date, end: Date, cityDay: string, zone: string): string {
	const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
	// The same names as the pages use for the cities' zones (CET, CST, AEDT), else the offset (UTC+9).
	const label = zoneAbbreviation(zone, start) ?? formatUtcOffset(utcOffsetMinutes(zone, start));
	const day = localDayAndTime(zone, start).day;
	const shift = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${cityDay}T00:00:00Z`)) / 86_400_000);
	const days = shift === 0 ? '' : ` ${shift > 0 ? '+' : '−'}${Math.abs(shift)} ${Math.abs(shift) === 1 ? 'day' : 'days'}`;
	return `${time.format(start)}–${time.format(end)} ${label}${days}`;
}

/** Adds (or removes) the viewer's time after every range under `root`. */
export function applyViewerClock(on: boolean, root: ParentNode = document): void {
	const zone = viewerZone();
	for (const range of root.querySelectorAll<HTMLElement>('.range[data-day]')) {
		// After the whole "Thu, 13 Feb 2020 09:00–09:45 AEDT" where there is one, so the city's zone stays with its times.
		const anchor = range.closest('.delivery-time') ?? range;
		const next = anchor.nextElementSibling;
		if (next?.classList.contains('viewer-time')) next.remove();
		if (!on) continue;
		const [start, end] = [...range.querySelectorAll('time')].map((time) => new Date(time.dateTime));
		if (!start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) continue;
		const mine = document.createElement('span');
		mine.className = 'viewer-time';
		mine.textContent = ` (your time: ${viewerRange(start, end, range.dataset['day'] ?? '', zone)})`;
		anchor.after(mine);
	}
}

/** Wires the switch (hidden until this runs) and applies the remembered choice. */
export function initViewerClock(): void {
	const zone = viewerZone();
	for (const toggle of document.querySelectorAll<HTMLInputElement>('input[data-viewer-clock]')) {
		const label = toggle.closest('label');
		const name = label?.querySelector('[data-viewer-zone]');
		if (name) name.textContent = ` (${zone})`;
		toggle.checked = remembered();
		toggle.addEventListener('change', () => {
			remember(toggle.checked);
			for (const other of document.querySelectorAll<HTMLInputElement>('input[data-viewer-clock]')) other.checked = toggle.checked;
			applyViewerClock(toggle.checked);
		});
		if (label) label.hidden = false;
	}
	applyViewerClock(remembered());
}
