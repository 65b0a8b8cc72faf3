import { describe, expect, it } from 'vitest';
import { metaDescription, openGraphLocale, pageTitle, shorten, writtenLength } from '../../src/presentation/head';

const length = (text: string) => Array.from(text).length;

describe('pageTitle', () => {
	const event = 'Ignite The Tour 2019/2020';

	it('appends the event name when the whole fits in 70 characters', () => {
		expect(pageTitle('Sydney, Australia', event)).toBe('Sydney, Australia · Ignite The Tour 2019/2020');
		expect(pageTitle(event, event)).toBe(event);
	});

	it('drops the event name when it does not fit, and keeps a title of 70 characters whole', () => {
		const title = 'KEY01: Vision keynote: The intelligent workplace, built for everyone';
		expect(length(title)).toBeLessThanOrEqual(70);
		expect(pageTitle(title, event)).toBe(title);
	});

	it('cuts a longer title at a word boundary with "…", dropping punctuation before it', () => {
		const title = pageTitle('SOYS10: Content collaboration and protection with SharePoint, OneDrive and Microsoft Teams', event);
		expect(title).toBe('SOYS10: Content collaboration and protection with SharePoint…');
		expect(length(title)).toBeLessThanOrEqual(70);
	});

	it('counts characters, not UTF-16 units, and never cuts one in half', () => {
		const title = pageTitle(`THR1: ${'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 '.repeat(12)}`, event);
		expect(length(title)).toBeLessThanOrEqual(70);
		expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
		expect(title).toMatch(/𝔢…$/);
	});

	it('cuts inside a single word longer than the limit', () => {
		expect(pageTitle('x'.repeat(100), event)).toBe(`${'x'.repeat(69)}…`);
	});

	it('counts a title as the page writes it: an apostrophe or ampersand is a five-character entity there', () => {
		const title = pageTitle("BRK2060: Microsoft Search across SharePoint, Office and Bing: what's new and what's next", event);
		expect(writtenLength(title)).toBeLessThanOrEqual(70);
		expect(title).toBe('BRK2060: Microsoft Search across SharePoint, Office and Bing…');
		const amp = 'THR1005: Answers, not links: Microsoft Search bookmarks, Q&A and bots';
		expect(length(amp)).toBeLessThanOrEqual(70);
		expect(writtenLength(amp)).toBeGreaterThan(70);
		expect(writtenLength(pageTitle(amp, event))).toBeLessThanOrEqual(70);
	});

	it('writes a title on one line', () => {
		expect(pageTitle('THR1001: Commas\nand a second line', 'Tour')).toBe('THR1001: Commas and a second line · Tour');
	});
});

describe('shorten', () => {
	it('leaves short text alone, apart from its white space', () => {
		expect(shorten('  a  short\ntext ', 12)).toBe('a short text');
	});

	it('cuts at the word boundary that falls exactly on the limit', () => {
		expect(shorten('four five sixsix', 10)).toBe('four five…');
	});
});

describe('metaDescription', () => {
	it('is the page’s text cut to 160 characters, or the fallback when the page has none', () => {
		const long = 'word '.repeat(60);
		expect(length(metaDescription(long, 'fallback'))).toBeLessThanOrEqual(160);
		expect(metaDescription('', 'The tagline')).toBe('The tagline');
		expect(metaDescription('   ', 'The tagline')).toBe('The tagline');
		expect(metaDescription(undefined, 'The tagline')).toBe('The tagline');
	});
});

describe('openGraphLocale', () => {
	it.each([
		['en', 'en_US'],
		['en-GB', 'en_GB'],
		['de', 'de_DE'],
		['zh-Hans', 'zh_CN'],
	])('writes %s as %s', (language, locale) => {
		expect(openGraphLocale(language)).toBe(locale);
	});
});
