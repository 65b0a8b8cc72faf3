import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { basicRepository, listFiles, mdxModules, projectRoot, readBuilt, run, type BuildResult } from '../support/builds';
import { builtSite } from '../support/built-site';

/** The visible text of a page, entities decoded, whitespace collapsed. */
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&(?:amp|#38|#x26);/g, '&')
		.replace(/&(?:lt|#60|#x3c);/gi, '<')
		.replace(/&(?:gt|#62|#x3e);/gi, '>')
		.replace(/\s+/g, ' ');

describe('the sample site (content/)', () => {
	const sample = builtSite('sample-utc');

	it('builds without errors', () => {
		expect(sample.exitCode, sample.output).toBe(0);
	});

	it('writes the home page figures from the catalog, and the sample invents none in its text', () => {
		const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));
		const home = text(readBuilt(sample, 'index.html'));
		expect(home).toContain(
			`${catalog.cities.length} stops ${catalog.sessions.length} sessions ${catalog.paths.length} learning paths ${catalog.speakers.length} speakers`,
		);
		// Figures such as "30 cities" or "350+ experts" in the description would contradict the counted ones.
		expect(catalog.event.description ?? '').not.toMatch(/\d/);
	});

	it('keeps a session page light: web-calendar links carry a short description, not the abstract once per city', () => {
		const page = readBuilt(sample, 'sessions/soys10/index.html');
		const google = [...page.matchAll(/href="(https:\/\/calendar\.google\.com\/calendar\/render\?[^"]+)"/g)].map(
			(match) => new URL((match[1] ?? '').replace(/&amp;/g, '&')),
		);
		expect(google.length).toBeGreaterThan(20);
		for (const url of google) expect((url.searchParams.get('details') ?? '').split('\n\n')[0]?.length).toBeLessThanOrEqual(160);
		// 154 KB before (900 characters of abstract per link), 133 KB with short links, 129 KB as one table of deliveries.
		// Structured data (JSON-LD, one Event per delivery) has its own guard in test/build/seo.test.ts.
		expect(page.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '').length).toBeLessThan(135_000);
	});

	it('says on a path page when each of its sessions runs in every city that offers it', () => {
		const page = readBuilt(sample, 'paths/soys/index.html');
		const offering = [...page.matchAll(/<summary[^>]*> <span class="city-name"[^>]*>([^<]+)<\/span>/g)].map((match) => match[1]);
		expect(offering.length).toBeGreaterThan(1);
		expect(offering).toContain('Sydney');
		const sydney = text(page.split('<details').find((part) => /class="city-name"[^>]*>Sydney</.test(part)) ?? '');
		expect(sydney).toContain('SOYS10 Thu, 13 Feb 2020 09:00 – 09:45 AEDT Darling Harbour Theatre');
		expect(sydney).toContain('SOYS10 Fri, 14 Feb 2020 09:30 – 10:15 AEDT Pyrmont Theatre');
	});

	it('builds without a single warning, so that a new one is seen (Rolldown, Vite, Astro, loaders)', () => {
		expect(sample.output.split('\n').filter((line) => /\bWARN\b|\bwarning\b/i.test(line))).toEqual([]);
	});

	it('ships a Content-Security-Policy in every page and, for hosts that read it, a _headers file that forbids framing', () => {
		for (const file of listFiles(sample.outDir).filter((name) => name.endsWith('.html'))) {
			const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(readBuilt(sample, file))?.[1] ?? '';
			expect(policy, file).toMatch(/script-src 'self'/);
			expect(policy, file).toContain("object-src 'none'");
			expect(policy, file).not.toContain("'unsafe-inline'");
			expect(policy.includes("'wasm-unsafe-eval'"), file).toBe(file === 'search/index.html');
		}
		const headers = readBuilt(sample, '_headers');
		expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: .*frame-ancestors 'none'/m);
		expect(headers).not.toContain("'unsafe-inline'");
		// A browser enforces both policies: the header must allow the video players the pages allow, or none plays.
		const frameSrc = (policy: string) => /frame-src ([^;]*)/.exec(policy)?.[1]?.trim();
		const pagePolicy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(readBuilt(sample, 'index.html'))?.[1] ?? '';
		expect(frameSrc(headers)).toBe(frameSrc(pagePolicy));
		expect(frameSrc(headers)).toContain('https://www.youtube-nocookie.com');
	});

	it('has a page for every URL of docs/architecture.md', () => {
		const files = new Set(listFiles(sample.outDir));
		for (const page of [
			'index.html',
			'404.html',
			'sessions/index.html',
			'sessions/soys10/index.html',
			'sessions/gs05/index.html',
			'paths/index.html',
			'paths/soys/index.html',
			'cities/index.html',
			'cities/toronto/index.html',
			'cities/sydney/index.html',
			'cities/orlando/index.html',
			'speakers/index.html',
			'speakers/jeff-teper/index.html',
		]) {
			expect(files.has(page), page).toBe(true);
		}
		const cityPages = [...files].filter((file) => /^cities\/[^/]+\/index\.html$/.test(file));
		expect(cityPages).toHaveLength(27);
	});

	it('lists the 27 stops on the home page in date order, Orlando first and Stockholm last', () => {
		const home = text(readBuilt(sample, 'index.html'));
		const positions = ['Orlando', 'Toronto', 'Shenzhen', 'Sydney', 'Mexico City', 'Stockholm'].map((city) => home.indexOf(city));
		expect(positions.every((position) => position > 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		// Every stop is over at the time of the sample's last commit: none says its registration is open.
		expect(home).not.toContain('Registration');
	});

	it("shows Jeff Teper's general session with its on-demand video", () => {
		const html = readBuilt(sample, 'sessions/gs05/index.html');
		expect(html).toContain('href="https://myignite.techcommunity.microsoft.com/sessions/81552"');
		expect(text(html)).toContain('Jeff Teper');
	});

	it('renders the same HTML whatever the build machine TZ is', () => {
		expectIdenticalTrees(sample, builtSite('sample-tokyo'));
	});

	it("compiles its one .mdx body, SOYS40's with an <abbr> element, as MDX and the rest as Markdown", () => {
		expect(mdxModules(sample)).toEqual(['content/sessions/SOYS40.mdx']);
		expect(readBuilt(sample, 'sessions/soys40/index.html')).toContain('uses <abbr title="artificial intelligence">AI</abbr> to organize');
	});
});

describe('a fixture site (test/fixtures/basic)', () => {
	const basic = builtSite('basic-utc');

	it('builds without errors', () => {
		expect(basic.exitCode, basic.output).toBe(0);
	});

	it('builds without a single warning', () => {
		expect(basic.output.split('\n').filter((line) => /\bWARN\b|\bwarning\b/i.test(line))).toEqual([]);
	});

	it('gives byte-identical output under TZ=UTC and TZ=Asia/Tokyo', () => {
		expectIdenticalTrees(basic, builtSite('basic-tokyo'));
	});

	it('publishes .md and .mdx sessions and leaves drafts (_*.mdx, _folders/) out', () => {
		const files = listFiles(basic.outDir);
		expect(files).toContain('sessions/soys10/index.html');
		expect(files).toContain('sessions/soys20/index.html');
		expect(files.some((file) => file.toLowerCase().includes('draft'))).toBe(false);
		const everything = files
			.filter((file) => file.endsWith('.html'))
			.map((file) => readBuilt(basic, file))
			.join('\n');
		expect(everything).not.toContain('must not be published');
		expect(everything).not.toContain('A session in a draft folder');
		expect(files).not.toContain('sessions/new1/index.html');
	});

	it('builds the .mdx bodies without MDX as Markdown and compiles only THR1001, whose <em> is JSX', () => {
		expect(mdxModules(basic)).toEqual([`${basicRepository.content}/sessions/THR1001.mdx`]);
		expect(readBuilt(basic, 'sessions/thr1001/index.html')).toContain('<em>tags</em> &amp; “quotes”.');
		expect(readBuilt(basic, 'sessions/soys10/index.html')).toContain('This abstract has <strong>bold</strong> text.');
	});

	it('shows every delivery of SOYS10 in local time with the zone of that day', () => {
		const page = text(readBuilt(basic, 'sessions/soys10/index.html'));
		expect(page).toContain('Sydney Thu, 13 Feb 2020 09:00 – 09:45 AEDT Hall A');
		// Mexico City still kept daylight saving time in April 2020.
		expect(page).toContain('Mexico City Wed, 15 Apr 2020 09:00 – 09:45 CDT Salón A');
		const html = readBuilt(basic, 'sessions/soys10/index.html');
		expect(html).toContain('datetime="2020-02-12T22:00:00.000Z"');
		expect(html).toContain('datetime="2020-04-15T14:00:00.000Z"');
	});

	it("keeps the spaces a reader sees between a delivery's day, times and zone", () => {
		// As a browser renders inline elements: tags add no space of their own.
		const times = [...readBuilt(basic, 'sessions/soys10/index.html').matchAll(/<span class="delivery-time"[^>]*>([\s\S]*?<\/abbr>)/g)].map(
			(match) =>
				(match[1] ?? '')
					.replace(/<[^>]+>/g, '')
					.replace(/\s+/g, ' ')
					.trim(),
		);
		expect(times).toContain('Thu, 13 Feb 2020 09:00–09:45 AEDT');
		expect(times).toContain('Wed, 15 Apr 2020 09:00–09:45 CDT');
	});

	it('renders the abstract, speakers, details and the place in the learning path', () => {
		const html = readBuilt(basic, 'sessions/soys10/index.html');
		expect(html).toContain('<strong>bold</strong>');
		expect(html).toContain('href="/speakers/ada-lovelace/"');
		expect(html).toContain('href="https://video.example.org/soys10"');
		const page = text(html);
		expect(page).toContain('Session 1 of 2');
		expect(page).toContain('Next: SOYS20 Connect the organization');
		expect(page).toContain('200 · Intermediate');
		expect(page).toContain('#ProjectCortex');
	});

	it("names the city's zone above its agenda, and both zones for a stop across a DST change", () => {
		expect(text(readBuilt(basic, 'cities/sydney/index.html'))).toContain('All times AEDT, UTC+11 (Australia/Sydney)');
		expect(text(readBuilt(basic, 'cities/chicago/index.html'))).toContain('All times CST, UTC-6 then CDT, UTC-5 (America/Chicago)');
	});

	it('shows registration where it is open and says so where it is not', () => {
		expect(readBuilt(basic, 'cities/sydney/index.html')).toContain('href="https://fixture.example.org/register/sydney"');
		expect(text(readBuilt(basic, 'cities/mexico-city/index.html'))).toContain('Registration is not yet available');
	});

	it('groups the agenda by local day with path and workshop badges', () => {
		const page = text(readBuilt(basic, 'cities/sydney/index.html'));
		expect(page).toMatch(
			/Thursday, 13 February 2020 .*SOYS10 Content collaboration and protection .*Path SOYS.*Friday, 14 February 2020 .*WRK1001/,
		);
		expect(page).toContain('Workshop · half day');
	});

	it('escapes titles with markup characters instead of interpreting them', () => {
		const html = readBuilt(basic, 'sessions/thr1001/index.html');
		// Inside quoted attribute values "<" is inert (and left as is); everywhere else it must be escaped.
		expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<angle>');
		expect(html).toMatch(/<h1[^>]*>Commas, semicolons; a back\\slash &amp; &lt;angle&gt; brackets\nand a second line<\/h1>/);
		expect(text(readBuilt(basic, 'speakers/ada-lovelace/index.html'))).toContain('engines & computation, with inline HTML');
	});

	it('gives every page a language, a skip link, landmarks and exactly one h1, and no inline script or style', () => {
		for (const file of listFiles(basic.outDir).filter((name) => name.endsWith('.html'))) {
			const html = readBuilt(basic, file);
			expect(html, file).toMatch(/<html lang="en"/);
			expect(html, file).toContain('<a class="skip-link" href="#main"');
			expect(html, file).toMatch(/<main id="main"/);
			expect(html, file).toMatch(/<header[ >]/);
			expect(html, file).toMatch(/<nav aria-label="Main"/);
			expect(html.match(/<h1[ >]/g), file).toHaveLength(1);
			// Scripts only where they earn their place, always from a file (a strict CSP needs no 'unsafe-inline').
			// JSON-LD is a data block, never run (src/components/JsonLd.astro).
			const scripts = (html.match(/<script[^>]*>/g) ?? []).filter((tag) => tag !== '<script type="application/ld+json">');
			// Every page: the offline copies (src/scripts/offline.ts, from the layout). Search, the catalog, my schedule and
			// the pages with deliveries (your city, My schedule buttons, the second clock, now and next) have one more.
			const scripted = /^(search|sessions|my-schedule)\/index\.html$|^(sessions|paths|cities)\/[^/]+\/index\.html$/;
			expect(scripts, file).toHaveLength(scripted.test(file) ? 2 : 1);
			for (const script of scripts) expect(script, file).toMatch(/^<script type="module" src="\/_astro\/[^"]+\.js">$/);
			expect(html, file).not.toMatch(/<style|\sstyle="/);
		}
	});

	it('marks every link to another site rel="noopener"', () => {
		for (const file of listFiles(basic.outDir).filter((name) => name.endsWith('.html'))) {
			for (const anchor of readBuilt(basic, file).match(/<a [^>]*href="https?:[^>]*>/g) ?? []) {
				expect(anchor, file).toMatch(/rel="[^"]*noopener/);
			}
		}
	});
});

describe('content mistakes (test/fixtures/bad)', () => {
	const expected = [
		'test/fixtures/bad/content/cities/toronto.mdx: agenda[1].start: SOYS20 at 2020-01-08 09:30 overlaps SOYS10 (agenda[0], 09:00–09:45) in room "Hall A"',
		'test/fixtures/bad/content/cities/toronto.mdx: agenda[2].day: "2020-01-08 09:00:00" is a date with a time of day; write the day alone, e.g. 2020-01-08',
		'test/fixtures/bad/content/cities/toronto.mdx: agenda[2].start: "2020-01-08 09:00:00" is a day and a time; write the time alone, e.g. "09:00", and the day in "day"',
		'test/fixtures/bad/content/cities/toronto.mdx: agenda[3].session: unknown session "SOYS99"; did you mean "SOYS10"?',
		'test/fixtures/bad/content/sessions/THR1001.mdx: type: "talk" is not allowed; use one of: keynote, general, breakout, theater, workshop, lab',
		'test/fixtures/bad/content/sessions/THR1001.mdx: speaker: unknown field "speaker"; did you mean "speakers"?',
		'test/fixtures/bad/content/speakers/ada-lovelace.md: body: at line 8, column 28: <script> is a script, which content may not run (the site runs under a strict Content-Security-Policy); show code in a code block instead',
	];

	it('stops the build and lists every problem with file, field and fix', () => {
		const bad = builtSite('bad');
		expect(bad.exitCode).not.toBe(0);
		expect(bad.output).toContain('The content has 7 problems');
		for (const line of expected) expect(bad.output).toContain(line);
	});

	it('makes the content check fail with the same list, like a compiler', async () => {
		const { exitCode, output } = await run(process.execPath, ['scripts/check-content.mjs'], {
			ROADSHOW_CONTENT_DIR: 'test/fixtures/bad/content',
		});
		expect(exitCode).toBe(1);
		const lines = output.split('\n').filter((line) => /^test\/fixtures\/bad\/content\/\S+\.mdx?: /.test(line));
		expect(lines).toHaveLength(7);
		expected.forEach((line, index) => expect(lines[index]).toContain(line));
		expect(output).toContain('7 problems');
	});

	it('passes the content check on the sample', async () => {
		const { exitCode, output } = await run(process.execPath, ['scripts/check-content.mjs'], {});
		expect(output).toMatch(/content\/: no problems in \d+ sessions/);
		expect(output).not.toContain(': hint:');
		expect(exitCode).toBe(0);
	});

	it('hints, without failing, at an .mdx file whose body uses no MDX', async () => {
		const { exitCode, output } = await run(process.execPath, ['scripts/check-content.mjs'], {
			ROADSHOW_CONTENT_DIR: 'test/fixtures/inert/content',
		});
		expect(output.split('\n').filter((line) => line.includes(': hint:'))).toEqual([
			'test/fixtures/inert/content/sessions/SEC31.mdx: hint: the body uses no MDX, so the build already renders it as Markdown; rename the file to .md',
		]);
		expect(output).toContain('test/fixtures/inert/content/: no problems in 4 sessions');
		expect(exitCode).toBe(0);
	});
});

function expectIdenticalTrees(a: BuildResult, b: BuildResult): void {
	expect(a.exitCode).toBe(0);
	expect(b.exitCode).toBe(0);
	const files = listFiles(a.outDir);
	expect(listFiles(b.outDir)).toEqual(files);
	for (const file of files) {
		expect(readBuilt(b, file) === readBuilt(a, file), `${file} differs between TZ=${a.tz} and TZ=${b.tz}`).toBe(true);
	}
}
