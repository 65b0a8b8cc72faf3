import { z } from 'astro/zod';
import { link } from './fields';

/** Front matter of `content/speakers/<id>.md`; the file name is the speaker id, the body the bio. */
export const speakerSchema = z.strictObject({
	name: z.string().min(1).describe('Full name as it should appear on the site.'),
	role: z.string().min(1).describe('Job title, e.g. "Principal Program Manager".'),
	company: z.string().min(1).describe('Employer or organisation.'),
	photo: z.string().min(1).optional().describe('Path of a photo under public/, e.g. "/speakers/jeff-teper.jpg".'),
	links: z.array(link).default([]).describe('Profiles and sites of the speaker.'),
});

export type SpeakerData = z.output<typeof speakerSchema>;
