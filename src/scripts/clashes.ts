import { areIntervalsOverlapping } from 'date-fns';

/** A picked delivery as "my schedule" knows it: where, the city's local day, and the instants. */
export interface Scheduled {
	readonly uid: string;
	readonly city: string;
	/** The city's local day, YYYY-MM-DD. */
	readonly date: string;
	readonly startsAt: string;
	readonly endsAt: string;
	readonly cancelled?: boolean;
}

export type Clash = { readonly kind: 'overlap'; readonly with: string } | { readonly kind: 'other-city'; readonly with: string };

/**
 * What stands in the way of attending every pick: two picks whose times overlap (touching ends do not), and two
 * picks in different cities on the same local day (no one attends Sydney and Tokyo on one date, whatever the hours).
 * Cancelled picks clash with nothing. Each clash is listed under both picks.
 */
export function findClashes(picks: readonly Scheduled[]): Map<string, Clash[]> {
	const clashes = new Map<string, Clash[]>();
	const add = (uid: string, clash: Clash) => clashes.set(uid, [...(clashes.get(uid) ?? []), clash]);
	const live = picks.filter((pick) => !pick.cancelled);
	for (const [index, a] of live.entries()) {
		for (const b of live.slice(index + 1)) {
			if (a.uid === b.uid) continue;
			if (a.city !== b.city && a.date === b.date) {
				add(a.uid, { kind: 'other-city', with: b.uid });
				add(b.uid, { kind: 'other-city', with: a.uid });
			} else if (
				areIntervalsOverlapping(
					{ start: Date.parse(a.startsAt), end: Date.parse(a.endsAt) },
					{ start: Date.parse(b.startsAt), end: Date.parse(b.endsAt) },
				)
			) {
				add(a.uid, { kind: 'overlap', with: b.uid });
				add(b.uid, { kind: 'overlap', with: a.uid });
			}
		}
	}
	return clashes;
}
