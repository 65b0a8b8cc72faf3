import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ELEMENT_NODE, parse, walkSync, type ElementNode, type Node } from 'ultrahtml';
import { listFiles } from './builds';

/** The attributes that hold one URL, and the one that holds a list (srcset: "url 2x, url 640w"). */
const urlAttributes = ['href', 'src', 'poster', 'action', 'data'] as const;
const listAttributes = ['srcset', 'imagesrcset'] as const;

/** Attribute values as the browser reads them: ultrahtml leaves character references as written. */
const named: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
		if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
		return named[ref.toLowerCase()] ?? whole;
	});
}

/** The address a built file is served at: folders' index.html at the folder, other files at their own name. */
function pageUrl(origin: string, file: string): URL {
	return new URL(
		file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`,
		origin,
	);
}

/** The built file a site URL's path is served from, or undefined: directory URLs serve their index.html. */
function fileFor(root: string, pathname: string): string | undefined {
	let path: string;
	try {
		path = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	const file = join(root, path);
	if (!file.startsWith(root)) return undefined;
	if (existsSync(file) && statSync(file).isFile()) return file;
	const index = join(file, 'index.html');
	return existsSync(index) ? index : undefined;
}

interface Reference {
	readonly page: string;
	readonly element: string;
	readonly attribute: string;
	readonly value: string;
	readonly url: URL;
}

/** Every URL an element of the page points at, resolved against the page's address (and a <base href>, if any). */
function references(page: string, html: string, origin: string): Reference[] {
	const document = parse(html) as Node;
	const elements: ElementNode[] = [];
	walkSync(document, (node) => {
		if (node.type === ELEMENT_NODE) elements.push(node as ElementNode);
	});
	const base = elements.find((element) => element.name === 'base' && element.attributes['href']);
	const baseUrl = new URL(decode(base?.attributes['href'] ?? ''), pageUrl(origin, page));
	const found: Reference[] = [];
	const add = (element: ElementNode, attribute: string, value: string) => {
		const trimmed = value.trim();
		if (trimmed === '') return;
		let url: URL;
		try {
			url = new URL(trimmed, baseUrl);
		} catch {
			found.push({ page, element: element.name, attribute, value, url: new URL('invalid:') });
			return;
		}
		found.push({ page, element: element.name, attribute, value, url });
	};
	for (const element of elements) {
		for (const attribute of urlAttributes) {
			const value = element.attributes[attribute];
			// <object data> is a URL; data-* attributes are not (ultrahtml keys them by their full name).
			if (value !== undefined && (attribute !== 'data' || element.name === 'object')) add(element, attribute, decode(value));
		}
		for (const attribute of listAttributes) {
			const value = element.attributes[attribute];
			if (value === undefined) continue;
			for (const candidate of decode(value).split(/,\s+|,(?=\S)/)) add(element, attribute, candidate.trim().split(/\s+/)[0] ?? '');
		}
	}
	return found;
}

/** The ids of a page, for fragment links to it. */
function ids(html: string): Set<string> {
	const found = new Set<string>();
	walkSync(parse(html) as Node, (node) => {
		if (node.type !== ELEMENT_NODE) return;
		const id = (node as ElementNode).attributes['id'];
		if (id !== undefined) found.add(decode(id));
	});
	return found;
}

/**
 * Every internal reference of a built site that does not resolve: to no file, or to a page without the fragment's
 * id. Internal means relative, or absolute to the site's own origin (`origin`, from the event's url).
 */
export function brokenReferences(root: string, origin: string): { checked: number; broken: string[] } {
	const files = listFiles(root);
	const idsOf = new Map<string, Set<string>>();
	const idsIn = (file: string) => {
		let known = idsOf.get(file);
		if (!known) idsOf.set(file, (known = ids(readFileSync(file, 'utf8'))));
		return known;
	};
	const broken: string[] = [];
	let checked = 0;
	for (const page of files.filter((file) => file.endsWith('.html'))) {
		for (const reference of references(page, readFileSync(join(root, page), 'utf8'), origin)) {
			const where = `${reference.page}: <${reference.element} ${reference.attribute}="${reference.value}">`;
			if (reference.url.protocol === 'invalid:') {
				broken.push(`${where} is not a URL`);
				continue;
			}
			if (reference.url.origin !== origin) continue;
			checked++;
			const target = fileFor(root, reference.url.pathname);
			if (!target) {
				broken.push(`${where}: no file for ${reference.url.pathname}`);
				continue;
			}
			const fragment = reference.url.hash.slice(1);
			if (fragment === '' || !target.endsWith('.html')) continue;
			let id: string;
			try {
				id = decodeURIComponent(fragment);
			} catch {
				id = fragment;
			}
			// "#top" goes to the top of a page without such an id (HTML's "scroll to the fragment").
			if (!idsIn(target).has(id) && id.toLowerCase() !== 'top')
				broken.push(`${where}: no element with id "${id}" on ${reference.url.pathname}`);
		}
	}
	return { checked, broken };
}
