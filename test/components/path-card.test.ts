import { describe, expect, it } from 'vitest';
import PathCard from '../../src/components/PathCard.astro';
import { line } from '../unit/source-builder';
import { catalogOf, pathOf } from './catalog';
import { attr, findAll, findOne, render, textOf } from './render';

describe('PathCard', () => {
	/** The card of the path `soys` as the site shows it: with the number of cities that offer it in full. */
	async function soysCard(...args: Parameters<typeof catalogOf>) {
		const catalog = catalogOf(...args);
		const path = pathOf(catalog, 'soys');
		const cityCount = catalog.citiesByPath.get(path.id)?.length ?? 0;
		return { path, cityCount, card: await render(PathCard, { path, cityCount }) };
	}

	const metaOf = (card: Awaited<ReturnType<typeof render>>) =>
		findAll(
			findOne(card, 'ul', (ul) => attr(ul, 'class') === 'meta'),
			'li',
		).map(textOf);

	it('shows the code and the title linked to /paths/<id>/', async () => {
		const { card } = await soysCard((source) =>
			source.withPath('soys', (path) => ({ ...path, code: 'CIW', title: 'Content in the workplace' })),
		);
		expect(textOf(findOne(card, 'p', (p) => attr(p, 'class') === 'code'))).toBe('CIW');
		const link = findOne(findOne(card, 'h3'), 'a');
		expect(attr(link, 'href')).toBe('/paths/soys/');
		expect(textOf(link)).toBe('Content in the workplace');
	});

	it('counts the sessions and adds up their time: 25 + 60 minutes is "1 h 25 min in all"', async () => {
		const { card } = await soysCard((source) => source.withSession('SOYS10', (session) => ({ ...session, duration: 25 })));
		expect(metaOf(card)).toEqual(['2 sessions', '1 h 25 min in all', 'offered in 2 cities']);
	});

	it('adds a session to the count and the total when the path gains one (45 + 60 + 20 minutes)', async () => {
		// Sydney and Chicago, which offer the path, both deliver THR1001 (a theater session, 20 minutes by default).
		const { card } = await soysCard((source) => source.withPath('soys', (path) => ({ ...path, sessions: [...path.sessions, 'THR1001'] })));
		expect(metaOf(card)).toEqual(['3 sessions', '2 h 5 min in all', 'offered in 2 cities']);
	});

	it('says "1 session" for a path of one session', async () => {
		const { card } = await soysCard((source) => source.withPath('soys', (path) => ({ ...path, sessions: path.sessions.slice(0, 1) })));
		expect(metaOf(card)[0]).toBe('1 session');
	});

	it('says "offered in 1 city" for one city and "offered in 3 cities" for three', async () => {
		const one = await soysCard((source) => source.withCity('chicago', (city) => ({ ...city, paths: [] })));
		expect(one.cityCount).toBe(1);
		expect(metaOf(one.card)).toContain('offered in 1 city');

		const three = await soysCard((source) =>
			source.withCity('toronto', (city) => ({
				...city,
				paths: ['soys'],
				agenda: [...city.agenda, line('SOYS20', '2020-01-08', '10:00', 'Hall A')],
			})),
		);
		expect(three.cityCount).toBe(3);
		expect(metaOf(three.card)).toContain('offered in 3 cities');
	});

	it('shows the path’s products as badges, and no product list when it has none', async () => {
		const withProducts = await soysCard((source) => source.withPath('soys', (path) => ({ ...path, products: ['SharePoint', 'OneDrive'] })));
		const products = findOne(withProducts.card, 'ul', (ul) => attr(ul, 'aria-label') === 'Products');
		expect(findAll(products, 'li').map(textOf)).toEqual(['SharePoint', 'OneDrive']);

		const without = await soysCard();
		expect(without.path.products).toEqual([]);
		expect(findAll(without.card, 'ul', (ul) => attr(ul, 'aria-label') === 'Products')).toEqual([]);
	});

	it('puts the title at the heading level the page asks for', async () => {
		const { path, cityCount } = await soysCard();
		const card = await render(PathCard, { path, cityCount, headingLevel: 2 });
		expect(textOf(findOne(card, 'h2'))).toBe(path.title);
		expect(findAll(card, 'h3')).toEqual([]);
	});
});
