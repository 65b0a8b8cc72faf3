import type { Delivery } from '../catalog';
import { truncate } from './format';
import { abstractText } from './plain-text';
import { sessionUrl } from './urls';

/** Where an "Add to calendar" control can send an attendee. */
export interface CalendarLink {
	readonly label: string;
	readonly href: string;
	/** Opens another site. */
	readonly external: boolean;
	/** A file to save rather than a page to open. */
	readonly download?: boolean;
}

// Web calendars take the event in the URL, and a session page has one link per delivery and web calendar:
// the description is the abstract's opening and the page's address, where the rest is (the .ics has it all).
const MAX_DETAILS = 160;

/** Links for one delivery: its .ics file, Google Calendar and Outlook on the web. */
export function deliveryLinks(delivery: Delivery, icsPath: string, siteUrl: string): CalendarLink[] {
	const { session, city } = delivery;
	const pageUrl = `${siteUrl}${sessionUrl(session)}`;
	const title = `${session.code}: ${session.title}`;
	const location = `${delivery.room}, ${city.venue.name}, ${city.venue.address}`;
	const details = `${truncate(abstractText(session), MAX_DETAILS)}\n\n${pageUrl}`;
	const google = new URL('https://calendar.google.com/calendar/render');
	google.search = new URLSearchParams({
		action: 'TEMPLATE',
		text: title,
		dates: `${basicUtc(delivery.start)}/${basicUtc(delivery.end)}`,
		ctz: city.timezone,
		details,
		location,
	}).toString();
	const outlook = (host: string) => {
		const url = new URL(`https://${host}/calendar/0/deeplink/compose`);
		url.search = new URLSearchParams({
			path: '/calendar/action/compose',
			rru: 'addevent',
			subject: title,
			startdt: delivery.start.toISOString().replace('.000Z', 'Z'),
			enddt: delivery.end.toISOString().replace('.000Z', 'Z'),
			body: details,
			location,
		}).toString();
		return url.href;
	};
	return [
		{ label: 'Download .ics (Outlook, Apple, Thunderbird)', href: icsPath, external: false, download: true },
		{ label: 'Google Calendar', href: google.href, external: true },
		{ label: 'Outlook.com', href: outlook('outlook.live.com'), external: true },
		{ label: 'Outlook (Microsoft 365)', href: outlook('outlook.office.com'), external: true },
	];
}

/** Links for a whole feed (a city's agenda, a path in a city): download, subscribe, and the web calendars' subscribe pages. */
export function feedLinks(icsPath: string, title: string, siteUrl: string): CalendarLink[] {
	const httpsUrl = `${siteUrl}${icsPath}`;
	const webcalUrl = httpsUrl.replace(/^https?:/, 'webcal:');
	// Google's cid link opens the subscribe dialog on Android too, where webcal:// goes nowhere.
	const google = `https://calendar.google.com/calendar/render?${new URLSearchParams({ cid: webcalUrl })}`;
	const outlook = (host: string) => `https://${host}/calendar/0/addfromweb?${new URLSearchParams({ url: httpsUrl, name: title })}`;
	return [
		{ label: 'Download .ics', href: icsPath, external: false, download: true },
		{ label: 'Subscribe (Apple, Outlook desktop, Thunderbird)', href: webcalUrl, external: false },
		{ label: 'Subscribe in Google Calendar', href: google, external: true },
		{ label: 'Subscribe in Outlook.com', href: outlook('outlook.live.com'), external: true },
		{ label: 'Subscribe in Outlook (Microsoft 365)', href: outlook('outlook.office.com'), external: true },
	];
}

/** 20200212T220000Z */
function basicUtc(instant: Date): string {
	return instant
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}
