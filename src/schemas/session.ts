import { z } from 'astro/zod';
import { languageTag, text, webUrl } from './fields';

export const sessionTypes = ['keynote', 'general', 'breakout', 'theater', 'workshop', 'lab'] as const;
export type SessionType = (typeof sessionTypes)[number];

/** Length in minutes of a session whose front matter gives no `duration`. */
export const defaultDurations: Readonly<Record<SessionType, number>> = {
	keynote: 60,
	general: 60,
	breakout: 45,
	theater: 20,
	workshop: 240,
	lab: 75,
};

/** Front matter of `content/sessions/<CODE>.mdx`; the file name is the session code, the body the abstract. */
export const sessionSchema = z.strictObject({
	title: text.describe('Title of the session, without the code.'),
	type: z.enum(sessionTypes).describe('Kind of session: keynote, general, breakout, theater, workshop or lab.'),
	duration: z
		.number()
		.int('must be whole minutes')
		.positive('must be more than 0 minutes')
		.max(600, 'is longer than 10 hours; give the length in minutes')
		.optional()
		.describe('Length in minutes; default by type: keynote 60, general 60, breakout 45, theater 20, workshop 240, lab 75.'),
	track: text.describe('Id of a track in content/tracks.yaml.'),
	level: z
		.union([z.literal(100), z.literal(200), z.literal(300), z.literal(400)], { error: 'must be one of 100, 200, 300, 400' })
		.describe('Technical level: 100 (overview) to 400 (deep dive).'),
	speakers: z.array(text).default([]).describe('Ids of speakers (file names in content/speakers/).'),
	products: z.array(text).default([]).describe('Products covered, e.g. ["SharePoint", "OneDrive"].'),
	tags: z.array(text).default([]).describe('Free-form tags, e.g. ["#ProjectCortex"].'),
	language: languageTag.optional().describe("Language the session is given in, as a BCP 47 tag; default: the event's language."),
	video: webUrl.optional().describe('Address of the on-demand recording, once there is one.'),
	slides: webUrl.optional().describe('Address of the slides.'),
});

export type SessionData = z.output<typeof sessionSchema>;
