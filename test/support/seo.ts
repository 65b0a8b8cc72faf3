import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// Reading what a page tells search engines and link previews: its JSON-LD, its head tags, and XML files.

const schemaFile = fileURLToPath(new URL('../schemas/json-ld.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id: string };

export type PageKind = 'sessionPage' | 'cityPage' | 'homePage' | 'speakerPage';

let ajv: Ajv2020 | undefined;
const validators = new Map<PageKind, ValidateFunction>();

/** Every way `data` breaks test/schemas/json-ld.schema.json for this kind of page, as "<path> <message>"; empty when valid. */
export function jsonLdProblems(kind: PageKind, data: unknown): string[] {
	if (!ajv) {
		// Tuples on purpose (a city page's graph is the series, then any number of deliveries), and required fields
		// whose type comes from an allOf beside them.
		ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false, strictRequired: false });
		addFormats(ajv);
		ajv.addSchema(schema);
	}
	let validate = validators.get(kind);
	if (!validate) {
		validate = ajv.getSchema(`${schema.$id}#/$defs/${kind}`);
		if (!validate) throw new Error(`no $defs/${kind} in ${schemaFile}`);
		validators.set(kind, validate);
	}
	if (validate(data)) return [];
	return (validate.errors ?? []).map(
		(error) => `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
	);
}

/**
 * The raw texts of a page's <script type="application/ld+json"> blocks. `[^<]*` is on purpose: the writer escapes
 * every "<", so a block that holds one would not be matched whole, and the test that counts blocks notices.
 */
export function jsonLdTexts(html: string): string[] {
	return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((match) => match[1] ?? '');
}

/** The one JSON-LD block of a page, parsed; undefined when there is none. */
export function jsonLdOf(html: string): unknown {
	const texts = jsonLdTexts(html);
	if (texts.length > 1) throw new Error(`${texts.length} JSON-LD blocks in one page`);
	return texts[0] === undefined ? undefined : JSON.parse(texts[0]);
}

/** What a page's <head> says: title, meta by name or property, links by rel (entities decoded by the parser). */
export interface HeadFacts {
	readonly title: string | undefined;
	readonly meta: ReadonlyMap<string, string[]>;
	readonly links: readonly Readonly<Record<string, string>>[];
}

export function headOf(html: string): HeadFacts {
	const head = (html.match(/<head>[\s\S]*?<\/head>/) ?? [''])[0].replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '');
	const meta = new Map<string, string[]>();
	const links: Record<string, string>[] = [];
	// Read as the HTML tokenizer does: a double-quoted attribute value runs to the next quote, "<" and ">" included
	// (Astro leaves them as they are there); text content has "<" escaped.
	for (const [, tag = '', attributes = ''] of head.matchAll(/<(meta|link)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
		const values = Object.fromEntries(
			[...attributes.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map(([, name = '', value = '']) => [name, decode(value)]),
		);
		if (tag === 'link') links.push(values);
		const key = values['property'] ?? values['name'];
		if (tag === 'meta' && key !== undefined) meta.set(key, [...(meta.get(key) ?? []), values['content'] ?? '']);
	}
	const title = /<title>([^<]*)<\/title>/.exec(head)?.[1];
	return { title: title === undefined ? undefined : decode(title), meta, links };
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
/** Character references as a browser resolves them (ultrahtml keeps them as written). */
function decode(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
		return entities[name] ?? whole;
	});
}

/** Length as a reader counts characters: code points, not UTF-16 units. */
export const characters = (text: string) => Array.from(text).length;

/** Characters of text as HTML writes it (& < > " ' as entities): what html-validate's long-title limit counts. */
export const writtenCharacters = (text: string) =>
	characters(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));

/** `xmllint --noout` messages about an XML text: empty when it is well-formed. */
export function xmlProblems(xml: string): string[] {
	const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
	if (result.error) return [`xmllint could not run: ${result.error.message}`];
	return result.status === 0 ? [] : result.stderr.split('\n').filter((line) => line.trim() !== '');
}
