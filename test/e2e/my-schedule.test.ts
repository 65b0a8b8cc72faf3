import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCatalog } from '../../src/catalog';
import { readContentFolder } from '../../src/loaders/content-folder';
import { launchChromium } from '../support/browser';
import { projectRoot } from '../support/builds';
import { parseCalendar } from '../support/ics';
import { readFile } from 'node:fs/promises';

// Issue 11 in Chromium: picks from two pages, the schedule with its clash, the share link in another browser.
const baseUrl = inject('baseUrl');
const catalog = buildCatalog(readContentFolder(projectRoot, 'content'));
const delivery = (city: string, code: string) => {
	const found = catalog.cityById.get(city)?.deliveriesBySession.get(code)?.[0];
	if (!found) throw new Error(`no ${code} in ${city}`);
	return found;
};
// Hong Kong and Madrid share their dates (25-26 March 2020): one person cannot attend both.
const hongKong = delivery('hong-kong', 'SOYS10');
const madrid = delivery('madrid', 'SOYS10');
const sydney = delivery('sydney', 'THR1001');

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});

describe('my schedule', () => {
	it('collects picks from a session page and a city agenda, marks the clash, and opens the same list from a share link', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/sessions/soys10/`);
		for (const picked of [hongKong, madrid]) {
			const button = page.locator(`button.pick[data-pick="${picked.uid}"]`);
			await button.click();
			await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
		}
		await page.goto(`${baseUrl}/cities/sydney/`);
		await page.locator(`button.pick[data-pick="${sydney.uid}"]`).click();

		await page.goto(`${baseUrl}/my-schedule/`);
		const items = page.locator('[data-schedule-list] .pick-item');
		await expect.poll(() => items.count()).toBe(3);
		expect(await items.evaluateAll((list) => list.map((item) => item.getAttribute('data-uid')))).toEqual(
			// Cities in the order of the tour, times in each city's own clock.
			[sydney, hongKong, madrid].map((picked) => picked.uid),
		);
		expect(await page.locator('[data-schedule-list] h2').allTextContents()).toEqual(['Sydney', 'Hong Kong', 'Madrid']);
		const clashes = await page.locator(`.pick-item[data-uid="${hongKong.uid}"] .clash`).allTextContents();
		expect(clashes).toEqual([`Clashes with SOYS10 (Wed, 25 Mar 2020 ${madrid.startTime}): another city on the same day.`]);
		expect(await page.locator(`.pick-item[data-uid="${sydney.uid}"] .clash`).count()).toBe(0);
		expect(await page.locator('[data-schedule-status]').textContent()).toBe('3 sessions, 2 with a clash.');
		expect(await page.locator(`.pick-item[data-uid="${sydney.uid}"] .pick-time`).textContent()).toBe('13:15–13:35 AEDT');

		// Unpicking on the schedule page takes it off the list.
		await page.locator(`.pick-item[data-uid="${madrid.uid}"] button.pick`).click();
		await expect.poll(() => items.count()).toBe(2);
		await page.goto(`${baseUrl}/sessions/soys10/`);
		await page.locator(`button.pick[data-pick="${madrid.uid}"]`).click();

		await page.goto(`${baseUrl}/my-schedule/`);
		// One calendar file: the static files' events (same UID, SEQUENCE, DTSTAMP), each zone once.
		await expect.poll(() => page.locator('[data-schedule-list] .pick-item').count()).toBe(3);
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-schedule-export]').click()]);
		expect(download.suggestedFilename()).toBe('my-schedule.ics');
		const merged = parseCalendar(await readFile((await download.path()) ?? '', 'utf8'));
		expect(merged.name).toBe(`${catalog.event.name}: my schedule`);
		expect(merged.events.map((event) => event.uid)).toEqual([hongKong, sydney, madrid].map((picked) => picked.uid));
		expect([...merged.timezones].sort()).toEqual(['Asia/Hong_Kong', 'Australia/Sydney', 'Europe/Madrid']);
		for (const picked of [hongKong, sydney, madrid]) {
			const part = parseCalendar(await (await fetch(`${baseUrl}/cities/${picked.city.id}/sessions/${picked.key}.ics`)).text()).events[0];
			const event = merged.events.find((candidate) => candidate.uid === picked.uid);
			expect(event?.start.toISOString()).toBe(picked.start.toISOString());
			expect([event?.sequence, event?.dtstamp, event?.startZone]).toEqual([part?.sequence, part?.dtstamp, picked.city.timezone]);
		}

		await page.locator('[data-schedule-share]').click();
		const link = await page.locator('[data-schedule-link]').inputValue();
		// In the order they were picked (Madrid again last), by city.
		expect(new URL(link).search).toBe('?picks=hong-kong.soys10-1_sydney.thr1001-1_madrid.soys10-1');

		const other = await browser.newContext();
		const friend = await other.newPage();
		await friend.goto(link);
		const shared = friend.locator('[data-schedule-list] .pick-item');
		await expect.poll(() => shared.count()).toBe(3);
		expect(await friend.locator('[data-schedule-shared]').isVisible()).toBe(true);
		expect(await friend.evaluate(() => localStorage.getItem('roadshow:picks'))).toBeNull();
		await friend.getByRole('button', { name: 'Copy these to my schedule' }).click();
		await friend.waitForURL(`${baseUrl}/my-schedule/`);
		await expect.poll(() => friend.locator('[data-schedule-list] .pick-item').count()).toBe(3);
		await other.close();
		await context.close();
	});

	it("adds the viewer's own time when asked, remembered, with the day shift, and groups days by the city's date", async () => {
		const context = await browser.newContext({ timezoneId: 'America/Chicago', viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/my-schedule/`);
		await page.evaluate((pick) => localStorage.setItem('roadshow:picks', JSON.stringify([pick])), {
			uid: sydney.uid,
			city: 'sydney',
			key: sydney.key,
		});
		await page.reload();
		const item = page.locator(`.pick-item[data-uid="${sydney.uid}"]`);
		await item.waitFor();
		expect(await item.locator('.viewer-time').count()).toBe(0);
		const toggle = page.getByLabel('Also show my time (America/Chicago)');
		await toggle.check();
		// 13:15-13:35 AEDT on Thu 13 Feb is 20:15-20:35 CST on Wed 12 Feb.
		expect(await item.locator('.viewer-time').textContent()).toBe(' (your time: 20:15–20:35 CST −1 day)');
		expect(await page.locator('[data-schedule-list] h3').allTextContents()).toEqual(['Thu, 13 Feb 2020']);
		// Both clocks fit a phone: nothing wider than the screen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.reload();
		await item.locator('.viewer-time').waitFor();
		expect(await page.getByLabel('Also show my time (America/Chicago)').isChecked()).toBe(true);
		// The same switch on a city's agenda.
		await page.goto(`${baseUrl}/cities/sydney/`);
		expect(await page.locator(`.item:has(button[data-pick="${sydney.uid}"]) .viewer-time`).textContent()).toBe(
			' (your time: 20:15–20:35 CST −1 day)',
		);
		await page.getByLabel('Also show my time (America/Chicago)').uncheck();
		expect(await page.locator('.viewer-time').count()).toBe(0);
		await context.close();
	});

	it('keeps a pick whose delivery is no longer on the agenda, says so, and lets it be removed', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/my-schedule/`);
		await page.evaluate(() =>
			localStorage.setItem(
				'roadshow:picks',
				JSON.stringify([
					{ uid: 'GONE10-sydney-9@ignite-tour.example.org', city: 'sydney', key: 'gone10-9' },
					{ uid: 'SOYS10-atlantis-1@ignite-tour.example.org', city: 'atlantis', key: 'soys10-1' },
				]),
			),
		);
		await page.reload();
		const gone = page.locator('.schedule-gone li');
		await expect
			.poll(() => gone.allTextContents())
			.toEqual([
				'GONE10-9: no longer on the agenda. Remove',
				'SOYS10-1: no longer on the agenda (no city "atlantis" on this site). Remove',
			]);
		await gone.first().getByRole('button', { name: 'Remove' }).click();
		await expect.poll(() => gone.count()).toBe(1);
		expect(await page.evaluate(() => JSON.parse(localStorage.getItem('roadshow:picks') ?? '[]').length)).toBe(1);
		await context.close();
	});

	it('reads a damaged store once per delivery: 300 copies of one pick are one pick, drawn at once', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/my-schedule/`);
		await page.evaluate((pick) => localStorage.setItem('roadshow:picks', JSON.stringify(Array.from({ length: 300 }, () => pick))), {
			uid: sydney.uid,
			city: 'sydney',
			key: sydney.key,
		});
		await page.reload();
		await expect.poll(() => page.locator('[data-schedule-status]').textContent(), { timeout: 5_000 }).toBe('1 session.');
		expect(await page.locator('[data-schedule-list] .pick-item').count()).toBe(1);
		await context.close();
	});

	it('keeps the keyboard in place when a toggle redraws the list', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/my-schedule/`);
		await page.evaluate((pick) => localStorage.setItem('roadshow:picks', JSON.stringify([pick])), {
			uid: 'SOYS10-sydney-1@ignite-tour.example.org',
			city: 'sydney',
			key: 'soys10-1',
		});
		await page.reload();
		// Pick SOYS20 from the learning path's box: the list is redrawn with it, and the focus stays on its button.
		const add = page.locator('.path-progress button.pick[data-pick="SOYS20-sydney-1@ignite-tour.example.org"]');
		await add.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('[data-schedule-list] .pick-item').count()).toBe(2);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pick'))).toBe('SOYS20-sydney-1@ignite-tour.example.org');
		// Unpicking it from the list: the item goes back to the path's box, and so does the focus (not to the body).
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('[data-schedule-list] .pick-item').count()).toBe(1);
		expect(
			await page.evaluate(() => [
				document.activeElement?.getAttribute('data-pick'),
				document.activeElement?.getAttribute('aria-pressed'),
				Boolean(document.activeElement?.closest('.path-progress')),
			]),
		).toEqual(['SOYS20-sydney-1@ignite-tour.example.org', 'false', true]);
		// Unpicking the last one: nothing of it is left to focus, so the focus goes to the list's heading.
		await page.locator('.pick-item button.pick').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('[data-schedule-list] .pick-item').count()).toBe(0);
		expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
		await context.close();
	});

	it('reads a hostile share link as text, leaves out what it cannot read, and runs nothing', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await page.goto(
			`${baseUrl}/my-schedule/?picks=${encodeURIComponent('sydney.<img src=x onerror=alert(1)>_"><script>alert(2)</script>.x')}`,
		);
		await expect.poll(() => page.locator('[data-schedule-status]').textContent()).toContain('could not be read and');
		expect(await page.locator('[data-schedule-list] img, [data-schedule-list] script').count()).toBe(0);
		expect(dialogs).toEqual([]);
		await context.close();
	});

	it('says what to do when nothing is picked, and shows no button without JavaScript', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/my-schedule/`);
		await page.locator('[data-schedule-empty]').waitFor();
		expect(await page.locator('[data-schedule-empty]').innerText()).toContain('Press My schedule next to a session');
		await context.close();
		const plain = await browser.newContext({ javaScriptEnabled: false });
		const noScript = await plain.newPage();
		await noScript.goto(`${baseUrl}/sessions/soys10/`);
		expect(await noScript.locator('button.pick:visible').count()).toBe(0);
		await noScript.goto(`${baseUrl}/my-schedule/`);
		expect(await noScript.locator('main').innerText()).toContain('needs JavaScript');
		await plain.close();
	});
});

describe('now and next, on demand', () => {
	it("marks what is on now and next on a city's event day, opens there, and moves on with the clock", async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.clock.install({ time: new Date('2020-02-13T10:10:00+11:00') });
		await page.goto(`${baseUrl}/cities/sydney/`);
		const badge = async (label: string) =>
			((await page.locator(`li.slot.${label === 'Now' ? 'is-now' : 'is-next'} .time`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
		await expect.poll(() => badge('Now')).toBe('Now 10:00');
		expect(await badge('Next')).toBe('Next 11:15');
		// Opened at the slot that is on: it is in view without scrolling by hand.
		expect(await page.locator('li.slot.is-now').isVisible()).toBe(true);
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
		await page.clock.runFor('01:10:00');
		await expect.poll(() => badge('Now')).toBe('Now 11:15');
		expect(await badge('Next')).toBe('Next 12:15');
		await context.close();
	});

	it('changes nothing before the event, and offers the recording after it without loading anything from elsewhere', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.clock.install({ time: new Date('2020-01-01T12:00:00Z') });
		await page.goto(`${baseUrl}/cities/sydney/`);
		expect(await page.locator('.is-now, .is-next, .on-demand').count()).toBe(0);

		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		// GS05 (with a recording) was given in Orlando in November 2019.
		await page.goto(`${baseUrl}/cities/orlando/`);
		const gs05 = page.locator('li.item:has(a[href="/sessions/gs05/"]) .on-demand a');
		await expect.poll(() => gs05.textContent()).toBe('Watch on demand');
		expect(await gs05.getAttribute('href')).toBe(catalog.sessionByCode.get('GS05')?.video);
		expect(await gs05.getAttribute('rel')).toBe('noopener');
		expect(requests.filter((url) => !url.startsWith(baseUrl))).toEqual([]);
		await context.close();
	});
});
