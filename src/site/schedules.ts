import type { City } from '../catalog';
import { frabSchedule, type FrabSchedule } from '../exports/frab';
import { catalog, siteUrl } from './catalog';

// "Ignite The Tour 2019/2020" → "ignitethetour": the letters before the first digit.
const acronymPrefix =
	catalog.event.acronym ??
	(
		catalog.event.name
			.toLowerCase()
			.split(/\d/)[0]
			?.replace(/[^a-z]/g, '') || 'roadshow'
	).padEnd(4, '_');

const schedules = new Map<string, FrabSchedule>();

/** A city's agenda in the frab/c3voc schedule format; computed once and shared by the JSON and XML files. */
export function citySchedule(city: City): FrabSchedule {
	let schedule = schedules.get(city.id);
	if (!schedule) {
		schedule = frabSchedule(city, { siteUrl, acronymPrefix, conferenceTitle: `${catalog.event.name} – ${city.name}` });
		schedules.set(city.id, schedule);
	}
	return schedule;
}
