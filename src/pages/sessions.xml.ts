import type { APIRoute } from 'astro';
import { atomXml, type AtomEntry } from '../exports/atom';
import { contentDirectory, eventFile } from '../loaders/content-files';
import { truncate } from '../presentation/format';
import { sessionsFeedPath } from '../presentation/head';
import { abstractText } from '../presentation/plain-text';
import { sessionUrl, speakerUrl } from '../presentation/urls';
import { revisions } from '../site/calendars';
import { catalog, siteUrl } from '../site/catalog';

/**
 * Every session as an Atom feed (docs/architecture.md "URLs"), newest change first, so that a feed reader sees a
 * new or rewritten session. An entry's `updated` is the last commit of the files it shows (the session and its
 * speakers), never the build's clock: two builds of one commit give the same bytes. Ids are tag: URIs on the uid
 * domain, like the calendars' UIDs, so that they survive a move of the site.
 */
export const GET: APIRoute = () => {
	const { event } = catalog;
	const domain = event.uidDomain ?? event.host;
	const feedId = `tag:${domain},2000:sessions`;
	const entries = catalog.sessions
		.map((session) => {
			const entry: AtomEntry = {
				id: `${feedId}/${session.code}`,
				title: `${session.code}: ${session.title}`,
				updated: revisions.of([session.filePath, ...session.speakers.map((speaker) => speaker.filePath)]).lastModified,
				link: `${siteUrl}${sessionUrl(session)}`,
				summary: truncate((abstractText(session).split('\n\n')[0] ?? '').replace(/\s+/g, ' '), 500),
				...(session.language === event.language ? {} : { lang: session.language }),
				authors: session.speakers.map((speaker) => ({ name: speaker.name, uri: `${siteUrl}${speakerUrl(speaker)}` })),
			};
			return { code: session.code, entry };
		})
		.sort((a, b) => b.entry.updated.getTime() - a.entry.updated.getTime() || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
		.map(({ entry }) => entry);
	const eventRevision = revisions.of([`${contentDirectory()}/${eventFile}`]).lastModified;
	const newest = entries[0]?.updated;
	const xml = atomXml({
		id: feedId,
		title: `${event.name}: sessions`,
		updated: newest && newest > eventRevision ? newest : eventRevision,
		self: `${siteUrl}${sessionsFeedPath}`,
		alternate: `${siteUrl}/sessions/`,
		author: event.name,
		lang: event.language,
		entries,
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
