import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** How often and when the content behind a calendar event last changed. */
export interface Revision {
	/** Number of commits that touched the event's files: grows with every change, as SEQUENCE must. */
	readonly sequence: number;
	/** Time of the latest of those commits; also the event's DTSTAMP, so output is reproducible. */
	readonly lastModified: Date;
}

export interface RevisionIndex {
	/** The revision of an event made from these content files (its session and its city). */
	of(filePaths: readonly string[]): Revision;
}

interface FileHistory {
	readonly commits: Set<string>;
	lastModified: number;
}

/**
 * Reads the content's git history once per build. SEQUENCE and LAST-MODIFIED then change only when a
 * file behind the event is committed again: a content hash could say "changed" but not "newer", and
 * clients such as Outlook only accept an update whose SEQUENCE is higher. Without git history (a
 * tarball), a file's modification time stands in and SEQUENCE stays 0.
 *
 * Git runs inside the content folder, so the history is that of the repository holding the content: the
 * project's, or the content folder's own when it is a separate repository (or a submodule).
 */
export function readRevisions(projectRoot: string, contentDir: string): RevisionIndex {
	const history = gitHistory(projectRoot, contentDir);
	const cache = new Map<string, Revision>();
	return {
		of(filePaths) {
			const key = filePaths.join('\n');
			const known = cache.get(key);
			if (known) return known;
			const commits = new Set<string>();
			let lastModified = 0;
			for (const filePath of filePaths) {
				const file = history.get(filePath);
				if (file) {
					file.commits.forEach((commit) => commits.add(commit));
					lastModified = Math.max(lastModified, file.lastModified);
				} else {
					lastModified = Math.max(lastModified, modificationTime(join(projectRoot, filePath)));
				}
			}
			const revision = { sequence: commits.size, lastModified: new Date(lastModified) };
			cache.set(key, revision);
			return revision;
		},
	};
}

function gitHistory(projectRoot: string, contentDir: string): Map<string, FileHistory> {
	const files = new Map<string, FileHistory>();
	const contentRoot = join(projectRoot, contentDir);
	// Git prints paths relative to the content folder; the catalog names files relative to the project root.
	const prefix = relative(projectRoot, contentRoot).split(sep).join('/');
	const fromProjectRoot = (path: string) => (prefix ? `${prefix}/${path}` : path);
	let log: string;
	try {
		log = execFileSync('git', ['-c', 'core.quotepath=off', 'log', '--format=%x00%H %ct', '--name-only', '--relative', '--', '.'], {
			cwd: contentRoot,
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'ignore'],
		});
	} catch {
		return files;
	}
	if (isShallowClone(contentRoot)) {
		// A shallow clone sees one commit: SEQUENCE would drop to 1 and clients would ignore the update.
		process.emitWarning(
			'the git clone is shallow, so calendar SEQUENCE numbers will be too low; build from a full clone (e.g. fetch-depth: 0)',
			'RoadshowWarning',
		);
	}
	for (const block of log.split('\0').slice(1)) {
		const [header = '', ...paths] = block.split('\n');
		const [commit = '', seconds = '0'] = header.split(' ');
		const time = Number(seconds) * 1000;
		for (const path of paths) {
			if (!path) continue;
			const key = fromProjectRoot(path);
			const file = files.get(key) ?? { commits: new Set<string>(), lastModified: 0 };
			file.commits.add(commit);
			file.lastModified = Math.max(file.lastModified, time);
			files.set(key, file);
		}
	}
	return files;
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
