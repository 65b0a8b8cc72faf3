import type { APIRoute, GetStaticPaths } from 'astro';
import type { City } from '../../../catalog';
import { catalog } from '../../../site/catalog';
import { calendarResponse, cityCalendar } from '../../../site/calendars';

export const getStaticPaths = (() => catalog.cities.map((city) => ({ params: { id: city.id }, props: { city } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ city: City }> = ({ props }) => calendarResponse(cityCalendar(props.city));
