import type { City } from '../catalog';
import { frabSchedule, type FrabSchedule } from '../exports/frab';
import { catalog, siteUrl } from './catalog';

// "Ignite The Tour 2019/2020" → "ignitethetour": the letters before the first digit.
const acronymPrefix =
	catalog.event.acronym ??
	(catalog.event.name.toLowerCase().split(/\d/)[0]?.replace(/[^a-z]/g, '') || 'roadshow').padEnd(4, '_');

/** A city's agenda in the frab/c3voc schedule format (JSON and XML share it). */
export function citySchedule(city: City): FrabSchedule {
	return frabSchedule(city, { siteUrl, acronymPrefix, conferenceTitle: `${catalog.event.name} – ${city.name}` });
}
