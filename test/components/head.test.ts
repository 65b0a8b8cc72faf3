import { describe, expect, it } from 'vitest';
import JsonLd from '../../src/components/JsonLd.astro';
import BaseLayout from '../../src/layouts/BaseLayout.astro';
import { sessionJsonLd } from '../../src/presentation/json-ld';
import { catalogOf } from './catalog';
import { attr, findAll, findOne, parseHtml, renderHtml, textOf } from './render';

const site = 'https://tour.example.org';
const hostileTitle = 'Escape </script><script>alert(1)</script> <!-- & \u2028';

describe('JsonLd', () => {
	const catalog = catalogOf((source) => source.withSession('SOYS10', (session) => ({ ...session, title: hostileTitle })));
	const data = sessionJsonLd({ event: catalog.event, siteUrl: site }, catalog.deliveriesBySession.get('SOYS10') ?? []);

	it('writes one application/ld+json block that a hostile title cannot end, and that reads back as the data', async () => {
		const html = await renderHtml(JsonLd, { data });
		// The HTML parser ends a script element at the first "</script"; there is exactly one, the real end.
		expect(html.toLowerCase().match(/<\/script/g)).toHaveLength(1);
		expect(html).not.toContain('<!--');
		const scripts = findAll(parseHtml(html), 'script');
		expect(scripts).toHaveLength(1);
		expect(attr(scripts[0]!, 'type')).toBe('application/ld+json');
		const text = /^<script type="application\/ld\+json">([^<]*)<\/script>$/.exec(html)?.[1];
		expect(text).toBeDefined();
		expect(JSON.parse(text ?? '')).toEqual(data);
		expect((JSON.parse(text ?? '') as { '@graph': { name: string }[] })['@graph'][0]?.name).toBe(
			`SOYS10: ${hostileTitle.replace(/\s+/g, ' ').trim()}`,
		);
	});

	it('writes nothing without data', async () => {
		expect((await renderHtml(JsonLd, { data: undefined })).trim()).toBe('');
	});
});

describe('BaseLayout head', () => {
	const event = catalogOf((source) => source.withEvent((fields) => ({ ...fields, name: 'Test Tour 2020', language: 'en-GB' }))).event;

	async function head(title: string, description?: string, url = '/sessions/soys10/') {
		const html = await renderHtml(
			BaseLayout,
			{ event, title, description },
			{ page: true, site, url: `${site}${url}`, slots: { default: '<h1>x</h1>' } },
		);
		return findOne(parseHtml(html), 'head');
	}
	const meta = (root: Awaited<ReturnType<typeof head>>, key: string) =>
		findAll(root, 'meta', (element) => attr(element, 'property') === key || attr(element, 'name') === key).map((element) =>
			attr(element, 'content'),
		);

	it('has Open Graph and Twitter card tags that repeat the title, description and canonical URL', async () => {
		const root = await head('SOYS10: Content collaboration', 'Files move from OneDrive to Teams.');
		expect(meta(root, 'og:type')).toEqual(['website']);
		expect(meta(root, 'og:title')).toEqual(['SOYS10: Content collaboration · Test Tour 2020']);
		expect(meta(root, 'og:description')).toEqual(['Files move from OneDrive to Teams.']);
		expect(meta(root, 'og:url')).toEqual([`${site}/sessions/soys10/`]);
		expect(meta(root, 'og:site_name')).toEqual(['Test Tour 2020']);
		expect(meta(root, 'og:locale')).toEqual(['en_GB']);
		// No share picture for this page: a small card.
		expect(meta(root, 'twitter:card')).toEqual(['summary']);
	});

	it('links the Atom feed of sessions', async () => {
		const feeds = findAll(await head('Sessions'), 'link', (link) => attr(link, 'rel') === 'alternate');
		expect(feeds.map((link) => [attr(link, 'type'), attr(link, 'href')])).toEqual([['application/atom+xml', '/sessions.xml']]);
	});

	it('keeps the title within 70 characters and the description within 160', async () => {
		const root = await head(`BRK2060: ${'Microsoft Search across SharePoint, Office and Bing '.repeat(3)}`, 'word '.repeat(100));
		const title = textOf(findOne(root, 'title'));
		expect(Array.from(title).length).toBeLessThanOrEqual(70);
		expect(title).toMatch(/^BRK2060: Microsoft Search .*…$/);
		expect(Array.from(meta(root, 'description')[0] ?? '').length).toBeLessThanOrEqual(160);
	});
});
