import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { Position } from 'unist';
import { htmlToHast } from 'satteri';
import { isSiteImagePath } from '../schemas/fields';
import { literalValue, shorten } from './mdx-check';

/**
 * What a body (`.md` or `.mdx`) may put in a page: one allow-list of elements, attributes and URLs, applied to
 * the rendered tree (hast) whatever syntax produced it (Markdown, HTML, MDX JSX). The build's Markdown
 * processor runs it on every body (astro.config.mjs) and stops on anything it would drop; the catalog runs it
 * on every body for `npm run check`, which reports each drop at its line and column. README: "What a body may
 * contain".
 */

/** Video players a body may embed, by URL prefix. The site's Content-Security-Policy allows their origins. */
export const videoPlayers = [
	'https://www.youtube-nocookie.com/embed/',
	'https://www.youtube.com/embed/',
	'https://player.vimeo.com/video/',
];

export const videoOrigins = [...new Set(videoPlayers.map((prefix) => new URL(prefix).origin))];

/** Markdown features of the site's processor (astro.config.mjs), so that the check parses what the build parses. */
export const bodyFeatures = { gfm: true, smartPunctuation: true } as const;

/** The features astro.config.mjs gives the processor: raw HTML is parsed into elements for the allow-list to read. */
export const processorFeatures = { ...bodyFeatures, rawHtml: true } as const;

/** Most nested elements a body may have (lists in lists, quotes in quotes): deeper is a mistake or an attack. */
export const maxBodyDepth = 32;

const globalAttributes = ['title', 'lang', 'dir', 'id', 'class'];

/** Elements, each with the attributes it may carry besides the global ones. */
const allowedElements: Readonly<Record<string, readonly string[]>> = {
	a: ['href', 'hreflang', 'aria-label', 'aria-describedby', 'data-footnote-ref', 'data-footnote-backref'],
	abbr: [],
	b: [],
	bdi: [],
	bdo: [],
	blockquote: ['cite'],
	br: [],
	caption: [],
	cite: [],
	code: [],
	dd: [],
	del: ['cite', 'datetime'],
	details: ['open'],
	dfn: [],
	div: [],
	dl: [],
	dt: [],
	em: [],
	figcaption: [],
	figure: [],
	h1: [],
	h2: [],
	h3: [],
	h4: [],
	h5: [],
	h6: [],
	hr: [],
	i: [],
	iframe: ['src', 'width', 'height', 'allowfullscreen'],
	img: ['src', 'alt', 'width', 'height', 'loading'],
	input: ['type', 'checked', 'disabled'],
	ins: ['cite', 'datetime'],
	kbd: [],
	li: ['value'],
	mark: [],
	ol: ['start', 'reversed', 'type'],
	p: [],
	pre: ['data-language'],
	q: ['cite'],
	rp: [],
	rt: [],
	ruby: [],
	s: [],
	samp: [],
	section: ['data-footnotes'],
	small: [],
	span: ['aria-hidden'],
	strong: [],
	sub: [],
	summary: [],
	sup: [],
	table: [],
	tbody: [],
	td: ['colspan', 'rowspan'],
	tfoot: [],
	th: ['colspan', 'rowspan', 'scope', 'abbr'],
	thead: [],
	time: ['datetime'],
	tr: [],
	u: [],
	ul: [],
	var: [],
	wbr: [],
};

/** Not allowed, and their content goes with them (code, styles, embedded documents, forms' controls). */
const droppedWithContent = new Set(
	'script style template noscript object embed applet svg math textarea select option title head meta link base frame frameset noembed noframes xmp plaintext canvas audio video source track dialog portal slot iframe'.split(
		' ',
	),
);

/** Classes a body may use, per element: those Markdown and the code highlighter produce. Others belong to the site's design. */
const allowedClasses: Readonly<Record<string, RegExp>> = {
	pre: /^language-[\w+#.-]+$/,
	code: /^language-[\w+#.-]+$/,
	span: /^[a-z][a-z0-9-]*$/, // Prism's "token keyword": only together with "token", and only inside <code>
	ul: /^contains-task-list$/,
	ol: /^contains-task-list$/,
	li: /^task-list-item$/,
	section: /^footnotes$/,
	h2: /^sr-only$/,
	a: /^data-footnote-backref$/,
	td: /^align-(left|center|right)$/,
	th: /^align-(left|center|right)$/,
};

const attributeValues: Readonly<Record<string, RegExp>> = {
	dir: /^(ltr|rtl|auto)$/,
	lang: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/,
	hreflang: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/,
	id: /^(user-content-[\w-]+|footnote-label)$/,
	width: /^\d{1,4}$/,
	height: /^\d{1,4}$/,
	loading: /^(lazy|eager)$/,
	start: /^-?\d{1,6}$/,
	value: /^-?\d{1,6}$/,
	type: /^(1|a|A|i|I|checkbox)$/,
	colspan: /^\d{1,3}$/,
	rowspan: /^\d{1,3}$/,
	scope: /^(row|col|rowgroup|colgroup)$/,
	'data-language': /^[\w+#.-]+$/,
	'aria-hidden': /^(true|false)$/,
};

/** One thing the allow-list took out, and where: `kind: 'code'` for MDX code, which src/catalog/mdx-check.ts explains. */
export interface Dropped {
	readonly message: string;
	readonly position: Position | undefined;
	readonly kind: 'markup' | 'code';
}

type Attribute = readonly [name: string, value: string | true];
type AnyNode = RootContent | Root | { type: string; [key: string]: unknown };

/**
 * Returns the tree with only what the allow-list allows, and reports each thing it took out. Works on plain hast
 * trees (`markdownToHast`, `mdxToHast`, a processor's tree): elements, text, raw HTML (parsed here), and MDX
 * JSX elements, expressions and ESM, which become plain elements and text or go.
 */
export function sanitiseBody(root: Root, report: (dropped: Dropped) => void): Root {
	const clean: Root = { type: 'root', children: cleanChildren(root.children as AnyNode[], 0, root.position, report) as RootContent[] };
	nameHeadings(clean);
	return clean;
}

/**
 * Gives each heading without an id `user-content-<slug of its text>`, as GitHub does: the processor would give
 * it the bare slug, and "## Main" or "## Bio" would then clash with the page's own `#main` and `#bio`.
 */
function nameHeadings(root: Root): void {
	const used = new Map<string, number>();
	const walk = (nodes: readonly RootContent[] | readonly ElementContent[]) => {
		for (const node of nodes) {
			if (node.type !== 'element') continue;
			if (/^h[1-6]$/.test(node.tagName) && node.properties['id'] === undefined) {
				const slug = textOf(node)
					.toLowerCase()
					.replace(/[^\p{L}\p{N}\s_-]/gu, '')
					.trim()
					.replace(/\s+/g, '-');
				const seen = used.get(slug) ?? 0;
				used.set(slug, seen + 1);
				node.properties['id'] = `user-content-${slug || 'section'}${seen > 0 ? `-${seen}` : ''}`;
			}
			walk(node.children);
		}
	};
	walk(root.children);
}

function textOfNodes(nodes: readonly AnyNode[]): string {
	return nodes.map((node) => (node.type === 'text' ? String((node as { value: unknown }).value) : '')).join('');
}

function textOf(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** `inCode`: inside a `<code>` element, where the highlighter's classes (`token keyword`) may appear. */
function cleanChildren(
	nodes: readonly AnyNode[],
	depth: number,
	at: Position | undefined,
	report: (dropped: Dropped) => void,
	inCode = false,
): ElementContent[] {
	return nodes.flatMap((node) => cleanNode(node, depth, (node as { position?: Position }).position ?? at, report, inCode));
}

function cleanNode(
	node: AnyNode,
	depth: number,
	at: Position | undefined,
	report: (dropped: Dropped) => void,
	inCode: boolean,
): ElementContent[] {
	const drop = (message: string, kind: Dropped['kind'] = 'markup'): [] => {
		report({ message, position: at, kind });
		return [];
	};
	switch (node.type) {
		case 'text':
			return [{ type: 'text', value: String((node as { value: unknown }).value) }];
		case 'comment':
			return []; // an editor's note, invisible in a page anyway
		case 'doctype':
			return drop('<!doctype> belongs to the page, not to a body; remove it');
		case 'raw': {
			// HTML kept as text by a processor that does not parse it: parse it here, so nothing passes unread.
			const fragment = htmlToHast(String((node as { value: unknown }).value), { fragment: true }) as Root;
			return cleanChildren(fragment.children as AnyNode[], depth, at, report, inCode);
		}
		case 'element': {
			const element = node as Element;
			return cleanElement(element.tagName.toLowerCase(), attributesOf(element.properties), element.children, depth, at, report, inCode);
		}
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement': {
			const jsx = node as unknown as { name: string | null; attributes: readonly JsxAttribute[]; children: AnyNode[] };
			const name = jsx.name ?? '';
			if (name === '' || /^[A-Z]/.test(name) || /[.:]/.test(name)) {
				return drop(`<${name}> is a component, and content may use only the components listed in src/catalog/mdx-check.ts`, 'code');
			}
			const attributes: Attribute[] = [];
			for (const attribute of jsx.attributes) {
				const value = jsxAttributeValue(attribute);
				if (value === undefined) drop(`<${name}> has an attribute whose value is code`, 'code');
				else if (value !== null) attributes.push(value);
			}
			return cleanElement(name.toLowerCase(), attributes, jsx.children as ElementContent[], depth, at, report, inCode);
		}
		case 'mdxFlowExpression':
		case 'mdxTextExpression': {
			const value = literalValue(String((node as { value: unknown }).value));
			if (value === undefined) return drop('an expression in braces is code', 'code');
			return typeof value === 'string' || typeof value === 'number' ? [{ type: 'text', value: String(value) }] : [];
		}
		case 'mdxjsEsm':
			return drop('import and export are code', 'code');
		default:
			return drop(`a ${node.type} node is not something a body can contain`);
	}
}

type JsxAttribute =
	| { type: 'mdxJsxAttribute'; name: string; value: string | null | { type: string; value: string } }
	| { type: 'mdxJsxExpressionAttribute'; value: string };

/** An MDX JSX attribute as [name, value], null to leave out (`{false}`, `{null}`), undefined when it is code. */
function jsxAttributeValue(attribute: JsxAttribute): Attribute | null | undefined {
	if (attribute.type !== 'mdxJsxAttribute') return undefined;
	const name = attribute.name === 'className' ? 'class' : attribute.name === 'htmlFor' ? 'for' : attribute.name;
	if (attribute.value === null) return [name, true];
	if (typeof attribute.value === 'string') return [name, attribute.value];
	const value = literalValue(attribute.value.value);
	if (value === undefined) return undefined;
	if (value === false || value === null) return null;
	return [name, value === true ? true : String(value)];
}

function cleanElement(
	tag: string,
	attributes: readonly Attribute[],
	children: readonly AnyNode[],
	depth: number,
	at: Position | undefined,
	report: (dropped: Dropped) => void,
	inCode: boolean,
): ElementContent[] {
	const drop = (message: string, kind: Dropped['kind'] = 'markup') => report({ message, position: at, kind });
	if (depth >= maxBodyDepth) {
		drop(`elements nest more than ${maxBodyDepth} deep here (lists in lists, quotes in quotes); flatten the text`);
		return [];
	}
	const allowed = allowedElements[tag];
	if (!allowed || droppedWithContent.has(tag)) {
		if (tag === 'iframe') {
			const src = attributes.find(([name]) => name === 'src')?.[1];
			if (typeof src === 'string' && isVideoPlayer(src)) return [cleanVideo(attributes, at, report)];
			drop(
				`<iframe${typeof src === 'string' ? ` src="${shorten(src)}"` : ''}> may only embed a video player: a URL starting with ${videoPlayers.join(', ')}`,
			);
			return [];
		}
		drop(elementMessage(tag));
		return droppedWithContent.has(tag) ? [] : cleanChildren(children, depth, at, report, inCode);
	}
	const properties: Properties = {};
	const classes: string[] = [];
	for (const [name, value] of attributes) {
		const lower = name.toLowerCase();
		if (lower.includes(':')) {
			drop(`<${tag} ${name}> is an Astro directive`, 'code');
			continue;
		}
		if (lower === 'style' && (tag === 'td' || tag === 'th')) {
			// GFM tables align columns with a style attribute, which a strict CSP blocks: a class says the same.
			const align = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/.exec(String(value))?.[1];
			if (align) {
				classes.push(`align-${align}`);
				continue;
			}
		}
		const problem = attributeProblem(tag, lower, value, allowed);
		if (problem) {
			drop(problem);
			continue;
		}
		if (lower === 'class') classes.push(...String(value).split(/\s+/).filter(Boolean));
		else properties[propertyName(lower)] = value === true ? true : value;
	}
	const keptClasses = classes.filter(
		(name) =>
			classAllowed(tag, name, classes, inCode) &&
			// The footnotes' hidden heading, as the processor writes it; elsewhere "sr-only" would hide text from sight.
			(name !== 'sr-only' || (properties['id'] === 'footnote-label' && textOfNodes(children) === 'Footnotes')),
	);
	for (const name of classes.filter((name) => !keptClasses.includes(name))) {
		drop(`<${tag} class="${shorten(name)}">: class names belong to the site's design, a body may not use them; remove it`);
	}
	if (keptClasses.length > 0) properties['className'] = keptClasses;
	if (tag === 'input' && properties['type'] !== 'checkbox') {
		drop('<input> is allowed only as the checkbox of a task list ("- [ ] task"); remove it');
		return [];
	}
	if (tag === 'a' && typeof properties['href'] === 'string' && isOutsideLink(properties['href'])) properties['rel'] = ['noopener'];
	return [
		{ type: 'element', tagName: tag, properties, children: cleanChildren(children, depth + 1, at, report, inCode || tag === 'code') },
	];
}

function cleanVideo(attributes: readonly Attribute[], at: Position | undefined, report: (dropped: Dropped) => void): Element {
	const properties: Properties = {};
	for (const [name, value] of attributes) {
		const problem = attributeProblem('iframe', name.toLowerCase(), value, allowedElements['iframe'] ?? []);
		if (problem) report({ message: problem, position: at, kind: 'markup' });
		else properties[propertyName(name.toLowerCase())] = value;
	}
	if (typeof properties['title'] !== 'string' || properties['title'].trim() === '') {
		report({
			message: '<iframe> needs a title that says what the video is, e.g. title="Keynote, 13 Feb 2020"',
			position: at,
			kind: 'markup',
		});
	}
	// The player runs in its own origin with as little as it needs; the page's CSP allows only these hosts.
	return {
		type: 'element',
		tagName: 'iframe',
		properties: {
			...properties,
			sandbox: ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'],
			allow: 'fullscreen; picture-in-picture; encrypted-media',
			loading: 'lazy',
			referrerPolicy: 'strict-origin-when-cross-origin',
		},
		children: [],
	};
}

function attributeProblem(tag: string, name: string, value: string | true, allowed: readonly string[]): string | undefined {
	if (/^on/.test(name)) return `<${tag} ${name}> is an event handler, a script, which content may not run; remove it`;
	if (name === 'style') return `<${tag} style> is an inline style, which the site's Content-Security-Policy blocks; remove it`;
	if (!globalAttributes.includes(name) && !allowed.includes(name)) {
		return `<${tag} ${name}> is not an attribute a body may use (see "What a body may contain" in the README); remove it`;
	}
	const text = value === true ? '' : value;
	if (name === 'href' || name === 'cite') {
		return linkAllowed(text)
			? undefined
			: `<${tag} ${name}="${shorten(text)}"> links with a scheme other than https:, http: or mailto:; link to a web page or write the address as text`;
	}
	if (name === 'src' && tag === 'img') {
		return imageAllowed(text) ? undefined : imageMessage(text);
	}
	if (name === 'src' && tag === 'iframe') return undefined; // checked by the caller against videoPlayers
	if (name === 'id')
		return attributeValues['id']?.test(text)
			? undefined
			: `<${tag} id="${shorten(text)}">: ids in a body could clash with the page's own (headings get theirs automatically); remove it`;
	const pattern = attributeValues[name];
	if (pattern && !pattern.test(text)) return `<${tag} ${name}="${shorten(text)}"> is not a value this attribute may have; fix or remove it`;
	return undefined;
}

function imageMessage(src: string): string {
	const url = browserUrl(src);
	if (schemeOf(url) !== undefined || /^[/\\]{2}/.test(url)) {
		return `<img src="${shorten(src)}"> loads an image from another site, which the site's Content-Security-Policy blocks (and which would tell that site who reads the page); put the image in public/ and write its path, e.g. /images/photo.jpg`;
	}
	return `<img src="${shorten(src)}"> is not a path of this site to a .png, .jpg, .gif, .webp or .avif image; put the image in public/ and write its path from the site's root, e.g. /images/photo.jpg`;
}

function classAllowed(tag: string, name: string, all: readonly string[], inCode: boolean): boolean {
	const pattern = allowedClasses[tag];
	if (!pattern?.test(name)) return false;
	// The highlighter's spans live inside code; elsewhere a "token sr-only" would borrow the site's classes.
	return tag !== 'span' || (inCode && all.includes('token'));
}

function elementMessage(tag: string): string {
	if (tag === 'script')
		return '<script> is a script, which content may not run (the site runs under a strict Content-Security-Policy); show code in a code block instead';
	if (tag === 'style' || tag === 'link')
		return `<${tag}> would restyle the site or load a stylesheet; remove it (the site's design comes from its own CSS)`;
	if (tag === 'base' || tag === 'meta') return `<${tag}> changes how the whole page behaves (where its links go, redirects); remove it`;
	if (tag === 'form' || tag === 'button' || tag === 'textarea' || tag === 'select')
		return `<${tag}> is a form control, which a body may not have; link to the form instead`;
	return `<${tag}> is not an element a body may use (see "What a body may contain" in the README); remove it or write Markdown`;
}

/** The URL as a browser reads it: tabs and line breaks removed, leading and trailing spaces and controls trimmed. */
function browserUrl(value: string): string {
	return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

function schemeOf(url: string): string | undefined {
	return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
}

function linkAllowed(value: string): boolean {
	const scheme = schemeOf(browserUrl(value));
	return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

function imageAllowed(value: string): boolean {
	return isSiteImagePath(browserUrl(value));
}

function isOutsideLink(value: string): boolean {
	const url = browserUrl(value);
	return /^https?:/i.test(url) || /^[/\\]{2}/.test(url);
}

function isVideoPlayer(value: string): boolean {
	const url = browserUrl(value);
	// No dot segments or encoded separators: `/embed/../../redirect?…` would leave the player for the host's other pages.
	return videoPlayers.some((prefix) => url.startsWith(prefix)) && !/[\\\s"'<>]|\/\.\.?(\/|$|\?|#)|%2e|%2f|%5c/i.test(url);
}

/** hast property names of the attributes the allow-list keeps (class is handled apart). */
const propertyNames: Readonly<Record<string, string>> = {
	colspan: 'colSpan',
	rowspan: 'rowSpan',
	datetime: 'dateTime',
	hreflang: 'hrefLang',
	allowfullscreen: 'allowFullScreen',
	'aria-label': 'ariaLabel',
	'aria-describedby': 'ariaDescribedBy',
	'aria-hidden': 'ariaHidden',
	'data-footnote-ref': 'dataFootnoteRef',
	'data-footnote-backref': 'dataFootnoteBackref',
	'data-footnotes': 'dataFootnotes',
	'data-language': 'dataLanguage',
};

function propertyName(attribute: string): string {
	return propertyNames[attribute] ?? attribute;
}

/** The attributes of a hast element by their HTML names (`className` → `class`, `onError` → `onerror`). */
function attributesOf(properties: Properties | undefined): Attribute[] {
	return Object.entries(properties ?? {}).flatMap(([property, value]): Attribute[] => {
		if (value === false || value === null || value === undefined) return [];
		const text = value === true ? true : Array.isArray(value) ? value.join(' ') : String(value);
		return [[attributeName(property), text]];
	});
}

const attributeNames: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(propertyNames).map(([attribute, property]) => [property, attribute]),
);

function attributeName(property: string): string {
	const listed = attributeNames[property];
	if (listed !== undefined) return listed;
	if (property === 'className') return 'class';
	if (property === 'htmlFor') return 'for';
	if (property === 'httpEquiv') return 'http-equiv';
	if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
	return property.toLowerCase();
}
