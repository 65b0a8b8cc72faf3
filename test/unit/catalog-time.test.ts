import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build';
import { localDayAndTime, resolveLocalTime } from '../../src/catalog/time';
import { formatUtcOffset, isIanaTimeZone, utcOffsetMinutes, zoneAbbreviation } from '../../src/catalog/zones';
import type { Catalog, Delivery } from '../../src/catalog/types';
import { cityFields, line, tour } from './source-builder';

// Local wall-clock times become instants in the city's zone, whatever the zone and the season,
// and whatever the TZ of the machine that builds the site.

/** The one delivery of `session` in a tour whose only city is in `timezone`. */
function deliveryAt(timezone: string, day: string, start: string, session = 'THR1001', end?: string): Delivery {
	const source = tour();
	source.cities.clear();
	source.addCity('probe', { ...cityFields('Probe', 'Testland', timezone, day), agenda: [line(session, day, start, 'Main Hall', end)] });
	const deliveries = buildCatalog(source.build()).deliveries;
	expect(deliveries).toHaveLength(1);
	const [delivery] = deliveries;
	if (!delivery) throw new Error('no delivery');
	return delivery;
}

function instantOf(timezone: string, day: string, time: string): string {
	const resolution = resolveLocalTime(timezone, day, time);
	if (resolution.kind !== 'instant') throw new Error(`${day} ${time} in ${timezone} resolved to ${resolution.kind}`);
	return resolution.instant.toISOString();
}

function deliveryOf(catalog: Catalog, cityId: string, code: string): Delivery {
	const delivery = catalog.cityById.get(cityId)?.deliveries.find((candidate) => candidate.session.code === code);
	if (!delivery) throw new Error(`no ${code} in ${cityId}`);
	return delivery;
}

describe('local times of deliveries', () => {
	it('puts SOYS10 in Sydney at 09:00 AEDT (22:00 UTC the day before)', () => {
		const delivery = deliveryOf(buildCatalog(tour().build()), 'sydney', 'SOYS10');
		expect(delivery.start.toISOString()).toBe('2020-02-12T22:00:00.000Z');
		expect(delivery.end.toISOString()).toBe('2020-02-12T22:45:00.000Z');
		expect(delivery).toMatchObject({ day: '2020-02-13', startTime: '09:00', endTime: '09:45', zoneLabel: 'AEDT', utcOffsetMinutes: 660 });
	});

	it('puts SOYS10 in Chicago on 2020-04-15 at 09:00 CDT (14:00 UTC)', () => {
		const delivery = deliveryOf(buildCatalog(tour().build()), 'chicago', 'SOYS10');
		expect(delivery.start.toISOString()).toBe('2020-04-15T14:00:00.000Z');
		expect(delivery).toMatchObject({ zoneLabel: 'CDT', utcOffsetMinutes: -300 });
	});

	it('puts 09:00 in Chicago on 2020-03-05, before DST, at 15:00 UTC (CST)', () => {
		const delivery = deliveryAt('America/Chicago', '2020-03-05', '09:00');
		expect(delivery.start.toISOString()).toBe('2020-03-05T15:00:00.000Z');
		expect(delivery).toMatchObject({ zoneLabel: 'CST', utcOffsetMinutes: -360 });
	});

	it('puts 10:00 in Kolkata at 04:30 UTC and labels it IST (UTC+5:30)', () => {
		const delivery = deliveryAt('Asia/Kolkata', '2020-04-02', '10:00');
		expect(delivery.start.toISOString()).toBe('2020-04-02T04:30:00.000Z');
		expect(delivery).toMatchObject({ zoneLabel: 'IST', utcOffsetMinutes: 330 });
	});

	it('puts 09:00 in Tokyo at 00:00 UTC and labels it by its offset, UTC+9', () => {
		const delivery = deliveryAt('Asia/Tokyo', '2020-02-19', '09:00');
		expect(delivery.start.toISOString()).toBe('2020-02-19T00:00:00.000Z');
		expect(delivery).toMatchObject({ zoneLabel: 'UTC+9', utcOffsetMinutes: 540 });
	});

	it('puts 09:00 in Mexico City on 2020-04-15 at 14:00 UTC: Mexico still had DST in 2020', () => {
		const delivery = deliveryAt('America/Mexico_City', '2020-04-15', '09:00');
		expect(delivery.start.toISOString()).toBe('2020-04-15T14:00:00.000Z');
		expect(delivery).toMatchObject({ zoneLabel: 'CDT', utcOffsetMinutes: -300 });
	});

	it('puts 09:00 in Mexico City on 2020-03-30, before its DST began on 2020-04-05, at 15:00 UTC', () => {
		const delivery = deliveryAt('America/Mexico_City', '2020-03-30', '09:00');
		expect(delivery.start.toISOString()).toBe('2020-03-30T15:00:00.000Z');
		expect(delivery.utcOffsetMinutes).toBe(-360);
	});

	it('puts 09:00 in Kathmandu (UTC+5:45) at 03:15 UTC', () => {
		const delivery = deliveryAt('Asia/Kathmandu', '2020-02-20', '09:00');
		expect(delivery.start.toISOString()).toBe('2020-02-20T03:15:00.000Z');
		expect(delivery).toMatchObject({ zoneLabel: 'UTC+5:45', utcOffsetMinutes: 345 });
	});

	it('puts 09:00 in Auckland during NZDT at 20:00 UTC the day before', () => {
		const delivery = deliveryAt('Pacific/Auckland', '2020-02-20', '09:00');
		expect(delivery.start.toISOString()).toBe('2020-02-19T20:00:00.000Z');
		expect(delivery).toMatchObject({ day: '2020-02-20', startTime: '09:00', utcOffsetMinutes: 780 });
	});

	it('uses an explicit end as written instead of the duration', () => {
		const delivery = deliveryOf(buildCatalog(tour().build()), 'chicago', 'THR1001');
		expect(delivery.end.getTime() - delivery.start.getTime()).toBe(30 * 60_000);
		expect(delivery).toMatchObject({ startTime: '12:00', endTime: '12:30' });
	});
});

describe('default end across a DST change', () => {
	it('ends a 4-hour workshop from 00:30 in Berlin on 2020-03-29 at 05:30 CEST: 240 real minutes, clocks jump 02:00→03:00', () => {
		const delivery = deliveryAt('Europe/Berlin', '2020-03-29', '00:30', 'WRK1001');
		expect(delivery.start.toISOString()).toBe('2020-03-28T23:30:00.000Z');
		expect(delivery.end.toISOString()).toBe('2020-03-29T03:30:00.000Z');
		expect(delivery.end.getTime() - delivery.start.getTime()).toBe(240 * 60_000);
		expect(delivery).toMatchObject({ day: '2020-03-29', startTime: '00:30', endTime: '05:30', zoneLabel: 'CET', utcOffsetMinutes: 60 });
	});

	it('ends a 4-hour workshop from 01:00 in Sydney on 2020-04-05 at 04:00 AEST: 240 real minutes, clocks go back 03:00→02:00', () => {
		const delivery = deliveryAt('Australia/Sydney', '2020-04-05', '01:00', 'WRK1001');
		expect(delivery.start.toISOString()).toBe('2020-04-04T14:00:00.000Z');
		expect(delivery.end.toISOString()).toBe('2020-04-04T18:00:00.000Z');
		expect(delivery).toMatchObject({ startTime: '01:00', endTime: '04:00', zoneLabel: 'AEDT', utcOffsetMinutes: 660 });
	});

	it('accepts an explicit end written in the new offset after the clocks went back', () => {
		// 01:00 AEDT to 03:30 AEST is 3 h 30 of real time: the wall clock shows 02:00–03:00 twice.
		const delivery = deliveryAt('Australia/Sydney', '2020-04-05', '01:00', 'WRK1001', '03:30');
		expect(delivery.end.getTime() - delivery.start.getTime()).toBe(210 * 60_000);
	});
});

describe('calendar UIDs', () => {
	it("makes the UID from code, city and the number of the line among the session's lines there: SOYS10-sydney-1@tour.example.org", () => {
		expect(deliveryOf(buildCatalog(tour().build()), 'sydney', 'SOYS10').uid).toBe('SOYS10-sydney-1@tour.example.org');
	});

	it('gives the deliveries of one session in several cities one UID each', () => {
		const catalog = buildCatalog(tour().build());
		expect(catalog.deliveriesBySession.get('SOYS10')?.map((delivery) => delivery.uid)).toEqual([
			'SOYS10-toronto-1@tour.example.org',
			'SOYS10-sydney-1@tour.example.org',
			'SOYS10-chicago-1@tour.example.org',
		]);
	});

	it('gives a session delivered twice in one city two UIDs, numbered in agenda order', () => {
		const source = tour().withCity('sydney', (city) => {
			city.agenda.unshift(line('SOYS10', '2020-02-14', '09:30', 'Darling Harbour Theatre'));
		});
		const sydney = buildCatalog(source.build()).cityById.get('sydney');
		const soys10 = sydney?.deliveries.filter((delivery) => delivery.session.code === 'SOYS10');
		// Sorted by time, the 14 February line (first in the agenda) comes second.
		expect(soys10?.map((delivery) => [delivery.day, delivery.uid, delivery.key])).toEqual([
			['2020-02-13', 'SOYS10-sydney-2@tour.example.org', 'soys10-2'],
			['2020-02-14', 'SOYS10-sydney-1@tour.example.org', 'soys10-1'],
		]);
	});

	it('keeps the UID when the delivery moves to another day, time and room, or the session is renamed', () => {
		const before = deliveryOf(buildCatalog(tour().build()), 'sydney', 'SOYS10').uid;
		const moved = tour()
			.withCity('sydney', (city) => {
				const soys10 = city.agenda.find((item) => item.session === 'SOYS10');
				if (soys10) Object.assign(soys10, { day: '2020-02-14', start: '09:00', room: 'Expo Theatre' });
			})
			.withSession('SOYS10', (session) => ({ ...session, title: 'A new title' }));
		expect(deliveryOf(buildCatalog(moved.build()), 'sydney', 'SOYS10').uid).toBe(before);
	});

	it("pins the identity with an agenda line's id, so that reordering lines does not swap UIDs", () => {
		const source = tour().withCity('sydney', (city) => {
			city.agenda.unshift({ ...line('SOYS10', '2020-02-14', '09:30', 'Darling Harbour Theatre'), id: 'repeat' });
		});
		const uids = buildCatalog(source.build())
			.cityById.get('sydney')
			?.deliveries.filter((delivery) => delivery.session.code === 'SOYS10')
			.map((delivery) => delivery.uid);
		expect(uids).toEqual(['SOYS10-sydney-2@tour.example.org', 'SOYS10-sydney-repeat@tour.example.org']);
	});

	it("keeps a published line's UID when it is pinned with its own number (a number in YAML) and a line goes before it", () => {
		const source = tour().withCity('sydney', (city) => {
			const published = city.agenda.find((item) => item.session === 'SOYS10');
			if (published) published['id'] = 1;
			city.agenda.unshift(line('SOYS10', '2020-02-14', '09:30', 'Darling Harbour Theatre'));
		});
		// The new line is SOYS10 line number 1, which the published line now has as its id.
		expect(() => buildCatalog(source.build())).toThrow(
			/agenda\[0\]: this is SOYS10 line number 1 here, which agenda\[1\] has as its id; give this line an id of its own, e.g. id: new-1/,
		);
		const fixed = tour().withCity('sydney', (city) => {
			const published = city.agenda.find((item) => item.session === 'SOYS10');
			if (published) published['id'] = 1;
			city.agenda.unshift({ ...line('SOYS10', '2020-02-14', '09:30', 'Darling Harbour Theatre'), id: 'new-1' });
		});
		const uids = buildCatalog(fixed.build())
			.cityById.get('sydney')
			?.deliveries.filter((delivery) => delivery.session.code === 'SOYS10')
			.map((delivery) => [delivery.day, delivery.uid]);
		expect(uids).toEqual([
			['2020-02-13', 'SOYS10-sydney-1@tour.example.org'],
			['2020-02-14', 'SOYS10-sydney-new-1@tour.example.org'],
		]);
	});

	it('refuses an id that is not a short lower-case name or number', () => {
		const source = tour().withCity('sydney', (city) => {
			const published = city.agenda.find((item) => item.session === 'SOYS10');
			if (published) published['id'] = 'Day Two';
		});
		expect(() => buildCatalog(source.build())).toThrow(/agenda\[\d+\]\.id: must be 1 to 32 lower-case letters, digits or hyphens/);
	});

	it('refuses an id that makes a UID of another city (sydney + day2-1 against the city sydney-day2)', () => {
		const source = tour()
			.withCity('sydney', (city) => {
				const published = city.agenda.find((item) => item.session === 'SOYS10');
				if (published) published['id'] = 'day2-1';
			})
			.addCity('sydney-day2', {
				...cityFields('Sydney day 2', 'Australia', 'Australia/Sydney', '2020-02-20'),
				agenda: [line('SOYS10', '2020-02-20', '09:00', 'Main Hall')],
			});
		expect(() => buildCatalog(source.build())).toThrow(
			/agenda\[0\]: has the calendar UID SOYS10-sydney-day2-1@tour\.example\.org, which content\/cities\/sydney\.mdx agenda\[\d+\] has too; give one of them another id/,
		);
	});

	it('refuses two lines with the same id', () => {
		const source = tour().withCity('sydney', (city) => {
			city.agenda.push({ ...line('SOYS10', '2020-02-14', '09:30', 'Darling Harbour Theatre'), id: 'twice' });
			city.agenda.push({ ...line('SOYS10', '2020-02-14', '11:30', 'Darling Harbour Theatre'), id: 'twice' });
		});
		expect(() => buildCatalog(source.build())).toThrow(
			/agenda\[\d+\]\.id: gives this delivery the same calendar identity as agenda\[\d+\] \(SOYS10-twice\); choose another id/,
		);
	});

	it('refuses an id that gives two lines the same identity', () => {
		const source = tour().withCity('sydney', (city) => {
			city.agenda.push({ ...line('SOYS10', '2020-02-14', '09:30', 'Darling Harbour Theatre'), id: '1' });
		});
		expect(() => buildCatalog(source.build())).toThrow(
			/agenda\[\d+\]: this is SOYS10 line number 1 here, which agenda\[\d+\] has as its id; give this line an id of its own/,
		);
	});

	it('indexes every delivery by its UID, and the UIDs are unique across the tour', () => {
		const catalog = buildCatalog(tour().build());
		expect(catalog.deliveryByUid.size).toBe(catalog.deliveries.length);
		for (const delivery of catalog.deliveries) expect(catalog.deliveryByUid.get(delivery.uid)).toBe(delivery);
	});

	it('takes the host name of the site URL, in lower case, without the port', () => {
		const source = tour().withEvent((event) => ({ ...event, url: 'https://Events.Example.com:8443/' }));
		expect(deliveryOf(buildCatalog(source.build()), 'toronto', 'SOYS10').uid).toBe('SOYS10-toronto-1@events.example.com');
	});

	it('takes event.uidDomain when there is one, so that the site can move to another host', () => {
		const source = tour().withEvent((event) => ({ ...event, url: 'https://new-host.example.net/', uidDomain: 'tour.example.org' }));
		expect(deliveryOf(buildCatalog(source.build()), 'toronto', 'SOYS10').uid).toBe('SOYS10-toronto-1@tour.example.org');
	});
});

describe('resolveLocalTime', () => {
	it.each([
		['Australia/Sydney', '2020-02-13', '09:00', '2020-02-12T22:00:00.000Z'],
		['America/Chicago', '2020-04-15', '09:00', '2020-04-15T14:00:00.000Z'],
		['America/Chicago', '2020-03-05', '09:00', '2020-03-05T15:00:00.000Z'],
		['Asia/Kolkata', '2020-04-02', '10:00', '2020-04-02T04:30:00.000Z'],
		['Asia/Tokyo', '2020-02-19', '09:00', '2020-02-19T00:00:00.000Z'],
		['America/Mexico_City', '2020-04-15', '09:00', '2020-04-15T14:00:00.000Z'],
		['America/Mexico_City', '2020-03-30', '09:00', '2020-03-30T15:00:00.000Z'],
		['UTC', '2020-01-08', '00:00', '2020-01-08T00:00:00.000Z'],
		['Pacific/Chatham', '2020-02-20', '09:00', '2020-02-19T19:15:00.000Z'],
		['Pacific/Kiritimati', '2020-02-20', '09:00', '2020-02-19T19:00:00.000Z'],
		['Pacific/Pago_Pago', '2020-02-20', '23:30', '2020-02-21T10:30:00.000Z'],
		['America/St_Johns', '2020-07-01', '09:00', '2020-07-01T11:30:00.000Z'],
		// The minute just before and just after the Chicago gap and repeated hour.
		['America/Chicago', '2020-03-08', '01:59', '2020-03-08T07:59:00.000Z'],
		['America/Chicago', '2020-03-08', '03:00', '2020-03-08T08:00:00.000Z'],
		['America/Chicago', '2020-11-01', '00:59', '2020-11-01T05:59:00.000Z'],
		['America/Chicago', '2020-11-01', '02:00', '2020-11-01T08:00:00.000Z'],
	])('resolves %s %s %s to %s', (timezone, day, time, expected) => {
		expect(instantOf(timezone, day, time)).toBe(expected);
	});

	it.each([
		['America/Chicago', '2020-03-08', '02:00'],
		['America/Chicago', '2020-03-08', '02:30'],
		['America/Chicago', '2020-03-08', '02:59'],
		['Europe/Berlin', '2020-03-29', '02:30'],
		['Australia/Sydney', '2020-10-04', '02:30'],
		// Lord Howe moves its clocks by 30 minutes only.
		['Australia/Lord_Howe', '2020-10-04', '02:15'],
		// Santiago skips from 24:00 to 01:00: midnight itself does not exist.
		['America/Santiago', '2020-09-06', '00:30'],
		// Samoa skipped 30 December 2011 entirely when it moved west of the date line.
		['Pacific/Apia', '2011-12-30', '12:00'],
	])('finds no instant for %s %s %s (the clocks skip it)', (timezone, day, time) => {
		expect(resolveLocalTime(timezone, day, time)).toEqual({ kind: 'gap' });
	});

	it.each([
		['America/Chicago', '2020-11-01', '01:30', '2020-11-01T06:30:00.000Z', '2020-11-01T07:30:00.000Z'],
		['Europe/Berlin', '2020-10-25', '02:30', '2020-10-25T00:30:00.000Z', '2020-10-25T01:30:00.000Z'],
		['Australia/Sydney', '2020-04-05', '02:30', '2020-04-04T15:30:00.000Z', '2020-04-04T16:30:00.000Z'],
		['Australia/Lord_Howe', '2020-04-05', '01:45', '2020-04-04T14:45:00.000Z', '2020-04-04T15:15:00.000Z'],
	])('finds two instants for %s %s %s (the clocks show it twice)', (timezone, day, time, earlier, later) => {
		const resolution = resolveLocalTime(timezone, day, time);
		expect(resolution.kind).toBe('ambiguous');
		if (resolution.kind !== 'ambiguous') return;
		expect([resolution.earlier.toISOString(), resolution.later.toISOString()]).toEqual([earlier, later]);
	});
});

describe('time helpers', () => {
	it('gives the local day and time of an instant in a zone, across the date line', () => {
		expect(localDayAndTime('Australia/Sydney', new Date('2020-02-12T22:00:00Z'))).toEqual({ day: '2020-02-13', time: '09:00' });
		expect(localDayAndTime('Pacific/Pago_Pago', new Date('2020-02-21T10:30:00Z'))).toEqual({ day: '2020-02-20', time: '23:30' });
	});

	it('gives the UTC offset in force at an instant, in minutes east of UTC', () => {
		expect(utcOffsetMinutes('Australia/Sydney', new Date('2020-02-12T22:00:00Z'))).toBe(660);
		expect(utcOffsetMinutes('Australia/Sydney', new Date('2020-06-01T00:00:00Z'))).toBe(600);
		expect(utcOffsetMinutes('America/St_Johns', new Date('2020-01-15T12:00:00Z'))).toBe(-210);
	});

	it.each([
		[0, 'UTC'],
		[660, 'UTC+11'],
		[330, 'UTC+5:30'],
		[345, 'UTC+5:45'],
		[-360, 'UTC-6'],
		[-210, 'UTC-3:30'],
		[840, 'UTC+14'],
	])('formats the offset %i as %s', (minutes, text) => {
		expect(formatUtcOffset(minutes)).toBe(text);
	});

	it('names the customary abbreviation where there is one and nothing where there is none', () => {
		expect(zoneAbbreviation('Europe/Berlin', new Date('2020-01-15T12:00:00Z'))).toBe('CET');
		expect(zoneAbbreviation('Europe/Berlin', new Date('2020-07-15T12:00:00Z'))).toBe('CEST');
		expect(zoneAbbreviation('America/Chicago', new Date('2020-07-15T12:00:00Z'))).toBe('CDT');
		expect(zoneAbbreviation('Asia/Tokyo', new Date('2020-07-15T12:00:00Z'))).toBeUndefined();
	});

	it.each([
		['Europe/Berlin', true],
		['America/Argentina/Buenos_Aires', true],
		['UTC', true],
		['Etc/GMT+1', true],
		['Europe/Berln', false],
		['GMT+1', false],
		['EST', false],
		['', false],
	])('knows whether %j is an IANA time zone (%s)', (timezone, known) => {
		expect(isIanaTimeZone(timezone)).toBe(known);
	});
});

describe("independence from the build machine's TZ", () => {
	const originalTz = process.env['TZ'];
	afterEach(() => {
		if (originalTz === undefined) delete process.env['TZ'];
		else process.env['TZ'] = originalTz;
	});

	function snapshot(catalog: Catalog) {
		return {
			deliveries: catalog.deliveries.map((delivery) => ({
				uid: delivery.uid,
				start: delivery.start.toISOString(),
				end: delivery.end.toISOString(),
				day: delivery.day,
				startTime: delivery.startTime,
				endTime: delivery.endTime,
				utcOffsetMinutes: delivery.utcOffsetMinutes,
				zoneLabel: delivery.zoneLabel,
			})),
			cities: catalog.cities.map((city) => ({ id: city.id, zoneSummary: city.zoneSummary, days: city.days.map((day) => day.day) })),
		};
	}

	function farTour() {
		return (
			tour()
				.addCity('berlin', {
					...cityFields('Berlin', 'Germany', 'Europe/Berlin', '2020-03-29'),
					agenda: [line('WRK1001', '2020-03-29', '00:30', 'Main Hall')],
				})
				.addCity('kolkata', {
					...cityFields('Kolkata', 'India', 'Asia/Kolkata', '2020-04-02'),
					// Ends at midnight exactly (60 minutes): as late as a delivery may run.
					agenda: [line('SOYS20', '2020-04-02', '23:00', 'Main Hall')],
				})
				.addCity('samoa', {
					...cityFields('Apia', 'Samoa', 'Pacific/Apia', '2020-02-01'),
					agenda: [line('SOYS20', '2020-02-01', '00:15', 'Main Hall')],
				})
				// Just after the clocks went back in Auckland and in London.
				.addCity('auckland', {
					...cityFields('Auckland', 'New Zealand', 'Pacific/Auckland', '2020-04-05'),
					agenda: [line('SOYS20', '2020-04-05', '03:30', 'Main Hall')],
				})
				.addCity('london', {
					...cityFields('London', 'United Kingdom', 'Europe/London', '2020-10-25'),
					agenda: [line('SOYS20', '2020-10-25', '02:30', 'Main Hall')],
				})
		);
	}

	/** Sets the machine's zone and checks that Node applied it (it does at run time when TZ changes). */
	function runIn(timezone: string, minutesWestOnNewYear: number): void {
		process.env['TZ'] = timezone;
		expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(minutesWestOnNewYear);
	}

	it('builds the same instants, days and local times under TZ=UTC and TZ=Asia/Tokyo', () => {
		runIn('UTC', 0);
		const inUtc = snapshot(buildCatalog(farTour().build()));
		runIn('Asia/Tokyo', -540);
		expect(snapshot(buildCatalog(farTour().build()))).toEqual(inUtc);
		expect(inUtc.deliveries.find((delivery) => delivery.uid.startsWith('SOYS10-sydney'))).toMatchObject({
			start: '2020-02-12T22:00:00.000Z',
			day: '2020-02-13',
			startTime: '09:00',
		});
	});

	it.each([
		['America/St_Johns', 210],
		['Europe/Berlin', -60],
		['Pacific/Chatham', -825],
		['America/Santiago', 180],
		['Australia/Sydney', -660],
	])('builds the same catalog on a machine in %s as under UTC, even near the DST changes of both zones', (timezone, minutesWest) => {
		runIn('UTC', 0);
		const inUtc = snapshot(buildCatalog(farTour().build()));
		runIn(timezone, minutesWest);
		expect(snapshot(buildCatalog(farTour().build()))).toEqual(inUtc);
	});

	it('puts London 2020-10-25 02:30 (GMT, after the repeated hour) at 02:30 UTC on a machine in Europe/Berlin', () => {
		runIn('Europe/Berlin', -60);
		expect(instantOf('Europe/London', '2020-10-25', '02:30')).toBe('2020-10-25T02:30:00.000Z');
	});

	it('puts Auckland 2020-04-05 03:30 (NZST) at 15:30 UTC and Sydney 03:30 (AEST) at 17:30 UTC on a machine in Pacific/Chatham', () => {
		runIn('Pacific/Chatham', -825);
		expect(instantOf('Pacific/Auckland', '2020-04-05', '03:30')).toBe('2020-04-04T15:30:00.000Z');
		expect(instantOf('Australia/Sydney', '2020-04-05', '03:30')).toBe('2020-04-04T17:30:00.000Z');
	});

	it('refuses the same gap and repeated hour under TZ=Asia/Tokyo as under UTC', () => {
		process.env['TZ'] = 'Asia/Tokyo';
		expect(resolveLocalTime('America/Chicago', '2020-03-08', '02:30')).toEqual({ kind: 'gap' });
		expect(resolveLocalTime('Europe/Berlin', '2020-10-25', '02:30').kind).toBe('ambiguous');
		expect(instantOf('Australia/Sydney', '2020-02-13', '09:00')).toBe('2020-02-12T22:00:00.000Z');
	});
});
