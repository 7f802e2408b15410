// Worker threads for large `herd lint` runs: one per core, each taking the next batch of files when it is done
// with one, so that a slow file does not hold a whole share. Results come back in the order of the items.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './lint-worker';

/**
 * Below this many files a run lints on the main thread. Measured on the corpus Dockerfiles (2 cores, loaded
 * machine, docs/performance.md): at 100 files two workers cost as much wall time as they save, at 200 they start to
 * pay, at 378 they save a quarter of it; the one-file run never starts one.
 */
export const WORKER_THRESHOLD = 200;

/** Files per message: large enough that messages cost little, small enough to share the end of the run. */
const BATCH = 32;

/**
 * How many workers a run of `files` files gets: none for small runs or one core; `HERD_WORKERS` forces a number
 * (0: none), for tests and measurements.
 */
export function workerCount(files: number, env: Record<string, string | undefined>): number {
  const forced = env.HERD_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  const cores = availableParallelism();
  return cores >= 2 && files >= WORKER_THRESHOLD ? cores : 0;
}

/**
 * A worker on the bundle's dist/cli-worker.js; run from the sources (tests, tsx), on the TypeScript source with
 * tsx's require hook (a worker does not inherit the `--import tsx` of its parent). Always Herd's own script.
 */
function startWorker(): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (!__filename.endsWith('.ts')) return new Worker(join(__dirname, 'cli-worker.js'), { resourceLimits });
  return new Worker(join(__dirname, 'lint-worker.ts'), { resourceLimits, execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] });
}

/**
 * A small young generation per worker: linting allocates fast and briefly, and V8's default lets each worker's heap
 * grow by tens of MB of garbage (the corpus ×1 on two workers: 237 MB peak with the default, 189 MB with 2 MB
 * semi-spaces; docs/performance.md).
 */
const YOUNG_GENERATION_MB = 6;

export class LintPool {
  private readonly workers: Worker[];
  /** Why a worker stopped, when one did (it fails the run rather than the process). */
  private readonly failures = new Map<Worker, Error>();

  constructor(size: number) {
    // every thread's old generation grows by 20 % over what a collection left rather than V8's default (up to 4×
    // for fast allocators): a GC flag, read at each collection, for this process only (the CLI's)
    setFlagsFromString('--heap-growing-percent=20');
    this.workers = Array.from({ length: size }, () => {
      const worker = startWorker();
      worker.on('error', (error) => this.failures.set(worker, error));
      return worker;
    });
  }

  /** A message every worker handles before the next batch (the workspace indexes). */
  broadcast(message: ToWorker): void {
    for (const w of this.workers) w.postMessage(message);
  }

  /** Hands out `count` items in batches, each made when it is sent (`itemAt`); each result lands at its item's place. */
  async map<T, R>(type: 'entries' | 'lint', count: number, itemAt: (i: number) => T): Promise<R[]> {
    const results: R[] = new Array(count);
    let next = 0;
    const drive = async (worker: Worker): Promise<void> => {
      while (next < count) {
        const from = next;
        next = Math.min(count, from + BATCH);
        const items: T[] = [];
        for (let i = from; i < next; i++) items.push(itemAt(i));
        const out = await this.ask(worker, { type, items } as ToWorker);
        for (let i = 0; i < out.length; i++) results[from + i] = out[i] as R;
      }
    };
    await Promise.all(this.workers.map(drive));
    return results;
  }

  close(): Promise<number[]> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }

  private ask(worker: Worker, message: ToWorker): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const failure = this.failures.get(worker);
      if (failure) {
        reject(failure);
        return;
      }
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: FromWorker) => {
        done();
        if ('error' in reply) reject(new Error(`a lint worker failed: ${reply.error}`));
        else resolve(reply.results);
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`a lint worker stopped (exit code ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(message);
    });
  }
}
