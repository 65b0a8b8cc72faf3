import { tracksSchema } from '../../schemas/track';
import type { ProblemLog } from '../errors';
import { parseWithProblems } from '../schema-problems';
import type { SourceFile, Track } from '../types';

/** `content/tracks.yaml`, in the file's order (the catalog's order of tracks). */
export function readTracks(file: SourceFile, problems: ProblemLog): readonly Track[] {
	const data = parseWithProblems(tracksSchema, file.data, file.filePath, problems.report);
	if (!data) return [];
	const at = problems.in(file.filePath);
	const seen = new Set<string>();
	const tracks: Track[] = [];
	data.forEach((track, index) => {
		if (seen.has(track.id)) {
			at(`[${index}].id`, `duplicate track id "${track.id}"; give each track its own id`);
			return;
		}
		seen.add(track.id);
		if (track.color && contrastWithWhite(track.color) < 4.5) {
			at(
				`[${index}].color`,
				`${track.color} is too light for the white text of track badges (contrast ${contrastWithWhite(track.color).toFixed(2)}:1, at least 4.5:1 is needed); choose a darker colour`,
			);
		}
		tracks.push(Object.freeze({ id: track.id, name: track.name, description: track.description, color: track.color }));
	});
	return Object.freeze(tracks);
}

/** WCAG contrast ratio of white text on a #rrggbb background. */
function contrastWithWhite(color: string): number {
	const channel = (offset: number) => {
		const value = Number.parseInt(color.slice(offset, offset + 2), 16) / 255;
		return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
	};
	const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
	return 1.05 / (luminance + 0.05);
}
