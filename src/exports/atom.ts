/** One entry of an Atom feed (RFC 4287). */
export interface AtomEntry {
	readonly id: string;
	readonly title: string;
	readonly updated: Date;
	readonly link?: string;
	readonly summary: string;
}

export interface AtomFeed {
	readonly id: string;
	readonly title: string;
	readonly updated: Date;
	/** The feed's own address, and the page it follows. */
	readonly self: string;
	readonly alternate: string;
	readonly author: string;
	readonly entries: readonly AtomEntry[];
}

/** Text in XML content and attributes: the five characters that could end it, and controls XML 1.0 forbids. */
export function xmlText(value: string): string {
	return value
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** The feed as XML text; times in UTC, so the output never depends on the machine's zone. */
export function atomXml(feed: AtomFeed): string {
	const time = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const entries = feed.entries.map((entry) =>
		[
			'  <entry>',
			`    <id>${xmlText(entry.id)}</id>`,
			`    <title>${xmlText(entry.title)}</title>`,
			`    <updated>${time(entry.updated)}</updated>`,
			...(entry.link ? [`    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`] : []),
			`    <summary>${xmlText(entry.summary)}</summary>`,
			'  </entry>',
		].join('\n'),
	);
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`  <id>${xmlText(feed.id)}</id>`,
		`  <title>${xmlText(feed.title)}</title>`,
		`  <updated>${time(feed.updated)}</updated>`,
		`  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
		`  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
		`  <author><name>${xmlText(feed.author)}</name></author>`,
		...entries,
		'</feed>',
		'',
	].join('\n');
}
