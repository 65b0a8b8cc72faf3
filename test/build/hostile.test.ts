import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, run } from '../support/builds';
import { builtSite } from '../support/built-site';

const at = 'test/fixtures/hostile/content/';
const videoHosts = 'https://www.youtube-nocookie.com/embed/, https://www.youtube.com/embed/, https://player.vimeo.com/video/';
const badScheme = (line: number, column: number) =>
	`body: at line ${line}, column ${column}: <a href="javascript:alert(1)"> links with a scheme other than https:, http: or mailto:; link to a web page or write the address as text`;
const aliases = (line: number, column: number, name: string) =>
	`is not valid YAML (line ${line}, column ${column}): *${name} repeats another value by alias, which content may not do (a few nested aliases can make a file gigabytes long); write the value out`;
const notAnImage = (line: number, column: number, src: string) =>
	`body: at line ${line}, column ${column}: <img src="${src}"> is not a path of this site to a .png, .jpg, .gif, .webp or .avif image; put the image in public/ and write its path from the site's root, e.g. /images/photo.jpg`;
const unsafeName = (name: string) =>
	`has a name with a character other than letters, digits, ".", "_" and "-" ("${name}"), which the build would read as part of a web address; rename it`;
const control = (code: string, character: number) =>
	`title: has the invisible control character U+${code} at character ${character}; delete it (retype the text if it was pasted)`;
const notAllowed = (line: number, column: number, element: string) =>
	`body: at line ${line}, column ${column}: <${element}> is not an element a body may use (see "What a body may contain" in the README); remove it or write Markdown`;

/**
 * One row per attack of issue 8: the file of test/fixtures/hostile that carries it, and every line the content
 * check and the build must print for it. Each line is `file: field: message`, after the fixture's folder.
 */
const attacks: readonly { attack: string; file: string; lines: readonly string[] }[] = [
	{
		attack: 'MDX import and export that write a file on the build machine, and an expression that shows it',
		file: 'sessions/EVIL10.mdx',
		lines: [
			`body: at line 8, column 1: "import { writeFileSync } from 'node:fs'": content may import only the components listed in src/catalog/mdx-check.ts (none are yet), because an import runs code on the build machine; remove it`,
			`body: at line 9, column 1: "export const ran = writeFileSync('test/.builds/hostile-code…": export runs code on the build machine, which content may not do; remove it`,
			'body: at line 11, column 7: {ran} is code, which content may not run; write the text itself, or write \\{ to show a brace',
		],
	},
	{
		attack: 'an MDX syntax error',
		file: 'speakers/mdx-syntax.mdx',
		lines: [
			'body: at line 6, column 5: is not valid MDX: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`) (mdx-jsx:unexpected-character); in .mdx, "<" starts a tag and "{" code: write &lt; and \\{ for the characters, or rename the file to .md',
		],
	},
	{
		attack: 'an undefined MDX expression',
		file: 'speakers/undefined-expression.mdx',
		lines: [
			'body: at line 6, column 12: {visitor} is code, which content may not run; write the text itself, or write \\{ to show a brace',
		],
	},
	{
		attack: '<img src="x"/onerror=…> in a block of HTML in .md',
		file: 'speakers/html-block-img.md',
		lines: [
			'body: at line 8, column 1: <img onerror> is an event handler, a script, which content may not run; remove it',
			notAnImage(8, 1, 'x'),
		],
	},
	{
		attack: '<iframe src="javascript:…">',
		file: 'speakers/iframe-javascript.md',
		lines: [
			`body: at line 8, column 1: <iframe src="javascript:alert(1)"> may only embed a video player: a URL starting with ${videoHosts}`,
		],
	},
	{
		attack: '<iframe srcdoc>',
		file: 'speakers/iframe-srcdoc.md',
		lines: [`body: at line 8, column 1: <iframe> may only embed a video player: a URL starting with ${videoHosts}`],
	},
	{
		attack: 'attributes spread from an object in .mdx',
		file: 'speakers/spread.mdx',
		lines: [
			'body: at line 8, column 1: <img {...{onerror: "alert(1)"}}> spreads code into attributes, which content may not run; write each attribute with a plain value',
			notAnImage(8, 1, 'x'),
		],
	},
	{
		attack: '<Fragment set:html={…} /> in .mdx',
		file: 'speakers/fragment.mdx',
		lines: [
			'body: at line 8, column 1: <Fragment> is a component, and only those listed in src/catalog/mdx-check.ts may be used (none are yet); write HTML or Markdown instead',
			'body: at line 8, column 1: <Fragment set:html> is an Astro directive, which content may not use; remove it',
		],
	},
	{ attack: 'an entity-encoded scheme (jav&#x61;script:)', file: 'speakers/entity-scheme.md', lines: [badScheme(6, 45)] },
	{ attack: 'a reference-style link to javascript:', file: 'speakers/reference-link.md', lines: [badScheme(6, 25)] },
	{ attack: 'a .md autolink <javascript:…>', file: 'speakers/autolink.md', lines: [badScheme(6, 14)] },
	{ attack: 'href={"javascript:…"} in .mdx', file: 'speakers/href-expression.mdx', lines: [badScheme(6, 40)] },
	{
		attack: '<form action> posting elsewhere',
		file: 'speakers/form.md',
		lines: [
			'body: at line 8, column 1: <form> is a form control, which a body may not have; link to the form instead',
			'body: at line 8, column 1: <input name> is not an attribute a body may use (see "What a body may contain" in the README); remove it',
			'body: at line 8, column 1: <input> is allowed only as the checkbox of a task list ("- [ ] task"); remove it',
			'body: at line 8, column 1: <button> is a form control, which a body may not have; link to the form instead',
		],
	},
	{
		attack: 'SVG <animate> rewriting a link',
		file: 'speakers/svg-animate.md',
		lines: [notAllowed(8, 1, 'svg'), notAllowed(8, 9, 'animate'), notAllowed(8, 69, 'text')],
	},
	{
		attack: '<base href> sending every link to another host',
		file: 'speakers/base-href.md',
		lines: ['body: at line 8, column 1: <base> changes how the whole page behaves (where its links go, redirects); remove it'],
	},
	{
		attack: '<meta http-equiv=refresh>',
		file: 'speakers/meta-refresh.md',
		lines: ['body: at line 8, column 1: <meta> changes how the whole page behaves (where its links go, redirects); remove it'],
	},
	{
		attack: '<style> restyling the page',
		file: 'speakers/style.md',
		lines: [
			"body: at line 8, column 1: <style> would restyle the site or load a stylesheet; remove it (the site's design comes from its own CSS)",
		],
	},
	{
		attack: 'an image from another site',
		file: 'speakers/outside-image.md',
		lines: [
			`body: at line 6, column 19: <img src="https://evil.example/pixel.png"> loads an image from another site, which the site's Content-Security-Policy blocks (and which would tell that site who reads the page); put the image in public/ and write its path, e.g. /images/photo.jpg`,
		],
	},
	{
		attack: 'a stylesheet from another site',
		file: 'speakers/outside-stylesheet.md',
		lines: [
			"body: at line 8, column 1: <link> would restyle the site or load a stylesheet; remove it (the site's design comes from its own CSS)",
		],
	},
	{
		attack: 'a Markdown body nested 5,000 deep (a stack overflow once, and an empty bio)',
		file: 'speakers/deep-nesting.md',
		lines: ['body: at line 8, column 65: elements nest more than 32 deep here (lists in lists, quotes in quotes); flatten the text'],
	},
	{
		attack: 'an event.language longer than 32 characters (a Pagefind crash once)',
		file: 'event.yaml',
		lines: [
			'language: is longer than 32 characters; write a language tag like "en", "es" or "zh-Hans"',
			'language: must be a language tag like "en", "es" or "zh-Hans"',
		],
	},
	{
		attack: 'a site url with user:pass@',
		file: 'event.yaml',
		lines: ['url: has a user name or password in it ("user:pass@"), which would be published; remove it'],
	},
	{
		attack: 'an unquoted day: 2020-02-30 (1 March once)',
		file: 'cities/leap.md',
		lines: ['agenda[0].day: "2020-02-30" is not a day of the calendar; write YYYY-MM-DD, e.g. 2020-01-08'],
	},
	{ attack: 'a billion laughs in front matter', file: 'speakers/billion-laughs.md', lines: [aliases(6, 8, 'a')] },
	{ attack: 'aliases inside tags', file: 'sessions/TAGS10.md', lines: [aliases(8, 8, 'w')] },
	{ attack: 'NUL in a title', file: 'sessions/CTRL10.md', lines: [control('0000', 5)] },
	{ attack: 'VT in a title', file: 'sessions/CTRL20.md', lines: [control('000B', 9)] },
	{ attack: 'FF in a title', file: 'sessions/CTRL30.md', lines: [control('000C', 5)] },
	{ attack: 'ESC in a title', file: 'sessions/CTRL40.md', lines: [control('001B', 7)] },
	{
		attack: 'a symbolic link to a file outside content/',
		file: 'speakers/outside-link.md',
		lines: [
			'is a symbolic link to a file or folder outside the content folder, which the build may not publish; copy it into the content folder instead',
		],
	},
	{
		attack: 'a content folder that is a symbolic link to a folder outside content/',
		file: 'paths',
		lines: [
			'is a symbolic link to a file or folder outside the content folder, which the build may not publish; copy it into the content folder instead',
		],
	},
	{
		attack: 'a field hidden after a lone carriage return, which Astro would read as an MDX layout (code)',
		file: 'speakers/lone-return.mdx',
		lines: ['has a carriage return without a line feed on line 3 (old Mac line endings); save the file with LF or CRLF line endings'],
	},
	{
		attack: 'two byte-order marks, which would make Astro compile the front matter as a body',
		file: 'speakers/two-boms.md',
		lines: ['starts with two byte-order marks; save it as UTF-8 (with or without one byte-order mark)'],
	},
	{
		attack: 'an MDX image that would import a module of content/ (diagram.mjs writes the marker file)',
		file: 'speakers/image-import.mdx',
		lines: [notAnImage(6, 28, './diagram.mjs')],
	},
	{
		attack: 'an image that would import a file of the build machine (?raw) into the build log',
		file: 'speakers/image-raw.md',
		lines: [notAnImage(6, 47, '../../../../../../../../etc/hostname?raw')],
	},
	{
		attack: 'an SVG with script, which would be published as a document',
		file: 'speakers/svg-image.md',
		lines: [notAnImage(6, 47, './logo.svg')],
	},
	{
		attack: 'a speaker photo from another site',
		file: 'speakers/outside-photo.md',
		lines: [
			'photo: "https://evil.example/track.png" is an address, not a file of this site; put the image in content/images/ and write its name, e.g. "jeff-teper.jpg"',
		],
	},
	{
		attack: 'a speaker photo that climbs out of content/images/ to a file of the build machine',
		file: 'speakers/photo-outside.md',
		lines: [
			'photo: "../../../../../../etc/hostname.png" is a path; an image must be a file directly in content/images/: write its name alone, e.g. "jeff-teper.jpg"',
		],
	},
	{
		attack: 'a speaker photo that is an SVG',
		file: 'speakers/photo-svg.md',
		lines: ['photo: "logo.svg" is an SVG, which can run script when opened on its own; use a .png, .jpg, .jpeg, .webp or .avif file'],
	},
	{
		attack: 'an SVG with script in content/images/, which no glob imports but which is refused all the same',
		file: 'images/logo.svg',
		lines: ['is an SVG, which can run script when opened on its own; save it as .png, .jpg, .webp or .avif'],
	},
	{
		// speakers/photo-not-image.md uses it: the file is reported, once, and the speaker not again.
		attack: 'a shell script renamed .png, which the build would import as an image',
		file: 'images/not-an-image.png',
		lines: ["is not a PNG image (its first bytes are no image format's); export the picture again as .png"],
	},
	{
		attack: 'a speaker photo whose file is missing',
		file: 'speakers/photo-missing.md',
		lines: [`photo: ${at}images/nobody.jpg does not exist; add the image to ${at}images/ or correct the name (it is case-sensitive)`],
	},
	{
		// speakers/photo-link.md uses it.
		attack: 'an image that is a symbolic link to a file of the build machine',
		file: 'images/hostname.png',
		lines: [
			'is a symbolic link to a file or folder outside the content folder, which the build may not publish; copy it into the content folder instead',
		],
	},
	{
		attack: 'a video URL that climbs out of the player with ../',
		file: 'speakers/video-traversal.md',
		lines: [
			`body: at line 8, column 1: <iframe src="https://www.youtube.com/embed/../../redirect?q=https://evil…"> may only embed a video player: a URL starting with ${videoHosts}`,
		],
	},
	{
		attack: "the site's own classes borrowed through a highlighter token outside code",
		file: 'speakers/site-class.md',
		lines: [
			'body: at line 6, column 22: <span class="token">: class names belong to the site\'s design, a body may not use them; remove it',
			'body: at line 6, column 22: <span class="sr-only">: class names belong to the site\'s design, a body may not use them; remove it',
			'body: at line 8, column 1: <h2 class="sr-only">: class names belong to the site\'s design, a body may not use them; remove it',
		],
	},
	{
		attack: 'a folder named %2e%2e, which the build decodes to .. and so compiles a file the check never read',
		file: 'speakers/%2e%2e',
		lines: [unsafeName('%2e%2e')],
	},
	{
		attack: 'a folder named diagram.mjs#, which the build cuts at # and so imports diagram.mjs',
		file: 'speakers/diagram.mjs#',
		lines: [unsafeName('diagram.mjs#')],
	},
	{
		attack: 'an image path with a broken %-escape, which crashed the build',
		file: 'speakers/bad-escape.md',
		lines: [notAnImage(6, 37, '/x%E0%A4%25A.png')],
	},
	{
		attack: 'an MDX fragment <>…</> (the check once passed it and the build refused it)',
		file: 'speakers/fragment-empty.mdx',
		lines: ['body: at line 6, column 15: <> … </> is an MDX fragment, which groups components; remove the <> and </> around the text'],
	},
];

const expected = attacks.flatMap(({ file, lines }) => lines.map((line) => `${at}${file}: ${line}`));
/** The problem lines of a report: every line that names a file of the fixture (not the count at the end). */
const problemLines = (output: string) => output.split('\n').filter((line) => line.startsWith(at) && !line.startsWith(`${at}:`));
// What EVIL10.mdx's export would write if its body were ever evaluated.
const marker = join(projectRoot, 'test/.builds/hostile-code-ran.txt');

describe('hostile content (test/fixtures/hostile): every attack is refused with its own message', () => {
	const hostile = builtSite('hostile');

	it('keeps the symbolic link of the fixture (a copy that followed it would test nothing)', () => {
		expect(lstatSync(join(projectRoot, at, 'speakers/outside-link.md')).isSymbolicLink()).toBe(true);
	});

	it.each(attacks)('the build refuses $attack ($file)', ({ file, lines }) => {
		expect(hostile.exitCode).not.toBe(0);
		for (const line of lines) expect(problemLines(hostile.output)).toContain(`${at}${file}: ${line}`);
	});

	it('stops the build before any body is evaluated: the file the export would write does not exist', () => {
		expect(existsSync(marker)).toBe(false);
	});

	it('prints exactly these problems, counted, without a stack trace of our code', () => {
		expect([...problemLines(hostile.output)].sort()).toEqual([...expected].sort());
		expect(hostile.output).toContain(`The content has ${expected.length} problems; fix them and build again:`);
		expect(hostile.output).not.toMatch(/Stack trace|^\s+at \S+ \(/m);
	});

	it('makes the content check fail with the same lines, in the same order as the build', async () => {
		const { exitCode, output } = await run(process.execPath, ['scripts/check-content.mjs'], { ROADSHOW_CONTENT_DIR: at });
		expect(exitCode).toBe(1);
		expect(problemLines(output)).toEqual(problemLines(hostile.output));
		expect(output).toContain(`${expected.length} problems`);
		expect(existsSync(marker)).toBe(false);
	});
});
