import { eventSchema } from '../schemas/event';
import { tracksSchema } from '../schemas/track';
import { defaultDurations, sessionSchema } from '../schemas/session';
import { pathSchema } from '../schemas/path';
import { z } from 'astro/zod';
import { agendaItemSchema, citySchema, type AgendaItemData, type CityData } from '../schemas/city';
import { speakerSchema } from '../schemas/speaker';
import { CatalogError, type Problem } from './errors';
import { parseWithProblems } from './schema-problems';
import { checkBody } from './body-check';
import { markdownToPlainText } from './plain-text';
import { closestMatch } from './suggest';
import {
	formatUtcOffset,
	isIanaTimeZone,
	localDayAndTime,
	resolveLocalTime,
	utcOffsetMinutes,
	zoneAbbreviation,
} from './time';
import type {
	AgendaDay,
	Catalog,
	CatalogSource,
	City,
	Delivery,
	Event,
	LearningPath,
	Session,
	SourceFile,
	Speaker,
	Track,
} from './types';

const MINUTE = 60_000;

/**
 * Validates every content file and builds the one immutable Catalog the site is made from.
 * Throws a CatalogError listing every problem found, not only the first.
 */
export function buildCatalog(source: CatalogSource): Catalog {
	const problems: Problem[] = [];
	const declared = declaredIds(source);
	for (const file of [...source.sessions, ...source.paths, ...source.cities, ...source.speakers]) checkBody(file, problems);
	const event = readEvent(source.event, problems);
	const tracks = readTracks(source.tracks, problems);
	const trackById = new Map(tracks.map((track) => [track.id, track]));
	const speakers = readSpeakers(source.speakers, problems);
	const speakerById = new Map(speakers.map((speaker) => [speaker.id, speaker]));
	const sessions = readSessions(source.sessions, trackById, speakerById, declared, event?.language ?? 'en', problems);
	const sessionByCode = new Map(sessions.map((session) => [session.code, session]));
	const paths = readPaths(source.paths, sessionByCode, declared, problems);
	const pathById = new Map(paths.map((path) => [path.id, path]));
	const cities = readCities(source.cities, event?.host ?? 'localhost', sessionByCode, pathById, declared, problems);
	const deliveries = cities.flatMap((city) => city.deliveries).sort(byStartThenPlace);
	checkSpeakerClashes(deliveries, problems);

	if (problems.length > 0 || !event) {
		throw new CatalogError(sortProblems(problems));
	}

	const sessionsByTrack = groupBy(sessions, (session) => [session.track.id]);
	const sessionsBySpeaker = groupBy(sessions, (session) => session.speakers.map((speaker) => speaker.id));
	const pathsBySession = groupBy(paths, (path) => path.sessions.map((session) => session.code));
	const deliveriesBySession = groupBy(deliveries, (delivery) => [delivery.session.code]);
	const citiesByPath = groupBy(cities, (city) => city.paths.map((path) => path.id));
	const citiesBySession = groupBy(cities, (city) => unique(city.deliveries.map((delivery) => delivery.session.code)));

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
		sessionsByTrack,
		sessionsBySpeaker,
		pathsBySession,
		deliveriesBySession,
		citiesByPath,
		citiesBySession,
	});
}

/** Ids of every file present, valid or not: a reference to an invalid file is not also reported as unknown. */
interface Declared {
	readonly sessions: ReadonlySet<string>;
	readonly speakers: ReadonlySet<string>;
	readonly paths: ReadonlySet<string>;
	readonly tracks: ReadonlySet<string>;
}

function declaredIds(source: CatalogSource): Declared {
	const names = (files: readonly SourceFile[]) => new Set(files.map((file) => baseName(file.filePath)));
	const trackIds = Array.isArray(source.tracks.data)
		? source.tracks.data.flatMap((track: unknown) =>
				typeof track === 'object' && track !== null && 'id' in track ? [String(track.id)] : [],
			)
		: [];
	return {
		sessions: new Set([...names(source.sessions)].map((name) => name.toUpperCase())),
		speakers: names(source.speakers),
		paths: names(source.paths),
		tracks: new Set(trackIds),
	};
}

function readEvent(file: SourceFile, problems: Problem[]): Event | undefined {
	const data = parseWithProblems(eventSchema, file.data, file.filePath, report(problems));
	if (!data) return undefined;
	return Object.freeze({ ...data, filePath: file.filePath, host: new URL(data.url).hostname });
}

function readTracks(file: SourceFile, problems: Problem[]): readonly Track[] {
	const data = parseWithProblems(tracksSchema, file.data, file.filePath, report(problems));
	if (!data) return [];
	const seen = new Set<string>();
	const tracks: Track[] = [];
	data.forEach((track, index) => {
		if (seen.has(track.id)) {
			problems.push({ file: file.filePath, field: `[${index}].id`, message: `duplicate track id "${track.id}"; give each track its own id` });
			return;
		}
		seen.add(track.id);
		if (track.color && contrastWithWhite(track.color) < 4.5) {
			problems.push({
				file: file.filePath,
				field: `[${index}].color`,
				message: `${track.color} is too light for the white text of track badges (contrast ${contrastWithWhite(track.color).toFixed(2)}:1, at least 4.5:1 is needed); choose a darker colour`,
			});
		}
		tracks.push(Object.freeze({ id: track.id, name: track.name, description: track.description, color: track.color }));
	});
	return Object.freeze(tracks);
}

/** WCAG contrast ratio of white text on a #rrggbb background. */
function contrastWithWhite(color: string): number {
	const channel = (offset: number) => {
		const value = Number.parseInt(color.slice(offset, offset + 2), 16) / 255;
		return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
	};
	const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
	return 1.05 / (luminance + 0.05);
}

function readSpeakers(files: readonly SourceFile[], problems: Problem[]): readonly Speaker[] {
	const speakers: Speaker[] = [];
	const idOf = uniqueIds('speaker');
	for (const file of [...files].sort(byFilePath)) {
		const id = idOf(file, problems);
		const data = parseWithProblems(speakerSchema, file.data, file.filePath, report(problems));
		if (!id || !data) continue;
		speakers.push(Object.freeze({ id, ...data, photo: data.photo, bio: (file.body ?? '').trim(), filePath: file.filePath }));
	}
	return Object.freeze(speakers.sort((a, b) => a.name.localeCompare(b.name, 'en') || byCodePoint(a.id, b.id)));
}

function readSessions(
	files: readonly SourceFile[],
	trackById: ReadonlyMap<string, Track>,
	speakerById: ReadonlyMap<string, Speaker>,
	declared: Declared,
	siteLanguage: string,
	problems: Problem[],
): readonly Session[] {
	const sessions: Session[] = [];
	const fileByCode = new Map<string, string>();
	// Code-point order: SOYS10.mdx comes before soys10.mdx, so the conventional capitals win a clash.
	for (const file of [...files].sort(byFilePath)) {
		const name = baseName(file.filePath);
		if (!/^[A-Za-z0-9]+$/.test(name)) {
			problems.push({
				file: file.filePath,
				field: '',
				message: `the file name "${name}" is not a session code; name the file after the code, letters and digits only (capitals by convention), e.g. SOYS10.mdx`,
			});
			continue;
		}
		const code = name.toUpperCase();
		const other = fileByCode.get(code);
		if (other) {
			problems.push({
				file: file.filePath,
				field: '',
				message: `duplicate session code ${code}: ${other} has the same code (codes ignore case); rename or delete one of them`,
			});
			continue;
		}
		fileByCode.set(code, file.filePath);
		const data = parseWithProblems(sessionSchema, file.data, file.filePath, report(problems));
		if (!data) continue;
		const track = trackById.get(data.track);
		if (!track && !declared.tracks.has(data.track)) {
			problems.push({ file: file.filePath, field: 'track', message: unknownId('track', data.track, trackById.keys(), 'content/tracks.yaml') });
		}
		const speakers: Speaker[] = [];
		data.speakers.forEach((speakerId, index) => {
			const speaker = speakerById.get(speakerId);
			if (!speaker) {
				if (declared.speakers.has(speakerId)) return;
				problems.push({
					file: file.filePath,
					field: `speakers[${index}]`,
					message: unknownId('speaker', speakerId, speakerById.keys(), 'content/speakers/'),
				});
			} else if (speakers.includes(speaker)) {
				problems.push({ file: file.filePath, field: `speakers[${index}]`, message: `"${speakerId}" is listed twice; list each speaker once` });
			} else {
				speakers.push(speaker);
			}
		});
		if (!track) continue;
		sessions.push(
			Object.freeze({
				code,
				slug: code.toLowerCase(),
				title: data.title,
				type: data.type,
				duration: data.duration ?? defaultDurations[data.type],
				track,
				level: data.level,
				speakers: Object.freeze(speakers),
				products: data.products,
				tags: data.tags,
				language: data.language ?? siteLanguage,
				video: data.video,
				slides: data.slides,
				abstract: (file.body ?? '').trim(),
				abstractText: markdownToPlainText(file.body ?? ''),
				filePath: file.filePath,
			}),
		);
	}
	return Object.freeze(sessions.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })));
}

function readPaths(
	files: readonly SourceFile[],
	sessionByCode: ReadonlyMap<string, Session>,
	declared: Declared,
	problems: Problem[],
): readonly LearningPath[] {
	const paths: LearningPath[] = [];
	const fileByCode = new Map<string, string>();
	const idOf = uniqueIds('learning path');
	for (const file of [...files].sort(byFilePath)) {
		const id = idOf(file, problems);
		const data = parseWithProblems(pathSchema, file.data, file.filePath, report(problems));
		if (!id || !data) continue;
		const other = fileByCode.get(data.code);
		if (other) {
			problems.push({ file: file.filePath, field: 'code', message: `code ${data.code} is already used by ${other}; give each learning path its own code` });
		}
		fileByCode.set(data.code, file.filePath);
		const sessions: Session[] = [];
		data.sessions.forEach((reference, index) => {
			const session = sessionByCode.get(reference.toUpperCase());
			if (!session) {
				if (declared.sessions.has(reference.toUpperCase())) return;
				problems.push({ file: file.filePath, field: `sessions[${index}]`, message: unknownSession(reference, sessionByCode) });
			} else if (sessions.includes(session)) {
				problems.push({ file: file.filePath, field: `sessions[${index}]`, message: `${session.code} is listed twice; list each session once` });
			} else {
				sessions.push(session);
			}
		});
		paths.push(
			Object.freeze({
				id,
				code: data.code,
				title: data.title,
				sessions: Object.freeze(sessions),
				products: data.products,
				totalMinutes: sessions.reduce((sum, session) => sum + session.duration, 0),
				description: (file.body ?? '').trim(),
				filePath: file.filePath,
			}),
		);
	}
	return Object.freeze(paths.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })));
}

const cityWithoutAgenda = citySchema.extend({ agenda: z.array(z.unknown()).default([]) });

function readCities(
	files: readonly SourceFile[],
	host: string,
	sessionByCode: ReadonlyMap<string, Session>,
	pathById: ReadonlyMap<string, LearningPath>,
	declared: Declared,
	problems: Problem[],
): readonly City[] {
	const cities: City[] = [];
	const idOf = uniqueIds('city');
	for (const file of [...files].sort(byFilePath)) {
		const id = idOf(file, problems);
		const data = parseWithProblems(cityWithoutAgenda, file.data, file.filePath, report(problems));
		if (!id || !data) continue;
		// Each agenda line is checked on its own, so one bad line does not hide the problems of the others.
		const agenda = data.agenda.map((line, index) =>
			parseWithProblems(agendaItemSchema, line, file.filePath, report(problems), ['agenda', index]),
		);
		// A session whose agenda line has another mistake is on the agenda all the same: do not report it twice.
		const scheduled = new Set(
			data.agenda.flatMap((line) =>
				typeof line === 'object' && line !== null && 'session' in line && typeof line.session === 'string'
					? [line.session.toUpperCase()]
					: [],
			),
		);
		const city = readCity(file, id, { ...data, agenda }, scheduled, host, sessionByCode, pathById, declared, problems);
		if (city) cities.push(city);
	}
	return Object.freeze(
		cities.sort((a, b) => byCodePoint(a.dates.start, b.dates.start) || a.name.localeCompare(b.name, 'en') || byCodePoint(a.id, b.id)),
	);
}

function readCity(
	file: SourceFile,
	id: string,
	data: Omit<CityData, 'agenda'> & { agenda: readonly (AgendaItemData | undefined)[] },
	scheduled: ReadonlySet<string>,
	host: string,
	sessionByCode: ReadonlyMap<string, Session>,
	pathById: ReadonlyMap<string, LearningPath>,
	declared: Declared,
	problems: Problem[],
): City | undefined {
	const at = (field: string, message: string) => problems.push({ file: file.filePath, field, message });
	const zone = checkTimeZone(data.timezone);
	const validZone = zone === true;
	if (zone !== true) at('timezone', zone);
	if (data.dates.end < data.dates.start) {
		at('dates.end', `${data.dates.end} is before dates.start ${data.dates.start}; the last day cannot come before the first`);
	}
	const rooms = new Set<string>();
	data.rooms.forEach((room, index) => {
		if (rooms.has(room)) at(`rooms[${index}]`, `room "${room}" is listed twice; list each room once`);
		rooms.add(room);
	});
	const paths: LearningPath[] = [];
	data.paths.forEach((pathId, index) => {
		const path = pathById.get(pathId);
		if (path) paths.push(path);
		else if (!declared.paths.has(pathId)) at(`paths[${index}]`, unknownId('learning path', pathId, pathById.keys(), 'content/paths/'));
	});

	// City and its deliveries refer to each other; the object is completed before it is frozen.
	const city = {
		id,
		name: data.name,
		country: data.country,
		label: data.label,
		timezone: data.timezone,
		dates: Object.freeze({ ...data.dates }),
		venue: Object.freeze({ ...data.venue }),
		registration: data.registration,
		paths: Object.freeze(paths),
		rooms: Object.freeze([...rooms]),
		description: (file.body ?? '').trim(),
		filePath: file.filePath,
		deliveries: [] as Delivery[],
		days: [] as AgendaDay[],
		deliveriesBySession: new Map() as ReadonlyMap<string, readonly Delivery[]>,
		zoneSummary: '',
		hasWorkshop: false,
	};
	if (!validZone) return undefined;

	data.agenda.forEach((item, index) => {
		if (!item) return;
		const line = `agenda[${index}]`;
		const session = sessionByCode.get(item.session.toUpperCase());
		if (!session && !declared.sessions.has(item.session.toUpperCase())) {
			at(`${line}.session`, unknownSession(item.session, sessionByCode));
		}
		if (!rooms.has(item.room)) at(`${line}.room`, unknownId('room', item.room, rooms, 'the rooms list of this city'));
		if (item.day < data.dates.start || item.day > data.dates.end) {
			at(`${line}.day`, `${item.day} is outside the city's dates (${data.dates.start} to ${data.dates.end}); use a day within them or change dates`);
		}
		const start = instantOf(data.timezone, item.day, item.start, `${line}.start`, at);
		const end = item.end === undefined || !start ? undefined : instantOf(data.timezone, item.day, item.end, `${line}.end`, at);
		if (start && end && end <= start) {
			at(`${line}.end`, `"${item.end}" is not after start "${item.start}"; the end must come after the start (leave end out to use the session's duration)`);
			return;
		}
		if (!session || !start || (item.end !== undefined && !end)) return;
		const finish = end ?? new Date(start.getTime() + session.duration * MINUTE);
		const local = localDayAndTime(data.timezone, start);
		const offset = utcOffsetMinutes(data.timezone, start);
		city.deliveries.push({
			uid: `${session.code}-${id}-${local.day.replaceAll('-', '')}T${local.time.replace(':', '')}@${host}`,
			session,
			city: city as City,
			room: item.room,
			start,
			end: finish,
			day: local.day,
			startTime: local.time,
			endTime: localDayAndTime(data.timezone, finish).time,
			utcOffsetMinutes: offset,
			zoneLabel: zoneAbbreviation(data.timezone, start) ?? formatUtcOffset(offset),
			agendaIndex: index,
		});
	});

	city.deliveries.sort(byStartThenPlace);
	checkSameSessionTwiceAtOnce(file.filePath, city.deliveries, problems);
	checkRoomOverlaps(file.filePath, city.deliveries, problems);
	checkPathsComplete(file.filePath, data.paths, paths, scheduled, problems);
	city.deliveries.forEach((delivery) => Object.freeze(delivery));
	city.days = groupDays(city.deliveries);
	city.deliveriesBySession = groupBy(city.deliveries, (delivery) => [delivery.session.code]);
	city.zoneSummary = zoneSummary(data.timezone, city.deliveries, data.dates.start);
	city.hasWorkshop = city.deliveries.some((delivery) => delivery.session.type === 'workshop');
	Object.freeze(city.deliveries);
	return Object.freeze(city);
}

/** True for a zone spelt as in the tz database, else what is wrong and what would be right. */
function checkTimeZone(timeZone: string): true | string {
	const listed = knownZones().get(timeZone.toLowerCase());
	if (listed === timeZone) return true;
	// Node's list lacks some current names (Asia/Kolkata, Europe/Kyiv): Intl knows them, case-insensitively.
	const spelt = listed ?? (isIanaTimeZone(timeZone) ? tzDatabaseSpelling(timeZone) : undefined);
	if (spelt === timeZone) return true;
	if (spelt) return `"${timeZone}" must be spelt as in the tz database: "${spelt}" (calendars use it as written)`;
	const guess = closestMatch(timeZone, knownZones().values());
	return `"${timeZone}" is not an IANA time zone; ${guess ? `did you mean "${guess}"? ` : ''}write a name like "Europe/Berlin" or "America/New_York" (see the tz database list)`;
}

/** "asia/kolkata" → "Asia/Kolkata", "america/port_of_spain" → "America/Port_of_Spain": the database's capitals. */
function tzDatabaseSpelling(timeZone: string): string {
	return timeZone
		.split('/')
		.map((part) => part.replace(/(^|[_-])([a-z])/g, (_, separator: string, letter: string) => separator + letter.toUpperCase()))
		.join('/')
		.replace(/_(Of|Es|Au|De|Da)_/g, (match) => match.toLowerCase());
}

let zonesByLowerCase: Map<string, string> | undefined;
function knownZones(): ReadonlyMap<string, string> {
	zonesByLowerCase ??= new Map(Intl.supportedValuesOf('timeZone').map((name) => [name.toLowerCase(), name]));
	return zonesByLowerCase;
}

function instantOf(
	timeZone: string,
	day: string,
	time: string,
	field: string,
	at: (field: string, message: string) => void,
): Date | undefined {
	const resolution = resolveLocalTime(timeZone, day, time);
	if (resolution.kind === 'instant') return resolution.instant;
	if (resolution.kind === 'gap') {
		at(field, `"${time}" on ${day} does not exist in ${timeZone}: the clocks skip that hour when daylight saving time starts; choose another time`);
	} else {
		at(field, `"${time}" on ${day} happens twice in ${timeZone}: the clocks go back that night, so the time is ambiguous; choose another time`);
	}
	return undefined;
}

/** One session cannot start twice at the same moment in a city: its UID (code, city, local start) must be unique. */
function checkSameSessionTwiceAtOnce(file: string, deliveries: readonly Delivery[], problems: Problem[]): void {
	const seen = new Map<string, Delivery>();
	for (const delivery of deliveries) {
		const other = seen.get(delivery.uid);
		if (other) {
			problems.push({
				file,
				field: `agenda[${delivery.agendaIndex}].start`,
				message: `${delivery.session.code} already starts at ${delivery.day} ${delivery.startTime} in room "${other.room}" (agenda[${other.agendaIndex}]); a session can start only once at a time in a city, so move or remove one of them`,
			});
		}
		seen.set(delivery.uid, delivery);
	}
}

function checkRoomOverlaps(file: string, deliveries: readonly Delivery[], problems: Problem[]): void {
	const lastInRoom = new Map<string, Delivery>();
	for (const delivery of deliveries) {
		const previous = lastInRoom.get(delivery.room);
		if (previous && delivery.start < previous.end) {
			problems.push({
				file,
				field: `agenda[${delivery.agendaIndex}].start`,
				message: `${delivery.session.code} at ${delivery.day} ${delivery.startTime} overlaps ${previous.session.code} (agenda[${previous.agendaIndex}], ${previous.startTime}–${previous.endTime}) in room "${delivery.room}"; move one of them to another time or room`,
			});
		}
		if (!previous || delivery.end > previous.end) lastInRoom.set(delivery.room, delivery);
	}
}

function checkPathsComplete(
	file: string,
	pathIds: readonly string[],
	paths: readonly LearningPath[],
	scheduled: ReadonlySet<string>,
	problems: Problem[],
): void {
	for (const path of paths) {
		const missing = path.sessions.filter((session) => !scheduled.has(session.code)).map((session) => session.code);
		if (missing.length === 0) continue;
		problems.push({
			file,
			field: `paths[${pathIds.indexOf(path.id)}]`,
			message: `offers learning path "${path.id}" but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not on the agenda; add ${missing.length === 1 ? 'it' : 'them'} to the agenda or remove "${path.id}" from paths`,
		});
	}
}

function checkSpeakerClashes(deliveries: readonly Delivery[], problems: Problem[]): void {
	const lastBySpeaker = new Map<string, Delivery>();
	for (const delivery of deliveries) {
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
}

function groupDays(deliveries: readonly Delivery[]): AgendaDay[] {
	const byDay = groupBy(deliveries, (delivery) => [delivery.day]);
	return [...byDay].map(([day, list]) => Object.freeze({ day, deliveries: list }));
}

function zoneSummary(timeZone: string, deliveries: readonly Delivery[], firstDay: string): string {
	const starts = deliveries.length > 0 ? deliveries.map((delivery) => delivery.start) : [noonOf(timeZone, firstDay)];
	const labels = unique(
		starts.map((start) => {
			const offset = formatUtcOffset(utcOffsetMinutes(timeZone, start));
			const abbreviation = zoneAbbreviation(timeZone, start);
			return abbreviation ? `${abbreviation}, ${offset}` : offset;
		}),
	);
	return labels.join(' then ');
}

function noonOf(timeZone: string, day: string): Date {
	const resolution = resolveLocalTime(timeZone, day, '12:00');
	return resolution.kind === 'instant' ? resolution.instant : new Date(`${day}T12:00:00Z`);
}

/** Ids from file names, each given once: `toronto.md` beside `toronto.mdx`, or in a sub-folder, is a clash. */
function uniqueIds(kind: string): (file: SourceFile, problems: Problem[]) => string | undefined {
	const fileById = new Map<string, string>();
	return (file, problems) => {
		const id = idFromFileName(file, problems);
		if (id === undefined) return undefined;
		const other = fileById.get(id);
		if (other) {
			problems.push({ file: file.filePath, field: '', message: `duplicate ${kind} id "${id}": ${other} has the same file name; rename or delete one of them` });
			return undefined;
		}
		fileById.set(id, file.filePath);
		return id;
	};
}

function idFromFileName(file: SourceFile, problems: Problem[]): string | undefined {
	const name = baseName(file.filePath);
	if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) return name;
	const suggestion = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	problems.push({
		file: file.filePath,
		field: '',
		message: `the file name "${name}" is not a valid id; use lower-case letters, digits and hyphens${suggestion ? `, e.g. "${suggestion}"` : ''}`,
	});
	return undefined;
}

function baseName(filePath: string): string {
	const last = filePath.split('/').at(-1) ?? filePath;
	return last.replace(/\.[^.]+$/, '');
}

function unknownSession(reference: string, sessionByCode: ReadonlyMap<string, Session>): string {
	const example = closestMatch(reference.toUpperCase(), sessionByCode.keys()) ?? sessionByCode.keys().next().value;
	return `unknown session "${reference}"${example ? ` (known codes look like ${example})` : ' (there are no sessions in content/sessions/)'}`;
}

function unknownId(kind: string, value: string, known: Iterable<string>, where: string): string {
	const ids = [...known];
	const guess = closestMatch(value, ids);
	if (guess) return `unknown ${kind} "${value}"; did you mean "${guess}"?`;
	const list = ids.length === 0 ? 'there are none' : ids.length <= 12 ? `known: ${ids.join(', ')}` : `e.g. ${ids.slice(0, 5).join(', ')}`;
	return `unknown ${kind} "${value}"; use one from ${where} (${list})`;
}

// Sorting never uses the machine's locale: output must be the same on every build machine.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byFilePath = (a: SourceFile, b: SourceFile) => byCodePoint(a.filePath, b.filePath);

function byStartThenPlace(a: Delivery, b: Delivery): number {
	return a.start.getTime() - b.start.getTime() || byCodePoint(a.city.id, b.city.id) || byCodePoint(a.room, b.room);
}

function sortProblems(problems: readonly Problem[]): Problem[] {
	return problems
		.map((problem, order) => ({ problem, order }))
		.sort((a, b) => byCodePoint(a.problem.file, b.problem.file) || lineOf(a.problem) - lineOf(b.problem) || a.order - b.order)
		.map(({ problem }) => problem);
}

/** Agenda problems are listed in agenda order, like a compiler's line numbers; others keep their order. */
function lineOf(problem: Problem): number {
	const match = /^agenda\[(\d+)\]/.exec(problem.field);
	return match ? Number(match[1]) : -1;
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): ReadonlyMap<string, readonly T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		for (const key of keysOf(item)) {
			const group = groups.get(key);
			if (group) group.push(item);
			else groups.set(key, [item]);
		}
	}
	return groups;
}

function unique<T>(items: readonly T[]): T[] {
	return [...new Set(items)];
}

const report = (problems: Problem[]) => (problem: Problem) => void problems.push(problem);
