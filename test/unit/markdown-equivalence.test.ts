import { describe, expect, it } from 'vitest';
import { markdownMdxFiles, readsAsMarkdown } from '../../src/catalog/markdown-equivalence';
import { markdownHints } from '../../src/cli/check-content';

describe('an .mdx body that reads as Markdown', () => {
	it.each([
		['plain paragraphs', 'Files are the raw material of teamwork.\n\nA second paragraph, with a line\nbreak in the source.'],
		['headings', '# One\n\n## Two\n\nText under them.'],
		['lists, nested and ordered', '- one\n- two\n  - two and a half\n\n1. first\n2. second'],
		['links and emphasis', 'See [the docs](https://learn.example.org/teams "Teams") for *more* and **much more**.'],
		['fenced code, with MDX-looking text in it', '```js\nexport const x = {a: 1};\n<div>{x}</div>\n```'],
		['GFM tables, strikethrough and task lists', '| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~\n\n- [x] done'],
		['blockquotes', '> Said once.\n>\n> Said twice.'],
		['smart punctuation', '"Quotes" -- and dashes... it\'s fine'],
		['escaped braces and angle brackets', 'A \\{ brace and a &lt;tag&gt; written as text.'],
		['character references', 'R&amp;D &copy; 2020'],
		['a bare URL (a GFM autolink in both)', 'Go to https://www.example.org now.'],
		['footnotes', 'A claim.[^1]\n\n[^1]: The source.'],
		['an image of the site', '![A diagram](/images/diagram.png)'],
		['a "<" before a space, which MDX reads as text too', 'When a < b.'],
		['an empty body', ''],
	])('%s', (_, body) => {
		expect(readsAsMarkdown(body)).toBe(true);
	});
});

describe('an .mdx body that stays MDX', () => {
	it.each([
		['a lowercase HTML element', '<div>Text in a box.</div>'],
		['an inline HTML element', 'An <abbr title="Content Security Policy">CSP</abbr> here.'],
		['a component', '<Card title="x" />'],
		['a literal expression', 'The answer is {42}.'],
		['a string expression', 'Literal values are text: {"a string"}.'],
		['an MDX comment', 'Text.\n\n{/* a note for editors */}'],
		['indented code (code in Markdown, a paragraph in MDX)', 'Text.\n\n    npm run build'],
		['an autolink in angle brackets (MDX refuses it)', 'Go to <https://www.example.org>.'],
		['an HTML comment (MDX refuses it)', '<!-- a note -->\n\nText.'],
		['an import', "import Card from './Card.astro'\n\nText."],
		['an export', 'export const title = "x"\n\nText.'],
		['text MDX cannot parse', 'Eve <3 MDX.'],
	])('%s', (_, body) => {
		expect(readsAsMarkdown(body)).toBe(false);
	});
});

describe('markdownMdxFiles', () => {
	it('names the .mdx files whose bodies read as Markdown, never a .md file', () => {
		const files = [
			{ filePath: 'content/sessions/A.mdx', data: {}, body: 'Plain text.' },
			{ filePath: 'content/sessions/B.mdx', data: {}, body: 'A <abbr title="x">y</abbr>.' },
			{ filePath: 'content/sessions/C.md', data: {}, body: 'Plain text.' },
			{ filePath: 'content/sessions/D.mdx', data: {} },
		];
		expect(markdownMdxFiles(files)).toEqual(['content/sessions/A.mdx', 'content/sessions/D.mdx']);
	});
});

describe('the hints of npm run check', () => {
	const session = (code: string, body: string) => ({ filePath: `content/sessions/${code}.mdx`, data: {}, body });

	it('names each .mdx file that is built as Markdown, and says to rename it', () => {
		expect(markdownHints([session('BRK2040', 'Plain.'), session('SOYS40', 'An <abbr title="x">X</abbr>.')], 'content')).toEqual([
			'content/sessions/BRK2040.mdx: hint: the body uses no MDX, so the build already renders it as Markdown; rename the file to .md',
		]);
	});

	it('names the first ten of many, then how many more', () => {
		const files = Array.from({ length: 12 }, (_, index) => session(`BRK${2000 + index}`, 'Plain.'));
		const hints = markdownHints(files, 'content');
		expect(hints).toHaveLength(11);
		expect(hints[9]).toMatch(/^content\/sessions\/BRK2009\.mdx: hint: /);
		expect(hints[10]).toBe('content/: hint: and 2 more .mdx files like these; rename them to .md too');
	});

	it('says nothing when every .mdx body uses MDX', () => {
		expect(markdownHints([session('SEC20', 'Text: {"a string"}.')], 'content')).toEqual([]);
	});
});
