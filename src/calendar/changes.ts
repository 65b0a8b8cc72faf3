import { execFileSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import { deliveryKeys } from '../catalog/readers/cities';
import { splitFrontMatter } from '../loaders/content-files';
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

/** The agenda of one committed version of a city file; lines it cannot read are left out (that build failed). */
export function agendaVersion(commit: string, time: Date, text: string): AgendaVersion {
	const lines = new Map<string, AgendaLineVersion>();
	const split = splitFrontMatter(text);
	const parsed = 'frontMatter' in split && split.frontMatter !== undefined ? parseYamlText(split.frontMatter) : undefined;
	const agenda = parsed && 'data' in parsed ? (parsed.data as { agenda?: unknown } | null)?.agenda : undefined;
	if (!Array.isArray(agenda)) return { commit, time, lines };
	const items = agenda.map((item: unknown) => {
		if (typeof item !== 'object' || item === null) return undefined;
		const fields = item as Record<string, unknown>;
		const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
		const id = typeof fields['id'] === 'number' ? String(fields['id']) : text('id');
		const session = text('session');
		const day = text('day');
		const start = text('start');
		const room = text('room');
		if (!session || !day || !start || !room) return undefined;
		return { session, id, day, start, end: text('end'), room, cancelled: fields['status'] === 'cancelled' };
	});
	const keys = deliveryKeys(items);
	items.forEach((item, index) => {
		const key = keys[index];
		if (!item || !key || lines.has(key)) return;
		lines.set(key, {
			code: item.session.toUpperCase(),
			day: item.day,
			start: item.start,
			end: item.end,
			room: item.room,
			cancelled: item.cancelled,
		});
	});
	return { commit, time, lines };
}

/**
 * Every committed version of a city file, oldest first, following renames (a move into a sub-folder keeps its
 * history). Git runs once for the log and once for all the versions. No history (a tarball): no versions.
 */
export function cityVersions(projectRoot: string, contentDir: string, cityFile: string): AgendaVersion[] {
	const contentRoot = join(projectRoot, contentDir);
	const path = relative(contentRoot, join(projectRoot, cityFile)).split(sep).join('/');
	let log: string;
	try {
		log = git(contentRoot, ['-c', 'core.quotepath=off', 'log', '--follow', '--format=%x00%H %ct', '--name-only', '--relative', '--', path]);
	} catch {
		return [];
	}
	const commits = log
		.split('\0')
		.slice(1)
		.flatMap((block) => {
			const [header = '', ...names] = block.split('\n');
			const [hash = '', seconds = '0'] = header.split(' ');
			const name = names.find(Boolean);
			return hash && name ? [{ hash, time: new Date(Number(seconds) * 1000), name }] : [];
		})
		.reverse();
	if (commits.length === 0) return [];
	const texts = blobs(
		contentRoot,
		commits.map(({ hash, name }) => `${hash}:./${name}`),
	);
	return commits.map(({ hash, time }, index) => agendaVersion(hash, time, texts[index] ?? ''));
}

/** The contents of many `<commit>:<path>` objects through one `git cat-file --batch`. */
function blobs(cwd: string, specs: readonly string[]): string[] {
	const out = execFileSync('git', ['cat-file', '--batch'], {
		cwd,
		input: `${specs.join('\n')}\n`,
		maxBuffer: 512 * 1024 * 1024,
		stdio: ['pipe', 'pipe', 'ignore'],
	});
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

function git(cwd: string, args: readonly string[]): string {
	return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}
