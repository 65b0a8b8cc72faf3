import { execFileSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import { deliveryKeys } from '../catalog/readers/cities';
import { agendaItemSchema, type AgendaItemData } from '../schemas/city';
import { maxFileBytes, splitFrontMatter } from '../loaders/content-files';
import { mainlineCommits } from './revisions';
import { parseYamlText } from '../loaders/yaml-text';
import { formatDay } from '../presentation/format';

/** One agenda line as a past version of the city file wrote it (only what an attendee's calendar holds). */
export interface AgendaLineVersion {
	readonly code: string;
	readonly day: string;
	readonly start: string;
	readonly end: string | undefined;
	readonly room: string;
	readonly cancelled: boolean;
}

/** A city file as committed: when, and its agenda by delivery key (`SOYS10-1`, see deliveryKeys). */
export interface AgendaVersion {
	readonly commit: string;
	readonly time: Date;
	readonly lines: ReadonlyMap<string, AgendaLineVersion>;
}

export type ChangeKind = 'moved' | 'room' | 'ends' | 'cancelled' | 'restored' | 'added' | 'removed';

/** What one commit changed for one delivery, as an attendee who imported it must learn. */
export interface AgendaChange {
	readonly commit: string;
	readonly time: Date;
	/** `SOYS10-1`: the delivery's identity, as in its UID. */
	readonly key: string;
	readonly code: string;
	/** The most important kind first (cancelled, moved, room…). */
	readonly kinds: readonly ChangeKind[];
	/** "SOYS10 moved from 09:00 to 10:00 on Thu, 13 Feb 2020, and to room Expo Theatre". */
	readonly text: string;
}

/**
 * What changed in a city's agenda since it was first published, newest first: each commit of the city file
 * compared with the one before. The first version is the publication; later lines added or removed, moved,
 * given another room or end, cancelled or restored are changes. Identity is the delivery key, as in UIDs, so a
 * moved delivery is one change, not a removal and an addition.
 */
export function agendaChanges(versions: readonly AgendaVersion[]): AgendaChange[] {
	const changes: AgendaChange[] = [];
	// Published: the first version with an agenda; lines written before that announced nothing to anyone.
	const published = versions.findIndex((version) => version.lines.size > 0);
	for (let index = Math.max(published, 0) + 1; index < versions.length; index++) {
		const before = versions[index - 1];
		const after = versions[index];
		if (!before || !after) continue;
		const keys = new Set([...before.lines.keys(), ...after.lines.keys()]);
		for (const key of [...keys].sort()) {
			const change = lineChange(before.lines.get(key), after.lines.get(key));
			if (change) changes.push({ commit: after.commit, time: after.time, key, ...change });
		}
	}
	return changes.sort((a, b) => b.time.getTime() - a.time.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function lineChange(
	was: AgendaLineVersion | undefined,
	now: AgendaLineVersion | undefined,
): { code: string; kinds: ChangeKind[]; text: string } | undefined {
	const when = (line: AgendaLineVersion) => `${line.start} on ${formatDay(line.day)}`;
	if (!was && now) return { code: now.code, kinds: ['added'], text: `${now.code} added at ${when(now)}, room ${now.room}` };
	if (was && !now) return { code: was.code, kinds: ['removed'], text: `${was.code} at ${when(was)} removed from the agenda` };
	if (!was || !now) return undefined;
	const kinds: ChangeKind[] = [];
	const parts: string[] = [];
	if (!was.cancelled && now.cancelled) {
		kinds.push('cancelled');
		parts.push(`at ${when(now)} cancelled`);
	} else if (was.cancelled && !now.cancelled) {
		kinds.push('restored');
		parts.push(`at ${when(now)} back on the agenda`);
	}
	if (was.day !== now.day || was.start !== now.start) {
		kinds.push('moved');
		parts.push(
			was.day === now.day ? `moved from ${was.start} to ${now.start} on ${formatDay(now.day)}` : `moved from ${when(was)} to ${when(now)}`,
		);
	} else if (was.end !== now.end) {
		kinds.push('ends');
		parts.push(`at ${when(now)} now ends ${now.end ? `at ${now.end}` : 'after its usual duration'}`);
	}
	if (was.room !== now.room) {
		kinds.push('room');
		parts.push(kinds.length > 1 ? `to room ${now.room} (was ${was.room})` : `at ${when(now)} moved to room ${now.room} (was ${was.room})`);
	}
	if (kinds.length === 0) return undefined;
	return { code: now.code, kinds, text: `${now.code} ${parts.join(', and ')}` };
}

const sessionCode = /^[A-Za-z0-9]+$/;

/**
 * The agenda of one committed version of a city file, or undefined when that version could not have been
 * published: front matter that does not parse, or an agenda line the city schema refuses (a day not in the
 * calendar, a time that is not HH:MM, a bad id) or whose room is not among the file's rooms. Such a version
 * never built, so it announced nothing, and its text (an editor's mistake, or an attack that was reverted)
 * must not reach the change list.
 */
export function agendaVersion(commit: string, at: Date, text: string): AgendaVersion | undefined {
	const split = splitFrontMatter(text);
	const parsed = 'frontMatter' in split && split.frontMatter !== undefined ? parseYamlText(split.frontMatter) : undefined;
	if (!parsed || !('data' in parsed) || typeof parsed.data !== 'object' || parsed.data === null) return undefined;
	const fields = parsed.data as { agenda?: unknown; rooms?: unknown };
	const agenda = fields.agenda ?? [];
	const rooms = fields.rooms ?? [];
	if (!Array.isArray(agenda) || !Array.isArray(rooms)) return undefined;
	const items: AgendaItemData[] = [];
	for (const line of agenda as unknown[]) {
		const item = agendaItemSchema.safeParse(line);
		if (!item.success || !sessionCode.test(item.data.session) || !rooms.includes(item.data.room)) return undefined;
		items.push(item.data);
	}
	const lines = new Map<string, AgendaLineVersion>();
	const keys = deliveryKeys(items);
	for (const [index, item] of items.entries()) {
		const key = keys[index];
		if (!key || lines.has(key)) return undefined; // two lines with one identity: that version did not build
		lines.set(key, {
			code: item.session.toUpperCase(),
			day: item.day,
			start: item.start,
			end: item.end,
			room: item.room,
			cancelled: item.status === 'cancelled',
		});
	}
	return { commit, time: at, lines };
}

/** The most entries a change list shows: the newest; older ones are still in the git history. */
export const maxChanges = 100;

/**
 * Every committed version of a city file on the published line of history (first-parent, merges counting as
 * the change they bring), oldest first, following renames (a move into a sub-folder keeps its history), with
 * the strictly rising times SEQUENCE uses. Git runs once for the log, once for the sizes and once for the
 * texts; a version larger than a content file may be, or unreadable, is left out. No history: no versions.
 */
export function cityVersions(projectRoot: string, contentDir: string, cityFile: string): AgendaVersion[] {
	const contentRoot = join(projectRoot, contentDir);
	const path = relative(contentRoot, join(projectRoot, cityFile)).split(sep).join('/');
	const commits = mainlineCommits(contentRoot, path, true).flatMap(({ hash, time, paths }) => {
		const name = paths[0];
		return name ? [{ hash, time: new Date(time), name }] : [];
	});
	if (commits.length === 0) return [];
	try {
		const specs = commits.map(({ hash, name }) => `${hash}:./${name}`);
		const sizes = batch(contentRoot, '--batch-check', specs)
			.toString('utf8')
			.split('\n')
			.slice(0, specs.length)
			.map((line) => Number(/^[0-9a-f]+ blob (\d+)$/.exec(line)?.[1] ?? Number.NaN));
		const readable = commits.filter((_, index) => (sizes[index] ?? Number.NaN) <= maxFileBytes);
		const texts = blobs(
			contentRoot,
			readable.map(({ hash, name }) => `${hash}:./${name}`),
		);
		return readable.flatMap(({ hash, time }, index) => agendaVersion(hash, time, texts[index] ?? '') ?? []);
	} catch {
		return []; // git failed: no change list rather than no site
	}
}

function batch(cwd: string, mode: '--batch' | '--batch-check', specs: readonly string[]): Buffer {
	return execFileSync('git', ['cat-file', mode], {
		cwd,
		input: `${specs.join('\n')}\n`,
		maxBuffer: 64 * 1024 * 1024 + specs.length * (maxFileBytes + 100),
		stdio: ['pipe', 'pipe', 'ignore'],
	});
}

/** The contents of many `<commit>:<path>` objects through one `git cat-file --batch`. */
function blobs(cwd: string, specs: readonly string[]): string[] {
	if (specs.length === 0) return [];
	const out = batch(cwd, '--batch', specs);
	const texts: string[] = [];
	let at = 0;
	for (let index = 0; index < specs.length; index++) {
		const lineEnd = out.indexOf(0x0a, at);
		const header = out.subarray(at, lineEnd).toString('utf8');
		at = lineEnd + 1;
		const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
		if (size === undefined) {
			texts.push(''); // "missing": the path did not exist in that commit
			continue;
		}
		texts.push(out.subarray(at, at + Number(size)).toString('utf8'));
		at += Number(size) + 1;
	}
	return texts;
}
