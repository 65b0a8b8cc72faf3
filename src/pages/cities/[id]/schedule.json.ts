import type { APIRoute, GetStaticPaths } from 'astro';
import type { City } from '../../../catalog';
import { catalog } from '../../../site/catalog';
import { citySchedule } from '../../../site/schedules';

export const getStaticPaths = (() => catalog.cities.map((city) => ({ params: { id: city.id }, props: { city } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ city: City }> = ({ props }) =>
	new Response(`${JSON.stringify(citySchedule(props.city), null, 1)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
