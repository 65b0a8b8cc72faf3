import { describe, expect, it } from 'vitest';
import { listFiles, mdxModules, readBuilt } from '../support/builds';
import { builtSite } from '../support/built-site';
import { parseCalendar } from '../support/ics';

/** The rendered body of a page: what the allow-list let through, from the body's own wrapper to the next section. */
function body(html: string, first: string): string {
	const start = html.indexOf(first);
	expect(start, `"${first}" is on the page`).toBeGreaterThan(0);
	const ends = ['<section class="when-where"', '<aside'].map((end) => html.indexOf(end, start)).filter((end) => end > start);
	return html.slice(start, Math.min(...ends));
}

/** The start tags of some HTML: where script could hide (text and code between them are not markup). */
const tags = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];
const executable = /^<(script|img|style|base|meta|link|form|svg|object|embed)\b|\son[a-z]+=|href="\s*javascript:|srcdoc=/i;
/** The visible text of some HTML, entities decoded. */
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

/**
 * Content that talks about attacks without being one (test/fixtures/inert): it builds, and what it shows stays
 * text. The same pages are loaded in Chromium with dialogs hooked by test/e2e/inert.test.ts.
 */
describe('inert content (test/fixtures/inert): written attacks are shown, not run', () => {
	const inert = builtSite('inert');

	it('builds, BOM and Windows line endings included, under TZ=America/Los_Angeles', () => {
		expect(inert.exitCode, inert.output).toBe(0);
		expect(readBuilt(inert, 'speakers/mallory-quinn/index.html')).toContain('Mallory Quinn');
		expect(readBuilt(inert, 'index.html')).toContain('Inert Tour 2020');
		for (const file of listFiles(inert.outDir).filter((name) => /\.(html|ics|json|xml)$/.test(name))) {
			expect(readBuilt(inert, file).includes('\uFEFF'), `${file} has no byte-order mark`).toBe(false);
			expect(readBuilt(inert, file).includes('Windows line endings.\r'), `${file} has no stray carriage return`).toBe(false);
		}
	});

	it('keeps <script>, onerror and javascript: in code spans and fences as text', () => {
		const sec10 = body(readBuilt(inert, 'sessions/sec10/index.html'), '<p>An attacker writes');
		expect(sec10).toContain('<code>&lt;script&gt;alert(document.cookie)&lt;/script&gt;</code>');
		expect(sec10).toContain('<code>&lt;img src=x onerror=alert(1)&gt;</code>');
		expect(text(sec10)).toContain(`<a href="javascript:alert('fence')">click</a>`);
		expect(text(sec10)).toContain('<iframe srcdoc="<script>alert(1)</script>"></iframe>');
		expect(tags(sec10).filter((tag) => executable.test(tag))).toEqual([]);
	});

	it('keeps footnotes, task lists, aligned tables, details and a titled video from the listed hosts', () => {
		const sec10 = body(readBuilt(inert, 'sessions/sec10/index.html'), '<p>An attacker writes');
		expect(sec10).toContain('aria-describedby="footnote-label"');
		expect(sec10).toContain('<h2 id="footnote-label" class="sr-only">Footnotes</h2>');
		expect(sec10).toContain('<input type="checkbox" checked disabled> Escape on output');
		expect(sec10).toContain('<th class="align-center">Where</th>');
		expect(sec10).toContain('<summary>What the browser sees</summary>');
		expect(sec10).toMatch(
			/<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ" title="Cross-site scripting, the recording" sandbox="[^"]+"[^>]* loading="lazy"/,
		);
	});

	it("gives headings ids of their own, which cannot clash with the page's (## Main beside #main)", () => {
		const page = readBuilt(inert, 'sessions/sec10/index.html');
		expect(body(page, '<p>An attacker writes')).toContain('<h2 id="user-content-main">Main</h2>');
		expect(page.match(/ id="main"/g)).toHaveLength(1);
	});

	it('marks links to other sites rel="noopener", and only those', () => {
		const sec10 = body(readBuilt(inert, 'sessions/sec10/index.html'), '<p>An attacker writes');
		expect(sec10).toContain(
			'href="https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html" rel="noopener"',
		);
		expect(sec10).toContain('<a href="/sessions/">catalog</a>');
		expect(body(readBuilt(inert, 'speakers/mallory-quinn/index.html'), '<p>Mallory saves')).toContain(
			'<a href="https://cheatsheetseries.owasp.org/" rel="noopener">',
		);
	});

	it('shows literal MDX expressions as their text, and code in a fence as code', () => {
		const sec20 = body(readBuilt(inert, 'sessions/sec20/index.html'), '<p>Literal values are text');
		expect(sec20).toContain('<p>Literal values are text: a string, 42 and a template.</p>');
		expect(sec20).toContain('<a href="https://content-security-policy.com/" rel="noopener">A reference</a>');
		expect(text(sec20)).toContain("export const stolen = process.env;\ndocument.body.innerHTML = '<img src=x onerror=alert(1)>';");
		expect(tags(sec20).filter((tag) => executable.test(tag))).toEqual([]);
	});

	it('renders a component-free .mdx body as the same text in .md renders, allow-list included', () => {
		const abstract = (code: string) => body(readBuilt(inert, `sessions/${code}/index.html`), '<p>This abstract is written twice');
		const asMd = abstract('sec30');
		expect(abstract('sec31')).toBe(asMd);
		// What the site's Markdown processor and its allow-list step make of it: smart quotes, ids of their own,
		// rel="noopener" on a link to another site, a highlighted fence whose braces and tags are text.
		expect(asMd).toContain('“quotes”');
		expect(asMd).toContain('<h2 id="user-content-plain">Plain</h2>');
		expect(asMd).toContain('<a href="https://cheatsheetseries.owasp.org/" rel="noopener">the cheat sheet</a>');
		expect(asMd).toContain('<code>&lt;script&gt;</code>');
		expect(text(asMd)).toContain("const tag = '<div>{x}</div>';");
	});

	it('compiles only the .mdx body that uses MDX (SEC20) into the server bundle; SEC31.mdx is built as Markdown', () => {
		expect(mdxModules(inert)).toEqual(['test/fixtures/inert/content/sessions/SEC20.mdx']);
	});

	it('builds a city in the zone link Australia/NSW at the right instant', () => {
		const { events, timezones } = parseCalendar(readBuilt(inert, 'cities/sydney/calendar.ics'));
		expect(timezones).toEqual(['Australia/NSW']);
		expect(events.map((event) => [event.summary, event.start.toISOString()])).toEqual([
			['SEC10: Cross-site scripting, shown and not run', '2020-02-12T22:00:00.000Z'],
			['SEC20: Content Security Policy in MDX', '2020-02-13T00:00:00.000Z'],
		]);
	});
});
