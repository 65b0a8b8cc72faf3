import { describe, expect, it } from 'vitest';
import { buildCatalog, CatalogError, type CatalogSource } from '../../src/catalog';
import { tour } from './source-builder';

/** The problems of SOYS10.mdx with this body (its front matter ends on line 5, so the body starts on line 6). */
function bodyProblems(body: string, file = 'content/sessions/SOYS10.mdx'): string[] {
	const built = tour().build();
	const withBody = (list: CatalogSource['sessions']) =>
		list.map((entry) => (entry.filePath === file ? { ...entry, body, bodyLine: 6 } : entry));
	try {
		buildCatalog({ ...built, sessions: withBody(built.sessions), speakers: withBody(built.speakers) });
	} catch (error) {
		if (!(error instanceof CatalogError)) throw error;
		return error.problems.filter((problem) => problem.file === file).map((problem) => `${problem.field}: ${problem.message}`);
	}
	return [];
}

describe('an .mdx body is data, not code', () => {
	// One row per way an editor could make the build machine run code, with where it is reported.
	it.each([
		[
			'an import of a module',
			"import fs from 'node:fs'\n\nText.",
			'at line 6, column 1: "import fs from \'node:fs\'": content may import only the components listed',
		],
		[
			'an import of a project file',
			"import Card from '../../src/components/PathCard.astro'",
			'content may import only the components listed in src/catalog/mdx-check.ts',
		],
		[
			'an export',
			'Text.\n\nexport const x = process.env.HOME',
			'at line 8, column 1: "export const x = process.env.HOME": export runs code on the build machine',
		],
		['an expression in text', 'Hello {process.env.HOME}.', 'at line 6, column 7: {process.env.HOME} is code, which content may not run'],
		['an expression in a block', '{(() => { throw new Error() })()}', 'at line 6, column 1: {(() => { throw new Error() })()} is code'],
		['a template literal with a substitution', 'A {`${process.env.HOME}`}.', 'at line 6, column 3: {`${process.env.HOME}`} is code'],
		['a tagged template', 'A {String.raw`x`}.', 'is code, which content may not run'],
		['a comment hiding code between comments', 'A {/* a */ globalThis.x /* b */} b', 'is code, which content may not run'],
		[
			'a spread of attributes',
			'<img {...{ onerror: "alert(1)" }} src="x.png" alt="" />',
			'<img {...{ onerror: "alert(1)" }}> spreads code into attributes',
		],
		[
			'an expression as an attribute value',
			'<a href={"javascript:" + "alert(1)"}>x</a>',
			'<a href={"javascript:" + "alert(1)"}> is code, which content may not run',
		],
		[
			'an Astro directive',
			'<div set:html="<script>alert(1)</script>" />',
			'<div set:html> is an Astro directive, which content may not use',
		],
		['a fragment', 'a <>t</> b', 'at line 6, column 3: <> … </> is an MDX fragment, which groups components; remove the <> and </>'],
		[
			'a component',
			'<Fragment set:html={"<b>x</b>"} />',
			'<Fragment> is a component, and only those listed in src/catalog/mdx-check.ts may be used',
		],
	])('refuses %s', (_case, body, message) => {
		expect(bodyProblems(body).join('\n')).toContain(message);
	});

	it.each([
		['Markdown and HTML', 'Some **bold** text and <abbr title="Microsoft 365">M365</abbr>.\n\n- a list'],
		[
			'literal values in braces and attributes',
			'A {"literal"} and {42}, a {/* comment */}, <img src={"/a.png"} alt={\'A\'} width={200} />',
		],
		['a template literal without substitutions', 'A {`template`} and a {`price in $`}.'],
		[
			'code spans and fences with any text',
			'Write `{process.env.HOME}` or `import x from "y"`:\n\n```js\nexport const y = () => { danger() }\n```',
		],
		['escaped braces', 'A set: \\{1, 2\\}'],
	])('accepts %s', (_case, body) => {
		expect(bodyProblems(body)).toEqual([]);
	});

	it('leaves .md bodies to Markdown: braces and import lines there are text', () => {
		expect(bodyProblems('import fs from "node:fs"\n\n{process.env.HOME}', 'content/speakers/megan-okafor.md')).toEqual([]);
	});

	it('says where MDX that does not parse goes wrong, before the build would', () => {
		expect(bodyProblems('Text.\n\nAn unclosed <b>tag')).toEqual([
			expect.stringMatching(
				/^body: at line 8, column 13: is not valid MDX: .*closing tag for `<b>`.*; in \.mdx, "<" starts a tag and "\{" code: write &lt; and \\\{ for the characters, or rename the file to \.md$/,
			),
		]);
	});

	it('names the line of each statement in an import/export block', () => {
		expect(bodyProblems("import fs from 'node:fs'\nexport const x = fs.readFileSync('/etc/passwd')")).toEqual([
			expect.stringContaining('at line 6, column 1: "import fs from \'node:fs\'"'),
			expect.stringContaining('at line 7, column 1: "export const x = fs.readFileSync(\'/etc/passwd\')"'),
		]);
	});
});
