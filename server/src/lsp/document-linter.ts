// Lints open documents: immediately on open, debounced while typing, never a stale version.
// The last result per document is kept for code actions and hovers.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Rule } from '../engine/rule';
import { pathToFileURL } from 'node:url';
import { COMPOSE_LANGUAGE_ID, detectLanguage } from '../engine/detect';
import { lint, type LintResult } from '../engine/lint';
import { shellParserReady } from '../parse/shell';
import { companionTexts, composeFilesBeside } from './compose-companions';
import { configDiagnostics, lintDiagnostics } from './diagnostics';
import type { Log } from './log';
import type { HerdSettings } from './settings';
import { isConfigFile, readConfigText, uriToPath, type DocumentConfig } from './workspace-config';
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
    for (const key of this.ruleErrorsLogged) if (key.endsWith(`\0${uri}`)) this.ruleErrorsLogged.delete(key);
    this.publish(uri, [], undefined, true);
    // the file on disk takes the place of the closed document's text
    this.dependenciesChanged(this.host.workspace?.documentClosed(uri) ?? []);
  }

  /**
   * Files whose cross-file findings may have changed (a Dockerfile they deploy, a Service that selects
   * them): open documents are linted again; closed files shown by "Lint Workspace" too, from the index.
   */
  dependenciesChanged(uris: string[]): void {
    for (const uri of uris) {
      if (this.host.documents.get(uri)) {
        this.cache.delete(uri);
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
    const indexVersion = this.host.workspace?.index.version;
    if (cached && cached.version === doc.version && cached.generation === this.generation && (cached.indexVersion === undefined || cached.indexVersion === indexVersion)) return cached;
    this.cancel(uri);
    const entry = this.lintNow(doc);
    if (!entry.result?.needsShellParser || !this.host.shellLoaded || shellParserReady()) return entry;
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

  /** Lints a text with the configuration of its uri; undefined when Herd does not lint it. */
  lintText(uri: string, text: string, languageId: string | undefined, config: DocumentConfig): LintResult | undefined {
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
        onRuleError: (ruleId, file, error) => this.ruleFailed(ruleId, file, error),
      },
    );
  }

  /** A closed file with diagnostics from "Lint Workspace", linted again from its indexed text. */
  private relintClosed(uri: string): void {
    if (this.disposed || this.host.documents.get(uri) || !this.published.has(uri) || !this.host.settings().enable) return;
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
      await this.current(uri);
    } catch (error) {
      this.host.log.error(`Linting ${uri} failed`, error);
    }
  }

  private lintNow(doc: TextDocument): LintEntry {
    const { uri, version } = doc;
    const quiet = this.quiet.delete(uri);
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
      result = this.lintText(uri, text, doc.languageId, entry.config);
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

  /** `always`: send even when empty (a linted document); otherwise only to clear earlier diagnostics. */
  private publish(uri: string, diagnostics: Diagnostic[], version: number | undefined, always: boolean): void {
    if (this.disposed) return;
    const before = this.published.get(uri) ?? 0;
    if (!always && before === 0 && diagnostics.length === 0) return;
    if (diagnostics.length) this.published.set(uri, diagnostics.length);
    else this.published.delete(uri);
    void this.host.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }).catch((error: unknown) => this.host.log.error(`Publishing diagnostics for ${uri} failed`, error));
  }

  private ruleFailed(ruleId: string, uri: string, error: unknown): void {
    const key = `${ruleId}\0${uri}`;
    if (this.ruleErrorsLogged.has(key)) return;
    this.ruleErrorsLogged.add(key);
    this.host.log.error(`Rule ${ruleId} failed on ${uri}`, error);
  }
}
