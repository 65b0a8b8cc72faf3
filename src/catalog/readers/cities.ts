import { z } from 'astro/zod';
import { agendaItemSchema, citySchema, type AgendaItemData, type CityData } from '../../schemas/city';
import type { FileReporter, ProblemLog } from '../errors';
import { byCodePoint, byFilePath, groupBy } from '../order';
import { parseWithProblems } from '../schema-problems';
import { agendaDays, byStartThenPlace, missingPathSessions, roomOverlaps, sameSessionTwiceAtOnce, zoneSummary } from '../scheduling';
import { localDayAndTime, resolveLocalTime } from '../time';
import type { City, Delivery, LearningPath, Session, SourceFile } from '../types';
import { checkTimeZone, formatUtcOffset, utcOffsetMinutes, zoneAbbreviation } from '../zones';
import { uniqueIds, unknownId, unknownSession, type DeclaredIds } from './ids';
import { checkImageReference, type ContentImages } from './images';

const MINUTE = 60_000;

export interface CityContext {
	/** Domain of every delivery's UID: `event.uidDomain`, else the site's host. */
	readonly uidDomain: string;
	readonly sessionByCode: ReadonlyMap<string, Session>;
	readonly pathById: ReadonlyMap<string, LearningPath>;
	readonly declared: DeclaredIds;
	readonly images: ContentImages;
}

// The agenda is checked line by line (below), so that one bad line does not hide the problems of the others.
const cityWithoutAgenda = citySchema.extend({ agenda: z.array(z.unknown()).default([]) });

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type CityFields = Omit<CityData, 'agenda'> & { agenda: readonly (AgendaItemData | undefined)[] };

/** `content/cities/<id>.mdx` with their agendas resolved to instants; sorted by first day, then name. */
export function readCities(files: readonly SourceFile[], context: CityContext, problems: ProblemLog): readonly City[] {
	const cities: City[] = [];
	const idOf = uniqueIds('city', problems);
	for (const file of [...files].sort(byFilePath)) {
		const id = idOf(file);
		const data = parseWithProblems(cityWithoutAgenda, file.data, file.filePath, problems.report);
		if (!id || !data) continue;
		const agenda = data.agenda.map((line, index) =>
			parseWithProblems(agendaItemSchema, line, file.filePath, problems.report, ['agenda', index]),
		);
		// A session whose agenda line has another mistake is on the agenda all the same: do not report it twice.
		const scheduled = new Set(
			data.agenda.flatMap((line) =>
				typeof line === 'object' && line !== null && 'session' in line && typeof line.session === 'string'
					? [line.session.toUpperCase()]
					: [],
			),
		);
		const city = readCity(file, id, { ...data, agenda }, scheduled, context, problems);
		if (city) cities.push(city);
	}
	return Object.freeze(
		cities.sort((a, b) => byCodePoint(a.dates.start, b.dates.start) || a.name.localeCompare(b.name, 'en') || byCodePoint(a.id, b.id)),
	);
}

function readCity(
	file: SourceFile,
	id: string,
	data: CityFields,
	scheduled: ReadonlySet<string>,
	context: CityContext,
	problems: ProblemLog,
): City | undefined {
	const at = problems.in(file.filePath);
	const zone = checkTimeZone(data.timezone);
	if (zone !== true) at('timezone', zone);
	if (data.dates.end < data.dates.start) {
		at('dates.end', `${data.dates.end} is before dates.start ${data.dates.start}; the last day cannot come before the first`);
	}
	const rooms = new Set<string>();
	// "Hall A" and "hall a" (or "Hall  A") are one room to attendees: as two rooms they would let two sessions
	// overlap in it unseen, since the overlap check compares rooms by name.
	const roomKey = (room: string) => room.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
	const roomByKey = new Map<string, string>();
	data.rooms.forEach((room, index) => {
		const same = roomByKey.get(roomKey(room));
		if (same === room) at(`rooms[${index}]`, `room "${room}" is listed twice; list each room once`);
		else if (same !== undefined) {
			at(`rooms[${index}]`, `room "${room}" differs from room "${same}" only in case or spaces; use one spelling for one room`);
		} else roomByKey.set(roomKey(room), room);
		rooms.add(room);
	});
	const image = data.image !== undefined && checkImageReference(data.image, 'image', context.images, at);
	if (data.image !== undefined && data.imageAlt === undefined) {
		at('imageAlt', `is required with "image"; say in a few words what the picture shows, e.g. "The Sydney Opera House at dusk"`);
	}
	if (data.image === undefined && data.imageAlt !== undefined)
		at('imageAlt', 'describes a picture, but there is no "image"; add one or remove imageAlt');
	const offered: { path: LearningPath; index: number }[] = [];
	data.paths.forEach((pathId, index) => {
		const path = context.pathById.get(pathId);
		if (path && offered.some((earlier) => earlier.path === path))
			at(`paths[${index}]`, `"${pathId}" is listed twice; list each learning path once`);
		else if (path) offered.push({ path, index });
		else if (!context.declared.paths.has(pathId)) {
			at(`paths[${index}]`, unknownId('learning path', pathId, context.pathById.keys(), 'content/paths/'));
		}
	});
	if (zone !== true) return undefined;

	// City and its deliveries refer to each other; the object is completed before it is frozen.
	const city: Mutable<City> & { deliveries: Delivery[] } = {
		id,
		name: data.name,
		country: data.country,
		label: data.label,
		timezone: data.timezone,
		dates: Object.freeze({ ...data.dates }),
		venue: Object.freeze({ ...data.venue }),
		registration: data.registration,
		image:
			image && data.image !== undefined && data.imageAlt !== undefined
				? Object.freeze({ file: data.image, alt: data.imageAlt })
				: undefined,
		paths: Object.freeze(offered.map(({ path }) => path)),
		rooms: Object.freeze([...rooms]),
		description: (file.body ?? '').trim(),
		filePath: file.filePath,
		deliveries: [],
		days: [],
		deliveriesBySession: new Map(),
		zoneSummary: '',
		hasWorkshop: false,
	};

	const keys = deliveryKeys(data.agenda);
	const lineByKey = new Map<string, number>();
	// Lines with an id first: an id is the editor's intent, so a clash is reported on the line without one.
	const order = data.agenda
		.map((_, index) => index)
		.sort((a, b) => Number(data.agenda[a]?.id === undefined) - Number(data.agenda[b]?.id === undefined) || a - b);
	order.forEach((index) => {
		const item = data.agenda[index];
		if (!item) return;
		const key = keys[index] ?? '';
		const other = lineByKey.get(key);
		if (other !== undefined) {
			const number = key.slice(key.indexOf('-') + 1);
			if (item.id === undefined) {
				at(
					`agenda[${index}]`,
					`this is ${item.session.toUpperCase()} line number ${number} here, which agenda[${other}] has as its id; give this line an id of its own, e.g. id: new-${number}`,
				);
			} else {
				at(`agenda[${index}].id`, `gives this delivery the same calendar identity as agenda[${other}] (${key}); choose another id`);
			}
			return;
		}
		lineByKey.set(key, index);
		const delivery = readAgendaLine(item, index, key, city, data, rooms, context, at);
		if (delivery) city.deliveries.push(delivery);
	});
	city.deliveries.sort(byStartThenPlace);
	for (const problem of [
		...sameSessionTwiceAtOnce(city.deliveries),
		...roomOverlaps(city.deliveries),
		...missingPathSessions(file.filePath, offered, scheduled),
	]) {
		problems.report(problem);
	}
	city.deliveries.forEach((delivery) => Object.freeze(delivery));
	const starts = city.deliveries.length > 0 ? city.deliveries.map((delivery) => delivery.start) : [noonOf(data.timezone, data.dates.start)];
	city.days = agendaDays(city.deliveries);
	city.deliveriesBySession = groupBy(city.deliveries, (delivery) => [delivery.session.code]);
	city.zoneSummary = zoneSummary(data.timezone, starts);
	city.hasWorkshop = city.deliveries.some((delivery) => delivery.session.type === 'workshop');
	Object.freeze(city.deliveries);
	return Object.freeze(city);
}

/** One agenda line as a delivery at real instants, or undefined (with its problems reported). */
function readAgendaLine(
	item: AgendaItemData,
	index: number,
	key: string,
	city: City,
	data: CityFields,
	rooms: ReadonlySet<string>,
	context: CityContext,
	at: FileReporter,
): Delivery | undefined {
	const line = `agenda[${index}]`;
	const session = context.sessionByCode.get(item.session.toUpperCase());
	if (!session && !context.declared.sessions.has(item.session.toUpperCase())) {
		at(`${line}.session`, unknownSession(item.session, context.sessionByCode));
	}
	if (!rooms.has(item.room)) at(`${line}.room`, unknownId('room', item.room, rooms, 'the rooms list of this city'));
	if (item.day < data.dates.start || item.day > data.dates.end) {
		at(
			`${line}.day`,
			`${item.day} is outside the city's dates (${data.dates.start} to ${data.dates.end}); use a day within them or change dates`,
		);
	}
	const start = instantOf(data.timezone, item.day, item.start, `${line}.start`, at);
	const end = item.end === undefined || !start ? undefined : instantOf(data.timezone, item.day, item.end, `${line}.end`, at);
	if (start && end && end <= start) {
		at(
			`${line}.end`,
			`"${item.end}" is not after start "${item.start}"; the end must come after the start (leave end out to use the session's duration)`,
		);
		return undefined;
	}
	if (!session || !start || (item.end !== undefined && !end)) return undefined;
	const finish = end ?? new Date(start.getTime() + session.duration * MINUTE);
	const local = localDayAndTime(data.timezone, start);
	const localEnd = localDayAndTime(data.timezone, finish);
	// An explicit end is a time of the same day (so it cannot pass midnight); the session's length must not either.
	if (localEnd.day !== local.day && !(localEnd.time === '00:00' && finish.getTime() - start.getTime() <= 24 * 60 * MINUTE)) {
		at(
			`${line}.start`,
			`${session.code} starts at ${item.start} and its ${session.duration} minutes run past midnight (to ${localEnd.time} the next day); a delivery ends on the day it starts: start earlier, or give an end`,
		);
		return undefined;
	}
	const offset = utcOffsetMinutes(data.timezone, start);
	return {
		uid: `${session.code}-${city.id}-${key.slice(key.indexOf('-') + 1)}@${context.uidDomain}`,
		key: key.toLowerCase(),
		cancelled: item.status === 'cancelled',
		session,
		city,
		room: item.room,
		start,
		end: finish,
		day: local.day,
		startTime: local.time,
		endTime: localEnd.time,
		utcOffsetMinutes: offset,
		zoneLabel: zoneAbbreviation(data.timezone, start) ?? formatUtcOffset(offset),
		agendaIndex: index,
	};
}

/**
 * The identity of each agenda line, `<CODE>-<n>`: n is the line's number among the lines of the same session in
 * this city, in agenda order, or the line's `id` when it has one. Neither time, day, room nor title is in it,
 * so a delivery that moves stays the same event in every calendar that imported it. Used by the catalog and by
 * the change list, which reads old versions of the agenda.
 */
export function deliveryKeys(agenda: readonly (Pick<AgendaItemData, 'session' | 'id'> | undefined)[]): (string | undefined)[] {
	const count = new Map<string, number>();
	return agenda.map((item) => {
		if (!item) return undefined;
		const code = item.session.toUpperCase();
		const n = (count.get(code) ?? 0) + 1;
		count.set(code, n);
		return `${code}-${item.id ?? n}`;
	});
}

function instantOf(timeZone: string, day: string, time: string, field: string, at: FileReporter): Date | undefined {
	const resolution = resolveLocalTime(timeZone, day, time);
	if (resolution.kind === 'instant') return resolution.instant;
	if (resolution.kind === 'gap') {
		at(
			field,
			`"${time}" on ${day} does not exist in ${timeZone}: the clocks skip that hour when daylight saving time starts; choose another time`,
		);
	} else {
		at(
			field,
			`"${time}" on ${day} happens twice in ${timeZone}: the clocks go back that night, so the time is ambiguous; choose another time`,
		);
	}
	return undefined;
}

function noonOf(timeZone: string, day: string): Date {
	const resolution = resolveLocalTime(timeZone, day, '12:00');
	if (resolution.kind === 'instant') return resolution.instant;
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, date, 12));
}
