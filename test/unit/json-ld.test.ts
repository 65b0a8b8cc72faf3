import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { cityJsonLd, homeJsonLd, jsonLdText, localIsoDateTime, sessionJsonLd, speakerJsonLd } from '../../src/presentation/json-ld';
import { line, tour } from './source-builder';

describe('localIsoDateTime', () => {
	it.each([
		// Sydney: AEDT until 5 April 2020 03:00, then AEST.
		['2020-02-12T22:00:00Z', 'Australia/Sydney', '2020-02-13T09:00:00+11:00'],
		['2020-04-04T15:59:00Z', 'Australia/Sydney', '2020-04-05T02:59:00+11:00'],
		['2020-04-04T16:00:00Z', 'Australia/Sydney', '2020-04-05T02:00:00+10:00'],
		// Chicago: CST until 8 March 2020 02:00, then CDT.
		['2020-03-06T15:00:00Z', 'America/Chicago', '2020-03-06T09:00:00-06:00'],
		['2020-03-09T14:00:00Z', 'America/Chicago', '2020-03-09T09:00:00-05:00'],
		// Zero, half and quarter hours, both sides of UTC.
		['2020-01-16T09:00:00Z', 'Europe/London', '2020-01-16T09:00:00+00:00'],
		['2020-04-02T03:30:00Z', 'Asia/Kolkata', '2020-04-02T09:00:00+05:30'],
		['2020-04-02T03:15:00Z', 'Asia/Kathmandu', '2020-04-02T09:00:00+05:45'],
		['2020-01-08T12:30:00Z', 'America/St_Johns', '2020-01-08T09:00:00-03:30'],
		['2020-01-08T10:00:00Z', 'UTC', '2020-01-08T10:00:00+00:00'],
	])('writes %s in %s as %s, naming the same instant', (instant, zone, expected) => {
		const text = localIsoDateTime(new Date(instant), zone);
		expect(text).toBe(expected);
		expect(Date.parse(text)).toBe(Date.parse(instant));
	});

	it('names the exact instant even where the offset had seconds (local mean time)', () => {
		// Kolkata before 1942 ran on +05:53:28 (Intl's data); the text rounds the offset and shifts the clock with it.
		const instant = new Date('1900-01-01T00:00:00Z');
		const text = localIsoDateTime(instant, 'Asia/Kolkata');
		expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		expect(Date.parse(text)).toBe(instant.getTime());
	});
});

describe('jsonLdText', () => {
	const hostile = 'Break </script><script>alert(1)</script> & <!-- out \u2028 \u2029 "quotes"';

	it('escapes <, >, & and U+2028/U+2029 so that no text can end the <script> element, and reads back unchanged', () => {
		const text = jsonLdText({ name: hostile, nested: [{ name: hostile }] });
		expect(text).not.toMatch(/[<>&\u2028\u2029]/);
		expect(text.toLowerCase()).not.toContain('</script');
		expect(text).toContain('\\u003c/script\\u003e');
		expect(text).toContain('\\u0026');
		expect(text).toContain('\\u2028');
		expect(JSON.parse(text)).toEqual({ name: hostile, nested: [{ name: hostile }] });
	});
});

describe('the JSON-LD builders', () => {
	const catalog = buildCatalog(
		tour()
			.withEvent((event) => ({ ...event, description: 'A tour for tests.' }))
			.withSession('SOYS10', (session) => ({ ...session, title: 'Hostile </script> title & more' }))
			.withCity('sydney', (city) => ({
				...city,
				agenda: [...city.agenda, { ...line('SOYS10', '2020-02-14', '09:00', 'Darling Harbour Theatre'), status: 'cancelled' }],
			}))
			.withSpeaker('megan-okafor', (speaker) => ({ ...speaker, links: [{ label: 'Site', url: 'https://megan.example.com/' }] }))
			.build(),
	);
	const ctx = { event: catalog.event, siteUrl: 'https://tour.example.org' };
	const sydney = catalog.cityById.get('sydney')!;

	it('gives a session an Event per delivery, in the city’s zone, cancelled ones as EventCancelled', () => {
		const data = sessionJsonLd(ctx, catalog.deliveriesBySession.get('SOYS10') ?? []) as { '@graph': Record<string, unknown>[] };
		expect(data['@graph'].map((event) => [event['startDate'], event['eventStatus']])).toEqual([
			['2020-01-08T09:00:00-05:00', 'https://schema.org/EventScheduled'],
			['2020-02-13T09:00:00+11:00', 'https://schema.org/EventScheduled'],
			['2020-02-14T09:00:00+11:00', 'https://schema.org/EventCancelled'],
			['2020-04-15T09:00:00-05:00', 'https://schema.org/EventScheduled'],
		]);
		expect(data['@graph'][1]).toMatchObject({
			'@type': 'Event',
			name: 'SOYS10: Hostile </script> title & more',
			endDate: '2020-02-13T09:45:00+11:00',
			eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
			url: 'https://tour.example.org/sessions/soys10/',
			location: {
				'@type': 'Place',
				name: 'Darling Harbour Theatre, ICC Sydney',
				address: { '@type': 'PostalAddress', addressLocality: 'Sydney', addressCountry: 'Australia' },
			},
			organizer: { '@type': 'Organization', name: 'Test Tour 2020', url: 'https://tour.example.org/' },
			performer: [
				{
					'@type': 'Person',
					name: 'Megan Okafor',
					url: 'https://tour.example.org/speakers/megan-okafor/',
					jobTitle: 'Program Manager',
					worksFor: { '@type': 'Organization', name: 'Microsoft' },
				},
			],
		});
	});

	it('writes nothing for a session not scheduled anywhere', () => {
		expect(sessionJsonLd(ctx, [])).toBeUndefined();
	});

	it('gives a city the tour as an EventSeries with this stop, and its deliveries', () => {
		const data = cityJsonLd(ctx, sydney) as { '@graph': Record<string, unknown>[] };
		const [series, ...events] = data['@graph'];
		expect(series).toMatchObject({
			'@type': 'EventSeries',
			name: 'Test Tour 2020',
			url: 'https://tour.example.org/',
			subEvent: [{ '@type': 'Event', startDate: '2020-02-13', endDate: '2020-02-14', url: 'https://tour.example.org/cities/sydney/' }],
		});
		expect(events).toHaveLength(sydney.deliveries.length);
		expect(new Set(events.map((event) => event['@id'])).size).toBe(events.length);
	});

	it('gives the home page every stop, and the tour’s first and last day', () => {
		const data = homeJsonLd(ctx, catalog.cities) as Record<string, unknown>;
		expect((data['subEvent'] as unknown[]).length).toBe(catalog.cities.length);
		expect([data['startDate'], data['endDate']]).toEqual(['2020-01-08', '2020-04-16']);
	});

	it('describes a speaker as a Person with their profiles', () => {
		expect(speakerJsonLd(ctx, catalog.speakerById.get('megan-okafor')!)).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Person',
			'@id': 'https://tour.example.org/speakers/megan-okafor/#person',
			jobTitle: 'Program Manager',
			sameAs: ['https://megan.example.com/'],
		});
	});
});
