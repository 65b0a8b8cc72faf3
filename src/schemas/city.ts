import { z } from 'astro/zod';
import { contentImage, localDate, text, wallTime, webUrl } from './fields';

/** One line of a city's agenda: a session delivered in a room at a local wall-clock time. */
export const agendaItemSchema = z.strictObject({
	session: text.describe('Code of the session delivered, e.g. "SOYS10".'),
	day: localDate.describe("Local day of the delivery, YYYY-MM-DD, within the city's dates."),
	start: wallTime.describe('Local start time "HH:MM" in the city\'s time zone.'),
	end: wallTime.optional().describe('Local end time "HH:MM"; default: start + the session\'s duration.'),
	room: text.describe("Room name; must be one of the city's rooms."),
	status: z
		.enum(['confirmed', 'cancelled'], 'must be "confirmed" or "cancelled" (leave it out for a confirmed delivery)')
		.default('confirmed')
		.describe('"cancelled" keeps the delivery on the page struck through and in calendars as cancelled.'),
	id: z
		// A number is fine: pinning a published line with its own number (id: 2) keeps its identity.
		.union([z.string(), z.number().int().nonnegative()])
		.transform(String)
		.pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1 to 32 lower-case letters, digits or hyphens, e.g. "2" or "day2-repeat"'))
		.optional()
		.describe("Pins the delivery's calendar identity when lines are reordered; default: its number among the session's lines here."),
});

/** Front matter of `content/cities/<id>.mdx`: one stop of the tour; the body introduces it. */
export const citySchema = z.strictObject({
	name: text.describe('City name as shown to attendees.'),
	country: text.describe('Country (or region) of the city.'),
	label: text.optional().describe('Badge for a special stop, e.g. "Main conference".'),
	timezone: text.describe('IANA time zone of the venue, e.g. "Australia/Sydney".'),
	dates: z
		.strictObject({
			start: localDate.describe('First day, YYYY-MM-DD.'),
			end: localDate.describe('Last day, YYYY-MM-DD.'),
		})
		.describe('First and last local day of the stop.'),
	venue: z.strictObject({
		name: text.describe('Name of the venue.'),
		address: text.describe('Postal address of the venue.'),
	}),
	image: contentImage
		.optional()
		.describe('File name of a picture of the city in content/images/, e.g. "sydney.jpg", shown at the top of its page.'),
	imageAlt: text.optional().describe('What the picture shows, for people who cannot see it; required with "image".'),
	registration: webUrl.optional().describe('Registration page; leave out while registration is not yet open.'),
	paths: z.array(text).default([]).describe('Ids of the learning paths offered here in full.'),
	rooms: z.array(text).min(1, 'must list at least one room').describe('Rooms used by the agenda.'),
	agenda: z.array(agendaItemSchema).default([]).describe('Sessions delivered here, in local time.'),
});

export type CityData = z.output<typeof citySchema>;
export type AgendaItemData = z.output<typeof agendaItemSchema>;
