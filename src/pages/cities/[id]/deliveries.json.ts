import type { APIRoute, GetStaticPaths } from 'astro';
import type { City } from '../../../catalog';
import { catalog } from '../../../site/catalog';
import { cityDeliveries } from '../../../presentation/city-deliveries';

// A city's agenda as the browser needs it (the catalog's cards with a city chosen; later "my schedule"): small,
// one file per city, never the whole catalog. Stable shape, documented in docs/architecture.md.
export const getStaticPaths = (() => catalog.cities.map((city) => ({ params: { id: city.id }, props: { city } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ city: City }> = ({ props }) =>
	new Response(`${JSON.stringify(cityDeliveries(props.city))}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
