import { z } from 'astro/zod';
import { contentImage, link, text } from './fields';

/** Front matter of `content/speakers/<id>.md`; the file name is the speaker id, the body the bio. */
export const speakerSchema = z.strictObject({
	name: text.describe('Full name as it should appear on the site.'),
	role: text.describe('Job title, e.g. "Principal Program Manager".'),
	company: text.describe('Employer or organisation.'),
	photo: contentImage.optional().describe('File name of a photo in content/images/, e.g. "jeff-teper.jpg"; its alt text is the name.'),
	links: z.array(link).default([]).describe('Profiles and sites of the speaker.'),
});

export type SpeakerData = z.output<typeof speakerSchema>;
