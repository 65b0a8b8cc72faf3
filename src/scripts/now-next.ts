// "Now and next" on a city's event days, and "Watch on demand" after its last day, by the viewer's clock in the
// city's zone. Before the event nothing changes. The page's markup says when things are (<time datetime>); a
// minute timer keeps the marks current without a reload. No third-party request happens until a viewer asks.

import { localDayAndTime } from '../catalog/time';

/** A time slot or a pick: where to put the mark, and when it runs. */
export interface Timed {
	readonly start: number;
	readonly end: number;
}

/** The local day (YYYY-MM-DD) of an instant in a zone. */
export function dayIn(zone: string, instant: number): string {
	return localDayAndTime(zone, new Date(instant)).day;
}

/** Which slots are on now and which come next (the first to start after now), as indexes. */
export function nowAndNext(slots: readonly Timed[], now: number): { now: number[]; next: number | undefined } {
	const on = slots.flatMap((slot, index) => (slot.start <= now && now < slot.end ? [index] : []));
	const upcoming = slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.start > now);
	upcoming.sort((a, b) => a.slot.start - b.slot.start);
	return { now: on, next: upcoming[0]?.index };
}

/** An address that can play inside the page (the video hosts the CSP's frame-src allows), or undefined. */
export function embedUrl(video: string): string | undefined {
	let url: URL;
	try {
		url = new URL(video);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:') return undefined;
	const id = /^[A-Za-z0-9_-]{6,20}$/;
	if (['www.youtube.com', 'youtube.com', 'm.youtube.com'].includes(url.hostname) && url.pathname === '/watch') {
		const v = url.searchParams.get('v') ?? '';
		return id.test(v) ? `https://www.youtube-nocookie.com/embed/${v}` : undefined;
	}
	if (url.hostname === 'youtu.be') {
		const v = url.pathname.slice(1);
		return id.test(v) ? `https://www.youtube-nocookie.com/embed/${v}` : undefined;
	}
	if (['www.youtube.com', 'www.youtube-nocookie.com'].includes(url.hostname) && url.pathname.startsWith('/embed/')) {
		const v = url.pathname.slice('/embed/'.length);
		return id.test(v) ? `https://www.youtube-nocookie.com/embed/${v}` : undefined;
	}
	if (url.hostname === 'vimeo.com' || url.hostname === 'player.vimeo.com') {
		const v = /^\/(?:video\/)?(\d{4,12})$/.exec(url.pathname)?.[1];
		return v ? `https://player.vimeo.com/video/${v}` : undefined;
	}
	return undefined;
}

function timesOf(element: Element): Timed | undefined {
	// A cancelled delivery is never on now or next.
	if (element.classList.contains('cancelled')) return undefined;
	const times = [...element.querySelectorAll('.range time')]
		.filter((time) => !time.closest('.cancelled'))
		.map((time) => Date.parse((time as HTMLTimeElement).dateTime));
	const starts = times.filter((_, index) => index % 2 === 0);
	const ends = times.filter((_, index) => index % 2 === 1);
	if (starts.length === 0 || ends.length === 0 || [...starts, ...ends].some(Number.isNaN)) return undefined;
	return { start: Math.min(...starts), end: Math.max(...ends) };
}

function mark(element: Element, label: 'Now' | 'Next' | undefined): void {
	element.classList.toggle('is-now', label === 'Now');
	element.classList.toggle('is-next', label === 'Next');
	// Beside the time, where there is one: the slot's own layout stays as it is.
	const host = element.querySelector(':scope > .time, :scope > .pick-time') ?? element;
	host.querySelector(':scope > .now-badge')?.remove();
	if (label) {
		const badge = document.createElement('strong');
		badge.className = 'now-badge';
		badge.textContent = label;
		host.prepend(badge);
	}
}

/**
 * Marks the slots (elements holding .range times) of an agenda whose event runs in `zone` over `dates`.
 * Returns the element to open at, on an event day.
 */
export function markNowAndNext(
	slots: readonly Element[],
	zone: string,
	dates: { start: string; end: string },
	now = Date.now(),
): Element | undefined {
	const today = dayIn(zone, now);
	const during = today >= dates.start && today <= dates.end;
	const timed = slots
		.map((slot) => ({ slot, times: timesOf(slot) }))
		.filter((entry): entry is { slot: Element; times: Timed } => Boolean(entry.times));
	const found = during
		? nowAndNext(
				timed.map((entry) => entry.times),
				now,
			)
		: { now: [], next: undefined };
	timed.forEach(({ slot }, index) => mark(slot, found.now.includes(index) ? 'Now' : index === found.next ? 'Next' : undefined));
	const first = found.now[0] ?? found.next;
	return first === undefined ? undefined : timed[first]?.slot;
}

/** After the stop's last day: "Watch on demand" for items with a recording; a click plays it here (or opens it). */
export function showOnDemand(items: readonly HTMLElement[], zone: string, dates: { end: string }, now = Date.now()): void {
	if (dayIn(zone, now) <= dates.end) return;
	for (const item of items) {
		const video = item.dataset['video'];
		if (!video || item.querySelector('.on-demand')) continue;
		const box = document.createElement('p');
		box.className = 'on-demand';
		const embed = embedUrl(video);
		if (embed) {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'button button-ghost';
			button.textContent = 'Watch on demand';
			button.addEventListener('click', () => {
				const frame = document.createElement('iframe');
				frame.src = embed;
				frame.title = `Recording: ${item.dataset['title'] ?? 'session'}`;
				frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups');
				frame.allow = 'fullscreen; picture-in-picture';
				frame.loading = 'lazy';
				frame.className = 'on-demand-player';
				box.replaceChildren(frame);
				frame.focus();
			});
			box.append(button);
		} else {
			const link = document.createElement('a');
			link.href = video;
			link.rel = 'noopener';
			link.textContent = 'Watch on demand';
			box.append(link);
		}
		item.append(box);
	}
}

/** The city page: marks now and next, opens at them on an event day, keeps them current; on demand after the stop. */
export function initCityNow(agenda: HTMLElement): void {
	const zone = agenda.dataset['timezone'];
	const [start, end] = (agenda.dataset['dates'] ?? '').split(' ');
	if (!zone || !start || !end) return;
	const slots = () => [...agenda.querySelectorAll('li.slot')];
	const opened = markNowAndNext(slots(), zone, { start, end });
	if (opened && !location.hash) opened.scrollIntoView({ block: 'center' });
	showOnDemand([...agenda.querySelectorAll<HTMLElement>('li.item[data-video]')], zone, { end });
	setInterval(() => {
		markNowAndNext(slots(), zone, { start, end });
		showOnDemand([...agenda.querySelectorAll<HTMLElement>('li.item[data-video]')], zone, { end });
	}, 30_000);
}
