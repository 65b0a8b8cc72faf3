import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { ELEMENT_NODE, TEXT_NODE, parse, type ElementNode, type Node } from 'ultrahtml';
import { afterEach, expect } from 'vitest';

// Renders components with Astro's Container API, as the build would, and reads the HTML back as a tree,
// so that the tests can look at what a reader (or a screen reader) gets: elements, attributes and text.

type Component = Parameters<AstroContainer['renderToString']>[0];
/** The props a component declares (astro check types an .astro import as a function of its Props). */
type PropsOf<C> = C extends (props: infer P extends object) => unknown ? P : never;

export interface RenderOptions {
	/** Address of the page the component is on (Astro.url); the container's default is http://localhost/. */
	readonly url?: string;
	/** The site's public address (Astro.site), as astro.config.mjs sets it from the event file. */
	readonly site?: string;
	readonly slots?: Readonly<Record<string, string>>;
	/** Render a whole page (with its doctype), not a fragment. */
	readonly page?: boolean;
}

const containers = new Map<string, Promise<AstroContainer>>();

function container(site: string | undefined): Promise<AstroContainer> {
	const key = site ?? '';
	let created = containers.get(key);
	if (!created) {
		created = AstroContainer.create(site ? { astroConfig: { site } } : {});
		containers.set(key, created);
	}
	return created;
}

/** The component's HTML for these props. */
export async function renderHtml<C extends Component>(component: C, props: PropsOf<C>, options: RenderOptions = {}): Promise<string> {
	return (await container(options.site)).renderToString(component, {
		// The container takes props as a plain record; a copy of the typed object is one.
		props: Object.fromEntries(Object.entries(props)),
		...(options.slots ? { slots: { ...options.slots } } : {}),
		...(options.url ? { request: new Request(options.url) } : {}),
		...(options.page ? { partial: false } : {}),
	});
}

/** HTML read as a tree of nodes. */
export function parseHtml(html: string): Node {
	return parse(html);
}

/** The component rendered and parsed. */
export async function render<C extends Component>(component: C, props: PropsOf<C>, options: RenderOptions = {}): Promise<Node> {
	return parseHtml(await renderHtml(component, props, options));
}

function isElement(node: Node): node is ElementNode {
	return node.type === ELEMENT_NODE;
}

function children(node: Node): readonly Node[] {
	const list: unknown = node['children'];
	return Array.isArray(list) ? list : [];
}

/** Every element under `root` (in document order) named `tag` and, if given, matching `where`. */
export function findAll(root: Node, tag: string, where: (element: ElementNode) => boolean = () => true): ElementNode[] {
	const found: ElementNode[] = [];
	const visit = (node: Node) => {
		if (isElement(node) && node.name === tag && where(node)) found.push(node);
		children(node).forEach(visit);
	};
	children(root).forEach(visit);
	return found;
}

/** The one element named `tag` (matching `where`) under `root`; fails the test when there are none or several. */
export function findOne(root: Node, tag: string, where?: (element: ElementNode) => boolean): ElementNode {
	const found = findAll(root, tag, where);
	expect(found, `exactly one <${tag}>`).toHaveLength(1);
	return found[0] as ElementNode;
}

/** The first element child of `node`. */
export function firstElement(node: Node): ElementNode | undefined {
	return children(node).find(isElement);
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references the HTML contains, as a browser does. */
export function decode(html: string): string {
	return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
		return entities[name.toLowerCase()] ?? reference;
	});
}

/** The text a reader gets from `node`: character references decoded, runs of white space collapsed. */
export function textOf(node: Node): string {
	const raw = (current: Node): string => (current.type === TEXT_NODE ? String(current['value']) : children(current).map(raw).join(''));
	return decode(raw(node)).replace(/\s+/g, ' ').trim();
}

/** An attribute's value as the browser reads it, or undefined when the element does not have it. */
export function attr(element: ElementNode, name: string): string | undefined {
	const value = element.attributes[name];
	return value === undefined ? undefined : decode(value);
}

/**
 * Sets the TZ of this test process (Node applies a change at run time) and checks that it took effect,
 * by the offset on 1 January 2020 in minutes west of UTC as Date#getTimezoneOffset gives it.
 * The original TZ comes back after each test of a file that calls this.
 */
export function runIn(timezone: string, minutesWestOnNewYear: number): void {
	process.env['TZ'] = timezone;
	expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(minutesWestOnNewYear);
}

/** Restores the process TZ after each test of the calling file. */
export function restoreTimezoneAfterEach(): void {
	const original = process.env['TZ'];
	afterEach(() => {
		if (original === undefined) delete process.env['TZ'];
		else process.env['TZ'] = original;
	});
}
