import type { APIRoute, GetStaticPaths } from 'astro';
import type { City } from '../../../catalog';
import { atomXml } from '../../../exports/atom';
import { cityChangesPath, cityUrl, sessionUrl } from '../../../presentation/urls';
import { revisions } from '../../../site/calendars';
import { catalog, siteUrl } from '../../../site/catalog';
import { cityChanges, sessionOfChange } from '../../../site/changes';

export const getStaticPaths = (() => catalog.cities.map((city) => ({ params: { id: city.id }, props: { city } }))) satisfies GetStaticPaths;

/** What changed in the city's agenda since it was published, newest first, for feed readers (Atom). */
export const GET: APIRoute<{ city: City }> = ({ props: { city } }) => {
	const { changes } = cityChanges(city);
	const domain = catalog.event.uidDomain ?? catalog.event.host;
	const feedId = `tag:${domain},2000:changes/${city.id}`;
	const xml = atomXml({
		id: feedId,
		title: `${catalog.event.name} – ${city.name}: changes to the agenda`,
		updated: changes[0]?.time ?? revisions.of([city.filePath]).lastModified,
		self: `${siteUrl}${cityChangesPath(city)}`,
		alternate: `${siteUrl}${cityUrl(city)}`,
		author: catalog.event.name,
		entries: changes.map((change) => {
			const session = sessionOfChange(change);
			return {
				id: `${feedId}/${change.commit}/${change.key.toLowerCase()}`,
				title: change.text,
				updated: change.time,
				...(session ? { link: `${siteUrl}${sessionUrl(session)}` } : {}),
				summary: session ? `${change.text}. ${session.code}: ${session.title}.` : `${change.text}.`,
			};
		}),
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
