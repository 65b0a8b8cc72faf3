import { describe, expect, it } from 'vitest';
import SessionBadges from '../../src/components/SessionBadges.astro';
import SessionCard from '../../src/components/SessionCard.astro';
import { catalogOf, sessionOf } from './catalog';
import { attr, findAll, findOne, parseHtml, render, renderHtml, textOf } from './render';

describe('SessionCard', () => {
	it('shows the code, the title linked to /sessions/<code in lower case>/ and the speakers by name', async () => {
		const catalog = catalogOf((source) =>
			source.withSession('WRK1001', (session) => ({ ...session, title: 'Build an intranet in a day' })),
		);
		const card = await render(SessionCard, { session: sessionOf(catalog, 'WRK1001'), siteLanguage: catalog.event.language });

		expect(textOf(findOne(card, 'p', (p) => attr(p, 'class') === 'code'))).toBe('WRK1001');
		const link = findOne(findOne(card, 'h3'), 'a');
		expect(attr(link, 'href')).toBe('/sessions/wrk1001/');
		expect(textOf(link)).toBe('Build an intranet in a day');
		expect(textOf(findOne(card, 'p', (p) => attr(p, 'class') === 'speakers'))).toBe('Megan Okafor, Kenji Watanabe');
	});

	it('shows a renamed speaker under the new name', async () => {
		const catalog = catalogOf((source) => source.withSpeaker('megan-okafor', (speaker) => ({ ...speaker, name: 'Megan Okafor-Lind' })));
		const card = await render(SessionCard, { session: sessionOf(catalog, 'SOYS10'), siteLanguage: catalog.event.language });
		expect(textOf(findOne(card, 'p', (p) => attr(p, 'class') === 'speakers'))).toBe('Megan Okafor-Lind');
	});

	it('leaves out the speakers line when the session has no speakers', async () => {
		const catalog = catalogOf((source) => source.withSession('THR1001', (session) => ({ ...session, speakers: [] })));
		const card = await render(SessionCard, { session: sessionOf(catalog, 'THR1001'), siteLanguage: catalog.event.language });
		expect(findAll(card, 'p', (p) => attr(p, 'class') === 'speakers')).toEqual([]);
	});

	it('marks a title in another language than the site with lang, and one in the site language without', async () => {
		const catalog = catalogOf((source) =>
			source.withSession('SOYS20', (session) => ({ ...session, title: 'コミュニケーションとエンゲージメント', language: 'ja' })),
		);
		const japanese = await render(SessionCard, { session: sessionOf(catalog, 'SOYS20'), siteLanguage: catalog.event.language });
		const heading = findOne(japanese, 'h3');
		expect(attr(heading, 'lang')).toBe('ja');
		expect(textOf(heading)).toBe('コミュニケーションとエンゲージメント');

		const english = await render(SessionCard, { session: sessionOf(catalog, 'SOYS10'), siteLanguage: catalog.event.language });
		expect(attr(findOne(english, 'h3'), 'lang')).toBeUndefined();
	});

	it('treats the site language as the event sets it: on a Japanese site a Japanese title needs no lang, an English one does', async () => {
		const catalog = catalogOf((source) =>
			source
				.withEvent((event) => ({ ...event, language: 'ja' }))
				.withSession('SOYS20', (session) => ({ ...session, title: 'コミュニケーション' }))
				.withSession('SOYS10', (session) => ({ ...session, language: 'en' })),
		);
		const siteLanguage = catalog.event.language;
		expect(attr(findOne(await render(SessionCard, { session: sessionOf(catalog, 'SOYS20'), siteLanguage }), 'h3'), 'lang')).toBeUndefined();
		expect(attr(findOne(await render(SessionCard, { session: sessionOf(catalog, 'SOYS10'), siteLanguage }), 'h3'), 'lang')).toBe('en');
	});

	it('shows a title with markup characters as written, escaped rather than interpreted', async () => {
		const title = 'Why <b>bold</b> & "quotes" stay text';
		const catalog = catalogOf((source) => source.withSession('SOYS10', (session) => ({ ...session, title })));
		const html = await renderHtml(SessionCard, { session: sessionOf(catalog, 'SOYS10'), siteLanguage: catalog.event.language });
		const card = parseHtml(html);

		expect(findAll(card, 'b')).toEqual([]);
		expect(textOf(findOne(card, 'h3'))).toBe(title);
		expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp;');
	});

	it('puts the title at the heading level the page asks for, h3 by default', async () => {
		const catalog = catalogOf();
		const session = sessionOf(catalog, 'SOYS10');
		const siteLanguage = catalog.event.language;
		expect(findAll(await render(SessionCard, { session, siteLanguage }), 'h3')).toHaveLength(1);
		for (const headingLevel of [2, 4] as const) {
			const card = await render(SessionCard, { session, siteLanguage, headingLevel });
			expect(textOf(findOne(card, `h${headingLevel}`))).toBe(session.title);
			expect(findAll(card, 'h3')).toEqual([]);
		}
	});
});

describe('SessionBadges', () => {
	const badgeTexts = async (...args: Parameters<typeof render<typeof SessionBadges>>) => findAll(await render(...args), 'li').map(textOf);

	it('shows type, duration (the default for the type when none is written) and level', async () => {
		const catalog = catalogOf();
		// SOYS10 is a breakout without a duration (45 min by default), SOYS20 a breakout of 60, WRK1001 a workshop (240).
		expect(await badgeTexts(SessionBadges, { session: sessionOf(catalog, 'SOYS10') })).toEqual(['Breakout', '45 min', 'Level 200']);
		expect(await badgeTexts(SessionBadges, { session: sessionOf(catalog, 'SOYS20') })).toEqual(['Breakout', '1 h', 'Level 300']);
		expect(await badgeTexts(SessionBadges, { session: sessionOf(catalog, 'WRK1001') })).toEqual(['Workshop', '4 h', 'Level 300']);
	});

	it('formats a duration of hours and minutes as "1 h 25 min"', async () => {
		const catalog = catalogOf((source) => source.withSession('THR1001', (session) => ({ ...session, duration: 85 })));
		expect(await badgeTexts(SessionBadges, { session: sessionOf(catalog, 'THR1001') })).toContain('1 h 25 min');
	});

	it('adds the track, with its colour class, only when asked to', async () => {
		const catalog = catalogOf();
		const session = sessionOf(catalog, 'SOYS20');
		expect(await badgeTexts(SessionBadges, { session })).not.toContain('Intelligent intranet');

		const badges = await render(SessionBadges, { session, showTrack: true });
		const track = findOne(badges, 'li', (li) => (attr(li, 'class') ?? '').split(' ').includes('track-intranet'));
		expect(textOf(track)).toBe('Intelligent intranet');
	});

	it('labels the list for screen readers', async () => {
		const catalog = catalogOf();
		expect(attr(findOne(await render(SessionBadges, { session: sessionOf(catalog, 'SOYS10') }), 'ul'), 'aria-label')).toBe(
			'Session details',
		);
	});
});
