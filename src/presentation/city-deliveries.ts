import type { City, LearningPath } from '../catalog';
import { isoAtOffset, isoInZone } from '../catalog/time';
import { formatDay } from './format';
import { cityUrl, deliveryCalendarPath, pathUrl, sessionUrl } from './urls';

/** One delivery in /cities/<id>/deliveries.json: local wall-clock text as shown on the pages, and the instants. */
export interface CityDeliveryRow {
	/** The calendar UID: a pick's identity, stable across rebuilds and reschedules. */
	readonly uid: string;
	/** `soys10-2`: names the delivery's own .ics and its place in a shared "my schedule" link. */
	readonly key: string;
	readonly code: string;
	readonly title: string;
	/** The session page. */
	readonly url: string;
	/** The delivery's own calendar file. */
	readonly ics: string;
	/** The city's local day, YYYY-MM-DD, and as the pages write it ("Thu, 13 Feb 2020"). */
	readonly date: string;
	readonly day: string;
	readonly start: string;
	readonly end: string;
	/** ISO instants with the city's UTC offset, e.g. 2020-02-13T09:00:00+11:00. */
	readonly startsAt: string;
	readonly endsAt: string;
	/** The zone's abbreviation at the start, e.g. AEDT. */
	readonly zone: string;
	readonly room: string;
	readonly cancelled: boolean;
	/** A recording to watch after the stop (the session's video), if there is one. */
	readonly video?: string;
}

/** A learning path this city offers, with its sessions in order: "SOYS: 3 of 4 picked". */
export interface CityPath {
	readonly id: string;
	readonly code: string;
	readonly title: string;
	readonly url: string;
	readonly sessions: readonly string[];
}

export interface CityDeliveries {
	readonly city: string;
	readonly name: string;
	readonly url: string;
	readonly timezone: string;
	readonly dates: { readonly start: string; readonly end: string };
	readonly paths: readonly CityPath[];
	readonly deliveries: readonly CityDeliveryRow[];
}

const pathOf = (path: LearningPath): CityPath => ({
	id: path.id,
	code: path.code,
	title: path.title,
	url: pathUrl(path),
	sessions: path.sessions.map((session) => session.code),
});

export function cityDeliveries(city: City): CityDeliveries {
	return {
		city: city.id,
		name: city.name,
		url: cityUrl(city),
		timezone: city.timezone,
		dates: city.dates,
		paths: city.paths.map(pathOf),
		deliveries: city.deliveries.map((delivery) => ({
			uid: delivery.uid,
			key: delivery.key,
			code: delivery.session.code,
			title: delivery.session.title,
			url: sessionUrl(delivery.session),
			ics: deliveryCalendarPath(delivery),
			date: delivery.day,
			day: formatDay(delivery.day),
			start: delivery.startTime,
			end: delivery.endTime,
			startsAt: isoAtOffset(delivery.start, delivery.utcOffsetMinutes),
			endsAt: isoInZone(delivery.end, city.timezone),
			zone: delivery.zoneLabel,
			room: delivery.room,
			cancelled: delivery.cancelled,
			...(delivery.session.video ? { video: delivery.session.video } : {}),
		})),
	};
}
