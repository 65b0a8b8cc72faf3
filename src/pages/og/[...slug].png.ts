import type { APIRoute, GetStaticPaths } from 'astro';
import { catalog } from '../../site/catalog';
import { ogImage } from '../../site/og-images';
import { cityCard, pathCard, sessionCard, type OgCard } from '../../presentation/og-card';
import { cityUrl, ogImagePath, pathUrl, sessionUrl } from '../../presentation/urls';

/** `/og/sessions/soys10.png` from the page's own URL, as ogImagePath() names it for BaseLayout's og:image. */
const slugOf = (pagePath: string) => ogImagePath(pagePath).replace(/^\/og\/|\.png$/g, '');

export const getStaticPaths = (() => [
	...catalog.sessions.map((session) => ({
		params: { slug: slugOf(sessionUrl(session)) },
		props: { card: sessionCard(catalog.event, session) },
	})),
	...catalog.paths.map((path) => ({ params: { slug: slugOf(pathUrl(path)) }, props: { card: pathCard(catalog.event, path) } })),
	...catalog.cities.map((city) => ({ params: { slug: slugOf(cityUrl(city)) }, props: { card: cityCard(catalog.event, city) } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) =>
	new Response(new Uint8Array(await ogImage(props.card)), { headers: { 'Content-Type': 'image/png' } });
