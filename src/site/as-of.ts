import type { City } from '../catalog';
import { splitStops, stopStatus } from '../presentation/stops';
import { contentDirectory, tracksFile } from '../loaders/content-files';
import { catalog } from './catalog';
import { revisions } from './calendars';

/**
 * The moment the site describes: when its content last changed (the latest commit touching it, as for the
 * calendars' DTSTAMP), never the build machine's clock, so the same content always builds the same site. A stop
 * that ends after that moment is upcoming; the next build after it ends marks it past.
 */
export const asOf: Date = revisions.of([
	catalog.event.filePath,
	`${contentDirectory()}/${tracksFile}`,
	...[catalog.sessions, catalog.paths, catalog.cities, catalog.speakers].flatMap((list) => list.map((entry) => entry.filePath)),
]).lastModified;

/** The tour's stops at `asOf`: upcoming (the next one first) and past. */
export const stops = splitStops(catalog.cities, asOf);

/** A stop's status at `asOf`. */
export const statusOf = (city: City) => stopStatus(city, asOf);
