import type { APIRoute, GetStaticPaths } from 'astro';
import { catalog } from '../site/catalog';
import { ogImage, prepareOgImages } from '../site/og-images';
import { cityCard, pathCard, sessionCard, type OgCard } from '../presentation/og-card';
import { cityUrl, ogImagePath, pathUrl, sessionUrl } from '../presentation/urls';

// The share pictures, /og/sessions/soys10.png, from a rest route at the top (not src/pages/og/): Astro renders
// routes in its priority order, and a top-level rest route comes last, so the worker threads that draw the
// pictures (src/site/og-images.ts) have every page's rendering time to do it before a picture is waited for.

/** `og/sessions/soys10` for `/og/sessions/soys10.png`, as ogImagePath() names it for BaseLayout's og:image. */
const pictureOf = (pagePath: string) => ogImagePath(pagePath).replace(/^\/|\.png$/g, '');

export const getStaticPaths = (() => {
	const paths = [
		...catalog.sessions.map((session) => ({
			params: { picture: pictureOf(sessionUrl(session)) },
			props: { card: sessionCard(catalog.event, session) },
		})),
		...catalog.paths.map((path) => ({ params: { picture: pictureOf(pathUrl(path)) }, props: { card: pathCard(catalog.event, path) } })),
		...catalog.cities.map((city) => ({ params: { picture: pictureOf(cityUrl(city)) }, props: { card: cityCard(catalog.event, city) } })),
	];
	// A build lists every route's paths before it renders any page: the pictures are drawn meanwhile, in worker
	// threads. The dev server lists them on each request and draws only the one asked for (MODE, not PROD: PROD
	// follows NODE_ENV and is false in test builds).
	if (import.meta.env.MODE !== 'development') prepareOgImages(paths.map(({ props }) => props.card));
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) =>
	new Response(new Uint8Array(await ogImage(props.card)), { headers: { 'Content-Type': 'image/png' } });
