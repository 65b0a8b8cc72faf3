import { LineCounter, parseDocument, visit, type YAMLError } from 'yaml';

/** Where a YAML mistake is, counted in the YAML text (1-based), and what it is in an editor's words. */
export interface YamlMistake {
	readonly line: number;
	readonly column: number;
	readonly message: string;
}

/**
 * Parses editors' YAML as data and nothing else, the one YAML parser of the check and the build:
 * - YAML 1.2 core schema: `2020-02-30` and `09:00` stay text for the schemas to judge (YAML 1.1 turned the first
 *   into 1 March and needed quotes around the second); `yes` is text, not true.
 * - No aliases (`*name`): they add nothing an editor needs, and a 1 KB file of nested aliases ("billion laughs")
 *   expands to gigabytes. No custom tags, no merge keys, no duplicate keys (the second silently won).
 * - Deep nesting is an error from the parser, not a stack overflow of the build.
 */
export function parseYamlText(text: string): { data: unknown } | { mistake: YamlMistake } {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { schema: 'core', merge: false, uniqueKeys: true, lineCounter, prettyErrors: false });
	const multiline = document.errors.find((error) => error.code === 'MULTILINE_IMPLICIT_KEY');
	if (multiline && document.errors[0]?.code === 'BLOCK_AS_IMPLICIT_KEY') {
		// "country: Canada" followed by "  timezone: …": the mistake is the indented line, where the range ends.
		const { line } = lineCounter.linePos(multiline.pos[1]);
		const column = (text.split('\n')[line - 1]?.search(/\S/) ?? 0) + 1;
		return {
			mistake: { line, column, message: 'this field is indented under a field that already has a value; indent it like the field above' },
		};
	}
	const [error] = [...document.errors, ...document.warnings];
	if (error) return { mistake: fromYamlError(error, lineCounter) };
	let alias: YamlMistake | undefined;
	visit(document, {
		Alias(_, node) {
			const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
			alias = {
				line,
				column: col,
				message: `*${node.source} repeats another value by alias, which content may not do (a few nested aliases can make a file gigabytes long); write the value out`,
			};
			return visit.BREAK;
		},
	});
	if (alias) return { mistake: alias };
	return { data: document.toJS({ maxAliasCount: 0 }) };
}

function fromYamlError(error: YAMLError, lineCounter: LineCounter): YamlMistake {
	const { line, col } = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
	// yaml's messages end with " at line L, column C" (and a code frame); we say where ourselves.
	const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
	return { line, column: col, message: hint(error.code, reason) };
}

function hint(code: string, reason: string): string {
	switch (code) {
		case 'DUPLICATE_KEY':
			return `${reason}: a field is written twice; keep one`;
		case 'TAG_RESOLVE_FAILED':
			return `${reason}: tags (!name) are not used in content; remove it`;
		case 'BLOCK_AS_IMPLICIT_KEY':
			return `${reason}: a value that contains ": " needs quotes, e.g. title: "Teams: chat"`;
		case 'BAD_INDENT':
		case 'MISSING_CHAR':
			return `${reason} (check the indentation and that every field is "name: value")`;
		default:
			return /call stack/i.test(reason) ? 'nests lists or maps too deeply; write the value flat' : reason;
	}
}
