import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ogSize, type OgCard } from '../presentation/og-card';
// The drawing's own text is part of every cache key: a change to it makes every picture anew.
import drawingSource from './og-worker.mjs?raw';

// Builds run from the project root (docs/architecture.md): the drawing process's module, which Node runs without
// Vite, and the fonts are found from there.
const projectRoot = process.cwd();
const modules = join(projectRoot, 'node_modules');
const workerFile = join(projectRoot, 'src/site/og-worker.mjs');
const versions = ['satori', '@resvg/resvg-js', 'sharp', '@fontsource/inter'].map(
	(name) => `${name}@${(JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')) as { version: string }).version}`,
);

/**
 * Finished pictures by the hash of what makes them (the card, the drawing, the renderers' versions), in the build
 * cache (ROADSHOW_CACHE_DIR, else Astro's node_modules/.astro): a rebuild draws only the cards that changed.
 */
const cacheDir = join(process.env['ROADSHOW_CACHE_DIR'] ?? join(modules, '.astro'), 'og');

const cacheFile = (card: OgCard) =>
	join(cacheDir, `${createHash('sha256').update(JSON.stringify({ card, versions, drawingSource })).digest('hex')}.png`);

interface Job {
	readonly id: number;
	readonly card: OgCard;
	readonly file: string;
	readonly done: Promise<Uint8Array>;
	resolve(png: Uint8Array): void;
	reject(error: Error): void;
}
/** What a drawing process says: a picture is in its cache file, or could not be drawn, or the process cannot go on. */
type Answer = { id: number; drawn: true } | { id: number; error: string } | { fatal: string };

/**
 * Share pictures are drawn in child processes (satori, resvg and sharp take about 30 ms a picture, thousands of
 * times at Ignite scale): a build hands over every card when the route lists its paths, a drawing process draws
 * them while the main thread renders the other pages, and each picture's route only waits for its own. One process
 * while the main thread has pages to render; one per core once it waits for pictures. Processes, not worker
 * threads: a thread's native memory (resvg, libvips) stays in the build's process after the thread ends, about
 * 200 MB each, and Pagefind then runs beside it; a process gives it back when it exits, before Pagefind starts.
 */
class DrawingPool {
	readonly #queue: Job[] = [];
	readonly #jobs = new Map<string, Job>();
	readonly #idle: ChildProcess[] = [];
	/**
	 * What each busy process draws and since when: to fail the right picture if the process dies, and to find one
	 * that has taken far longer than any picture (it is stuck).
	 */
	readonly #busy = new Map<ChildProcess, { readonly job: Job; readonly since: number }>();
	/** Processes told to stop: their exit is not a failure. */
	readonly #stopping = new WeakSet<ChildProcess>();
	#nextId = 0;
	#watching = false;
	#watchdog: ReturnType<typeof setInterval> | undefined;
	#limit = Math.max(1, availableParallelism() - 1);

	/** Queues `card` for drawing unless its picture is cached or on its way. */
	prefetch(card: OgCard): void {
		const file = cacheFile(card);
		if (!this.#jobs.has(file) && !existsSync(file)) this.#enqueue(card, file, false);
	}

	/** The picture of `card`: from the cache, or drawn next. */
	request(card: OgCard): Promise<Uint8Array> {
		const file = cacheFile(card);
		const known = this.#jobs.get(file);
		if (known) {
			this.#hurry(known);
			return known.done;
		}
		try {
			return Promise.resolve(new Uint8Array(readFileSync(file)));
		} catch {
			return this.#enqueue(card, file, true);
		}
	}

	#enqueue(card: OgCard, file: string, now: boolean): Promise<Uint8Array> {
		if (!this.#watching) {
			this.#watching = true;
			process.on('beforeExit', this.#unfinished);
		}
		let resolve!: (png: Uint8Array) => void;
		let reject!: (error: Error) => void;
		const done = new Promise<Uint8Array>((yes, no) => {
			resolve = yes;
			reject = no;
		});
		// A failure is reported where the picture is asked for (the route); a prefetched one nobody asked for is not lost.
		done.catch(() => undefined);
		const job: Job = { id: this.#nextId++, card, file, done, resolve, reject };
		this.#jobs.set(file, job);
		if (now) this.#queue.unshift(job);
		else this.#queue.push(job);
		if (now) this.#limit = Math.max(this.#limit, availableParallelism());
		this.#pump();
		return done;
	}

	/**
	 * Node ends a process whose event loop is empty with exit code 0: were a route ever left waiting for a picture no
	 * process draws, the build would stop half-way and look successful. Fail it instead.
	 */
	readonly #unfinished = () => {
		if (this.#jobs.size === 0) return;
		console.error(`[roadshow] ${this.#jobs.size} share picture(s) were never drawn; the build stopped before it finished`);
		process.exitCode = 1;
	};

	#hurry(job: Job): void {
		const at = this.#queue.indexOf(job);
		if (at > 0) this.#queue.unshift(...this.#queue.splice(at, 1));
		if (this.#limit < availableParallelism()) {
			this.#limit = availableParallelism();
			this.#pump();
		}
	}

	#pump(): void {
		while (this.#queue.length > 0) {
			const drawer = this.#idle.pop() ?? (this.#idle.length + this.#busy.size < this.#limit ? this.#spawn() : undefined);
			if (!drawer) return;
			const job = this.#queue.shift()!;
			this.#busy.set(drawer, { job, since: Date.now() });
			// A route waits for this picture: the channel must keep the build's process alive until the answer.
			drawer.channel?.ref();
			this.#watch();
			drawer.send({ id: job.id, card: job.card, file: job.file });
		}
		// Nothing left to draw: the processes exit, and their memory goes with them, before Pagefind runs.
		if (this.#busy.size === 0) this.#stopIdle();
	}

	#settle(job: Job, error?: string): void {
		this.#jobs.delete(job.file);
		if (error !== undefined) job.reject(new Error(`share picture "${job.card.title}": ${error}`));
		else {
			try {
				job.resolve(new Uint8Array(readFileSync(job.file)));
			} catch (cause) {
				job.reject(new Error(`share picture "${job.card.title}": drawn but not readable (${String(cause)})`));
			}
		}
	}

	#spawn(): ChildProcess {
		const drawer = fork(workerFile, [JSON.stringify({ modules, cacheDir, size: ogSize })], {
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		// The build's process must not wait for an idle drawing process to end (its channel is held only while it draws).
		drawer.unref();
		let fatal: string | undefined;
		drawer.on('message', (answer: Answer) => {
			if ('fatal' in answer) {
				fatal = answer.fatal;
				return;
			}
			const job = this.#busy.get(drawer)?.job;
			this.#busy.delete(drawer);
			if (job?.id === answer.id) this.#settle(job, 'error' in answer ? answer.error : undefined);
			drawer.channel?.unref();
			this.#idle.push(drawer);
			this.#pump();
		});
		drawer.on('error', (error) => (fatal ??= error.message));
		drawer.on('exit', (code, signal) => {
			if (this.#stopping.has(drawer)) return;
			// A process that died takes its picture with it: that route fails with the reason; the others go on.
			const idle = this.#idle.indexOf(drawer);
			if (idle >= 0) this.#idle.splice(idle, 1);
			const job = this.#busy.get(drawer)?.job;
			this.#busy.delete(drawer);
			const reason = fatal ?? `the drawing process stopped (${signal ?? `exit code ${code}`})`;
			if (job) this.#settle(job, reason);
			// An error thrown while drawing is in the drawing or its packages: every other picture would meet it too.
			if (fatal !== undefined) for (const queued of this.#queue.splice(0)) this.#settle(queued, reason);
			this.#pump();
		});
		return drawer;
	}

	/**
	 * A picture takes well under a second; a process that has drawn one for STUCK_MS is hung (stopped, or lost
	 * in a pathological title) and would hold the build forever: it is killed, and its picture fails with why.
	 */
	#watch(): void {
		this.#watchdog ??= setInterval(() => {
			const now = Date.now();
			for (const [drawer, { job, since }] of this.#busy) {
				if (now - since < STUCK_MS) continue;
				this.#busy.delete(drawer);
				this.#settle(job, `the drawing process did not answer in ${STUCK_MS / 1000} s and was stopped`);
				drawer.kill('SIGKILL');
			}
			if (this.#busy.size === 0) {
				clearInterval(this.#watchdog);
				this.#watchdog = undefined;
			}
		}, 1000);
		this.#watchdog.unref();
	}

	#stopIdle(): void {
		for (const drawer of this.#idle.splice(0)) {
			this.#stopping.add(drawer);
			drawer.disconnect();
		}
	}
}

/** How long one picture may take before its drawing process counts as hung (they take 30 ms to 1 s). */
const STUCK_MS = Number(process.env['ROADSHOW_OG_TIMEOUT_MS'] ?? 60_000);

const pool = new DrawingPool();

/** Starts drawing the pictures of these cards in the background (a build lists them all before it renders). */
export function prepareOgImages(cards: Iterable<OgCard>): void {
	for (const card of cards) pool.prefetch(card);
}

/** The PNG share picture of a card, 1200×630: from the cache, or drawn by a drawing process. */
export function ogImage(card: OgCard): Promise<Uint8Array> {
	return pool.request(card);
}
