import { escapeXmlAttribute, escapeXmlText } from './frab-xml';

/** One entry of an Atom feed (RFC 4287). */
export interface AtomEntry {
	readonly id: string;
	readonly title: string;
	readonly updated: Date;
	readonly link?: string;
	readonly summary: string;
	/** The entry's own authors (a session's speakers); without them the feed's author stands for it. */
	readonly authors?: readonly AtomPerson[];
	/** The language of the entry's title and summary (xml:lang) where it is not the feed's. */
	readonly lang?: string;
}

export interface AtomPerson {
	readonly name: string;
	readonly uri?: string;
}

export interface AtomFeed {
	readonly id: string;
	readonly title: string;
	readonly updated: Date;
	/** The feed's own address, and the page it follows. */
	readonly self: string;
	readonly alternate: string;
	readonly author: string;
	/** The feed's language (xml:lang), e.g. the site's. */
	readonly lang?: string;
	readonly entries: readonly AtomEntry[];
}

/** The feed as XML text; times in UTC, so the output never depends on the machine's zone. */
export function atomXml(feed: AtomFeed): string {
	const time = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const entries = feed.entries.map((entry) =>
		[
			entry.lang ? `  <entry xml:lang="${escapeXmlAttribute(entry.lang)}">` : '  <entry>',
			`    <id>${escapeXmlText(entry.id)}</id>`,
			`    <title>${escapeXmlText(entry.title)}</title>`,
			`    <updated>${time(entry.updated)}</updated>`,
			...(entry.link ? [`    <link rel="alternate" type="text/html" href="${escapeXmlAttribute(entry.link)}"/>`] : []),
			`    <summary>${escapeXmlText(entry.summary)}</summary>`,
			...(entry.authors ?? []).map(
				(author) =>
					`    <author><name>${escapeXmlText(author.name)}</name>${author.uri ? `<uri>${escapeXmlText(author.uri)}</uri>` : ''}</author>`,
			),
			'  </entry>',
		].join('\n'),
	);
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		feed.lang
			? `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXmlAttribute(feed.lang)}">`
			: '<feed xmlns="http://www.w3.org/2005/Atom">',
		`  <id>${escapeXmlText(feed.id)}</id>`,
		`  <title>${escapeXmlText(feed.title)}</title>`,
		`  <updated>${time(feed.updated)}</updated>`,
		`  <link rel="self" type="application/atom+xml" href="${escapeXmlAttribute(feed.self)}"/>`,
		`  <link rel="alternate" type="text/html" href="${escapeXmlAttribute(feed.alternate)}"/>`,
		`  <author><name>${escapeXmlText(feed.author)}</name></author>`,
		...entries,
		'</feed>',
		'',
	].join('\n');
}
