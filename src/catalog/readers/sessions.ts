import { defaultDurations, sessionSchema } from '../../schemas/session';
import type { ProblemLog } from '../errors';
import { byFilePath } from '../order';
import { parseWithProblems } from '../schema-problems';
import type { Session, SourceFile, Speaker, Track } from '../types';
import { baseName, unknownId, type DeclaredIds } from './ids';

export interface SessionContext {
	readonly trackById: ReadonlyMap<string, Track>;
	readonly speakerById: ReadonlyMap<string, Speaker>;
	readonly declared: DeclaredIds;
	/** The event's language, for sessions that do not name their own. */
	readonly siteLanguage: string;
}

/** `content/sessions/<CODE>.mdx`: the code comes from the file name; sorted by code, numbers in order. */
export function readSessions(files: readonly SourceFile[], context: SessionContext, problems: ProblemLog): readonly Session[] {
	const { trackById, speakerById, declared } = context;
	const sessions: Session[] = [];
	const fileByCode = new Map<string, string>();
	// Code-point order: SOYS10.mdx comes before soys10.mdx, so the conventional capitals win a clash.
	for (const file of [...files].sort(byFilePath)) {
		const at = problems.in(file.filePath);
		const name = baseName(file.filePath);
		if (!/^[A-Za-z0-9]+$/.test(name)) {
			at(
				'',
				`the file name "${name}" is not a session code; name the file after the code, letters and digits only (capitals by convention), e.g. SOYS10.mdx`,
			);
			continue;
		}
		const code = name.toUpperCase();
		const other = fileByCode.get(code);
		if (other) {
			at('', `duplicate session code ${code}: ${other} has the same code (codes ignore case); rename or delete one of them`);
			continue;
		}
		fileByCode.set(code, file.filePath);
		const data = parseWithProblems(sessionSchema, file.data, file.filePath, problems.report);
		if (!data) continue;
		const track = trackById.get(data.track);
		if (!track && !declared.tracks.has(data.track)) {
			at('track', unknownId('track', data.track, trackById.keys(), 'content/tracks.yaml'));
		}
		const speakers: Speaker[] = [];
		data.speakers.forEach((speakerId, index) => {
			const speaker = speakerById.get(speakerId);
			if (!speaker) {
				if (declared.speakers.has(speakerId)) return;
				at(`speakers[${index}]`, unknownId('speaker', speakerId, speakerById.keys(), 'content/speakers/'));
			} else if (speakers.includes(speaker)) {
				at(`speakers[${index}]`, `"${speakerId}" is listed twice; list each speaker once`);
			} else {
				speakers.push(speaker);
			}
		});
		if (!track) continue;
		sessions.push(
			Object.freeze({
				code,
				slug: code.toLowerCase(),
				title: data.title,
				type: data.type,
				duration: data.duration ?? defaultDurations[data.type],
				track,
				level: data.level,
				speakers: Object.freeze(speakers),
				products: data.products,
				tags: data.tags,
				language: data.language ?? context.siteLanguage,
				video: data.video,
				slides: data.slides,
				abstract: (file.body ?? '').trim(),
				filePath: file.filePath,
			}),
		);
	}
	return Object.freeze(sessions.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })));
}
