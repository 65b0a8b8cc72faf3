import { speakerSchema } from '../../schemas/speaker';
import type { ProblemLog } from '../errors';
import { byCodePoint, byFilePath } from '../order';
import { parseWithProblems } from '../schema-problems';
import type { SourceFile, Speaker } from '../types';
import { uniqueIds } from './ids';

/** `content/speakers/<id>.md`, sorted by name. */
export function readSpeakers(files: readonly SourceFile[], problems: ProblemLog): readonly Speaker[] {
	const speakers: Speaker[] = [];
	const idOf = uniqueIds('speaker', problems);
	for (const file of [...files].sort(byFilePath)) {
		const id = idOf(file);
		const data = parseWithProblems(speakerSchema, file.data, file.filePath, problems.report);
		if (!id || !data) continue;
		speakers.push(Object.freeze({ id, ...data, photo: data.photo, bio: (file.body ?? '').trim(), filePath: file.filePath }));
	}
	return Object.freeze(speakers.sort((a, b) => a.name.localeCompare(b.name, 'en') || byCodePoint(a.id, b.id)));
}
