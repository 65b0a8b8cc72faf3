import type { APIRoute } from 'astro';
import { catalog } from '../site/catalog';

// Track colours come from content; a stylesheet (not style attributes) keeps a strict CSP possible.
export const GET: APIRoute = () => {
	const rules = catalog.tracks
		.filter((track) => track.color)
		.map((track) => `.track-${track.id}{--track:${track.color}}`)
		.join('\n');
	return new Response(`${rules}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
