import { z } from 'astro/zod';
import { languageTag, link, plainText, text, webUrl } from './fields';

/** `content/event.yaml`: the event as a whole. */
export const eventSchema = z.strictObject({
	name: text.describe('Name of the event, e.g. "Ignite The Tour 2019/2020".'),
	tagline: text.describe('One line under the name on the home page.'),
	description: plainText.optional().describe('A short paragraph introducing the event on the home page.'),
	url: webUrl
		// Only for an otherwise valid URL, so a bad one gets one message, not two.
		.refine(
			(value) => !URL.canParse(value) || new URL(value).pathname === '/',
			'must be the root of a domain, e.g. https://tour.example.org (sites under a path are not supported yet)',
		)
		.describe('Public address of the built site; its host name also makes calendar UIDs unique.'),
	uidDomain: z
		.string()
		.regex(
			/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
			'must be a domain name in lower case, e.g. "ignite-tour.example.org"',
		)
		.optional()
		.describe("Domain of every calendar event's UID; default: the host of url. Set it before moving the site to another host."),
	language: languageTag.default('en').describe('Language of the site as a BCP 47 tag, e.g. "en".'),
	acronym: z
		.string()
		.regex(/^[a-z][a-z0-9_]{3,}$/, 'must be 4 or more lower-case letters, digits or underscores, starting with a letter, e.g. "ignitetour"')
		.optional()
		.describe('Short name for schedule apps; each city\'s schedule is "<acronym>-<year>-<city>". Default: the letters of the name.'),
	hashtag: plainText.optional().describe('Social media hashtag, e.g. "#MSIgniteTheTour".'),
	links: z.array(link).default([]).describe('Links shown in the footer (code of conduct, privacy, ...).'),
});

export type EventData = z.output<typeof eventSchema>;
