// What a page says about itself in <head>: the title and description that search results and link previews show.

/** Search results show about 60–70 characters of a title; longer ones are cut where the engine likes. */
export const maxTitleLength = 70;
/** And about 155–160 characters of a description. */
export const maxDescriptionLength = 160;

/** Where an Atom feed of every session is published (src/pages/sessions.xml.ts), linked from every page's head. */
export const sessionsFeedPath = '/sessions.xml';

/**
 * Shortens text to at most `max` characters (code points, so that no emoji or CJK character outside the BMP is
 * cut in half), at a word boundary, with "…". Trailing punctuation before the ellipsis goes ("SharePoint,…"
 * reads as a typo). A single word longer than `max` is cut inside.
 */
export function shorten(text: string, max: number): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	const chars = Array.from(clean);
	if (chars.length <= max) return clean;
	const head = chars.slice(0, max - 1).join('');
	const atBoundary = chars[max - 1] === ' ' ? head : head.replace(/\s+\S*$/, '');
	const cut = (atBoundary || head).replace(/[\s,;:.·–—-]+$/u, '');
	return `${cut || head}…`;
}

/**
 * The <title>: "<page title> · <event name>" when that fits in 70 characters as written in HTML; else the page title alone, shortened
 * at a word boundary if need be, since it says what the page is ("SOYS10: Content collaboration and…"). The
 * home page (whose title is the event name) has the name alone.
 */
export function pageTitle(title: string, eventName: string): string {
	const page = title.replace(/\s+/g, ' ').trim();
	const event = eventName.replace(/\s+/g, ' ').trim();
	if (page === event || page === '') return shorten(event, maxTitleLength);
	const full = `${page} · ${event}`;
	if (writtenLength(full) <= maxTitleLength) return full;
	// Shorter until it fits as written: an ' or & takes five characters in the HTML, and validators count those.
	for (let max = maxTitleLength; max > 1; max--) {
		const short = shorten(page, max);
		if (writtenLength(short) <= maxTitleLength) return short;
	}
	return shorten(page, maxTitleLength);
}

/** Characters of text as the page writes it, with & < > " ' as entities (what html-validate's long-title counts). */
export function writtenLength(text: string): number {
	return Array.from(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'))
		.length;
}

/** The meta description: the page's own text on one line, at most 160 characters; the fallback when it has none. */
export function metaDescription(description: string | undefined, fallback: string): string {
	return shorten(description?.trim() ? description : fallback, maxDescriptionLength);
}

/**
 * og:locale ("en_US") from the site's BCP 47 language ("en"): Open Graph wants language_TERRITORY, and the likely
 * territory comes from CLDR's likely subtags (Intl.Locale#maximize, the pinned Node's data), e.g. "de" → "de_DE".
 */
export function openGraphLocale(language: string): string {
	try {
		const locale = new Intl.Locale(language).maximize();
		return locale.region ? `${locale.language}_${locale.region}` : locale.language;
	} catch {
		return language.replace('-', '_');
	}
}
