import { z } from 'astro/zod';
import { plainText, slugId, text } from './fields';

/** One item of `content/tracks.yaml`: a topic that groups sessions in the catalog. */
export const trackSchema = z.strictObject({
	id: slugId.describe('Id used by sessions in their "track" field, e.g. "intelligent-intranet".'),
	name: text.describe('Name shown to attendees.'),
	description: plainText.optional().describe('One sentence on what the track covers.'),
	color: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#0b6a8a"')
		.optional()
		.describe('Badge colour as #rrggbb; pick one dark enough for white text.'),
});

export const tracksSchema = z.array(trackSchema).min(1, 'must list at least one track');

export type TrackData = z.output<typeof trackSchema>;
