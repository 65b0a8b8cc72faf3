import { ProblemLog, type Problem } from './errors';
import { groupBy, unique } from './order';
import { readCities } from './readers/cities';
import { readEvent } from './readers/event';
import { declaredIds } from './readers/ids';
import { readPaths } from './readers/paths';
import { readSessions } from './readers/sessions';
import { readImages } from './readers/images';
import { readSpeakers } from './readers/speakers';
import { readTracks } from './readers/tracks';
import { checkBody } from './body-check';
import { checkMdxBody } from './mdx-check';
import { byStartThenPlace, speakerClashes } from './scheduling';
import type { Catalog, CatalogSource, Delivery, Session } from './types';
import { facetId } from './facet-ids';

/**
 * Validates every content file and builds the one immutable Catalog the site is made from: readers per file
 * kind, in reference order (tracks and speakers before sessions, sessions before paths and cities), then the
 * tour-wide scheduling rules, then the indexes. Throws a CatalogError listing every problem, not only the first.
 */
/**
 * UIDs are unique per city by construction; across cities an id can make two meet (Sydney's line with
 * `id: day2-1` and a city file `sydney-day2.md`'s first line both give `SOYS10-sydney-day2-1@…`).
 */
function uidClashes(deliveries: readonly Delivery[]): Problem[] {
	const byUid = new Map<string, Delivery>();
	const problems: Problem[] = [];
	for (const delivery of deliveries) {
		const other = byUid.get(delivery.uid);
		if (other) {
			problems.push({
				file: delivery.city.filePath,
				field: `agenda[${delivery.agendaIndex}]`,
				message: `has the calendar UID ${delivery.uid}, which ${other.city.filePath} agenda[${other.agendaIndex}] has too; give one of them another id`,
			});
		} else byUid.set(delivery.uid, delivery);
	}
	return problems;
}

/** Two product names with one facet id ("C#" and "C++" once) would be one filter: refused, never merged. */
function productClashes(sessions: readonly Session[]): Problem[] {
	const byId = new Map<string, { name: string; file: string }>();
	const problems: Problem[] = [];
	for (const session of sessions) {
		session.products.forEach((name, index) => {
			const id = facetId(name);
			const other = byId.get(id);
			if (!other) byId.set(id, { name, file: session.filePath });
			else if (other.name !== name) {
				problems.push({
					file: session.filePath,
					field: `products[${index}]`,
					message: `"${name}" would be the same filter as "${other.name}" (${other.file}), both "${id}"; write the product's name the same way everywhere, or tell the two apart`,
				});
			}
		});
	}
	return problems;
}

export function buildCatalog(source: CatalogSource): Catalog {
	const problems = new ProblemLog();
	source.problems?.forEach(problems.report);
	const declared = declaredIds(source);
	for (const file of [...source.sessions, ...source.paths, ...source.cities, ...source.speakers]) {
		checkMdxBody(file, problems);
		checkBody(file, problems);
	}
	const event = readEvent(source.event, problems);
	const tracks = readTracks(source.tracks, problems);
	const trackById = new Map(tracks.map((track) => [track.id, track]));
	const images = readImages(source.images ?? [], `${source.event.filePath.replace(/[^/]*$/, '')}images/`, problems);
	const speakers = readSpeakers(source.speakers, images, problems);
	const speakerById = new Map(speakers.map((speaker) => [speaker.id, speaker]));
	const sessions = readSessions(source.sessions, { trackById, speakerById, declared, siteLanguage: event?.language ?? 'en' }, problems);
	const sessionByCode = new Map(sessions.map((session) => [session.code, session]));
	const paths = readPaths(source.paths, { sessionByCode, declared }, problems);
	const pathById = new Map(paths.map((path) => [path.id, path]));
	const uidDomain = event?.uidDomain ?? event?.host ?? 'localhost';
	const cities = readCities(source.cities, { uidDomain, sessionByCode, pathById, declared, images }, problems);
	const deliveries = cities.flatMap((city) => city.deliveries).sort(byStartThenPlace);
	speakerClashes(deliveries).forEach(problems.report);
	uidClashes(deliveries).forEach(problems.report);
	productClashes(sessions).forEach(problems.report);

	problems.throwIfAny();
	if (!event) throw new Error('unreachable: an event that did not parse is a reported problem');

	return Object.freeze({
		event,
		tracks,
		sessions,
		paths,
		cities,
		speakers,
		deliveries: Object.freeze(deliveries),
		trackById,
		sessionByCode,
		pathById,
		cityById: new Map(cities.map((city) => [city.id, city])),
		speakerById,
		deliveryByUid: new Map(deliveries.map((delivery) => [delivery.uid, delivery])),
		sessionsByTrack: groupBy(sessions, (session) => [session.track.id]),
		sessionsBySpeaker: groupBy(sessions, (session) => session.speakers.map((speaker) => speaker.id)),
		pathsBySession: groupBy(paths, (path) => path.sessions.map((session) => session.code)),
		deliveriesBySession: groupBy(deliveries, (delivery) => [delivery.session.code]),
		citiesByPath: groupBy(cities, (city) => city.paths.map((path) => path.id)),
		citiesBySession: groupBy(cities, (city) => unique(city.deliveries.map((delivery) => delivery.session.code))),
	});
}
