import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { contentDirectory } from '../../src/loaders/content-files';
import { cityCard, sessionCard } from '../../src/presentation/og-card';
import { tour } from './source-builder';

describe('share picture text', () => {
	it('puts a line separator (U+2028) or a line break in a title or name on one line, as the pages do', () => {
		const catalog = buildCatalog(
			tour()
				.withEvent((event) => ({ ...event, name: 'Tour\u2028de Test' }))
				.withSession('SOYS10', (session) => ({ ...session, title: 'Files\u2028and\u2029sharing\nin Teams' }))
				.build(),
		);
		const session = catalog.sessionByCode.get('SOYS10');
		if (!session) throw new Error('no SOYS10');
		const card = sessionCard(catalog.event, session);
		expect(card.title).toBe('SOYS10: Files and sharing in Teams');
		expect(card.eventName).toBe('Tour de Test');
		const city = catalog.cities[0];
		if (city) expect(cityCard(catalog.event, city).eventName).toBe('Tour de Test');
	});
});

describe('ROADSHOW_CONTENT_DIR', () => {
	const before = process.env['ROADSHOW_CONTENT_DIR'];
	afterEach(() => {
		if (before === undefined) delete process.env['ROADSHOW_CONTENT_DIR'];
		else process.env['ROADSHOW_CONTENT_DIR'] = before;
	});

	it('names a folder inside the project, relative to it; an absolute path or one outside is refused with the fix', () => {
		process.env['ROADSHOW_CONTENT_DIR'] = './test/fixtures/basic/content/';
		expect(contentDirectory()).toBe('test/fixtures/basic/content');
		for (const outside of ['/tmp/evil/content', '../other/content', 'content/../../x', 'C:/tour/content']) {
			process.env['ROADSHOW_CONTENT_DIR'] = outside;
			expect(() => contentDirectory(), outside).toThrow(`ROADSHOW_CONTENT_DIR=${outside}: the content folder must be inside the project`);
		}
	});
});
