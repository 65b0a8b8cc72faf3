import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ogSize, type OgCard } from '../presentation/og-card';
// The drawing's own text is part of every cache key: a change to it makes every picture anew.
import drawingSource from './og-worker.mjs?raw';

// Builds run from the project root (docs/architecture.md): the worker, a plain module Node runs without Vite, and
// the fonts are found from there.
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
type Answer = { id: number; png: Uint8Array } | { id: number; error: string };

/**
 * Share pictures are drawn by worker threads (satori, resvg and sharp take about 35 ms a picture, thousands of
 * times at Ignite scale): a build hands over every card when the route lists its paths, the workers draw them
 * while the main thread renders the other pages, and each picture's route only waits for its own. One worker
 * per core but one while the main thread has pages to render; all of them once it waits for pictures.
 */
class DrawingPool {
	readonly #queue: Job[] = [];
	readonly #jobs = new Map<string, Job>();
	readonly #running = new Map<number, Job>();
	readonly #idle: Worker[] = [];
	/** The job each busy worker draws, to fail the right one if the worker dies. */
	readonly #current = new Map<Worker, number>();
	/** Workers told to stop: their exit is not a failure. */
	readonly #stopping = new WeakSet<Worker>();
	#workers = 0;
	#nextId = 0;
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
			const worker = this.#idle.pop() ?? (this.#workers < this.#limit ? this.#spawn() : undefined);
			if (!worker) return;
			const job = this.#queue.shift()!;
			this.#running.set(job.id, job);
			this.#current.set(worker, job.id);
			worker.postMessage({ id: job.id, card: job.card, file: job.file });
		}
		// Nothing left to draw: the workers go, and their memory with them, before Pagefind runs.
		if (this.#running.size === 0) this.#stopIdle();
	}

	#spawn(): Worker {
		this.#workers++;
		const worker = new Worker(workerFile, { workerData: { modules, cacheDir, size: ogSize } });
		// The build's process must not wait for a worker to end.
		worker.unref();
		worker.on('message', (answer: Answer) => {
			const job = this.#running.get(answer.id);
			this.#running.delete(answer.id);
			this.#current.delete(worker);
			this.#jobs.delete(job?.file ?? '');
			if (job) {
				if ('png' in answer) job.resolve(answer.png);
				else job.reject(new Error(`share picture "${job.card.title}": ${answer.error}`));
			}
			this.#idle.push(worker);
			this.#pump();
		});
		let failure: Error | undefined;
		worker.on('error', (error) => (failure = error));
		worker.on('exit', (code) => {
			if (this.#stopping.has(worker)) return;
			// A worker that died takes its picture with it: that route fails with the reason; the others go on.
			this.#workers--;
			const id = this.#current.get(worker);
			this.#current.delete(worker);
			const job = id === undefined ? undefined : this.#running.get(id);
			if (job) {
				this.#running.delete(job.id);
				this.#jobs.delete(job.file);
				job.reject(new Error(`share picture "${job.card.title}": ${failure?.message ?? `the drawing worker stopped (exit code ${code})`}`));
			}
			// An error thrown in the worker is in the drawing or its packages: every other picture would meet it too.
			if (failure)
				for (const queued of this.#queue.splice(0)) {
					this.#jobs.delete(queued.file);
					queued.reject(new Error(`share picture "${queued.card.title}": ${failure.message}`));
				}
			this.#pump();
		});
		return worker;
	}

	#stopIdle(): void {
		for (const worker of this.#idle.splice(0)) {
			this.#stopping.add(worker);
			this.#workers--;
			void worker.terminate();
		}
	}
}

const pool = new DrawingPool();

/** Starts drawing the pictures of these cards in the background (a build lists them all before it renders). */
export function prepareOgImages(cards: Iterable<OgCard>): void {
	for (const card of cards) pool.prefetch(card);
}

/** The PNG share picture of a card, 1200×630: from the cache, or drawn by a worker. */
export function ogImage(card: OgCard): Promise<Uint8Array> {
	return pool.request(card);
}
