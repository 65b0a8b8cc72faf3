import { describe, expect, it, vi } from 'vitest';
import CityCard from '../../src/components/CityCard.astro';
import DeliveryTime from '../../src/components/DeliveryTime.astro';
import { cityFields, line } from '../unit/source-builder';
import { catalogOf, cityOf, deliveryOf } from './catalog';
import type { StopStatus } from '../../src/presentation/stops';
import { attr, findAll, findOne, parseHtml, render, renderHtml, restoreTimezoneAfterEach, runIn, textOf } from './render';

// Days and times are the city's local ones, whatever the TZ of the machine that builds the site.
// The tests below build the catalog and render under several machine zones and expect the same page.

restoreTimezoneAfterEach();

/**
 * The catalog and the components as a build on a machine in `timezone` has them: the process runs in that
 * zone and their modules are evaluated afresh, so that anything made at load time (date formatters) is too.
 */
async function loadedIn(timezone: string, minutesWestOnNewYear: number) {
	runIn(timezone, minutesWestOnNewYear);
	vi.resetModules();
	const [catalog, deliveryTime, cityCard] = await Promise.all([
		import('./catalog'),
		import('../../src/components/DeliveryTime.astro'),
		import('../../src/components/CityCard.astro'),
	]);
	return { ...catalog, DeliveryTime: deliveryTime.default, CityCard: cityCard.default };
}

/** Machine zones far from each other and from the cities: [TZ, minutes west of UTC on 1 January 2020]. */
const machineZones = [
	['UTC', 0],
	['Pacific/Kiritimati', -840],
	['Pacific/Pago_Pago', 660],
	['America/St_Johns', 210],
] as const;

/** What a reader sees of a DeliveryTime: the day, the start and end times, the zone (with the IANA name as its title). */
async function deliveryTimeParts(cityId: string, code: string, change?: Parameters<typeof catalogOf>[0]) {
	const delivery = deliveryOf(catalogOf(change), cityId, code);
	const rendered = await render(DeliveryTime, { delivery });
	const times = findAll(rendered, 'time').map((time) => ({ text: textOf(time), datetime: attr(time, 'datetime') }));
	expect(times).toHaveLength(3);
	const [day, start, end] = times;
	const zone = findOne(rendered, 'abbr');
	return { day, start, end, zone: { text: textOf(zone), title: attr(zone, 'title') } };
}

describe('DeliveryTime', () => {
	it('reads as one line with its spaces: "Thu, 13 Feb 2020 09:00–09:45 AEDT"', async () => {
		const rendered = await render(DeliveryTime, { delivery: deliveryOf(catalogOf(), 'sydney', 'SOYS10') });
		expect(textOf(rendered)).toBe('Thu, 13 Feb 2020 09:00–09:45 AEDT');
	});

	it('shows SOYS10 in Sydney on Thu 13 Feb 2020 from 09:00 to 09:45 AEDT, with the UTC instants for machines', async () => {
		const parts = await deliveryTimeParts('sydney', 'SOYS10');
		expect(parts.day?.text).toMatch(/^Thu,? 13 Feb 2020$/);
		expect(parts.day?.datetime).toBe('2020-02-13');
		// 09:00 AEDT (UTC+11) is 22:00 UTC the day before; the breakout lasts 45 minutes.
		expect(parts.start).toEqual({ text: '09:00', datetime: '2020-02-12T22:00:00.000Z' });
		expect(parts.end).toEqual({ text: '09:45', datetime: '2020-02-12T22:45:00.000Z' });
		expect(parts.zone).toEqual({ text: 'AEDT', title: 'Australia/Sydney' });
	});

	it('shows the same session in Chicago at 09:00 CDT, in that city’s zone', async () => {
		const parts = await deliveryTimeParts('chicago', 'SOYS10');
		expect(parts.day?.text).toMatch(/^Wed,? 15 Apr 2020$/);
		expect(parts.start).toEqual({ text: '09:00', datetime: '2020-04-15T14:00:00.000Z' });
		expect(parts.zone).toEqual({ text: 'CDT', title: 'America/Chicago' });
	});

	it('shows the local day in Auckland, not the UTC one (09:00 NZDT on 20 Feb is 19 Feb in UTC)', async () => {
		const parts = await deliveryTimeParts('auckland', 'SOYS20', (source) =>
			source.addCity('auckland', {
				...cityFields('Auckland', 'New Zealand', 'Pacific/Auckland', '2020-02-20'),
				agenda: [line('SOYS20', '2020-02-20', '09:00', 'Main Hall')],
			}),
		);
		expect(parts.day?.text).toMatch(/^Thu,? 20 Feb 2020$/);
		expect(parts.start).toEqual({ text: '09:00', datetime: '2020-02-19T20:00:00.000Z' });
		expect(parts.end?.text).toBe('10:00');
	});

	it('labels a zone without a customary abbreviation by its offset (Tokyo: UTC+9)', async () => {
		const parts = await deliveryTimeParts('tokyo', 'THR1001', (source) =>
			source.addCity('tokyo', {
				...cityFields('Tokyo', 'Japan', 'Asia/Tokyo', '2020-02-19'),
				agenda: [line('THR1001', '2020-02-19', '13:15', 'Main Hall')],
			}),
		);
		expect(parts.zone).toEqual({ text: 'UTC+9', title: 'Asia/Tokyo' });
		expect(parts.start).toEqual({ text: '13:15', datetime: '2020-02-19T04:15:00.000Z' });
	});

	it.each(machineZones)('renders the Sydney delivery the same on a machine in %s as on one in Sydney', async (timezone, minutesWest) => {
		const render = async (loaded: Awaited<ReturnType<typeof loadedIn>>) =>
			renderHtml(loaded.DeliveryTime, { delivery: loaded.deliveryOf(loaded.catalogOf(), 'sydney', 'SOYS10') });
		const inSydney = await render(await loadedIn('Australia/Sydney', -660));
		const elsewhere = await render(await loadedIn(timezone, minutesWest));
		expect(elsewhere).toBe(inSydney);
		expect(elsewhere).toMatch(/>Thu,? 13 Feb 2020</);
		expect(elsewhere).toContain('>09:00<');
	});
});

describe('CityCard', () => {
	async function cityCard(cityId: string, change?: Parameters<typeof catalogOf>[0], headingLevel?: 2 | 3, status: StopStatus = 'upcoming') {
		const city = cityOf(catalogOf(change), cityId);
		return render(CityCard, headingLevel ? { city, status, headingLevel } : { city, status });
	}

	const badgesOf = (card: Awaited<ReturnType<typeof render>>) => findAll(findOne(card, 'ul'), 'li').map(textOf);

	it('shows the dates, the name linked to /cities/<id>/, country and venue', async () => {
		const card = await cityCard('sydney');
		const when = findOne(card, 'time');
		expect(textOf(when)).toBe('13–14 Feb 2020');
		expect(attr(when, 'datetime')).toBe('2020-02-13');
		const link = findOne(findOne(card, 'h3'), 'a');
		expect(attr(link, 'href')).toBe('/cities/sydney/');
		expect(textOf(link)).toBe('Sydney');
		expect(textOf(findOne(card, 'p', (p) => attr(p, 'class') === 'where'))).toBe('Australia · ICC Sydney');
	});

	it('writes dates across two months and a single day as a reader expects', async () => {
		const across = await cityCard('kolkata', (source) =>
			source.addCity('kolkata', cityFields('Kolkata', 'India', 'Asia/Kolkata', '2020-03-30', '2020-04-02')),
		);
		expect(textOf(findOne(across, 'time'))).toBe('30 Mar – 2 Apr 2020');
		const oneDay = await cityCard('tokyo', (source) => source.addCity('tokyo', cityFields('Tokyo', 'Japan', 'Asia/Tokyo', '2020-02-19')));
		expect(textOf(findOne(oneDay, 'time'))).toBe('19 Feb 2020');
	});

	it.each(machineZones)('shows the same dates on a machine in %s (no shift to the day before or after)', async (timezone, minutesWest) => {
		const loaded = await loadedIn(timezone, minutesWest);
		const catalog = loaded.catalogOf((source) => source.addCity('tokyo', cityFields('Tokyo', 'Japan', 'Asia/Tokyo', '2020-02-19')));
		const dates = async (cityId: string) =>
			textOf(findOne(parseHtml(await renderHtml(loaded.CityCard, { city: loaded.cityOf(catalog, cityId), status: 'upcoming' })), 'time'));
		expect(await dates('toronto')).toBe('8–9 Jan 2020');
		expect(await dates('sydney')).toBe('13–14 Feb 2020');
		expect(await dates('tokyo')).toBe('19 Feb 2020');
	});

	it('says whether registration is open, from the city’s registration link', async () => {
		expect(badgesOf(await cityCard('chicago'))).toEqual(['Registration not yet available']);
		const open = await cityCard('chicago', (source) =>
			source.withCity('chicago', (city) => ({ ...city, registration: 'https://tour.example.org/register/chicago' })),
		);
		expect(badgesOf(open)).toEqual(['Registration open']);
	});

	it('says a stop is on now or past instead of offering registration, whatever its link', async () => {
		const withLink = (source: Parameters<NonNullable<Parameters<typeof catalogOf>[0]>>[0]) =>
			source.withCity('chicago', (city) => ({ ...city, registration: 'https://tour.example.org/register/chicago' }));
		expect(badgesOf(await cityCard('chicago', withLink, undefined, 'past'))).toEqual(['Past']);
		expect(badgesOf(await cityCard('chicago', withLink, undefined, 'now'))).toEqual(['On now']);
	});

	it('shows the city’s label and a Workshop badge when the agenda has a workshop', async () => {
		// Sydney's agenda has the workshop WRK1001; Chicago's has none.
		const sydney = await cityCard('sydney', (source) => source.withCity('sydney', (city) => ({ ...city, label: 'Last stop' })));
		expect(badgesOf(sydney)).toEqual(['Last stop', 'Registration not yet available', 'Workshop']);
		expect(badgesOf(await cityCard('chicago'))).not.toContain('Workshop');
	});

	it('puts the name at the heading level the page asks for', async () => {
		const card = await cityCard('toronto', undefined, 2);
		expect(textOf(findOne(card, 'h2'))).toBe('Toronto');
		expect(findAll(card, 'h3')).toEqual([]);
	});
});
