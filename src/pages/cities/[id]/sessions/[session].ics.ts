import type { APIRoute, GetStaticPaths } from 'astro';
import type { City, Session } from '../../../../catalog';
import { catalog } from '../../../../site/catalog';
import { calendarResponse, sessionCalendar } from '../../../../site/calendars';

export const getStaticPaths = (() =>
	catalog.cities.flatMap((city) =>
		[...city.deliveriesBySession.keys()].flatMap((code) => {
			const session = catalog.sessionByCode.get(code);
			return session ? [{ params: { id: city.id, session: session.slug }, props: { city, session } }] : [];
		}),
	)) satisfies GetStaticPaths;

export const GET: APIRoute<{ city: City; session: Session }> = ({ props }) => calendarResponse(sessionCalendar(props.city, props.session));
