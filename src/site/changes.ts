import type { City } from '../catalog';
import { agendaChanges, cityVersions, maxChanges, type AgendaChange } from '../calendar/changes';
import { localDayAndTime } from '../catalog/time';
import { contentDirectory } from '../loaders/content-files';
import { catalog } from './catalog';

/** A city's change list (src/calendar/changes.ts) and when its agenda was first published. */
export interface CityChanges {
	/** The newest changes, at most maxChanges. */
	readonly changes: readonly AgendaChange[];
	/** How many there are in all. */
	readonly total: number;
	/** The commit time of the first version with an agenda; undefined without git history. */
	readonly publishedAt: Date | undefined;
}

const byCity = new Map<string, CityChanges>();

/** Read from git once per city per build, for the city page and its Atom feed. */
export function cityChanges(city: City): CityChanges {
	let known = byCity.get(city.id);
	if (!known) {
		const versions = cityVersions(process.cwd(), contentDirectory(), city.filePath);
		const all = agendaChanges(versions);
		known = { changes: all.slice(0, maxChanges), total: all.length, publishedAt: versions.find((version) => version.lines.size > 0)?.time };
		byCity.set(city.id, known);
	}
	return known;
}

/** The local day of a change in the city's zone, "YYYY-MM-DD", so that the page never depends on the machine's TZ. */
export const changeDay = (city: City, time: Date) => localDayAndTime(city.timezone, time).day;

export const sessionOfChange = (change: AgendaChange) => catalog.sessionByCode.get(change.code);
