import type { AgendaDay, City, Delivery } from '../catalog';

/** Deliveries of one day that start at the same time: one row of the agenda, the time written once. */
export interface TimeSlot {
	readonly startTime: string;
	readonly start: Date;
	readonly deliveries: readonly Delivery[];
}

/** A day's deliveries (in time order, as the catalog keeps them) grouped by start time. */
export function timeSlots(day: AgendaDay): readonly TimeSlot[] {
	const slots: { startTime: string; start: Date; deliveries: Delivery[] }[] = [];
	for (const delivery of day.deliveries) {
		const last = slots.at(-1);
		if (last && last.startTime === delivery.startTime) last.deliveries.push(delivery);
		else slots.push({ startTime: delivery.startTime, start: delivery.start, deliveries: [delivery] });
	}
	return slots;
}

/** A day as a grid: one row per start time, one column per room in use that day (in the city's room order). */
export interface RoomGrid {
	readonly day: string;
	readonly rooms: readonly string[];
	readonly rows: readonly { readonly slot: TimeSlot; readonly cells: readonly (readonly Delivery[])[] }[];
}

export function roomGrid(city: City, day: AgendaDay): RoomGrid {
	const used = new Set(day.deliveries.map((delivery) => delivery.room));
	const rooms = city.rooms.filter((room) => used.has(room));
	const column = new Map(rooms.map((room, index) => [room, index]));
	return {
		day: day.day,
		rooms,
		rows: timeSlots(day).map((slot) => {
			const cells: Delivery[][] = rooms.map(() => []);
			for (const delivery of slot.deliveries) cells[column.get(delivery.room) ?? 0]?.push(delivery);
			return { slot, cells };
		}),
	};
}

/** A room view is worth its page when sessions run in parallel: some day uses two rooms or more. */
export function hasRoomView(city: City): boolean {
	return city.days.some((day) => new Set(day.deliveries.map((delivery) => delivery.room)).size > 1);
}
