import type { Session } from '../catalog/types';

/**
 * Plain text of a Markdown/MDX abstract, for formats that cannot carry markup (frab schedules, calendar
 * descriptions): no MDX import/export blocks, no JSX/HTML tags, links reduced to their text, no emphasis,
 * heading, blockquote or code markers. Paragraphs stay apart ("\n\n"), list items keep a line each
 * ("- item"); every other run of white space becomes one space.
 */
export function markdownToPlainText(markdown: string): string {
	// Escaped characters and code spans are literal text: they are parked where no rule below can see them.
	const parked: string[] = [];
	const park = (text: string) => `\uE000${parked.push(text) - 1}\uE001`;

	const text = markdown
		.replace(/\r\n?/g, '\n')
		.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, (_, char: string) => park(char))
		// An MDX ESM block runs from an import/export line to the next blank line.
		.replace(/^(?:import\s+(?:[\w*{}\s,]+\s+from\s+)?['"]|export\s+(?:const|let|var|function|default|\{|\*)).*(?:\n.*\S.*)*/gm, '')
		.replace(/^[ \t]*(?:```|~~~).*$/gm, '')
		.replace(/(`+)([\s\S]*?)\1/g, (_, _ticks: string, code: string) => park(code.replace(/\s+/g, ' ').trim()))
		.replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g, '')
		.replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
		.replace(/<\/?[A-Za-z][^<>]*>/g, '')
		.replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
		.replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
		.replace(/^[ \t]*\[[^\]]+\]:[ \t]+\S.*$/gm, '')
		.replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
		.replace(/^[ \t]*#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '$1')
		.replace(/^[ \t]*(?:[-*_=][ \t]*){3,}$/gm, '')
		// List items are marked so that they keep their own line when the paragraph is joined.
		.replace(/^[ \t]*[-*+][ \t]+/gm, '\uE002- ')
		.replace(/^[ \t]*(\d+[.)])[ \t]+/gm, '\uE002$1 ')
		.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
		.replace(/\*(?=\S)([^*\n]*?\S)\*/g, '$1')
		.replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
		.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');

	return text
		.split(/\n[ \t]*\n/)
		.map((paragraph) =>
			paragraph
				.split('\uE002')
				.map((line) => line.replace(/\s+/g, ' ').trim())
				.filter((line) => line !== '')
				.join('\n'),
		)
		.filter((paragraph) => paragraph !== '')
		.join('\n\n')
		.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => entities[name] ?? '')
		.replace(/\uE000(\d+)\uE001/g, (_, index: string) => parked[Number(index)] ?? '');
}

const entities: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	'#39': "'",
	apos: "'",
	nbsp: '\u00a0',
};

const abstractTexts = new WeakMap<Session, string>();

/** A session's abstract as plain text, for calendars, schedules and links; computed once per session. */
export function abstractText(session: Session): string {
	let text = abstractTexts.get(session);
	if (text === undefined) {
		text = markdownToPlainText(session.abstract);
		abstractTexts.set(session, text);
	}
	return text;
}
