import { z } from 'astro/zod';

/** A calendar day written `YYYY-MM-DD` that exists (`2020-02-30` does not). YAML 1.2 reads it as text, quoted or not. */
export const localDate = z.unknown().transform((value, ctx) => {
	if (typeof value !== 'string' || !isRealDay(value)) {
		ctx.addIssue({
			code: 'custom',
			message:
				value === undefined
					? 'is required; write the day as YYYY-MM-DD, e.g. 2020-01-08'
					: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(value)
						? `${JSON.stringify(value)} is a date with a time of day; write the day alone, e.g. 2020-01-08`
						: `${JSON.stringify(value)} is not a day of the calendar; write YYYY-MM-DD, e.g. 2020-01-08`,
		});
		return z.NEVER;
	}
	return value;
});

/** A wall-clock time `HH:MM` (24-hour) in the city's own time zone, e.g. `09:00` (quotes are optional). */
export const wallTime = z.unknown().transform((value, ctx) => {
	if (typeof value === 'number') {
		ctx.addIssue({
			code: 'custom',
			message: `is the number ${value}, not a time; write the time as HH:MM, e.g. "09:00"`,
		});
		return z.NEVER;
	}
	if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
		ctx.addIssue({
			code: 'custom',
			message:
				value === undefined
					? 'is required; write a 24-hour time, e.g. "09:00"'
					: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(value)
						? `${JSON.stringify(value)} is a day and a time; write the time alone, e.g. "09:00", and the day in "day"`
						: `${JSON.stringify(value)} is not a 24-hour time; write "HH:MM", e.g. "09:00" or "14:30"`,
		});
		return z.NEVER;
	}
	return value;
});

// C0 control characters other than tab and line feed, DEL and C1 controls: invisible on a page, they arrive
// with pasted text, and RFC 5545 forbids them in calendar files.
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

// Bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO): a name holding U+202E reverses the page's
// own words after it ("Sydney: agenda by room" read backwards in the heading), the "Trojan Source" trick.
// Arabic or Hebrew text needs none of them; the isolates (U+2066-U+2069) stay allowed.
const bidiOverride = /[\u202A-\u202E]/;

const codePoint = (character: string) => character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** Text an attendee reads: any characters but invisible control characters (tab and line break are fine). */
export const plainText = z.string().superRefine((value, ctx) => {
	const found = controlCharacter.exec(value);
	if (found) {
		ctx.addIssue({
			code: 'custom',
			message: `has the invisible control character U+${codePoint(found[0])} at character ${found.index + 1}; delete it (retype the text if it was pasted)`,
		});
		return;
	}
	const override = bidiOverride.exec(value);
	if (override) {
		ctx.addIssue({
			code: 'custom',
			message: `has the invisible direction override U+${codePoint(override[0])} at character ${override.index + 1}, which would reorder the page's text around it; delete it (right-to-left text needs no override)`,
		});
	}
});

/** Text that must not be empty. */
export const text = plainText.min(1);

/** An absolute http(s) URL. */
export const webUrl = z
	.string()
	.refine(
		(value) => /^https?:\/\/[^\s/]/.test(value) && URL.canParse(value),
		'is not a web address; write an absolute URL starting with https://',
	)
	// Only for an otherwise valid URL, so that a bad one gets one message. A user name or password in a URL would be
	// published in every page, calendar and schedule that carries it.
	.refine(
		(value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''),
		'has a user name or password in it ("user:pass@"), which would be published; remove it',
	);

/**
 * A BCP 47 language tag ("en", "es", "zh-Hans"), at most 32 characters: it lands in `lang` attributes and in
 * Pagefind's index, whose indexer crashes on longer ones.
 */
export const languageTag = z
	.string()
	.max(32, 'is longer than 32 characters; write a language tag like "en", "es" or "zh-Hans"')
	.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "en", "es" or "zh-Hans"');

/** A labelled link to another site. */
export const link = z.strictObject({
	label: text.describe('Text of the link, e.g. "LinkedIn".'),
	url: webUrl.describe('Absolute URL of the link.'),
});

/** A lower-case id made of letters, digits and hyphens, as used in file names and URLs. */
export const slugId = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, e.g. "content-collaboration"');

function isRealDay(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const probe = new Date(Date.UTC(year, month - 1, day));
	return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * A path of this site to a raster image, e.g. `/images/photo.jpg`: it starts with one `/` (not `//host`, nor
 * `/\host`, which browsers read the same way), has no `..`, query or fragment, and ends in an image extension.
 * Relative paths are refused: Astro's image pipeline would turn `./x.mjs` or `../../etc/passwd?raw` into an
 * import on the build machine, and an SVG from content would be published as a document that can run script.
 */
export function isSiteImagePath(path: string): boolean {
	return /^\/(?![/\\])[^?#\\]*\.(png|jpe?g|gif|webp|avif)$/i.test(path) && !/(^|\/)\.\.?(\/|$)|%2e|%2f|%5c/i.test(path) && decodes(path);
}

/** A URL path whose %-escapes are whole UTF-8 characters: Astro's image step decodes it and stops on one that is not. */
function decodes(path: string): boolean {
	try {
		decodeURI(path);
		return true;
	} catch {
		return false;
	}
}

/** The folder of the content folder that holds speaker photos and city images (`content/images/`). */
export const imagesFolder = 'images';

/** Raster types an image of content/images may have; the build makes AVIF and WebP versions of each. */
export const imageExtensions = ['png', 'jpg', 'jpeg', 'webp', 'avif'] as const;

/**
 * The name of an image file in content/images/: lower-case letters, digits, `.`, `_` and `-`, ending in a raster
 * extension. Lower case because a name that differs only in case finds the file on macOS and not on Linux CI.
 */
export const imageFileName = /^[a-z0-9][a-z0-9._-]*\.(?:png|jpg|jpeg|webp|avif)$/;

const imageExample = 'e.g. "jeff-teper.jpg"';

/**
 * A photo or picture: the name of a file in content/images/, which the build finds itself (src/site/images.ts)
 * and turns into sized AVIF, WebP and fallback versions. Never a path or URL: a path from content handed to
 * Astro's image step is an import on the build machine, and an SVG can run script.
 */
export const contentImage = text.superRefine((value, ctx) => {
	if (imageFileName.test(value)) return;
	const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
	if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
		fail(
			`${JSON.stringify(value)} is an address, not a file of this site; put the image in content/images/ and write its name, ${imageExample}`,
		);
	} else if (isSiteImagePath(value)) {
		// The form before content/images/ (issue 10): a file in public/, served as it was.
		fail(
			`${JSON.stringify(value)} is a path in public/; images now live in content/images/, which makes sized AVIF and WebP versions: move the file there and write its name alone, ${imageExample}`,
		);
	} else if (/[/\\]/.test(value)) {
		fail(`${JSON.stringify(value)} is a path; an image must be a file directly in content/images/: write its name alone, ${imageExample}`);
	} else if (/\.svg$/i.test(value)) {
		fail(`${JSON.stringify(value)} is an SVG, which can run script when opened on its own; use a .png, .jpg, .jpeg, .webp or .avif file`);
	} else if (!new RegExp(`\\.(?:${imageExtensions.join('|')})$`, 'i').test(value)) {
		fail(
			`${JSON.stringify(value)} is not a .png, .jpg, .jpeg, .webp or .avif file; save the image in one of these formats in content/images/`,
		);
	} else {
		fail(
			`${JSON.stringify(value)} has a character other than lower-case letters, digits, ".", "_" and "-"; rename the file and write its new name, ${imageExample}`,
		);
	}
});
