import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, buildsRoot, gitIn, projectRoot, type BuildResult } from './builds';

/** The history fixture's repository: test/fixtures/history copied and committed step by step. */
export const historyRepository = join(buildsRoot, 'history-repo');
const content = join(historyRepository, 'content');

/** One commit of the walk: what an editor changes, and when (each a day after the last, so SEQUENCE can rise). */
export interface HistoryStep {
	readonly name: string;
	readonly date: string;
	readonly edit: () => void;
}

const edit = (file: string, change: (text: string) => string) => {
	const path = join(content, file);
	const before = readFileSync(path, 'utf8');
	const after = change(before);
	if (after === before) throw new Error(`the history step did not change ${file}`);
	writeFileSync(path, after);
};

/**
 * The walk of issue 9: publish; move a delivery by two hours (one would clash with its speaker's other
 * session) and to another room; remove a speaker; rename a
 * session; move files into a sub-folder; cancel one delivery; change the site's host (with uidDomain keeping
 * the old one, as the README says to).
 */
export const historySteps: readonly HistoryStep[] = [
	{ name: 'publish', date: '2020-01-10T10:00:00Z', edit: () => undefined },
	{
		name: 'move',
		date: '2020-01-11T10:00:00Z',
		edit: () =>
			edit('cities/sydney.md', (text) =>
				text.replace(
					'{ session: SOYS10, day: 2020-02-13, start: "09:00", room: Room A }',
					'{ session: SOYS10, day: 2020-02-13, start: "11:00", room: Room C }',
				),
			),
	},
	{
		name: 'remove-speaker',
		date: '2020-01-12T10:00:00Z',
		edit: () => edit('sessions/SOYS10.md', (text) => text.replace('speakers: [ada-lovelace, grace-hopper]', 'speakers: [ada-lovelace]')),
	},
	{
		name: 'rename',
		date: '2020-01-13T10:00:00Z',
		edit: () => edit('sessions/SOYS20.md', (text) => text.replace('title: Intranet sites and news', 'title: Intranets that people read')),
	},
	{
		name: 'sub-folder',
		date: '2020-01-14T10:00:00Z',
		edit: () => {
			mkdirSync(join(content, 'sessions/2020'));
			for (const file of ['SOYS10.md', 'SOYS20.md']) renameSync(join(content, 'sessions', file), join(content, 'sessions/2020', file));
		},
	},
	{
		name: 'cancel',
		date: '2020-01-15T10:00:00Z',
		edit: () =>
			edit('cities/sydney.md', (text) =>
				text.replace(
					'{ session: SOYS10, day: 2020-02-14, start: "09:00", room: Room A }',
					'{ session: SOYS10, day: 2020-02-14, start: "09:00", room: Room A, status: cancelled }',
				),
			),
	},
	{
		name: 'new-host',
		date: '2020-01-16T10:00:00Z',
		edit: () =>
			edit('event.yaml', (text) =>
				text.replace('url: https://history.example.org', 'url: https://tour.example.net\nuidDomain: history.example.org'),
			),
	},
];

/**
 * Commits each step of the walk in a repository of its own and builds the site after each commit, one after
 * the other, into test/.builds/history-<n>-<name>. Then builds a shallow clone of the last commit under CI=true,
 * which must fail, and again with ROADSHOW_ALLOW_SHALLOW_CLONE=1.
 */
export async function buildHistory(): Promise<{ steps: BuildResult[]; shallow: BuildResult; shallowAllowed: BuildResult }> {
	rmSync(historyRepository, { recursive: true, force: true });
	cpSync(join(projectRoot, 'test/fixtures/history'), historyRepository, { recursive: true });
	const git = gitIn(historyRepository);
	git(['init', '-q']);
	const steps: BuildResult[] = [];
	for (const [index, step] of historySteps.entries()) {
		step.edit();
		git(['add', '-A']);
		git(['commit', '-q', '-m', step.name, '--no-verify'], step.date);
		steps.push(
			await buildSite({
				name: `history-${index}-${step.name}`,
				content: 'test/.builds/history-repo/content',
				tz: index % 2 === 0 ? 'UTC' : 'Pacific/Auckland',
			}),
		);
	}
	const shallowRepository = join(buildsRoot, 'history-shallow');
	rmSync(shallowRepository, { recursive: true, force: true });
	gitIn(buildsRoot)(['clone', '-q', '--depth', '1', `file://${historyRepository}`, shallowRepository]);
	const shallowBuild = { name: 'history-shallow', content: 'test/.builds/history-shallow/content', tz: 'UTC' };
	const shallow = await buildSite(shallowBuild, { CI: 'true' });
	const shallowAllowed = await buildSite(
		{ ...shallowBuild, name: 'history-shallow-allowed' },
		{ CI: 'true', ROADSHOW_ALLOW_SHALLOW_CLONE: '1' },
	);
	return { steps, shallow, shallowAllowed };
}
