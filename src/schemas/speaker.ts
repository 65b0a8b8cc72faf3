import { z } from 'astro/zod';
import { link, siteImage, text } from './fields';

/** Front matter of `content/speakers/<id>.md`; the file name is the speaker id, the body the bio. */
export const speakerSchema = z.strictObject({
	name: text.describe('Full name as it should appear on the site.'),
	role: text.describe('Job title, e.g. "Principal Program Manager".'),
	company: text.describe('Employer or organisation.'),
	photo: siteImage.optional().describe('Path of a photo under public/, e.g. "/speakers/jeff-teper.jpg".'),
	links: z.array(link).default([]).describe('Profiles and sites of the speaker.'),
});

export type SpeakerData = z.output<typeof speakerSchema>;
