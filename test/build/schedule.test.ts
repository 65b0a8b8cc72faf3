import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import type { FrabEvent, FrabSchedule } from '../../src/exports/frab';
import { projectRoot, readBuilt, type BuildResult } from '../support/builds';
import { builtSite } from '../support/built-site';
import { validateFrabJson, validateFrabXml } from '../support/frab-validate';

const sample = builtSite('sample-utc');
const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));
const scheduleOf = (site: BuildResult, city: string) => JSON.parse(readBuilt(site, `cities/${city}/schedule.json`)) as FrabSchedule;
const eventsOf = (schedule: FrabSchedule): FrabEvent[] =>
	schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());

describe('frab/c3voc schedules of the sample', () => {
	it('validates every schedule.json against the official c3voc JSON schema', () => {
		for (const city of catalog.cities) {
			expect(validateFrabJson(scheduleOf(sample, city.id)), city.id).toEqual([]);
		}
	});

	it('validates every schedule.xml against the official XSD with xmllint', () => {
		for (const city of catalog.cities) {
			expect(validateFrabXml(readBuilt(sample, `cities/${city.id}/schedule.xml`)), city.id).toEqual([]);
		}
	});

	it('lists every delivery of the city once, at its local time with the offset of that day', () => {
		for (const city of catalog.cities) {
			const events = eventsOf(scheduleOf(sample, city.id));
			expect(events).toHaveLength(city.deliveries.length);
			for (const event of events) {
				expect(new Date(event.date).getTime(), `${city.id} ${event.slug}`).toBe(
					city.deliveries
						.find(
							(delivery) => delivery.day === event.date.slice(0, 10) && delivery.startTime === event.start && delivery.room === event.room,
						)
						?.start.getTime(),
				);
			}
		}
		const sydney = eventsOf(scheduleOf(sample, 'sydney'));
		expect(sydney.find((event) => event.title.startsWith('Content collaboration'))?.date).toBe('2020-02-13T09:00:00+11:00');
	});

	it('names the conference for apps: lower-case acronym with year and city, zone, days', () => {
		const { conference } = scheduleOf(sample, 'mexico-city').schedule;
		expect(conference.acronym).toBe('ignitetour-2020-mexicocity');
		expect(conference.time_zone_name).toBe('America/Mexico_City');
		expect(conference.daysCount).toBe(2);
		expect(conference.days.map((day) => day.date)).toEqual(['2020-03-30', '2020-03-31']);
	});

	it('pins the identity of sample deliveries: a refactor may not renumber them (apps key favourites on it)', () => {
		const sydney = eventsOf(scheduleOf(sample, 'sydney'));
		const pinned = (slug: string) => {
			const event = sydney.find((candidate) => candidate.slug === slug);
			return event && { guid: event.guid, id: event.id, code: event.code };
		};
		expect(pinned('ignitetour-2020-sydney-soys10-1')).toEqual({
			guid: 'c0b322d8-6030-55c4-ba4f-9c1de5748ec0',
			id: 1085481688,
			code: 'WM35BQ',
		});
		expect(pinned('ignitetour-2020-sydney-soys10-2')).toEqual({
			guid: '934b7460-aa41-531d-ad53-310d44cd3a3b',
			id: 323712096,
			code: 'PGT4S2',
		});
		expect(pinned('ignitetour-2020-sydney-thr1001-1')).toEqual({
			guid: '56f46f7b-933b-58b4-8ab7-cf028881ac17',
			id: 1458859899,
			code: 'BECFSH',
		});
	});

	it('keeps guids stable and unique across the tour', () => {
		const guids = catalog.cities.flatMap((city) => eventsOf(scheduleOf(sample, city.id)).map((event) => event.guid));
		expect(new Set(guids).size).toBe(guids.length);
		expect(guids.every((guid) => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(guid))).toBe(true);
		const tokyo = builtSite('sample-tokyo');
		for (const city of catalog.cities) {
			expect(readBuilt(tokyo, `cities/${city.id}/schedule.json`)).toBe(readBuilt(sample, `cities/${city.id}/schedule.json`));
		}
	});
});
