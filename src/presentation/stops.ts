import type { City } from '../catalog';
import { localDayAndTime } from '../catalog/time';

export type StopStatus = 'past' | 'now' | 'upcoming';

/** Whether a stop is over, on, or to come at an instant, by the calendar in the stop's own zone. */
export function stopStatus(city: Pick<City, 'timezone' | 'dates'>, at: Date): StopStatus {
	const today = localDayAndTime(city.timezone, at).day;
	if (today > city.dates.end) return 'past';
	return today >= city.dates.start ? 'now' : 'upcoming';
}

/** Stops (in date order) split at an instant; `next` is the stop on now, or else the first to come. */
export function splitStops<T extends Pick<City, 'timezone' | 'dates'>>(
	cities: readonly T[],
	at: Date,
): { upcoming: readonly T[]; past: readonly T[]; next: T | undefined } {
	const upcoming = cities.filter((city) => stopStatus(city, at) !== 'past');
	const past = cities.filter((city) => stopStatus(city, at) === 'past');
	return { upcoming, past, next: upcoming[0] };
}
