import { createHash } from 'node:crypto';
import { version as roadshowVersion } from '../../package.json';
import { isoAtOffset, isoInZone, resolveLocalTime } from '../catalog/time';
import { abstractText } from '../presentation/plain-text';
import type { City, Delivery, Speaker } from '../catalog/types';
import { cityUrl, sessionUrl, speakerUrl } from '../presentation/urls';

// A city's agenda as a frab/c3voc schedule (https://c3voc.de/wiki/schedule), the format conference apps
// (EventFahrplan, Giggity, ConfClerk) load. The contract is the c3voc JSON schema and XSD
// (test/vendor/c3voc/frab-schedule.schema.json, frab-schedule.xsd); frab-xml.ts renders the same object as XML.

/** One person of an event. `name` without `public_name`: the schema's Person is `oneOf` frab/pretalx, so both would match twice. */
export interface FrabPerson {
	readonly id: number;
	readonly guid: string;
	readonly name: string;
	readonly url: string;
}

export interface FrabLink {
	readonly url: string;
	readonly title: string;
	readonly type: 'media' | 'slides';
}

/** One delivery of a session. */
export interface FrabEvent {
	/** UUID v5 of the delivery's uid. */
	readonly guid: string;
	/** Positive 31-bit integer taken from the guid; unique in the schedule. */
	readonly id: number;
	/** Six characters [0-9A-Z] taken from the guid, unique in the schedule (the XSD's pretalx code); not the session code. */
	readonly code: string;
	/** Local start with the UTC offset in force, e.g. 2020-02-13T09:00:00+11:00. */
	readonly date: string;
	/** Local "HH:MM". */
	readonly start: string;
	/** Local end with the UTC offset in force then (JSON only: the XSD has no end element). */
	readonly end: string;
	/** "HH:MM". */
	readonly duration: string;
	readonly room: string;
	readonly slug: string;
	readonly url: string;
	readonly title: string;
	readonly subtitle: string;
	readonly track: string;
	readonly type: string;
	readonly language: string;
	readonly abstract: string;
	readonly description: string;
	readonly persons: readonly FrabPerson[];
	readonly links: readonly FrabLink[];
}

export interface FrabDay {
	/** 1-based: the XSD types it xs:positiveInteger. */
	readonly index: number;
	readonly date: string;
	readonly day_start: string;
	readonly day_end: string;
	/** Every room of the city, in the city's order, each with its events by start. */
	readonly rooms: Readonly<Record<string, readonly FrabEvent[]>>;
}

export interface FrabRoom {
	readonly name: string;
	readonly guid: string;
}

export interface FrabTrack {
	readonly name: string;
	readonly color?: string;
}

export interface FrabConference {
	readonly acronym: string;
	readonly title: string;
	/** First and last day, YYYY-MM-DD. */
	readonly start: string;
	readonly end: string;
	readonly daysCount: number;
	readonly timeslot_duration: string;
	/** Left out for zone names the schema's pattern refuses (e.g. "Etc/GMT+5", "US/Eastern"). */
	readonly time_zone_name?: string;
	readonly url: string;
	readonly rooms: readonly FrabRoom[];
	readonly tracks: readonly FrabTrack[];
	readonly days: readonly FrabDay[];
}

export interface FrabSchedule {
	readonly $schema: 'https://c3voc.de/schedule/schema.json';
	readonly generator: { readonly name: 'Roadshow'; readonly version: string };
	readonly schedule: {
		/** Hash of the conference data: changes exactly when the schedule does, whatever the build. */
		readonly version: string;
		readonly base_url: string;
		readonly conference: FrabConference;
	};
}

export interface FrabOptions {
	/** Public address of the site, e.g. "https://ignite-tour.example.org". */
	readonly siteUrl: string;
	/** Start of every acronym, e.g. "ignitetour" gives "ignitetour-2020-sydney". At least 4 of [a-z0-9_]. */
	readonly acronymPrefix: string;
	/** e.g. "Ignite The Tour 2019/2020 – Sydney". */
	readonly conferenceTitle: string;
}

/**
 * Namespace of every Roadshow UUID v5 (events, rooms, speakers). Fixed forever, or every guid changes and
 * apps lose their favourites; it is itself uuid5(NAMESPACE_URL, "urn:roadshow:frab-schedule").
 */
export const ROADSHOW_UUID_NAMESPACE = 'dc34eaea-e7e9-5c75-9565-eeba19871b5e';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// The schema's acronym pattern: the city part after the year may only hold letters.
const ACRONYM = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
const TIME_ZONE_NAME = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;
// Letters and digits nobody misreads (no 0/O, 1/I): 32 symbols, 5 bits each.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The schedule of one city in the frab/c3voc JSON format. Pure: the same city gives the same object on any machine. */
export function frabSchedule(city: City, options: FrabOptions): FrabSchedule {
	const site = options.siteUrl.replace(/\/+$/, '');
	const acronym = acronymOf(city, options.acronymPrefix);

	const eventOf = (delivery: Delivery, { id, code }: EventKey): FrabEvent => {
		const { session } = delivery;
		return {
			guid: uuidV5(delivery.uid),
			id,
			code,
			date: isoAtOffset(delivery.start, delivery.utcOffsetMinutes),
			start: delivery.startTime,
			end: isoInZone(delivery.end, city.timezone),
			duration: hoursAndMinutes(minutesBetween(delivery.start, delivery.end)),
			room: delivery.room,
			// From the delivery's identity, not its time: apps keep favourites across a reschedule.
			slug: `${acronym}-${delivery.key}`,
			url: `${site}${sessionUrl(session)}`,
			title: session.title,
			subtitle: '',
			track: session.track.name,
			type: session.type,
			language: session.language,
			abstract: abstractText(session),
			description: '',
			persons: session.speakers.map((speaker) => person(speaker, `${site}${speakerUrl(speaker)}`)),
			links: [
				...(session.video ? [{ url: session.video, title: 'Recording', type: 'media' as const }] : []),
				...(session.slides ? [{ url: session.slides, title: 'Slides', type: 'slides' as const }] : []),
			],
		};
	};
	const taken: TakenKeys = { ids: new Set(), codes: new Set() };
	// A cancelled delivery is left out: schedule apps have no status for it, and would show it as on.
	const live = city.deliveries.filter((delivery) => !delivery.cancelled);
	const events = new Map(live.map((delivery) => [delivery, eventOf(delivery, eventKey(delivery, taken))]));

	const deliveriesByDay = new Map(
		city.days.map((agendaDay) => [agendaDay.day, agendaDay.deliveries.filter((delivery) => !delivery.cancelled)]),
	);
	const days = daysBetween(city.dates.start, city.dates.end).map((date, index): FrabDay => {
		const deliveries = deliveriesByDay.get(date) ?? [];
		const rooms = city.rooms.map((room): [string, FrabEvent[]] => [
			room,
			deliveries
				.filter((delivery) => delivery.room === room)
				.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))
				.flatMap((delivery) => events.get(delivery) ?? []),
		]);
		return { index: index + 1, date, ...dayBounds(city.timezone, date, deliveries), rooms: Object.fromEntries(rooms) };
	});

	const conference: FrabConference = {
		acronym,
		title: options.conferenceTitle,
		start: city.dates.start,
		end: city.dates.end,
		daysCount: days.length,
		timeslot_duration: hoursAndMinutes(timeslotMinutes(live)),
		...(TIME_ZONE_NAME.test(city.timezone) ? { time_zone_name: city.timezone } : {}),
		url: `${site}${cityUrl(city)}`,
		rooms: city.rooms.map((name) => ({ name, guid: uuidV5(`${city.id}/${name}`) })),
		tracks: tracksOf(live),
		days,
	};
	return {
		$schema: 'https://c3voc.de/schedule/schema.json',
		generator: { name: 'Roadshow', version: roadshowVersion },
		schedule: {
			version: createHash('sha1').update(JSON.stringify(conference)).digest('hex').slice(0, 12),
			base_url: `${site}/`,
			conference,
		},
	};
}

/**
 * UUID version 5 (RFC 9562 §5.5: SHA-1 of namespace + name) of `name` in the Roadshow namespace, or in
 * another namespace given as a UUID string.
 */
export function uuidV5(name: string, namespace: string = ROADSHOW_UUID_NAMESPACE): string {
	const hash = createHash('sha1')
		.update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
		.update(name, 'utf8')
		.digest()
		.subarray(0, 16);
	hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
	hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
	const hex = hash.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * "ignitetour-2020-mexicocity": prefix, year of the first day, city id with letters only (the schema's
 * pattern allows nothing else there). An id that leaves no letters, or a year outside 2000–2999,
 * falls back to "ignitetour_2020_<id>", which the pattern also accepts.
 */
function acronymOf(city: City, prefix: string): string {
	const start = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '');
	if (start.length < 4) {
		throw new Error(
			`acronymPrefix "${prefix}" needs at least 4 lower-case letters, digits or underscores (frab acronym rules), e.g. "ignitetour"`,
		);
	}
	const year = city.dates.start.slice(0, 4);
	const preferred = `${start}-${year}-${city.id.replace(/[^a-z]/g, '')}`;
	return ACRONYM.test(preferred) ? preferred : `${start}_${year}_${city.id.replace(/[^a-z0-9]/g, '')}`;
}

interface EventKey {
	readonly id: number;
	readonly code: string;
}

interface TakenKeys {
	readonly ids: Set<number>;
	readonly codes: Set<string>;
}

/**
 * Integer `id` and six-character `code` of a delivery, both cut from its guid: they depend only on the
 * delivery's uid (session code, city, its number among the session's lines there), not on its time or on its
 * position among other sessions, so a reschedule keeps them and adding or
 * removing other sessions renumbers nothing (apps key favourites and alarms on them). The id keeps 31
 * bits (apps store it as a signed 32-bit int). The code is 30 bits written as 6 symbols of CODE_ALPHABET:
 * the XSD's `code` attribute is exactly [0-9A-Z]{6} and unique per event, so session codes such as
 * BRK2040 cannot be used as they are (and a session given twice in a city would repeat its code).
 * A clash with a delivery earlier in the agenda (a few in a million for 100 events) takes the next
 * value from uuid5("<uid>#1"), "#2"…
 */
function eventKey(delivery: Delivery, taken: TakenKeys): EventKey {
	let id = 0;
	let code = '';
	for (let attempt = 0; id === 0 || code === ''; attempt += 1) {
		const guid = uuidV5(attempt === 0 ? delivery.uid : `${delivery.uid}#${attempt}`);
		const bytes = Buffer.from(guid.replaceAll('-', ''), 'hex');
		const candidateId = bytes.readUInt32BE(0) & 0x7fffffff;
		if (id === 0 && candidateId !== 0 && !taken.ids.has(candidateId)) id = candidateId;
		// Bytes 10-15 carry no version or variant bits.
		const bits = bytes.readUInt32BE(10);
		const candidateCode = Array.from({ length: 6 }, (_, digit) => CODE_ALPHABET.charAt((bits >>> (digit * 5)) & 31)).join('');
		if (code === '' && !taken.codes.has(candidateCode)) code = candidateCode;
	}
	taken.ids.add(id);
	taken.codes.add(code);
	return { id, code };
}

function person(speaker: Speaker, url: string): FrabPerson {
	const guid = uuidV5(`speaker:${speaker.id}`);
	return { id: Number.parseInt(guid.slice(0, 8), 16) & 0x7fffffff || 1, guid, name: speaker.name, url };
}

/** Tracks of the city's sessions, by name. */
function tracksOf(deliveries: readonly Delivery[]): FrabTrack[] {
	const tracks = new Map(deliveries.map(({ session: { track } }) => [track.id, track]));
	return [...tracks.values()]
		.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((track) => (track.color ? { name: track.name, color: track.color } : { name: track.name }));
}

/** First start to last end of the day's deliveries; a day without any spans its whole local date. */
function dayBounds(timeZone: string, date: string, deliveries: readonly Delivery[]): { day_start: string; day_end: string } {
	if (deliveries.length === 0) {
		const nextDate = new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
		const end = new Date(startOfLocalDay(timeZone, nextDate).getTime() - MINUTE);
		return { day_start: isoInZone(startOfLocalDay(timeZone, date), timeZone), day_end: isoInZone(end, timeZone) };
	}
	const first = deliveries.reduce((a, b) => (b.start < a.start ? b : a));
	const last = deliveries.reduce((a, b) => (b.end > a.end ? b : a));
	return { day_start: isoAtOffset(first.start, first.utcOffsetMinutes), day_end: isoInZone(last.end, timeZone) };
}

/** The first instant of a local date: midnight, or the end of the DST gap where the clocks skip midnight. */
function startOfLocalDay(timeZone: string, date: string): Date {
	for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
		const resolution = resolveLocalTime(timeZone, date, hoursAndMinutes(minutes));
		if (resolution.kind === 'instant') return resolution.instant;
		if (resolution.kind === 'ambiguous') return resolution.earlier;
	}
	throw new Error(`${date} has no wall-clock time in ${timeZone}`);
}

/** Every date from `first` to `last` inclusive, YYYY-MM-DD. */
function daysBetween(first: string, last: string): string[] {
	const days: string[] = [];
	for (let day = new Date(`${first}T00:00:00Z`); day.toISOString().slice(0, 10) <= last; day = new Date(day.getTime() + DAY)) {
		days.push(day.toISOString().slice(0, 10));
	}
	return days;
}

/** The coarsest grid (a divisor of an hour) on which every start and every duration falls. */
function timeslotMinutes(deliveries: readonly Delivery[]): number {
	let slot = 60;
	for (const delivery of deliveries) {
		const [hours, minutes] = delivery.startTime.split(':').map(Number) as [number, number];
		slot = gcd(slot, hours * 60 + minutes);
		slot = gcd(slot, minutesBetween(delivery.start, delivery.end));
	}
	return slot;
}

function minutesBetween(start: Date, end: Date): number {
	return Math.round((end.getTime() - start.getTime()) / MINUTE);
}

function gcd(a: number, b: number): number {
	return b === 0 ? a : gcd(b, a % b);
}

function hoursAndMinutes(totalMinutes: number): string {
	return `${pad(Math.floor(totalMinutes / 60))}:${pad(totalMinutes % 60)}`;
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}
