import type { City } from '../catalog';
import { utcOffsetMinutes } from '../catalog/zones';
import { formatDay } from './format';

/** One delivery in /cities/<id>/deliveries.json: local wall-clock text as shown on the pages, and the instants. */
export interface CityDeliveryRow {
	readonly uid: string;
	readonly code: string;
	/** "Thu, 13 Feb 2020" (the city's local day). */
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
}

export interface CityDeliveries {
	readonly city: string;
	readonly timezone: string;
	readonly deliveries: readonly CityDeliveryRow[];
}

/** "2020-02-13T09:00:00+11:00": an instant written with the offset it has in the city. */
export function isoWithOffset(instant: Date, offsetMinutes: number): string {
	const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function cityDeliveries(city: City): CityDeliveries {
	return {
		city: city.id,
		timezone: city.timezone,
		deliveries: city.deliveries.map((delivery) => ({
			uid: delivery.uid,
			code: delivery.session.code,
			day: formatDay(delivery.day),
			start: delivery.startTime,
			end: delivery.endTime,
			zone: delivery.zoneLabel,
			startsAt: isoWithOffset(delivery.start, delivery.utcOffsetMinutes),
			endsAt: isoWithOffset(delivery.end, utcOffsetMinutes(city.timezone, delivery.end)),
			room: delivery.room,
			cancelled: delivery.cancelled,
		})),
	};
}
