import { mdxToMdast, type MdastNode, type MdxJsxAttributeUnion } from 'satteri';
import type { ProblemLog } from './errors';
import type { SourceFile } from './types';

/**
 * Components an `.mdx` body may import, by import path, with the name it must be imported as. Empty for now:
 * every other import would run code of the editor's choosing on the build machine. A component added here is
 * part of the editors' contract (README, "What a body may contain").
 */
export const allowedMdxImports: ReadonlyMap<string, string> = new Map();

/**
 * Content is data, not code: an `.mdx` body may use Markdown, HTML and allow-listed components, but no
 * `export`, no other `import`, and no expression other than a literal value or a comment, in text or in
 * attributes. Parsed with the MDX parser Astro's build uses (Sätteri), so that what it sees is what would run.
 * Reported before any MDX module is evaluated: the catalog is built before any page renders a body.
 */
export function checkMdxBody(file: SourceFile, problems: ProblemLog): void {
	if (!file.filePath.endsWith('.mdx') || !file.body) return;
	const at = problems.in(file.filePath);
	let tree: MdastNode;
	try {
		tree = mdxToMdast(file.body);
	} catch (error) {
		// The build would stop on the same text; the check says where, why and what to do.
		const message = error instanceof Error ? error.message : String(error);
		const position = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
		const place = position ? `at line ${Number(position[1]) + (file.bodyLine ?? 1) - 1}, column ${position[2]}: ` : '';
		at(
			'body',
			`${place}is not valid MDX: ${position?.[3] ?? message}; in .mdx, "<" starts a tag and "{" code: write &lt; and \\{ for the characters, or rename the file to .md`,
		);
		return;
	}
	const where = (node: MdastNode, lineInNode = 0) => {
		const start = node.position?.start;
		if (!start) return 'in the text';
		return `at line ${start.line + lineInNode + (file.bodyLine ?? 1) - 1}, column ${lineInNode === 0 ? start.column : 1}`;
	};
	visit(tree, (node) => {
		switch (node.type) {
			case 'mdxjsEsm':
				for (const { line, message } of esmProblems(node.value)) at('body', `${where(node, line)}: ${message}`);
				return;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				if (!isLiteral(node.value)) {
					at(
						'body',
						`${where(node)}: {${shorten(node.value)}} is code, which content may not run; write the text itself, or write \\{ to show a brace`,
					);
				}
				return;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				for (const problem of elementProblems(node.name ?? '', node.attributes)) at('body', `${where(node)}: ${problem}`);
				return;
		}
	});
}

function elementProblems(name: string, attributes: readonly MdxJsxAttributeUnion[]): string[] {
	const problems: string[] = [];
	if (name === '') {
		problems.push('<> … </> is an MDX fragment, which groups components; remove the <> and </> around the text');
	} else if (/^[A-Z]/.test(name) || name.includes('.') || name.includes(':')) {
		problems.push(
			`<${name}> is a component, and only those listed in src/catalog/mdx-check.ts may be used (none are yet); write HTML or Markdown instead`,
		);
	}
	for (const attribute of attributes) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			problems.push(
				`<${name} {${shorten(attribute.value)}}> spreads code into attributes, which content may not run; write each attribute with a plain value`,
			);
			continue;
		}
		if (attribute.name.includes(':')) {
			problems.push(`<${name} ${attribute.name}> is an Astro directive, which content may not use; remove it`);
			continue;
		}
		const value = attribute.value;
		// Event handlers, URLs and the like are the allow-list's (src/catalog/body-policy.ts): here only code.
		if (typeof value === 'object' && value !== null && !isLiteral(value.value)) {
			problems.push(
				`<${name} ${attribute.name}={${shorten(value.value)}}> is code, which content may not run; write the value in quotes, e.g. ${attribute.name}="…"`,
			);
		}
	}
	return problems;
}

/** One problem per line of an import/export block that is not an allowed import, with the line within the block. */
function esmProblems(source: string): { line: number; message: string }[] {
	return source.split('\n').flatMap((text, line) => {
		const statement = text.trim();
		if (statement === '') return [];
		if (/^export\b/.test(statement)) {
			return [{ line, message: `"${shorten(statement)}": export runs code on the build machine, which content may not do; remove it` }];
		}
		const match = /^import\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])([^'"]+)\2\s*;?$/.exec(statement);
		if (match && allowedMdxImports.get(match[3] ?? '') === match[1]) return [];
		return [
			{
				line,
				message: `"${shorten(statement)}": content may import only the components listed in src/catalog/mdx-check.ts (none are yet), because an import runs code on the build machine; remove it`,
			},
		];
	});
}

// A string (a template without ${…} is one), a number, true, false or null, or only comments: the whole
// expression, nothing around it.
const comment = String.raw`\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/`;
const literal = String.raw`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\`(?:[^\`\\$]|\\.|\$(?!\{))*\`|-?\d+(?:\.\d+)?|true|false|null`;
const literalExpression = new RegExp(String.raw`^\s*(?:${comment}\s*)*(?:(${literal})\s*(?:${comment}\s*)*)?$`);

function isLiteral(expression: string): boolean {
	return literalExpression.test(expression);
}

/**
 * The value of an expression that is a literal (`"text"`, `'text'`, `42`, `true`, `null`; only comments: null),
 * read without evaluating anything; undefined when the expression is code.
 */
export function literalValue(expression: string): string | number | boolean | null | undefined {
	const match = literalExpression.exec(expression);
	if (!match) return undefined;
	const text = match[1];
	if (text === undefined || text === 'null') return null;
	if (text === 'true' || text === 'false') return text === 'true';
	if (/^-?\d/.test(text)) return Number(text);
	const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };
	return text.slice(1, -1).replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
		if (/^u\{/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
		if (/^[ux][0-9a-fA-F]/.test(escape)) return String.fromCharCode(parseInt(escape.slice(1), 16));
		return escapes[escape] ?? escape;
	});
}

/** One line of at most 60 characters, for quoting an editor's text in a message. */
export function shorten(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}

function visit(node: MdastNode, enter: (node: MdastNode) => void): void {
	enter(node);
	if ('children' in node) for (const child of node.children as readonly MdastNode[]) visit(child, enter);
}
