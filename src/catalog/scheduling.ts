import type { Problem } from './errors';
import { byCodePoint, groupBy, unique } from './order';
import type { AgendaDay, Delivery, LearningPath } from './types';
import { formatUtcOffset, utcOffsetMinutes, zoneAbbreviation } from './zones';

// The scheduling rules, as pure functions over deliveries: each returns the problems it finds, with the
// city file and agenda line of the delivery at fault. Deliveries must be in start order (byStartThenPlace).

/** Start order; at the same instant, by city and then room, so that every build lists them alike. */
export function byStartThenPlace(a: Delivery, b: Delivery): number {
	return a.start.getTime() - b.start.getTime() || byCodePoint(a.city.id, b.city.id) || byCodePoint(a.room, b.room);
}

/** One session cannot start twice at the same moment in one city. */
export function sameSessionTwiceAtOnce(deliveries: readonly Delivery[]): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, Delivery>();
	// A cancelled delivery may stay on the agenda beside the one that replaces it at the same time.
	for (const delivery of deliveries.filter((item) => !item.cancelled)) {
		const key = `${delivery.city.id}|${delivery.session.code}|${delivery.start.getTime()}`;
		const other = seen.get(key);
		if (other) {
			problems.push({
				file: delivery.city.filePath,
				field: `agenda[${delivery.agendaIndex}].start`,
				message: `${delivery.session.code} already starts at ${delivery.day} ${delivery.startTime} in room "${other.room}" (agenda[${other.agendaIndex}]); a session can start only once at a time in a city, so move or remove one of them`,
			});
		}
		seen.set(key, delivery);
	}
	return problems;
}

/** Two deliveries in one room of one city must not overlap. */
export function roomOverlaps(deliveries: readonly Delivery[]): Problem[] {
	const problems: Problem[] = [];
	const lastInRoom = new Map<string, Delivery>();
	// A cancelled delivery frees its room and its speakers.
	for (const delivery of deliveries.filter((item) => !item.cancelled)) {
		const room = `${delivery.city.id}|${delivery.room}`;
		const previous = lastInRoom.get(room);
		if (previous && delivery.start < previous.end) {
			problems.push({
				file: delivery.city.filePath,
				field: `agenda[${delivery.agendaIndex}].start`,
				message: `${delivery.session.code} at ${delivery.day} ${delivery.startTime} overlaps ${previous.session.code} (agenda[${previous.agendaIndex}], ${previous.startTime}–${previous.endTime}) in room "${delivery.room}"; move one of them to another time or room`,
			});
		}
		if (!previous || delivery.end > previous.end) lastInRoom.set(room, delivery);
	}
	return problems;
}

/** A speaker cannot be in two places at once, in one city or across the tour (instants, not local times). */
export function speakerClashes(deliveries: readonly Delivery[]): Problem[] {
	const problems: Problem[] = [];
	const lastBySpeaker = new Map<string, Delivery>();
	for (const delivery of deliveries.filter((item) => !item.cancelled)) {
		for (const speaker of delivery.session.speakers) {
			const previous = lastBySpeaker.get(speaker.id);
			if (previous && delivery.start < previous.end) {
				const where = previous.city === delivery.city ? `room "${previous.room}"` : `${previous.city.name} (${previous.city.filePath})`;
				problems.push({
					file: delivery.city.filePath,
					field: `agenda[${delivery.agendaIndex}].start`,
					message: `speaker "${speaker.id}" would be in two places at once: ${delivery.session.code} here at ${delivery.day} ${delivery.startTime} overlaps ${previous.session.code} in ${where} (agenda[${previous.agendaIndex}], ${previous.day} ${previous.startTime}–${previous.endTime} local); move one of them`,
				});
			}
			if (!previous || delivery.end > previous.end) lastBySpeaker.set(speaker.id, delivery);
		}
	}
	return problems;
}

/**
 * A city that offers a learning path must have all of its sessions on the agenda. `scheduled` holds the codes
 * of every agenda line, valid or not, so that a line with another mistake is not reported twice.
 */
export function missingPathSessions(
	file: string,
	offered: readonly { readonly path: LearningPath; readonly index: number }[],
	scheduled: ReadonlySet<string>,
): Problem[] {
	return offered.flatMap(({ path, index }) => {
		const missing = path.sessions.filter((session) => !scheduled.has(session.code)).map((session) => session.code);
		if (missing.length === 0) return [];
		return [
			{
				file,
				field: `paths[${index}]`,
				message: `offers learning path "${path.id}" but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not on the agenda; add ${missing.length === 1 ? 'it' : 'them'} to the agenda or remove "${path.id}" from paths`,
			},
		];
	});
}

/** A city's deliveries by local day, in start order. */
export function agendaDays(deliveries: readonly Delivery[]): AgendaDay[] {
	const byDay = groupBy(deliveries, (delivery) => [delivery.day]);
	return [...byDay].map(([day, list]) => Object.freeze({ day, deliveries: list }));
}

/** How a city's agenda times are labelled: "AEDT, UTC+11", or both zones for a stop across a DST change. */
export function zoneSummary(timeZone: string, starts: readonly Date[]): string {
	const labels = unique(
		starts.map((start) => {
			const offset = formatUtcOffset(utcOffsetMinutes(timeZone, start));
			const abbreviation = zoneAbbreviation(timeZone, start);
			return abbreviation ? `${abbreviation}, ${offset}` : offset;
		}),
	);
	return labels.join(' then ');
}
