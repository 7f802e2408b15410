// The main thread's side of the lint worker: one lint at a time goes to the worker, each with its deadline.
// A document whose lint outlives the deadline is reported as not linted, and the worker, stuck in a
// synchronous lint that cannot be interrupted, is terminated and replaced: the replacement gets the open
// documents and reads the workspace files a file at a time between lints, so the other documents are
// linted again at once (without the cross-file rules until it has read them all). A lint that a newer one
// of the same document supersedes is dropped while it waits, and its result ignored when it was running.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DebounceTimers } from './document-linter';
import type { Companions, FromWorker, PlainEdits, PlainLint, ToWorker, WorkerDocumentConfig, WorkerRules } from './lint-protocol';
import type { LintWorkerData } from './lint-worker';
import type { Log } from './log';

export type LintOutcome =
  /** `edits`: those of the findings' fixes and ignore actions, which follow (undefined if they never come). */
  | { kind: 'done'; lint?: PlainLint; affected: string[]; edits: Promise<PlainEdits[] | undefined> }
  /** The lint outlived the deadline (in milliseconds). */
  | { kind: 'timeout'; ms: number }
  /** A newer lint of the document took its place. */
  | { kind: 'stale' }
  /** The host is disposed. */
  | { kind: 'stopped' };

export interface LintJob {
  uri: string;
  version: number;
  text: string;
  languageId?: string;
  config: WorkerDocumentConfig;
  companions?: Companions;
}

export interface LintWorkerHostOptions {
  /** Starts a worker thread running the lint worker: `startBundledWorker` but in tests. */
  start: (workerData: LintWorkerData) => Worker;
  rules: WorkerRules;
  maxFiles: number;
  log: Log;
  /** The deadline's clock (the process's timers; tests fire it by hand). */
  clock: DebounceTimers;
  /** The deadline in milliseconds (read for each lint). */
  timeout(): number;
  /** Files whose cross-file findings may have changed in the worker's index. */
  affected(uris: string[]): void;
  /** The worker's index holds the workspace (after a build, or after a replacement has read it again). */
  built(): void;
  ruleFailed(ruleId: string, uri: string, error: string): void;
}

interface Pending extends LintJob {
  id: number;
  resolve(outcome: LintOutcome): void;
}

interface Running extends Pending {
  timer?: unknown;
  settled: boolean;
  /** Set once the findings are in: the edits that follow go there. */
  edits?: (edits: PlainEdits[] | undefined) => void;
}

/** The shipped worker: Herd's own dist/lint-worker.js, beside the server's bundle (a name fixed at build time). */
export function startBundledWorker(workerData: LintWorkerData): Worker {
  return new Worker(join(__dirname, 'lint-worker.js'), { workerData });
}

export class LintWorkerHost {
  private worker: Worker | undefined;
  private started_ = false;
  private queue: Pending[] = [];
  private running: Running | undefined;
  private nextId = 0;
  private disposed = false;
  /** What a replacement worker must be told: the roots, the last build, and the open documents linted in time. */
  private roots: string[] = [];
  private lastBuild: Extract<ToWorker, { t: 'build' }> | undefined;
  private readonly disk = new Map<string, string>();
  private readonly open = new Map<string, Extract<ToWorker, { t: 'open' }>>();
  private workersStarted = 0;
  private readyWaiters: (() => void)[] = [];

  constructor(private readonly options: LintWorkerHostOptions) {}

  /**
   * Starts the worker (once). The server starts it after its first diagnostics: the worker loads the engine and the
   * grammar again, CPU the first document's lint on the main thread would otherwise share.
   */
  start(): void {
    if (this.workersStarted === 0 && !this.disposed) this.spawn();
  }

  /** Workers started so far (the first, and one per deadline exceeded). */
  get started(): number {
    return this.workersStarted;
  }

  /** The worker has loaded the engine and takes lints (false while a replacement starts). */
  get ready(): boolean {
    return this.started_ && this.worker !== undefined;
  }

  /** Resolves once a worker takes lints. */
  whenReady(): Promise<void> {
    if (this.ready || this.disposed) return Promise.resolve();
    this.start();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** A version of an open document linted elsewhere (on the main thread while the worker started): its index takes it. */
  opened(document: { uri: string; version: number; text: string; languageId?: string; ignored: boolean }): void {
    const message: Extract<ToWorker, { t: 'open' }> = { t: 'open', ...document };
    this.open.set(document.uri, message);
    this.post(message);
  }

  /** Whether a worker is alive (false after `dispose`). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Lints one version of a document; an older lint of it still waiting is dropped, one running is ignored unless
   * `supersede` is false (a re-lint for a changed dependency: the running lint's result still holds for its version).
   */
  lint(job: LintJob, supersede = true): Promise<LintOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'stopped' });
    this.start();
    return new Promise((resolve) => {
      const pending: Pending = { ...job, id: ++this.nextId, resolve };
      const at = this.queue.findIndex((p) => p.uri === job.uri);
      if (at >= 0) {
        this.queue[at].resolve({ kind: 'stale' });
        this.queue[at] = pending;
      } else this.queue.push(pending);
      if (supersede && this.running?.uri === job.uri) this.settle(this.running, { kind: 'stale' });
      this.pump();
    });
  }

  /** Drops the waiting lint of this version of the document (it timed out: it is not tried again until it changes). */
  dropWaiting(uri: string, version: number): void {
    this.queue = this.queue.filter((p) => {
      const drop = p.uri === uri && p.version === version;
      if (drop) p.resolve({ kind: 'stale' });
      return !drop;
    });
  }

  /** The document is closed: its waiting lint is dropped, the worker's index goes back to the file on disk. */
  close(uri: string): void {
    this.queue = this.queue.filter((p) => {
      if (p.uri === uri) p.resolve({ kind: 'stale' });
      return p.uri !== uri;
    });
    if (this.running?.uri === uri) this.settle(this.running, { kind: 'stale' });
    this.open.delete(uri);
    this.post({ t: 'close', uri });
  }

  setRoots(paths: string[]): void {
    this.roots = paths;
    this.post({ t: 'roots', paths });
  }

  /** A whole build of the disk side of the index (it replaces the files of the last one). */
  build(build: number, roots: string[], files: [string, string][]): void {
    this.roots = roots;
    this.disk.clear();
    for (const [uri, text] of files) this.disk.set(uri, text);
    // a replacement gets the files from `disk` (kept current by later changes)
    this.lastBuild = { t: 'build', build, roots, files: [] };
    this.post({ ...this.lastBuild, files });
  }

  diskChanged(uri: string, text: string | undefined): void {
    if (text === undefined) this.disk.delete(uri);
    else this.disk.set(uri, text);
    this.post(text === undefined ? { t: 'deleteDisk', uri } : { t: 'disk', uri, text });
  }

  /** Shutdown: waiting lints are dropped and the worker is terminated. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    for (const p of this.queue) p.resolve({ kind: 'stopped' });
    this.queue = [];
    if (this.running) this.end(this.running, { kind: 'stopped' });
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private spawn(): void {
    this.started_ = false;
    this.workersStarted++;
    const data: LintWorkerData = { rules: this.options.rules, maxFiles: this.options.maxFiles };
    const worker = this.options.start(data);
    worker.unref();
    this.worker = worker;
    worker.on('message', (message: FromWorker) => this.received(worker, message));
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      this.options.log.error('The lint worker failed', error);
      this.replace();
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker || this.disposed) return;
      this.options.log.error(`The lint worker stopped (exit code ${code}); starting another`);
      this.replace();
    });
    // a replacement: the state its predecessor had
    if (this.roots.length) this.post({ t: 'roots', paths: this.roots });
    for (const message of this.open.values()) this.post(message);
    if (this.lastBuild) this.post({ ...this.lastBuild, files: [...this.disk] });
  }

  /** The worker is stuck or gone: the running lint is over for it, another worker takes the queue. */
  private replace(): void {
    const old = this.worker;
    this.worker = undefined;
    void old?.terminate();
    if (this.running) this.end(this.running, { kind: 'stale' });
    this.running = undefined;
    if (!this.disposed) this.spawn();
  }

  private received(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker || this.disposed) return;
    switch (message.t) {
      case 'ready':
        this.started_ = true;
        for (const resolve of this.readyWaiters.splice(0)) resolve();
        this.pump();
        return;
      case 'built':
        if (this.lastBuild?.build === message.build) this.options.built();
        return;
      case 'affected':
        this.options.affected(message.uris);
        return;
      case 'log':
        this.options.log.error(message.message, message.error);
        return;
      case 'ruleError':
        this.options.ruleFailed(message.ruleId, message.uri, message.error);
        return;
      case 'paused':
        if (this.running?.id === message.id) this.stopTimer(this.running);
        return;
      case 'resumed':
        if (this.running?.id === message.id) this.startTimer(this.running);
        return;
      case 'result': {
        const running = this.running;
        if (running?.id !== message.id) return;
        // the worker goes on with the edits (within the same deadline); the findings are published meanwhile
        const edits = new Promise<PlainEdits[] | undefined>((resolve) => (running.edits = resolve));
        if (!running.config.ignored) this.open.set(running.uri, { t: 'open', uri: running.uri, version: running.version, text: running.text, languageId: running.languageId, ignored: false });
        else this.open.delete(running.uri);
        // a stale lint's index changes still count: the worker's index holds that version now
        if (running.settled) {
          if (message.affected.length) this.options.affected(message.affected);
        } else this.settle(running, { kind: 'done', lint: message.lint, affected: message.affected, edits });
        return;
      }
      case 'edits': {
        const running = this.running;
        if (running?.id !== message.id) return;
        this.stopTimer(running);
        this.running = undefined;
        running.edits?.(message.edits);
        this.pump();
        return;
      }
    }
  }

  private pump(): void {
    if (!this.started_ || this.running || !this.worker) return;
    const next = this.queue.shift();
    if (!next) return;
    const running: Running = { ...next, settled: false };
    this.running = running;
    this.startTimer(running);
    this.post({ t: 'lint', id: next.id, uri: next.uri, version: next.version, text: next.text, languageId: next.languageId, config: next.config, companions: next.companions });
  }

  private startTimer(running: Running): void {
    const ms = this.options.timeout();
    running.timer = this.options.clock.set(() => {
      running.timer = undefined;
      if (this.running !== running) return;
      // the index may hold this text half-parsed: the replacement gets the open documents without it
      this.open.delete(running.uri);
      this.end(running, { kind: 'timeout', ms });
      this.options.log.info(`Linting ${running.uri} took longer than ${ms} ms: the lint worker is replaced`);
      this.running = undefined;
      this.replace();
    }, ms);
  }

  private stopTimer(running: Running): void {
    if (running.timer !== undefined) this.options.clock.clear(running.timer);
    running.timer = undefined;
  }

  /** Resolves a running lint once; a stale one keeps the worker until its result arrives (or its deadline). */
  private settle(running: Running, outcome: LintOutcome): void {
    if (running.settled) return;
    running.settled = true;
    running.resolve(outcome);
  }

  /** The running lint is over without its result, or without its edits (none will come). */
  private end(running: Running, outcome: LintOutcome): void {
    this.stopTimer(running);
    this.settle(running, outcome);
    running.edits?.(undefined);
    running.edits = undefined;
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }
}
