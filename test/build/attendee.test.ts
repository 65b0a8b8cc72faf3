import { ELEMENT_NODE, TEXT_NODE, parse, type Node } from 'ultrahtml';
import { querySelector, querySelectorAll } from 'ultrahtml/selector';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { regionOf } from '../../src/presentation/format';
import { basicRepository, projectRoot, readBuilt } from '../support/builds';
import { builtSite } from '../support/built-site';

// Issue 10, "when and where first": what an attendee sees on the built pages, checked against the catalog
// read independently from the same content.

/** Text as read: entities decoded, white space collapsed. */
function textOf(node: Node | undefined): string {
	if (!node) return '';
	const parts: string[] = [];
	const visit = (current: Node) => {
		if (current.type === TEXT_NODE) parts.push(String(current.value));
		else if (current.type === ELEMENT_NODE || Array.isArray(current.children)) (current.children as Node[]).forEach(visit);
	};
	visit(node);
	return parts
		.join('')
		.replace(/&amp;/g, '&')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
}

const sample = builtSite('sample-utc');
const sampleTokyo = builtSite('sample-tokyo');
const basic = builtSite('basic-utc');
const catalogOf = (content: string): Catalog => buildCatalog(readContentFolder(projectRoot, content));
const sampleCatalog = catalogOf('content');
const page = (site: typeof sample, file: string) => parse(readBuilt(site, file));

describe('a session page puts when and where first', () => {
	const session = sampleCatalog.sessionByCode.get('SOYS10');
	const deliveries = sampleCatalog.deliveriesBySession.get('SOYS10') ?? [];
	const html = page(sample, 'sessions/soys10/index.html');

	it('lists every delivery once in one table: city, local date and time with zone, room, one calendar control', () => {
		expect(session).toBeDefined();
		const rows = querySelectorAll(html, 'table[data-deliveries] tr[data-city]');
		expect(rows).toHaveLength(deliveries.length);
		// Grouped by region, each row knows its place in time order.
		rows.forEach((row) => {
			const delivery = deliveries[Number(row.attributes['data-order'])];
			expect(row.attributes['data-city']).toBe(delivery?.city.id);
			expect(querySelectorAll(row, 'details.add-to-calendar')).toHaveLength(1);
		});
		const sydney = rows.filter((row) => row.attributes['data-city'] === 'sydney').map((row) => textOf(row));
		expect(sydney[0]).toContain('Sydney Thu, 13 Feb 2020 09:00–09:45 AEDT Darling Harbour Theatre');
		expect(sydney[1]).toContain('Sydney Fri, 14 Feb 2020 09:30–10:15 AEDT Pyrmont Theatre');
	});

	it('groups the cities by region, in the order the tour reaches them', () => {
		const groups = querySelectorAll(html, 'table[data-deliveries] tbody[data-region]');
		const expected = [...new Set(deliveries.map((delivery) => regionOf(delivery.city.timezone)))];
		expect(groups.map((group) => textOf(querySelector(group, 'tr.group th')))).toEqual(expected);
		for (const group of groups) {
			const regions = new Set(
				querySelectorAll(group, 'tr[data-city]').map((row) =>
					regionOf(sampleCatalog.cityById.get(row.attributes['data-city'] as string)?.timezone ?? ''),
				),
			);
			expect([...regions]).toEqual([textOf(querySelector(group, 'tr.group th'))]);
		}
	});

	it('says under the title in how many cities and over which dates, and links to the table', () => {
		const summary = textOf(querySelector(html, '.when-summary'));
		const cities = new Set(deliveries.filter((delivery) => !delivery.cancelled).map((delivery) => delivery.city.id));
		expect(summary).toBe(`In ${cities.size} cities, 8 Jan – 5 May 2020. When and where`);
		expect(querySelector(html, '.when-summary a')?.attributes['href']).toBe('#when-where');
		// The chooser of "your city" needs the script: without it, it stays hidden.
		expect(querySelector(html, '[data-city-chooser]')?.attributes['hidden']).toBeDefined();
	});

	it('writes the same page whatever the machine zone', () => {
		expect(readBuilt(sampleTokyo, 'sessions/soys10/index.html')).toBe(readBuilt(sample, 'sessions/soys10/index.html'));
	});
});

describe('a city page reads as an agenda', () => {
	const orlando = sampleCatalog.cityById.get('orlando');
	const html = page(sample, 'cities/orlando/index.html');

	it('writes each start time once per day, with every session of that time under it', () => {
		const days = querySelectorAll(html, 'section.day');
		expect(days.map((day) => querySelector(day, 'h3 time')?.attributes['datetime'])).toEqual(orlando?.days.map((day) => day.day));
		days.forEach((day, index) => {
			const agendaDay = orlando?.days[index];
			const starts = [...new Set(agendaDay?.deliveries.map((delivery) => delivery.startTime))];
			const slots = querySelectorAll(day, 'li.slot');
			expect(slots.map((slot) => textOf(querySelector(slot, 'p.time')))).toEqual(starts);
			expect(slots.reduce((sum, slot) => sum + querySelectorAll(slot, 'li.item').length, 0)).toBe(agendaDay?.deliveries.length);
		});
	});

	it('writes time ranges without a space after the dash, and links each day from the day bar', () => {
		const text = textOf(html);
		expect(text).toContain('09:00–10:30 Hall F');
		expect(text).not.toMatch(/\d– \d/);
		const ids = new Set(querySelectorAll(html, '[id]').map((element) => element.attributes['id']));
		const links = querySelectorAll(html, 'nav.day-nav a').map((link) => String(link.attributes['href']).slice(1));
		expect(links).toHaveLength(orlando?.days.length ?? -1);
		for (const id of links) expect(ids.has(id)).toBe(true);
	});

	it('has an agenda by room: one column per room in use, every delivery once, in its room and start row', () => {
		expect(querySelector(html, 'a[href="/cities/orlando/rooms/"]')).toBeTruthy();
		const rooms = page(sample, 'cities/orlando/rooms/index.html');
		const tables = querySelectorAll(rooms, 'table.grid');
		expect(tables).toHaveLength(orlando?.days.length ?? -1);
		tables.forEach((table, index) => {
			const day = orlando?.days[index];
			const columns = querySelectorAll(table, 'thead th').map((cell) => textOf(cell));
			expect(columns.slice(1).sort()).toEqual([...new Set(day?.deliveries.map((delivery) => delivery.room))].sort());
			const placed = querySelectorAll(table, 'tbody tr').flatMap((row) => {
				const time = textOf(querySelector(row, 'th'));
				return querySelectorAll(row, 'td').flatMap((cell, column) =>
					querySelectorAll(cell, 'p.cell').map((item) => `${time} ${columns[column + 1]} ${textOf(querySelector(item, 'span.code'))}`),
				);
			});
			expect(placed.sort()).toEqual(
				day?.deliveries.map((delivery) => `${delivery.startTime} ${delivery.room} ${delivery.session.code}`).sort(),
			);
		});
	});

	it('publishes the small per-city agenda the catalog cards read, with each instant at the city offset', () => {
		const sydney = JSON.parse(readBuilt(sample, 'cities/sydney/deliveries.json')) as {
			city: string;
			deliveries: { code: string; startsAt: string; endsAt: string; start: string; zone: string; room: string; cancelled: boolean }[];
		};
		const city = sampleCatalog.cityById.get('sydney');
		expect(sydney.city).toBe('sydney');
		expect(sydney.deliveries).toHaveLength(city?.deliveries.length ?? -1);
		expect(sydney.deliveries[0]).toMatchObject({ code: 'SOYS10', start: '09:00', zone: 'AEDT', startsAt: '2020-02-13T09:00:00+11:00' });
		for (const row of sydney.deliveries) expect(Date.parse(row.endsAt)).toBeGreaterThan(Date.parse(row.startsAt));
		// Every city, both hemispheres: the local part is the agenda's wall-clock time, the offset makes it the right instant.
		for (const city of sampleCatalog.cities) {
			const rows = (JSON.parse(readBuilt(sample, `cities/${city.id}/deliveries.json`)) as { deliveries: { startsAt: string }[] })
				.deliveries;
			expect(rows.map((row) => row.startsAt.slice(0, 16))).toEqual(
				city.deliveries.map((delivery) => `${delivery.day}T${delivery.startTime}`),
			);
			expect(rows.map((row) => Date.parse(row.startsAt))).toEqual(city.deliveries.map((delivery) => delivery.start.getTime()));
		}
	});
});

describe('the home page follows the dates of the stops', () => {
	it('marks every stop of the sample past, since its content was last changed after the tour (no stop says registration is open)', () => {
		const home = page(sample, 'index.html');
		expect(textOf(querySelector(home, '#past'))).toBe('Past stops');
		expect(textOf(querySelector(home, '#hero-next'))).toBe('The tour has ended');
		expect(querySelector(home, '#stops')).toBeFalsy();
		expect(querySelectorAll(home, '.past-list li')).toHaveLength(sampleCatalog.cities.length);
		const cities = textOf(page(sample, 'cities/index.html'));
		expect(cities).not.toContain('Registration open');
		expect(cities.match(/\bPast\b/g)).toHaveLength(sampleCatalog.cities.length);
	});

	it(`lists upcoming stops first with the next one highlighted, as of the content's last commit (${basicRepository.secondCommit})`, () => {
		const home = page(basic, 'index.html');
		const upcoming = querySelectorAll(home, 'ol.card-grid > li');
		const basicCatalog = catalogOf(basicRepository.fixture);
		expect(upcoming).toHaveLength(basicCatalog.cities.length);
		expect(upcoming[0]?.attributes['class']).toContain('next');
		expect(textOf(querySelector(upcoming[0] as Node, 'h3'))).toBe(basicCatalog.cities[0]?.name);
		expect(querySelectorAll(home, '.card.featured')).toHaveLength(1);
		expect(querySelector(home, '#past')).toBeFalsy();
		expect(textOf(querySelector(home, '#hero-next'))).toBe('Next stop');
		expect(textOf(querySelector(home, '.hero-city'))).toBe(basicCatalog.cities[0]?.name);
	});
});
