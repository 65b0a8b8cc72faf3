import type { APIRoute, GetStaticPaths } from 'astro';
import type { City, Delivery, Session } from '../../../../catalog';
import { catalog } from '../../../../site/catalog';
import { calendarResponse, deliveryCalendar, sessionCalendar } from '../../../../site/calendars';

// Two kinds of file share the folder: a session's deliveries in the city (`soys10.ics`, subscribable), and each
// delivery alone (`soys10-2.ics`, what a delivery's "Add to calendar" downloads).
type Props = { city: City; session: Session; delivery?: undefined } | { city: City; session: Session; delivery: Delivery };

export const getStaticPaths = (() =>
	catalog.cities.flatMap((city) =>
		[...city.deliveriesBySession.entries()].flatMap(([code, deliveries]) => {
			const session = catalog.sessionByCode.get(code);
			if (!session) return [];
			return [
				{ params: { id: city.id, session: session.slug }, props: { city, session } },
				...deliveries.map((delivery) => ({ params: { id: city.id, session: delivery.key }, props: { city, session, delivery } })),
			];
		}),
	)) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props }) =>
	calendarResponse(props.delivery ? deliveryCalendar(props.delivery) : sessionCalendar(props.city, props.session));
