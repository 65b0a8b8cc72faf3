import { speakerSchema } from '../../schemas/speaker';
import type { ProblemLog } from '../errors';
import { byCodePoint, byFilePath } from '../order';
import { parseWithProblems } from '../schema-problems';
import type { SourceFile, Speaker } from '../types';
import { uniqueIds } from './ids';
import { checkImageReference, type ContentImages } from './images';

/** `content/speakers/<id>.md`, sorted by name. */
export function readSpeakers(files: readonly SourceFile[], images: ContentImages, problems: ProblemLog): readonly Speaker[] {
	const speakers: Speaker[] = [];
	const idOf = uniqueIds('speaker', problems);
	for (const file of [...files].sort(byFilePath)) {
		const id = idOf(file);
		const data = parseWithProblems(speakerSchema, file.data, file.filePath, problems.report);
		const photo = data?.photo !== undefined && checkImageReference(data.photo, 'photo', images, problems.in(file.filePath));
		if (!id || !data) continue;
		speakers.push(
			Object.freeze({ id, ...data, photo: photo ? data.photo : undefined, bio: (file.body ?? '').trim(), filePath: file.filePath }),
		);
	}
	return Object.freeze(speakers.sort((a, b) => a.name.localeCompare(b.name, 'en') || byCodePoint(a.id, b.id)));
}
