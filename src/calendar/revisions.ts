import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** When the content behind a calendar event last changed, and the SEQUENCE that says so. */
export interface Revision {
	/**
	 * Seconds from 2000-01-01T00:00:00Z to `lastModified`: a later change gives a higher number whatever
	 * happened in between (files moved, a speaker removed, a shallow count), which a count of commits does not.
	 * It fits a signed 32-bit integer, as some clients store it, until 2068.
	 */
	readonly sequence: number;
	/** Time of the latest commit that touched the event's files; also its DTSTAMP, so output is reproducible. */
	readonly lastModified: Date;
}

const sequenceEpoch = Date.UTC(2000, 0, 1);

/** SEQUENCE for a change at this time (see Revision.sequence). */
export function sequenceAt(time: Date): number {
	return Math.max(0, Math.floor((time.getTime() - sequenceEpoch) / 1000));
}

export interface RevisionIndex {
	/** The revision of an event made from these content files (its session and its city). */
	of(filePaths: readonly string[]): Revision;
}

/**
 * Reads the content's git history once per build. SEQUENCE and LAST-MODIFIED then change only when a
 * file behind the event is committed again: a content hash could say "changed" but not "newer", and
 * clients such as Outlook only accept an update whose SEQUENCE is higher. Without git history (a
 * tarball), a file's modification time stands in.
 *
 * Git runs inside the content folder, so the history is that of the repository holding the content: the
 * project's, or the content folder's own when it is a separate repository (or a submodule).
 */
export function readRevisions(projectRoot: string, contentDir: string): RevisionIndex {
	const files = gitHistory(projectRoot, contentDir);
	const uncommitted = uncommittedFiles(projectRoot, contentDir);
	const cache = new Map<string, Revision>();
	return {
		of(filePaths) {
			const key = filePaths.join('\n');
			const known = cache.get(key);
			if (known) return known;
			let lastModified = 0;
			for (const filePath of filePaths) {
				const committed = files.get(filePath);
				const changed = committed === undefined || uncommitted.has(filePath);
				// A file edited since its last commit is newer than that commit, whatever its clock says.
				const time = changed ? Math.max(modificationTime(join(projectRoot, filePath)), (committed ?? 0) + 1000) : committed;
				lastModified = Math.max(lastModified, time);
			}
			const revision = { sequence: sequenceAt(new Date(lastModified)), lastModified: new Date(lastModified) };
			cache.set(key, revision);
			return revision;
		},
	};
}

/**
 * When each file of the content folder last changed on the published line of history: the first-parent
 * history of the checked-out commit, where a merge counts as the change it brings (so a branch's edit is dated
 * when it was merged, not when it was written). Times are made to rise strictly along that line (a commit
 * whose clock is behind its parent's, or in the same second, counts one second after it), so every change
 * gives a higher SEQUENCE.
 */
export function gitHistory(projectRoot: string, contentDir: string): Map<string, number> {
	const files = new Map<string, number>();
	const contentRoot = join(projectRoot, contentDir);
	for (const commit of mainlineCommits(contentRoot, '.')) {
		for (const path of commit.paths) files.set(fromProjectRoot(projectRoot, contentRoot, path), commit.time);
	}
	return files;
}

/** Content files (project-relative) with changes not committed, or not in git at all; empty outside a repository. */
export function uncommittedFiles(projectRoot: string, contentDir: string): Set<string> {
	const files = new Set<string>();
	const contentRoot = join(projectRoot, contentDir);
	try {
		const inside = git(contentRoot, ['rev-parse', '--show-prefix']).trim();
		const status = git(contentRoot, ['-c', 'core.quotepath=off', 'status', '--porcelain', '-z', '--untracked-files=all', '--', '.']);
		for (const entry of status.split('\0')) {
			const path = entry.slice(3);
			if (entry.length > 3 && path.startsWith(inside)) files.add(fromProjectRoot(projectRoot, contentRoot, path.slice(inside.length)));
		}
	} catch {
		// not a repository: every file takes its own time
	}
	return files;
}

/** Git prints paths relative to the content folder; the catalog names files relative to the project root. */
function fromProjectRoot(projectRoot: string, contentRoot: string, path: string): string {
	const prefix = relative(projectRoot, contentRoot).split(sep).join('/');
	return prefix ? `${prefix}/${path}` : path;
}

/** A commit of the published line of history, oldest first, with the time it counts at and the paths it changed. */
export interface MainlineCommit {
	readonly hash: string;
	/** Milliseconds; strictly rising along the line. */
	readonly time: number;
	readonly paths: readonly string[];
}

/**
 * The first-parent history of HEAD that touched `pathspec` (relative to `cwd`), oldest first, with times made
 * strictly rising; `follow` follows one file across renames. Empty without git or history.
 */
export function mainlineCommits(cwd: string, pathspec: string, follow = false): MainlineCommit[] {
	let log: string;
	try {
		log = git(cwd, [
			'-c',
			'core.quotepath=off',
			'log',
			'--first-parent',
			'--diff-merges=first-parent',
			...(follow ? ['--follow'] : []),
			'--format=%x00%H %ct',
			'--name-only',
			'--relative',
			'--',
			pathspec,
		]);
	} catch {
		return [];
	}
	const commits = log
		.split('\0')
		.slice(1)
		.map((block) => {
			const [header = '', ...paths] = block.split('\n');
			const [hash = '', seconds = '0'] = header.split(' ');
			return { hash, time: Number(seconds) * 1000, paths: paths.filter(Boolean) };
		})
		.reverse();
	let previous = -Infinity;
	return commits.map((commit) => {
		const time = Math.max(commit.time, previous + 1000);
		previous = time;
		return { ...commit, time };
	});
}

function git(cwd: string, args: readonly string[]): string {
	return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** The setting that lets a CI build go on from a shallow clone (calendars then announce changes that are not). */
export const shallowCloneSetting = 'ROADSHOW_ALLOW_SHALLOW_CLONE';

/**
 * A shallow clone shows every file as changed in its one commit: each build would announce every event as
 * updated, and the next build from a full clone would lower SEQUENCE, which clients then ignore. In CI (`CI`
 * set, as every CI service does) that stops the build, unless `ROADSHOW_ALLOW_SHALLOW_CLONE=1`; elsewhere it
 * is a warning. Returns the problem, if any, for the caller to report.
 */
export function shallowHistoryProblem(
	projectRoot: string,
	contentDir: string,
	env: NodeJS.ProcessEnv,
): { fatal: boolean; message: string } | undefined {
	if (!isShallowClone(join(projectRoot, contentDir))) return undefined;
	const inCi = env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false' && env['CI'] !== '0';
	const allowed = env[shallowCloneSetting] === '1' || env[shallowCloneSetting] === 'true';
	return {
		fatal: inCi && !allowed,
		message:
			'the git clone of the content is shallow, so calendars cannot tell what changed when: fetch the full history ' +
			'(GitHub Actions: actions/checkout with fetch-depth: 0; GitLab CI: GIT_DEPTH: 0; or run git fetch --unshallow), ' +
			`or set ${shallowCloneSetting}=1 to build anyway (see "Calendars" in the README)`,
	};
}

function isShallowClone(repositoryDir: string): boolean {
	try {
		return (
			execFileSync('git', ['rev-parse', '--is-shallow-repository'], {
				cwd: repositoryDir,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim() === 'true'
		);
	} catch {
		return false;
	}
}

function modificationTime(path: string): number {
	try {
		// Whole seconds, like commit times, so DTSTAMP has no fraction to lose.
		return Math.floor(statSync(path).mtimeMs / 1000) * 1000;
	} catch {
		return 0;
	}
}
