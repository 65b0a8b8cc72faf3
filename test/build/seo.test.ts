import { describe, expect, inject, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { basicRepository, listFiles, projectRoot, readBuilt, type BuildResult } from '../support/builds';
import { builtSite } from '../support/built-site';
import { historySteps } from '../support/history';
import { characters, headOf, jsonLdOf, jsonLdProblems, jsonLdTexts, writtenCharacters, xmlProblems, type PageKind } from '../support/seo';

// Issue 10, discoverability: what search engines, feed readers and link previews read from the built sites.

type Json = { [key: string]: unknown };
const graphOf = (data: unknown): Json[] => ((data as Json)['@graph'] as Json[] | undefined) ?? [];

/** The UTC offset in force in a zone at an instant, "+11:00", read from Intl here, apart from the site's code. */
function offsetAt(timeZone: string, instant: Date): string {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
		.formatToParts(instant)
		.find((part) => part.type === 'timeZoneName')?.value;
	return name === 'GMT' ? '+00:00' : (name ?? '').replace(/^GMT/, '');
}

const htmlPages = (build: BuildResult) => listFiles(build.outDir).filter((file) => file.endsWith('.html'));
/** The public address of a built page, as the sitemap and canonical links write it. */
const pageUrl = (site: string, file: string) => `${site}/${file.replace(/(^|\/)index\.html$/, '$1')}`;

const sites = [
	{ build: 'sample-utc', content: 'content' },
	{ build: 'basic-utc', content: basicRepository.content },
] as const;

describe.each(sites)('search engines, feeds and link previews on $build', ({ build: name, content }) => {
	const build = builtSite(name);
	const catalog: Catalog = buildCatalog(readContentFolder(projectRoot, content));
	const site = catalog.event.url.replace(/\/+$/, '');

	it('gives every page a <title> of at most 70 characters and a description of at most 160 from its content', () => {
		const descriptions = new Set<string>();
		for (const file of htmlPages(build)) {
			const head = headOf(readBuilt(build, file));
			expect(head.title?.trim(), file).toBeTruthy();
			expect(writtenCharacters(head.title ?? ''), `${file}: ${head.title}`).toBeLessThanOrEqual(70);
			const description = head.meta.get('description') ?? [];
			expect(description, file).toHaveLength(1);
			expect(description[0]?.trim(), file).toBeTruthy();
			expect(characters(description[0] ?? ''), `${file}: ${description[0]}`).toBeLessThanOrEqual(160);
			descriptions.add(description[0] ?? '');
		}
		// From the page's content, not one text for all: the session pages alone have as many as there are sessions.
		expect(descriptions.size).toBeGreaterThanOrEqual(catalog.sessions.length);
		// A session page's is the opening of its abstract.
		const soys10 = headOf(readBuilt(build, 'sessions/soys10/index.html')).meta.get('description')?.[0] ?? '';
		const opening = soys10.split(' ').slice(0, 3).join(' ');
		expect(catalog.sessionByCode.get('SOYS10')?.abstract.replace(/\s+/g, ' ')).toContain(opening);
	});

	it('titles a session page "CODE: title · event" when it fits, else "CODE: title" cut at a word with "…"', () => {
		let shortened = 0;
		for (const session of catalog.sessions) {
			const title = headOf(readBuilt(build, `sessions/${session.slug}/index.html`)).title ?? '';
			const whole = `${session.code}: ${session.title}`.replace(/\s+/g, ' ').trim();
			if (writtenCharacters(`${whole} · ${catalog.event.name}`) <= 70) {
				expect(title).toBe(`${whole} · ${catalog.event.name}`);
			} else if (writtenCharacters(whole) <= 70) {
				expect(title).toBe(whole);
			} else {
				shortened++;
				expect(title, whole).toMatch(/…$/);
				const kept = title.slice(0, -1);
				expect(whole.startsWith(kept), whole).toBe(true);
				// Cut between words: what follows the kept text starts with a space or punctuation then a space.
				expect(whole.slice(kept.length), whole).toMatch(/^[\s,;:.·–—-]*\s/);
			}
		}
		if (name === 'sample-utc') expect(shortened).toBeGreaterThan(5);
	});

	it('has a canonical URL, Open Graph and Twitter card tags and the sessions feed on every page', () => {
		for (const file of htmlPages(build)) {
			const head = headOf(readBuilt(build, file));
			const one = (key: string) => {
				const values = head.meta.get(key) ?? [];
				expect(values, `${file}: ${key}`).toHaveLength(1);
				return values[0];
			};
			const canonical = head.links.filter((link) => link['rel'] === 'canonical').map((link) => link['href']);
			// The "page not found" page has no address of its own and asks not to be indexed.
			if (file === '404.html') {
				expect(canonical, file).toEqual([]);
				expect(head.meta.get('og:url'), file).toBeUndefined();
				expect(head.meta.get('robots'), file).toEqual(['noindex']);
				continue;
			}
			expect(canonical, file).toHaveLength(1);
			expect(canonical[0], file).toBe(pageUrl(site, file));
			expect(one('og:type')).toBe('website');
			expect(one('og:title')).toBe(head.title);
			expect(one('og:description')).toBe(head.meta.get('description')?.[0]);
			expect(one('og:url')).toBe(canonical[0]);
			expect(one('og:site_name')).toBe(catalog.event.name);
			expect(one('og:locale')).toBe('en_US');
			// Session, path and city pages have a share picture, shown as a large card; the others a small one.
			const pictured = /^(sessions|paths|cities)\/[^/]+\/index\.html$/.test(file);
			expect(head.meta.get('og:image') ?? [], file).toHaveLength(pictured ? 1 : 0);
			expect(one('twitter:card')).toBe(pictured ? 'summary_large_image' : 'summary');
			const feeds = head.links.filter((link) => link['rel'] === 'alternate' && link['type'] === 'application/atom+xml');
			expect(
				feeds.map((link) => link['href']),
				file,
			).toContain('/sessions.xml');
		}
	});

	it.each<[PageKind, string]>([
		['sessionPage', 'sessions'],
		['cityPage', 'cities'],
		['speakerPage', 'speakers'],
	])('describes every page of /%s/ in JSON-LD valid against test/schemas/json-ld.schema.json', (kind, folder) => {
		const pages = htmlPages(build).filter((file) => new RegExp(`^${folder}/[^/]+/index\\.html$`).test(file));
		expect(pages.length).toBeGreaterThan(0);
		for (const file of pages) {
			const html = readBuilt(build, file);
			expect(jsonLdTexts(html), file).toHaveLength(1);
			expect(jsonLdProblems(kind, jsonLdOf(html)), file).toEqual([]);
		}
	});

	it('describes the tour on the home page as an EventSeries of every stop, valid against the schema', () => {
		const data = jsonLdOf(readBuilt(build, 'index.html')) as Json;
		expect(jsonLdProblems('homePage', data)).toEqual([]);
		const stops = data['subEvent'] as Json[];
		expect(stops.map((stop) => stop['url'])).toEqual(catalog.cities.map((city) => `${site}/cities/${city.id}/`));
		expect(stops.map((stop) => [stop['startDate'], stop['endDate']])).toEqual(
			catalog.cities.map((city) => [city.dates.start, city.dates.end]),
		);
		expect(data['url']).toBe(`${site}/`);
		expect(data['name']).toBe(catalog.event.name);
		// The same series, by id, on the city pages.
		const city = catalog.cities[0]!;
		const series = graphOf(jsonLdOf(readBuilt(build, `cities/${city.id}/index.html`)))[0] ?? {};
		expect(series['@id']).toBe(data['@id']);
		expect((series['subEvent'] as Json[])[0]?.['url']).toBe(`${site}/cities/${city.id}/`);
	});

	it("gives every delivery an Event with its instants in the city's offset of that day, its room, status and speakers", () => {
		const offsets = new Set<string>();
		for (const session of catalog.sessions) {
			const deliveries = catalog.deliveriesBySession.get(session.code) ?? [];
			const html = readBuilt(build, `sessions/${session.slug}/index.html`);
			if (deliveries.length === 0) {
				expect(jsonLdTexts(html), session.code).toEqual([]);
				continue;
			}
			const events = graphOf(jsonLdOf(html));
			expect(events, session.code).toHaveLength(deliveries.length);
			deliveries.forEach((delivery, index) => {
				const event = events[index] ?? {};
				const where = `${session.code} in ${delivery.city.id} on ${delivery.day}`;
				const [start, end] = [String(event['startDate']), String(event['endDate'])];
				expect(start.slice(-6), where).toBe(offsetAt(delivery.city.timezone, delivery.start));
				expect(end.slice(-6), where).toBe(offsetAt(delivery.city.timezone, delivery.end));
				expect(start.slice(0, 16), where).toBe(`${delivery.day}T${delivery.startTime}`);
				expect(end.slice(11, 16), where).toBe(delivery.endTime);
				expect(Date.parse(start), where).toBe(delivery.start.getTime());
				expect(Date.parse(end), where).toBe(delivery.end.getTime());
				expect(event['eventStatus']).toBe(delivery.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled');
				expect(event['url']).toBe(`${site}/sessions/${session.slug}/`);
				expect(event['name']).toBe(`${session.code}: ${session.title.replace(/\s+/g, ' ')}`);
				const location = event['location'] as { name: string; address: { addressLocality: string; addressCountry: string } };
				expect(location.name).toBe(`${delivery.room}, ${delivery.city.venue.name}`);
				expect([location.address.addressLocality, location.address.addressCountry]).toEqual([delivery.city.name, delivery.city.country]);
				expect((event['performer'] as Json[]).map((person) => person['url'])).toEqual(
					session.speakers.map((speaker) => `${site}/speakers/${speaker.id}/`),
				);
				offsets.add(start.slice(-6));
			});
			// The city page lists the same Event, by the same id.
			const first = deliveries[0]!;
			const cityEvents = graphOf(jsonLdOf(readBuilt(build, `cities/${first.city.id}/index.html`)));
			expect(cityEvents.find((event) => event['@id'] === events[0]?.['@id'])).toEqual(events[0]);
		}
		if (name === 'sample-utc') {
			// Southern summer (Sydney, AEDT), northern winter and summer time (Rome in January, Stockholm in May), west of UTC.
			for (const offset of ['+11:00', '+01:00', '+02:00', '+00:00', '+05:30', '-05:00']) expect(offsets, offset).toContain(offset);
		} else {
			// Chicago's stop spans the start of US daylight saving time on 8 March 2020.
			const chicago = graphOf(jsonLdOf(readBuilt(build, 'cities/chicago/index.html'))).slice(1);
			expect(chicago.map((event) => [event['startDate'], event['endDate']])).toEqual([
				['2020-03-06T09:00:00-06:00', '2020-03-06T09:45:00-06:00'],
				['2020-03-09T09:00:00-05:00', '2020-03-09T09:20:00-05:00'],
			]);
		}
	});

	it('keeps the JSON-LD of a session page compact: under 2 KB per delivery (1.6 KB at most in the sample)', () => {
		for (const session of catalog.sessions) {
			const deliveries = catalog.deliveriesBySession.get(session.code)?.length ?? 0;
			const [text = ''] = jsonLdTexts(readBuilt(build, `sessions/${session.slug}/index.html`));
			if (deliveries > 0) expect(text.length / deliveries, session.code).toBeLessThan(2000);
		}
	});

	it('publishes every session once in an Atom feed at /sessions.xml, dated by the content’s git history', () => {
		const feed = readBuilt(build, 'sessions.xml');
		expect(xmlProblems(feed)).toEqual([]);
		expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
		const entries = [...feed.matchAll(/<entry[ >][\s\S]*?<\/entry>/g)].map((match) => match[0]);
		const field = (entry: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(entry)?.[1];
		const links = entries.map((entry) => /<link rel="alternate" type="text\/html" href="([^"]+)"\/>/.exec(entry)?.[1]);
		expect([...links].sort()).toEqual(catalog.sessions.map((session) => `${site}/sessions/${session.slug}/`).sort());
		const ids = entries.map((entry) => field(entry, 'id'));
		expect(new Set(ids).size).toBe(catalog.sessions.length);
		for (const id of ids) expect(id).toMatch(new RegExp(`^tag:${catalog.event.host.replace(/\./g, '\\.')},2000:sessions/[A-Z0-9]+$`));
		const updated = entries.map((entry) => Date.parse(field(entry, 'updated') ?? ''));
		expect(updated.every((time) => Number.isFinite(time))).toBe(true);
		expect([...updated].sort((a, b) => b - a)).toEqual(updated);
		expect(Date.parse(field(feed, 'updated') ?? '')).toBeGreaterThanOrEqual(updated[0] ?? Infinity);
		for (const entry of entries) expect(field(entry, 'summary')?.trim()).toBeTruthy();
		for (const session of catalog.sessions) {
			const entry = entries.find((text) => text.includes(`sessions/${session.slug}/"`)) ?? '';
			const authors = [...entry.matchAll(/<author><name>([^<]*)<\/name>/g)].map((match) => match[1]);
			expect(authors, session.code).toEqual(session.speakers.map((speaker) => speaker.name.replace(/&/g, '&amp;').replace(/</g, '&lt;')));
		}
		if (name === 'basic-utc') {
			// The fixture's repository: SOYS10's abstract is the one later commit; everything else is from the first.
			expect(field(entries[0] ?? '', 'id')).toBe('tag:fixture.example.org,2000:sessions/SOYS10');
			expect(field(entries[0] ?? '', 'updated')).toBe(basicRepository.secondCommit);
			expect(entries.slice(1).map((entry) => field(entry, 'updated'))).toEqual(entries.slice(1).map(() => basicRepository.firstCommit));
			expect(field(feed, 'updated')).toBe(basicRepository.secondCommit);
		}
	});

	it('lists every page but the 404 page in the sitemap, which robots.txt names by its absolute URL', () => {
		const index = readBuilt(build, 'sitemap-index.xml');
		expect(xmlProblems(index)).toEqual([]);
		const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
		expect(sitemaps.length).toBeGreaterThan(0);
		const listed = sitemaps.flatMap((url) => {
			expect(url.startsWith(`${site}/`)).toBe(true);
			const xml = readBuilt(build, url.slice(site.length + 1));
			expect(xmlProblems(xml)).toEqual([]);
			return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
		});
		const pages = htmlPages(build)
			.filter((file) => file !== '404.html')
			.map((file) => pageUrl(site, file));
		expect([...listed].sort()).toEqual(pages.sort());
		expect(listed.some((url) => url?.includes('404'))).toBe(false);
		expect(readBuilt(build, 'robots.txt').split('\n')).toContain(`Sitemap: ${site}/sitemap-index.xml`);
	});

	it('writes JSON-LD a title with <, > and & cannot break out of', () => {
		for (const session of catalog.sessions.filter((each) => /[<>&]/.test(each.title))) {
			const html = readBuilt(build, `sessions/${session.slug}/index.html`);
			const [text = ''] = jsonLdTexts(html);
			expect(text).not.toMatch(/[<>&]/);
			expect(graphOf(JSON.parse(text))[0]?.['name']).toBe(`${session.code}: ${session.title.replace(/\s+/g, ' ')}`);
		}
	});
});

describe('a cancelled delivery in JSON-LD (test/fixtures/history, after "cancel")', () => {
	it('is an EventCancelled on the session and city pages; the others stay scheduled', () => {
		const build = inject('history').steps[historySteps.findIndex((step) => step.name === 'cancel')];
		if (!build) throw new Error('no history step "cancel"');
		for (const file of ['sessions/soys10/index.html', 'cities/sydney/index.html']) {
			const events = graphOf(jsonLdOf(readBuilt(build, file))).filter((event) => String(event['name']).startsWith('SOYS10:'));
			expect(
				events.map((event) => [event['startDate'], event['eventStatus']]),
				file,
			).toEqual([
				['2020-02-13T11:00:00+11:00', 'https://schema.org/EventScheduled'],
				['2020-02-14T09:00:00+11:00', 'https://schema.org/EventCancelled'],
			]);
		}
	});
});

describe('test/schemas/json-ld.schema.json', () => {
	const event = {
		'@type': 'Event',
		'@id': 'https://tour.example.org/sessions/soys10/#sydney-soys10-1',
		name: 'SOYS10: Content',
		startDate: '2020-02-13T09:00:00+11:00',
		endDate: '2020-02-13T09:45:00+11:00',
		eventStatus: 'https://schema.org/EventScheduled',
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		location: {
			'@type': 'Place',
			name: 'Hall A, ICC',
			address: { '@type': 'PostalAddress', addressLocality: 'Sydney', addressCountry: 'Australia' },
		},
		organizer: { '@type': 'Organization', name: 'Tour', url: 'https://tour.example.org/' },
		url: 'https://tour.example.org/sessions/soys10/',
		inLanguage: 'en',
		performer: [],
		superEvent: { '@id': 'https://tour.example.org/cities/sydney/#stop' },
	};
	const page = (changes: Record<string, unknown>) => ({ '@context': 'https://schema.org', '@graph': [{ ...event, ...changes }] });

	it('accepts a delivery as the site writes it', () => {
		expect(jsonLdProblems('sessionPage', page({}))).toEqual([]);
	});

	it.each<[string, Record<string, unknown>]>([
		['a time in UTC instead of the local offset', { startDate: '2020-02-12T22:00:00Z' }],
		['a local time without an offset', { endDate: '2020-02-13T09:45:00' }],
		['a day without a time', { startDate: '2020-02-13' }],
		['a status schema.org does not have', { eventStatus: 'https://schema.org/EventMaybe' }],
		['an online event', { eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode' }],
		['a relative URL', { url: '/sessions/soys10/' }],
		[
			'a speaker without a job title',
			{ performer: [{ '@type': 'Person', name: 'A', url: 'https://a.example/', worksFor: { '@type': 'Organization', name: 'B' } }] },
		],
		['no location', { location: undefined }],
	])('refuses %s', (_, changes) => {
		expect(jsonLdProblems('sessionPage', JSON.parse(JSON.stringify(page(changes))))).not.toEqual([]);
	});
});
