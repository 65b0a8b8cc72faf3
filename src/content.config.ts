import { defineCollection } from 'astro:content';
import { eventFile, tracksFile } from './loaders/content-files';
import { contentEntries } from './loaders/entries';
import { yamlDocument } from './loaders/yaml-document';

// The schemas in src/schemas/ are applied by the catalog (src/catalog/build.ts), not here: Astro stops at
// the first invalid entry and names its id, not its file, while editors need every problem with file and field.

export const collections = {
	event: defineCollection({ loader: yamlDocument(eventFile) }),
	tracks: defineCollection({ loader: yamlDocument(tracksFile) }),
	sessions: defineCollection({ loader: contentEntries('sessions') }),
	paths: defineCollection({ loader: contentEntries('paths') }),
	cities: defineCollection({ loader: contentEntries('cities') }),
	speakers: defineCollection({ loader: contentEntries('speakers') }),
};
