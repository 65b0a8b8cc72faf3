import { describe, expect, it } from 'vitest';
import AddToCalendar from '../../src/components/AddToCalendar.astro';
import SearchIndex from '../../src/components/SearchIndex.astro';
import { deliveryLinks, feedLinks } from '../../src/presentation/calendar-links';
import { cityCalendarPath, sessionCalendarPath } from '../../src/presentation/urls';
import { catalogOf, cityOf, deliveryOf } from './catalog';
import { attr, findAll, findOne, parseHtml, render, renderHtml, textOf } from './render';

describe('AddToCalendar', () => {
	function sydneySoys10() {
		const catalog = catalogOf();
		const delivery = deliveryOf(catalog, 'sydney', 'SOYS10');
		return { catalog, delivery, links: deliveryLinks(delivery, sessionCalendarPath(delivery.city, delivery.session), catalog.event.url) };
	}

	it('is a disclosure button "Add to calendar" that tells screen readers what it adds', async () => {
		const { links } = sydneySoys10();
		const control = await render(AddToCalendar, { links, context: 'Sydney, 09:00 on Thu, 13 Feb 2020' });
		const summary = findOne(findOne(control, 'details'), 'summary');
		expect(textOf(summary)).toBe('Add to calendar: Sydney, 09:00 on Thu, 13 Feb 2020');
		expect(attr(findOne(summary, 'span'), 'class')).toBe('visually-hidden');
		expect(attr(findOne(summary, 'svg'), 'aria-hidden')).toBe('true');
	});

	it('uses its own label, and says nothing more when there is no context', async () => {
		const { catalog } = sydneySoys10();
		const city = cityOf(catalog, 'sydney');
		const links = feedLinks(cityCalendarPath(city), `${catalog.event.name}: ${city.name}`, catalog.event.url);
		const control = await render(AddToCalendar, { links, label: 'Subscribe to the Sydney agenda' });
		const summary = findOne(control, 'summary');
		expect(textOf(summary)).toBe('Subscribe to the Sydney agenda');
		expect(findAll(summary, 'span')).toEqual([]);
	});

	it('offers every link with its label and its address intact (query strings escaped in HTML, not broken)', async () => {
		const { links } = sydneySoys10();
		const html = await renderHtml(AddToCalendar, { links, fileName: 'SOYS10-sydney.ics' });
		const anchors = findAll(parseHtml(html), 'a');
		expect(anchors.map((anchor) => ({ label: textOf(anchor), href: attr(anchor, 'href') }))).toEqual(
			links.map(({ label, href }) => ({ label, href })),
		);
		expect(html).not.toMatch(/href="[^"]*&(?!amp;)[^"]*"/);
	});

	it('opens Google Calendar at the delivery’s instants, 22:00–22:45 UTC for 09:00 AEDT in Sydney', async () => {
		const { links } = sydneySoys10();
		const google = findOne(await render(AddToCalendar, { links }), 'a', (anchor) => textOf(anchor) === 'Google Calendar');
		const url = new URL(attr(google, 'href') ?? '');
		expect(url.searchParams.get('dates')).toBe('20200212T220000Z/20200212T224500Z');
		expect(url.searchParams.get('ctz')).toBe('Australia/Sydney');
		expect(url.searchParams.get('text')).toBe('SOYS10: Content collaboration and protection');
	});

	it('downloads the .ics under the given file name and marks links to other sites rel="noopener"', async () => {
		const { links } = sydneySoys10();
		const anchors = findAll(await render(AddToCalendar, { links, fileName: 'SOYS10-sydney.ics' }), 'a');
		expect(anchors.map((anchor) => ({ download: attr(anchor, 'download'), rel: attr(anchor, 'rel') }))).toEqual(
			links.map((link) => ({ download: link.download ? 'SOYS10-sydney.ics' : undefined, rel: link.external ? 'noopener' : undefined })),
		);
		expect(anchors.filter((anchor) => attr(anchor, 'download') !== undefined).map((anchor) => attr(anchor, 'href'))).toEqual([
			'/cities/sydney/sessions/soys10.ics',
		]);
	});
});

describe('SearchIndex', () => {
	const sort = { code: 'SOYS10', start: '2020-01-08T14:00:00.000Z' };

	it('is hidden and ignored as text, and records every filter value, the metadata and the sort keys for Pagefind', async () => {
		const index = await render(SearchIndex, {
			filters: { city: ['Sydney', 'Toronto'], type: ['Breakout'] },
			meta: { code: 'SOYS10', type: 'Breakout' },
			sort,
		});
		const box = findOne(index, 'div');
		expect(attr(box, 'hidden')).toBe('');
		expect(attr(box, 'data-pagefind-ignore')).toBe('');
		const spans = findAll(box, 'span');
		const recorded = (kind: string) =>
			spans.filter((span) => attr(span, kind) !== undefined).map((span) => [attr(span, kind), textOf(span)]);
		expect(recorded('data-pagefind-filter')).toEqual([
			['city', 'Sydney'],
			['city', 'Toronto'],
			['type', 'Breakout'],
		]);
		expect(recorded('data-pagefind-meta')).toEqual([
			['code', 'SOYS10'],
			['type', 'Breakout'],
		]);
		expect(recorded('data-pagefind-sort')).toEqual([
			['code', 'SOYS10'],
			['start', '2020-01-08T14:00:00.000Z'],
		]);
	});

	it('records no metadata when there is none, and keeps non-Latin and markup characters as text', async () => {
		const html = await renderHtml(SearchIndex, { filters: { city: ['深圳', 'Mexico <City> & Co'] }, sort });
		const spans = findAll(parseHtml(html), 'span');
		expect(spans.filter((span) => attr(span, 'data-pagefind-meta') !== undefined)).toEqual([]);
		expect(spans.filter((span) => attr(span, 'data-pagefind-filter') === 'city').map(textOf)).toEqual(['深圳', 'Mexico <City> & Co']);
		expect(html).toContain('Mexico &lt;City&gt; &amp; Co');
	});
});
