import { describe, expect, it } from 'vitest';
import SiteFooter from '../../src/components/SiteFooter.astro';
import SiteHeader from '../../src/components/SiteHeader.astro';
import BaseLayout from '../../src/layouts/BaseLayout.astro';
import { catalogOf } from './catalog';
import { attr, findAll, findOne, firstElement, parseHtml, render, renderHtml, textOf } from './render';

const site = 'https://tour.example.org';

describe('SiteHeader', () => {
	const navLinks = async (url: string) => {
		const header = await render(SiteHeader, { eventName: 'Test Tour 2020' }, { url: `${site}${url}` });
		return findAll(findOne(header, 'nav'), 'a').map((link) => ({ label: textOf(link), current: attr(link, 'aria-current') }));
	};

	it('shows the event name as the link home', async () => {
		const header = await render(SiteHeader, { eventName: 'Roadshow Summit Tour' });
		const brand = findOne(header, 'a', (a) => attr(a, 'class') === 'brand');
		expect(attr(brand, 'href')).toBe('/');
		expect(textOf(brand)).toBe('Roadshow Summit Tour');
	});

	it('has a labelled GET search form to /search/ that sends the query as q', async () => {
		const header = await render(SiteHeader, { eventName: 'Test Tour 2020' });
		const form = findOne(header, 'form');
		expect([attr(form, 'action'), attr(form, 'method'), attr(form, 'role')]).toEqual(['/search/', 'get', 'search']);
		const input = findOne(form, 'input');
		expect(attr(input, 'name')).toBe('q');
		const label = findOne(form, 'label');
		expect(attr(label, 'for')).toBe(attr(input, 'id'));
		expect(textOf(label)).toBe('Search the site');
	});

	it('leaves the search form out when asked to (the search page has its own)', async () => {
		expect(findAll(await render(SiteHeader, { eventName: 'Test Tour 2020', search: false }), 'form')).toEqual([]);
	});

	it('marks the section page itself with aria-current="page" and no other link', async () => {
		expect(await navLinks('/paths/')).toEqual([
			{ label: 'Sessions', current: undefined },
			{ label: 'Learning paths', current: 'page' },
			{ label: 'Cities', current: undefined },
			{ label: 'Speakers', current: undefined },
			{ label: 'Search', current: undefined },
			{ label: 'My schedule', current: undefined },
		]);
	});

	it('marks the section of a page inside it with aria-current="true"', async () => {
		const links = await navLinks('/sessions/soys10/');
		expect(links.filter((link) => link.current !== undefined)).toEqual([{ label: 'Sessions', current: 'true' }]);
		expect((await navLinks('/cities/sydney/')).filter((link) => link.current !== undefined)).toEqual([
			{ label: 'Cities', current: 'true' },
		]);
	});

	it('marks the home link, and no section, on the home page', async () => {
		const header = await render(SiteHeader, { eventName: 'Test Tour 2020' }, { url: `${site}/` });
		expect(
			attr(
				findOne(header, 'a', (a) => attr(a, 'class') === 'brand'),
				'aria-current',
			),
		).toBe('page');
		expect((await navLinks('/')).every((link) => link.current === undefined)).toBe(true);
		const onPaths = await render(SiteHeader, { eventName: 'Test Tour 2020' }, { url: `${site}/paths/` });
		expect(
			attr(
				findOne(onPaths, 'a', (a) => attr(a, 'class') === 'brand'),
				'aria-current',
			),
		).toBeUndefined();
	});
});

describe('SiteFooter', () => {
	it('shows the event name, the hashtag and the footer links, with rel="noopener"', async () => {
		const catalog = catalogOf((source) =>
			source.withEvent((event) => ({
				...event,
				hashtag: '#TestTour',
				links: [
					{ label: 'Code of conduct', url: 'https://tour.example.org/conduct' },
					{ label: 'Privacy', url: 'https://privacy.example.com/' },
				],
			})),
		);
		const footer = await render(SiteFooter, { event: catalog.event });
		expect(textOf(findOne(footer, 'strong'))).toBe('Test Tour 2020');
		expect(textOf(findOne(footer, 'p', (p) => attr(p, 'class') === undefined))).toBe('Test Tour 2020 · #TestTour');
		const nav = findOne(footer, 'nav');
		expect(attr(nav, 'aria-label')).toBe('Footer');
		expect(findAll(nav, 'a').map((link) => ({ label: textOf(link), href: attr(link, 'href'), rel: attr(link, 'rel') }))).toEqual([
			{ label: 'Code of conduct', href: 'https://tour.example.org/conduct', rel: 'noopener' },
			{ label: 'Privacy', href: 'https://privacy.example.com/', rel: 'noopener' },
		]);
	});

	it('has no footer navigation when the event has no links, and no hashtag when it has none', async () => {
		const catalog = catalogOf();
		expect(catalog.event.links).toEqual([]);
		const footer = await render(SiteFooter, { event: catalog.event });
		expect(findAll(footer, 'nav')).toEqual([]);
		expect(findAll(footer, 'a')).toEqual([]);
		expect(textOf(findOne(footer, 'p', (p) => attr(p, 'class') === undefined))).toBe('Test Tour 2020');
	});
});

describe('BaseLayout', () => {
	const event = () =>
		catalogOf((source) =>
			source.withEvent((fields) => ({ ...fields, name: 'Tour de Test 2020', tagline: 'Le tour des tests', language: 'fr' })),
		).event;

	async function page(
		props: { title: string; description?: string; indexable?: boolean },
		url = '/sessions/',
		slots: Record<string, string> = {},
	) {
		const options = { page: true, site, url: `${site}${url}`, slots: { default: '<p id="content">Body</p>', ...slots } };
		const html = await renderHtml(BaseLayout, { event: event(), ...props }, options);
		return { html, document: parseHtml(html) };
	}

	it('is an HTML document in the event’s language', async () => {
		const { html, document } = await page({ title: 'Sessions' });
		expect(html).toMatch(/^<!DOCTYPE html>/i);
		expect(attr(findOne(document, 'html'), 'lang')).toBe('fr');
	});

	it('titles the page "<title> · <event name>", and the home page by the event name alone', async () => {
		const { document } = await page({ title: 'Sessions' });
		expect(textOf(findOne(document, 'title'))).toBe('Sessions · Tour de Test 2020');
		const home = await page({ title: 'Tour de Test 2020' }, '/');
		expect(textOf(findOne(home.document, 'title'))).toBe('Tour de Test 2020');
	});

	it('has one <main id="main"> holding the page’s content, and a skip link to it first in the body', async () => {
		const { document } = await page({ title: 'Sessions' });
		const main = findOne(document, 'main');
		expect(attr(main, 'id')).toBe('main');
		expect(findAll(main, 'p', (p) => attr(p, 'id') === 'content')).toHaveLength(1);
		const skip = firstElement(findOne(document, 'body'));
		expect(skip?.name).toBe('a');
		expect(skip && attr(skip, 'href')).toBe('#main');
		expect(skip && textOf(skip)).toBe('Skip to main content');
	});

	it('has the site header (with its search box) and footer with the event’s name, the same on every page', async () => {
		const { document } = await page({ title: 'Sessions' });
		expect(textOf(findOne(findOne(document, 'header'), 'a', (a) => attr(a, 'class') === 'brand'))).toBe('Tour de Test 2020');
		expect(textOf(findOne(findOne(document, 'footer'), 'strong'))).toBe('Tour de Test 2020');
		expect(findAll(document, 'form')).toHaveLength(1);
		expect(findAll((await page({ title: 'Search' }, '/search/')).document, 'form')).toHaveLength(1);
	});

	it('gives the "page not found" page no canonical address and asks search engines not to index it', async () => {
		const { document } = await page({ title: 'Page not found', indexable: false }, '/404/');
		expect(findAll(document, 'link', (link) => attr(link, 'rel') === 'canonical')).toEqual([]);
		expect(findAll(document, 'meta', (meta) => attr(meta, 'property') === 'og:url')).toEqual([]);
		expect(
			attr(
				findOne(document, 'meta', (meta) => attr(meta, 'name') === 'robots'),
				'content',
			),
		).toBe('noindex');
		const normal = await page({ title: 'Sessions' });
		expect(findAll(normal.document, 'link', (link) => attr(link, 'rel') === 'canonical')).toHaveLength(1);
	});

	it('describes the page with its description, or with the event’s tagline when it has none', async () => {
		const description = (document: Awaited<ReturnType<typeof render>>) =>
			attr(
				findOne(document, 'meta', (meta) => attr(meta, 'name') === 'description'),
				'content',
			);
		expect(description((await page({ title: 'Sessions', description: 'Every session of the tour.' })).document)).toBe(
			'Every session of the tour.',
		);
		expect(description((await page({ title: 'Sessions' })).document)).toBe('Le tour des tests');
	});

	it('links the canonical address of the page on the site', async () => {
		const { document } = await page({ title: 'SOYS10' }, '/sessions/soys10/');
		expect(
			attr(
				findOne(document, 'link', (link) => attr(link, 'rel') === 'canonical'),
				'href',
			),
		).toBe(`${site}/sessions/soys10/`);
	});

	it('puts what a page adds to the head into <head>', async () => {
		const { document } = await page({ title: 'Sessions' }, '/sessions/', { head: '<meta name="robots" content="noindex">' });
		expect(findAll(findOne(document, 'head'), 'meta', (meta) => attr(meta, 'name') === 'robots')).toHaveLength(1);
		expect(findAll(findOne(document, 'body'), 'meta')).toEqual([]);
	});
});
