// "My schedule": the deliveries an attendee picked, kept in this browser only (localStorage, no account). A pick is
// a delivery's calendar UID with its city and key (soys10-2): the UID survives rebuilds and reschedules, the city
// says which small deliveries.json holds it, and city + key make the compact share link.

export interface Pick {
	readonly uid: string;
	readonly city: string;
	readonly key: string;
}

const storageKey = 'roadshow:picks';
/** What a city id or a delivery key may look like (content rules: lower-case letters, digits, hyphens). */
const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A share link holds at most this many picks, and this many characters: anything longer is not ours. */
export const maxPicks = 300;
const maxShareLength = 8000;

const isPick = (value: unknown): value is Pick => {
	if (!value || typeof value !== 'object') return false;
	const { uid, city, key } = value as Record<string, unknown>;
	return (
		typeof uid === 'string' &&
		uid.length < 300 &&
		typeof city === 'string' &&
		idPattern.test(city) &&
		typeof key === 'string' &&
		idPattern.test(key)
	);
};

/** The picks in this browser, oldest first; [] when there are none or storage is blocked or damaged. */
export function readPicks(): Pick[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
		if (!Array.isArray(parsed)) return [];
		// Each delivery once, whatever a damaged or edited store holds.
		const seen = new Set<string>();
		return parsed.filter((pick) => isPick(pick) && !seen.has(pick.uid) && Boolean(seen.add(pick.uid))).slice(0, maxPicks);
	} catch {
		return [];
	}
}

export function writePicks(picks: readonly Pick[]): boolean {
	try {
		localStorage.setItem(storageKey, JSON.stringify(picks.slice(0, maxPicks)));
		return true;
	} catch {
		return false;
	}
}

export const isPicked = (picks: readonly Pick[], uid: string) => picks.some((pick) => pick.uid === uid);

/** Adds or removes one pick; returns the new list. */
export function togglePick(picks: readonly Pick[], pick: Pick): Pick[] {
	return isPicked(picks, pick.uid) ? picks.filter((other) => other.uid !== pick.uid) : [...picks, pick];
}

/**
 * The share form of picks: `sydney.soys10-1.soys20-1_chicago.thr1001-1`, cities joined by "_", a city then its
 * delivery keys joined by "." — only characters a URL carries as they are, so the link stays short and readable.
 */
export function encodePicks(picks: readonly Pick[]): string {
	const byCity = new Map<string, string[]>();
	for (const pick of picks) byCity.set(pick.city, [...(byCity.get(pick.city) ?? []), pick.key]);
	return [...byCity].map(([city, keys]) => [city, ...keys].join('.')).join('_');
}

/**
 * Reads a share link's `picks` value. Anything that is not a city id followed by delivery keys is left out and
 * counted, never used: the caller says "n picks in this link could not be read". The UIDs are not in the link; the
 * caller finds them in the cities' deliveries.json by key.
 */
export function decodePicks(text: string): { picks: { city: string; key: string }[]; ignored: number } {
	if (text.length > maxShareLength) return { picks: [], ignored: 1 };
	const picks: { city: string; key: string }[] = [];
	const seen = new Set<string>();
	let ignored = 0;
	for (const group of text.split('_')) {
		if (!group) continue;
		const [city = '', ...keys] = group.split('.');
		if (!idPattern.test(city) || keys.length === 0) {
			ignored += Math.max(1, keys.length);
			continue;
		}
		for (const key of keys) {
			if (!idPattern.test(key) || seen.has(`${city}.${key}`) || picks.length >= maxPicks) {
				ignored++;
				continue;
			}
			seen.add(`${city}.${key}`);
			picks.push({ city, key });
		}
	}
	return { picks, ignored };
}
