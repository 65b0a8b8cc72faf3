import { markdownToPlainText } from './plain-text';

// Every formatter works on local day strings or in an explicit zone, never in the machine's TZ.
const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
});
const monthDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function utcNoon(day: string): Date {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, date, 12));
}

/** "Wed, 8 Jan 2020" for the local day "2020-01-08". */
export function formatDay(day: string): string {
	return dayFormat.format(utcNoon(day));
}

/** "Wednesday 8 January 2020". */
export function formatLongDay(day: string): string {
	return longDayFormat.format(utcNoon(day));
}

/** "8–9 Jan 2020", "30 Mar – 2 Apr 2020", "4–8 Nov 2019". */
export function formatDateRange(start: string, end: string): string {
	const year = end.slice(0, 4);
	if (start === end) return formatDay(start).replace(/^\w+,? /, '');
	const [startText, endText] = [monthDayFormat.format(utcNoon(start)), monthDayFormat.format(utcNoon(end))];
	if (start.slice(0, 7) === end.slice(0, 7)) return `${startText.split(' ')[0]}–${endText} ${year}`;
	return start.slice(0, 4) === year ? `${startText} – ${endText} ${year}` : `${startText} ${start.slice(0, 4)} – ${endText} ${year}`;
}

/** "45 min", "4 h", "1 h 15 min". */
export function formatMinutes(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return `${rest} min`;
	return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export { levelLabels, typeLabels } from './labels';

/** First paragraph of a Markdown body as plain text, shortened, for descriptions and meta tags. */
export function plainSummary(markdown: string, maxLength = 180): string {
	return truncate(markdownToPlainText(markdown).split('\n\n')[0] ?? '', maxLength);
}

/** Text on one line: line breaks (a YAML "\n", U+2028/9) and runs of spaces become one space. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Cuts at a word boundary and adds an ellipsis when the text is longer than `length`. */
export function truncate(text: string, length: number): string {
	return text.length <= length ? text : `${text.slice(0, length - 1).replace(/\s+\S*$/, '')}…`;
}

/** "JT" for "Jeff Teper": the avatar shown when a speaker has no photo. */
export function initials(name: string): string {
	const words = name.split(/\s+/).filter(Boolean);
	const letters = words.length > 1 ? [words[0], words.at(-1)] : words;
	return letters.map((word) => (word ?? '').charAt(0).toUpperCase()).join('');
}

/**
 * The part of the world a city is in, from its IANA zone, in the three regions tours are planned by
 * (Americas; Europe, Middle East and Africa; Asia Pacific): how a session's cities are grouped.
 */
export function regionOf(timezone: string): Region {
	const area = timezone.split('/')[0] ?? '';
	if (area === 'Asia' && middleEast.has(timezone.slice(5))) return regions[1];
	return regionByArea[area] ?? regions[3];
}

export const regions = ['Americas', 'Europe, Middle East and Africa', 'Asia Pacific', 'Elsewhere'] as const;
export type Region = (typeof regions)[number];

const regionByArea: Readonly<Record<string, Region>> = {
	America: regions[0],
	US: regions[0],
	Canada: regions[0],
	Brazil: regions[0],
	Chile: regions[0],
	Mexico: regions[0],
	Atlantic: regions[1],
	Europe: regions[1],
	Africa: regions[1],
	Asia: regions[2],
	Indian: regions[2],
	Australia: regions[2],
	Pacific: regions[2],
};
const middleEast = new Set(
	'Aden Amman Baghdad Bahrain Beirut Damascus Dubai Famagusta Gaza Hebron Jerusalem Kuwait Muscat Nicosia Qatar Riyadh Tehran Tel_Aviv'.split(
		' ',
	),
);
