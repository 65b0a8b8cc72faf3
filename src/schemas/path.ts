import { z } from 'astro/zod';
import { text } from './fields';

/** Front matter of `content/paths/<id>.mdx`; the file name is the path id, the body its description. */
export const pathSchema = z.strictObject({
	code: z
		.string()
		.regex(/^[A-Z0-9]+$/, 'must be capital letters and digits, e.g. "SOYS"')
		.describe('Short code of the learning path, e.g. "SOYS".'),
	title: text.describe('Title of the learning path.'),
	sessions: z.array(text).min(1, 'must list at least one session code').describe('Session codes in the order they are meant to be taken.'),
	products: z.array(text).default([]).describe('Products the path covers.'),
});

export type PathData = z.output<typeof pathSchema>;
