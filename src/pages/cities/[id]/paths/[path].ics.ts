import type { APIRoute, GetStaticPaths } from 'astro';
import type { City, LearningPath } from '../../../../catalog';
import { catalog } from '../../../../site/catalog';
import { calendarResponse, pathCalendar } from '../../../../site/calendars';

export const getStaticPaths = (() =>
	catalog.cities.flatMap((city) =>
		city.paths.map((path) => ({ params: { id: city.id, path: path.id }, props: { city, path } })),
	)) satisfies GetStaticPaths;

export const GET: APIRoute<{ city: City; path: LearningPath }> = ({ props }) => calendarResponse(pathCalendar(props.city, props.path));
