import { pathSchema } from '../../schemas/path';
import type { ProblemLog } from '../errors';
import { byFilePath } from '../order';
import { parseWithProblems } from '../schema-problems';
import type { LearningPath, Session, SourceFile } from '../types';
import { uniqueIds, unknownSession, type DeclaredIds } from './ids';

/** `content/paths/<id>.mdx`: sessions in the order to take them; sorted by code. */
export function readPaths(
	files: readonly SourceFile[],
	context: { readonly sessionByCode: ReadonlyMap<string, Session>; readonly declared: DeclaredIds },
	problems: ProblemLog,
): readonly LearningPath[] {
	const { sessionByCode, declared } = context;
	const paths: LearningPath[] = [];
	const fileByCode = new Map<string, string>();
	const idOf = uniqueIds('learning path', problems);
	for (const file of [...files].sort(byFilePath)) {
		const at = problems.in(file.filePath);
		const id = idOf(file);
		const data = parseWithProblems(pathSchema, file.data, file.filePath, problems.report);
		if (!id || !data) continue;
		const other = fileByCode.get(data.code);
		if (other) at('code', `code ${data.code} is already used by ${other}; give each learning path its own code`);
		fileByCode.set(data.code, file.filePath);
		const sessions: Session[] = [];
		data.sessions.forEach((reference, index) => {
			const session = sessionByCode.get(reference.toUpperCase());
			if (!session) {
				if (declared.sessions.has(reference.toUpperCase())) return;
				at(`sessions[${index}]`, unknownSession(reference, sessionByCode));
			} else if (sessions.includes(session)) {
				at(`sessions[${index}]`, `${session.code} is listed twice; list each session once`);
			} else {
				sessions.push(session);
			}
		});
		paths.push(
			Object.freeze({
				id,
				code: data.code,
				title: data.title,
				sessions: Object.freeze(sessions),
				products: data.products,
				totalMinutes: sessions.reduce((sum, session) => sum + session.duration, 0),
				description: (file.body ?? '').trim(),
				filePath: file.filePath,
			}),
		);
	}
	return Object.freeze(paths.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })));
}
