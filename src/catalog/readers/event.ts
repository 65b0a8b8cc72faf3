import { eventSchema } from '../../schemas/event';
import type { ProblemLog } from '../errors';
import { parseWithProblems } from '../schema-problems';
import type { Event, SourceFile } from '../types';

/** `content/event.yaml`: the event as a whole; its URL's host also names calendar UIDs. */
export function readEvent(file: SourceFile, problems: ProblemLog): Event | undefined {
	const data = parseWithProblems(eventSchema, file.data, file.filePath, problems.report);
	if (!data) return undefined;
	return Object.freeze({ ...data, filePath: file.filePath, host: new URL(data.url).hostname });
}
