// Lints open documents: immediately on open, debounced while typing, never a stale version.
// The last result per document is kept for code actions and hovers.
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Rule } from '../engine/rule';
import { pathToFileURL } from 'node:url';
import { COMPOSE_LANGUAGE_ID, detectLanguage } from '../engine/detect';
import { lint, type LintResult } from '../engine/lint';
import { shellParserReady } from '../parse/shell';
import { companionTexts, composeFilesBeside } from './compose-companions';
import { configDiagnostics, lintDiagnostics, SOURCE } from './diagnostics';
import { addEdits, fromPlain } from './lint-protocol';
import type { LintWorkerHost } from './lint-worker-host';
import type { Log } from './log';
import type { HerdSettings } from './settings';
import { isConfigFile, readConfigText, type DocumentConfig } from './workspace-config';
import type { WorkspaceSync } from './workspace-sync';

export interface LintEntry {
  uri: string;
  version: number;
  /** Bumped whenever settings or a `.herd.yaml` change: older entries are stale. */
  generation: number;
  /** Absent when the document is not linted: not a Dockerfile or manifest, ignored, disabled, or a config file. */
  result?: LintResult;
  config?: DocumentConfig;
  /** The workspace index's version the lint saw: cross-file findings and fixes of an older one may be stale. */
  indexVersion?: number;
  /** Linted in the worker: the text it linted (the model stays there; `result.model` is parsed on demand). */
  text?: string;
  languageId?: string;
  /** The lint outlived this deadline (milliseconds): the document has one diagnostic saying so, and no result. */
  timedOut?: number;
  /** Settles once the worker's edits of the findings' fixes are in `result` (code actions wait for it). */
  edits?: Promise<void>;
  /** A file it depends on changed: it is linted again, and answers requests until then. */
  dependencyStale?: boolean;
}

export const LINT_TIMEOUT_CODE = 'lint-timeout';
/**
 * Until the worker has started (it loads the engine and the grammar again), documents up to this many characters
 * are linted on the main thread, so that the worker does not delay the first diagnostics; a larger one, which may be
 * slow, waits for the worker and its deadline.
 */
export const START_INLINE_LIMIT = 32 * 1024;

/** The one diagnostic of a document whose lint outlived its deadline. */
export function timeoutDiagnostic(ms: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: LINT_TIMEOUT_CODE,
    source: SOURCE,
    message: `Herd did not lint this file: linting it took longer than ${ms} ms (herd.lintTimeout)`,
  };
}

/** The debounce clock: the process's timers, or a clock a test advances by hand. */
export interface DebounceTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const processTimers: DebounceTimers = {
  set: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface LinterHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings(): HerdSettings;
  debounce(): number;
  resolve(uri: string): DocumentConfig;
  docsBase: string;
  log: Log;
  rules: readonly Rule[];
  ruleIds: ReadonlySet<string>;
  /** The workspace index, fed with every linted version of the open documents. */
  workspace?: WorkspaceSync;
  timers?: DebounceTimers;
  /** Settles once the shell parser's grammar is loaded (or failed to load); lints that needed it wait for it. */
  shellLoaded?: Promise<void>;
  /** Open documents are linted in this worker (with a deadline each) rather than on the main thread. */
  worker?: LintWorkerHost;
  /** Called before a closed file is linted on this thread (its index then takes the open documents' texts). */
  beforeInlineLint?(): void;
}

export class DocumentLinter {
  private readonly cache = new Map<string, LintEntry>();
  private readonly timers = new Map<string, unknown>();
  /** How many diagnostics each uri last received, so that clearing is sent only when needed. */
  private readonly published = new Map<string, number>();
  /** Documents linted again because a file they depend on changed: their diagnostics are sent only if they differ. */
  private readonly quiet = new Set<string>();
  /** What each open document was last sent (version and diagnostics), to tell. */
  private readonly lastSent = new Map<string, string>();
  private readonly ruleErrorsLogged = new Set<string>();
  private generation = 0;
  /** The worker lint of each document under way, by version and generation: requests share it. */
  private readonly inflight = new Map<string, { key: string; promise: Promise<LintEntry | undefined> }>();
  /** Bumped when a file a document depends on changes: a lint of the same version started before is not enough. */
  private readonly dependencyEpoch = new Map<string, number>();
  /** Set on shutdown: no lint starts and nothing is sent after it. */
  private disposed = false;

  constructor(
    private readonly host: LinterHost,
    private readonly ready: Promise<void>,
  ) {}

  private get clock(): DebounceTimers {
    return this.host.timers ?? processTimers;
  }

  /** Shutdown: pending lints are dropped, their timers cleared. */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) this.clock.clear(timer);
    this.timers.clear();
  }

  opened(uri: string): void {
    if (this.disposed) return;
    this.cancel(uri);
    void this.lintLatest(uri);
  }

  changed(uri: string): void {
    if (this.disposed) return;
    this.cancel(uri);
    const delay = this.host.debounce();
    if (delay <= 0) {
      void this.lintLatest(uri);
      return;
    }
    const timer = this.clock.set(() => {
      this.timers.delete(uri);
      void this.lintLatest(uri);
    }, delay);
    this.timers.set(uri, timer);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.cache.delete(uri);
    this.quiet.delete(uri);
    this.lastSent.delete(uri);
    this.dependencyEpoch.delete(uri);
    for (const key of this.ruleErrorsLogged) if (key.endsWith(`\0${uri}`)) this.ruleErrorsLogged.delete(key);
    this.publish(uri, [], undefined, true);
    // the file on disk takes the place of the closed document's text (the worker reports what that affects)
    const affected = this.host.workspace?.documentClosed(uri) ?? [];
    if (this.host.worker) this.host.worker.close(uri);
    else this.dependenciesChanged(affected);
  }

  /**
   * Files whose cross-file findings may have changed (a Dockerfile they deploy, a Service that selects
   * them): open documents are linted again; closed files shown by "Lint Workspace" too, from the index.
   */
  dependenciesChanged(uris: string[]): void {
    for (const uri of uris) {
      const doc = this.host.documents.get(uri);
      if (doc) {
        // a document past its deadline is not tried again until it changes (or the settings do)
        const cached = this.cache.get(uri);
        if (cached?.timedOut !== undefined && cached.version === doc.version && cached.generation === this.generation) continue;
        // with a worker, requests keep the current version's entry meanwhile: its re-lint may wait behind a slow document
        if (this.host.worker && cached) cached.dependencyStale = true;
        else this.cache.delete(uri);
        this.dependencyEpoch.set(uri, (this.dependencyEpoch.get(uri) ?? 0) + 1);
        this.quiet.add(uri);
        this.changed(uri);
      } else if (this.published.has(uri)) setImmediate(() => this.relintClosed(uri));
    }
  }

  /** A `.env` or devcontainer.json changed (on disk or in an editor): the open Compose documents beside it lint again. */
  companionsChanged(uris: string[]): void {
    const compose = [...this.host.documents.keys()].filter((uri) => this.cache.get(uri)?.result?.language === 'compose');
    this.dependenciesChanged(composeFilesBeside(uris, compose));
  }

  /** Settings or configuration changed: every open document is linted again. */
  relintAll(): void {
    this.generation++;
    for (const uri of this.host.documents.keys()) this.opened(uri);
  }

  /** The entry for the document's current version, linting it now if it is pending or stale. */
  async current(uri: string): Promise<LintEntry | undefined> {
    await this.ready;
    const doc = this.host.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.cache.get(uri);
    const worker = this.host.worker;
    if (worker && !this.startsInline(doc)) {
      if (cached && cached.version === doc.version && cached.generation === this.generation) return cached;
      // a lint that turned stale is followed by one of the newer version
      return (await this.inWorker(doc)) ?? (this.disposed ? undefined : this.current(uri));
    }
    const indexVersion = this.host.workspace?.index.version;
    if (cached && cached.version === doc.version && cached.generation === this.generation && (cached.indexVersion === undefined || cached.indexVersion === indexVersion)) return cached;
    this.cancel(uri);
    const entry = this.lintNow(doc);
    const complete = !entry.result?.needsShellParser || !this.host.shellLoaded || shellParserReady();
    if (worker && complete) {
      // the worker's index takes the version linted here; the worker starts once these diagnostics are out (not
      // while this thread still compiles the grammar)
      if (entry.config) worker.opened({ uri, version: doc.version, text: doc.getText(), languageId: doc.languageId, ignored: entry.config.ignored });
      setImmediate(() => {
        if (!this.disposed) worker.start();
      });
    }
    if (complete) return entry;
    // incomplete without the shell parser: nothing was published; lint again once the grammar is in
    await this.host.shellLoaded;
    return this.current(uri);
  }

  /** Diagnostics for a file that is not open (workspace lint). */
  publishFile(uri: string, diagnostics: Diagnostic[]): void {
    this.publish(uri, diagnostics, undefined, diagnostics.length > 0);
  }

  isOpen(uri: string): boolean {
    return this.host.documents.get(uri) !== undefined;
  }

  /** Lints a text with the configuration of its uri; undefined when Herd does not lint it. `previous`: its last result. */
  lintText(uri: string, text: string, languageId: string | undefined, config: DocumentConfig, previous?: LintResult): LintResult | undefined {
    if (config.compose) languageId = COMPOSE_LANGUAGE_ID;
    const language = config.ignored ? undefined : detectLanguage(uri, text, languageId);
    if (!language) return undefined;
    const sync = this.host.workspace;
    return lint(
      { uri, text, languageId, ...(language === 'compose' ? companionTexts(uri, (path) => this.host.documents.get(pathToFileURL(path).href)?.getText()) : {}) },
      {
        config: config.config,
        rules: this.host.rules,
        workspace: sync?.view(),
        parsed: sync?.index.modelFor(uri, text),
        previous,
        incremental: true,
        onRuleError: (ruleId, file, error) => this.ruleFailed(ruleId, file, error),
      },
    );
  }

  /** A closed file with diagnostics from "Lint Workspace", linted again from its indexed text. */
  private relintClosed(uri: string): void {
    if (this.disposed || this.host.documents.get(uri) || !this.published.has(uri) || !this.host.settings().enable) return;
    this.host.beforeInlineLint?.();
    const source = this.host.workspace?.index.sourceOf(uri);
    try {
      const result = source ? this.lintText(uri, source.text, undefined, this.host.resolve(uri)) : undefined;
      this.publishFile(uri, result ? lintDiagnostics(result, 0, this.host.docsBase) : []);
    } catch (error) {
      this.host.log.error(`Linting ${uri} failed`, error);
    }
  }

  private cancel(uri: string): void {
    if (this.timers.has(uri)) this.clock.clear(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private async lintLatest(uri: string): Promise<void> {
    if (this.disposed) return;
    try {
      if (this.host.worker) {
        await this.ready;
        const open = this.host.documents.get(uri);
        if (open && this.startsInline(open)) {
          await this.current(uri);
          return;
        }
        const doc = this.host.documents.get(uri);
        const cached = this.cache.get(uri);
        // once: a newer version's lint (or its debounce) is already on its way when this one turns stale
        if (doc && !(cached && !cached.dependencyStale && cached.version === doc.version && cached.generation === this.generation)) await this.inWorker(doc);
        return;
      }
      await this.current(uri);
    } catch (error) {
      this.host.log.error(`Linting ${uri} failed`, error);
    }
  }

  private lintNow(doc: TextDocument): LintEntry {
    const { uri, version } = doc;
    const quiet = this.quiet.delete(uri);
    const previous = this.cache.get(uri)?.result;
    const entry: LintEntry = { uri, version, generation: this.generation };
    this.cache.set(uri, entry);
    if (!this.host.settings().enable) {
      this.publish(uri, [], version, false);
      return entry;
    }
    const text = doc.getText();
    if (isConfigFile(uri)) {
      this.publish(uri, configDiagnostics(uri, text, readConfigText(text, this.host.ruleIds).problems), version, true);
      return entry;
    }
    entry.config = this.host.resolve(uri);
    let result: LintResult | undefined;
    let affected: string[] = [];
    try {
      // the index first, so that this lint and the files depending on this one see this version
      affected = this.host.workspace?.documentLinted(uri, text, doc.languageId, entry.config.ignored) ?? [];
      entry.indexVersion = this.host.workspace?.index.version;
      result = this.lintText(uri, text, doc.languageId, entry.config, previous);
    } catch (error) {
      // the engine catches rule and parse failures; this is a bug elsewhere, logged rather than shown
      this.host.log.error(`Herd failed on ${uri}`, error);
    }
    entry.result = result;
    // a lint that needed the shell parser before it was loaded is incomplete: `current` lints again when it is
    if (result?.needsShellParser && this.host.shellLoaded && !shellParserReady()) {
      this.cache.delete(uri);
      if (quiet) this.quiet.add(uri);
      this.dependenciesChanged(affected);
      return entry;
    }
    const diagnostics = result ? lintDiagnostics(result, version, this.host.docsBase) : [];
    const sent = `${version}\0${JSON.stringify(diagnostics)}`;
    if (!quiet || this.lastSent.get(uri) !== sent) this.publish(uri, diagnostics, version, result !== undefined);
    this.lastSent.set(uri, sent);
    this.dependenciesChanged(affected);
    return entry;
  }

  /** A small document while the worker is starting: linted here rather than after the worker's start. */
  private startsInline(doc: TextDocument): boolean {
    const worker = this.host.worker;
    return worker !== undefined && !worker.ready && !this.inflight.has(doc.uri) && doc.getText().length <= START_INLINE_LIMIT;
  }

  /** The worker lint of the document's current version (shared with requests); undefined when it turned stale. */
  private inWorker(doc: TextDocument): Promise<LintEntry | undefined> {
    const key = `${doc.version}\0${this.generation}\0${this.dependencyEpoch.get(doc.uri) ?? 0}`;
    const running = this.inflight.get(doc.uri);
    if (running?.key === key) return running.promise;
    this.cancel(doc.uri);
    // a re-lint for a changed dependency does not supersede a running lint of the same version
    const sameVersion = running?.key.startsWith(`${doc.version}\0${this.generation}\0`) === true;
    const promise = this.lintInWorker(doc, this.host.worker!, !(sameVersion && this.quiet.has(doc.uri)));
    const mine = { key, promise };
    this.inflight.set(doc.uri, mine);
    const done = () => {
      if (this.inflight.get(doc.uri) === mine) this.inflight.delete(doc.uri);
    };
    promise.then(done, done);
    return promise;
  }

  private async lintInWorker(doc: TextDocument, worker: LintWorkerHost, supersede: boolean): Promise<LintEntry | undefined> {
    const { uri, version, languageId } = doc;
    const generation = this.generation;
    const quiet = this.quiet.delete(uri);
    const entry: LintEntry = { uri, version, generation };
    if (!this.host.settings().enable) {
      this.cache.set(uri, entry);
      this.publish(uri, [], version, false);
      return entry;
    }
    const text = doc.getText();
    if (isConfigFile(uri)) {
      this.cache.set(uri, entry);
      this.publish(uri, configDiagnostics(uri, text, readConfigText(text, this.host.ruleIds).problems), version, true);
      return entry;
    }
    const config = this.host.resolve(uri);
    entry.config = config;
    // a Compose file's `.env` and devcontainer.json, read here (from the editor when open there) and sent with it
    const compose = !config.ignored && detectLanguage(uri, text, config.compose ? COMPOSE_LANGUAGE_ID : languageId) === 'compose';
    const companions = compose ? companionTexts(uri, (path) => this.host.documents.get(pathToFileURL(path).href)?.getText()) : undefined;
    const outcome = await worker.lint({ uri, version, text, languageId, companions, config: { config: config.config, ignored: config.ignored, compose: config.compose } }, supersede);
    const now = this.host.documents.get(uri);
    // never publish a stale version: a newer one is (or will be) linted
    if (this.disposed || outcome.kind === 'stopped' || outcome.kind === 'stale' || now?.version !== version || this.generation !== generation) return undefined;
    let diagnostics: Diagnostic[];
    let always = true;
    if (outcome.kind === 'timeout') {
      entry.timedOut = outcome.ms;
      worker.dropWaiting(uri, version);
      diagnostics = [timeoutDiagnostic(outcome.ms)];
    } else {
      entry.text = text;
      entry.languageId = languageId;
      const lint = outcome.lint;
      entry.result = lint && fromPlain(uri, text, lint);
      if (lint) entry.edits = outcome.edits.then((edits) => addEdits(lint, edits));
      diagnostics = entry.result ? lintDiagnostics(entry.result, version, this.host.docsBase) : [];
      always = entry.result !== undefined;
    }
    this.cache.set(uri, entry);
    const sent = `${version}\0${JSON.stringify(diagnostics)}`;
    if (!quiet || this.lastSent.get(uri) !== sent) this.publish(uri, diagnostics, version, always);
    this.lastSent.set(uri, sent);
    if (outcome.kind === 'done') this.dependenciesChanged(outcome.affected);
    return entry;
  }

  /** Documents linted in the worker whose current version it linted in time: the main thread's index may parse them. */
  linted(): LintEntry[] {
    const out: LintEntry[] = [];
    for (const entry of this.cache.values()) {
      const doc = this.host.documents.get(entry.uri);
      if (entry.text !== undefined && doc?.version === entry.version && entry.generation === this.generation) out.push(entry);
    }
    return out;
  }

  /** `always`: send even when empty (a linted document); otherwise only to clear earlier diagnostics. */
  private publish(uri: string, diagnostics: Diagnostic[], version: number | undefined, always: boolean): void {
    if (this.disposed) return;
    const before = this.published.get(uri) ?? 0;
    if (!always && before === 0 && diagnostics.length === 0) return;
    if (diagnostics.length) this.published.set(uri, diagnostics.length);
    else this.published.delete(uri);
    void this.host.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }).catch((error: unknown) => this.host.log.error(`Publishing diagnostics for ${uri} failed`, error));
  }

  /** A rule failed in the lint worker (its error as text). */
  ruleFailedIn(ruleId: string, uri: string, error: string): void {
    this.ruleFailed(ruleId, uri, error);
  }

  private ruleFailed(ruleId: string, uri: string, error: unknown): void {
    const key = `${ruleId}\0${uri}`;
    if (this.ruleErrorsLogged.has(key)) return;
    this.ruleErrorsLogged.add(key);
    this.host.log.error(`Rule ${ruleId} failed on ${uri}`, error);
  }
}
