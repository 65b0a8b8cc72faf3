import type { APIRoute, GetStaticPaths } from 'astro';
import type { City } from '../../../catalog';
import { frabScheduleXml } from '../../../exports/frab-xml';
import { catalog } from '../../../site/catalog';
import { citySchedule } from '../../../site/schedules';

export const getStaticPaths = (() => catalog.cities.map((city) => ({ params: { id: city.id }, props: { city } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ city: City }> = ({ props }) =>
	new Response(frabScheduleXml(citySchedule(props.city)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
