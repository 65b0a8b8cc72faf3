import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { readFileSync } from 'node:fs';
import { buildCatalog, type SourceFile } from '../catalog';
import { bodyStartLine } from '../loaders/content-files';

// Built once per build at module level (like Starlight's routing utils) and shared by every page and endpoint.
const [event, tracks, sessions, paths, cities, speakers] = await Promise.all([
	getCollection('event'),
	getCollection('tracks'),
	getCollection('sessions'),
	getCollection('paths'),
	getCollection('cities'),
	getCollection('speakers'),
]);

function document(entries: readonly CollectionEntry<'event' | 'tracks'>[], name: string): SourceFile {
	const entry = entries[0];
	return { filePath: entry?.filePath ?? name, data: (entry?.data as { document?: unknown } | undefined)?.document };
}

function files(entries: readonly CollectionEntry<'sessions' | 'paths' | 'cities' | 'speakers'>[]): SourceFile[] {
	return entries.map((entry) => {
		const filePath = entry.filePath ?? entry.id;
		// Problems in a body name the file's line: where the body starts is read from the file itself.
		const bodyLine = bodyStartLine(readFileSync(filePath, 'utf8'));
		return { filePath, data: entry.data, body: entry.body, bodyLine };
	});
}

export const catalog = buildCatalog({
	event: document(event, 'event.yaml'),
	tracks: document(tracks, 'tracks.yaml'),
	sessions: files(sessions),
	paths: files(paths),
	cities: files(cities),
	speakers: files(speakers),
});

/** The public address of the site without a trailing slash, from content/event.yaml. */
export const siteUrl = catalog.event.url.replace(/\/+$/, '');

type BodyCollection = Exclude<CollectionKey, 'event' | 'tracks'>;
const entryByFile = new Map<string, CollectionEntry<BodyCollection>>(
	[...sessions, ...paths, ...cities, ...speakers].map((entry) => [entry.filePath ?? entry.id, entry]),
);

/** The collection entry of a content file, for `render()` of its Markdown/MDX body. */
export function entryOf(filePath: string): CollectionEntry<BodyCollection> {
	const entry = entryByFile.get(filePath);
	if (!entry) throw new Error(`${filePath}: no content entry; was the file renamed during the build?`);
	return entry;
}
