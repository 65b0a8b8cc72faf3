import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDirectory, contentFolders, entryPattern, eventFile, tracksFile } from './loaders/content-files';
import { yamlDocument } from './loaders/yaml-document';

// The schemas in src/schemas/ are applied by the catalog (src/catalog/build.ts), not here: Astro stops at
// the first invalid entry and names its id, not its file, while editors need every problem with file and field.
const root = contentDirectory();
const entries = (folder: string) => glob({ pattern: entryPattern, base: `./${root}/${folder}`, generateId: ({ entry }) => entry });

export const collections = {
	event: defineCollection({ loader: yamlDocument(`${root}/${eventFile}`) }),
	tracks: defineCollection({ loader: yamlDocument(`${root}/${tracksFile}`) }),
	sessions: defineCollection({ loader: entries(contentFolders.sessions) }),
	paths: defineCollection({ loader: entries(contentFolders.paths) }),
	cities: defineCollection({ loader: entries(contentFolders.cities) }),
	speakers: defineCollection({ loader: entries(contentFolders.speakers) }),
};
