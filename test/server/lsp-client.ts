// An in-process LSP client for the server tests: the server runs on one end of a pair of in-memory streams.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { createMessageConnection, StreamMessageReader as ClientReader, StreamMessageWriter as ClientWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type {
  ApplyWorkspaceEditParams,
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { startServer, type RunningServer, type ServerOptions } from '../../server/src/lsp/herd-server';
import type { LintWorkerData } from '../../server/src/lsp/lint-worker';

/** Starts a lint worker entry from its TypeScript source, through tsx's require hook (the server ships a bundle). */
export function tsxWorker(entry: string): (workerData: LintWorkerData) => Worker {
  const tsx = require.resolve('tsx/cjs');
  return (workerData) => new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}

/** A debounce clock the test advances by hand: timers fire only in `fire()`. */
export class ManualTimers {
  private readonly pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 0;

  set = (callback: () => void, ms: number): number => {
    this.pending.set(++this.next, { callback, ms });
    return this.next;
  };

  clear = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };

  /** The delays of the timers waiting now. */
  waiting(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }

  /** Fires every waiting timer, as if their delays had passed. */
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.callback();
  }
}

export interface StartOptions extends ServerOptions {
  folders?: string[];
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
}

interface Waiter {
  uri: string;
  predicate: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  settings: Record<string, unknown>;
  capabilities!: InitializeResult['capabilities'];
  private readonly waiters: Waiter[] = [];
  private readonly logWaiters: { predicate: (message: string) => boolean; resolve: (l: { type: number; message: string }) => void }[] = [];
  private readonly docs = new Map<string, { version: number; text: string }>();

  private constructor(
    readonly connection: MessageConnection,
    private readonly serverConnection: { dispose(): void },
    readonly server: RunningServer,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    // run from the sources (tsx), the server's worker entry is the source too; bundled (the benchmarks), the bundle's
    if (options.lintWorker === undefined && __filename.endsWith('.ts')) options = { ...options, lintWorker: { start: tsxWorker(join(__dirname, '..', '..', 'server', 'src', 'lint-worker.ts')) } };
    const server = startServer(serverConnection, options);
    const connection = createMessageConnection(new ClientReader(toClient), new ClientWriter(toServer));
    const client = new TestClient(connection, serverConnection, server, options.settings ?? {});
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.received(p));
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => client.logged(p));
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'herd' ? client.settings : null)));
    connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      client.appliedEdits.push(p);
      return { applied: true };
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const folders = options.folders ?? [];
    const result = await connection.sendRequest<InitializeResult>('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      initializationOptions: options.initializationOptions ?? { debounce: 0 },
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } } },
      },
    });
    client.capabilities = result.capabilities;
    await connection.sendNotification('initialized', {});
    return client;
  }

  /**
   * The next diagnostics published for `uri` that satisfy `predicate`. No time limit: the test waits for the
   * event it means (the runner's --test-timeout only ends a hung test).
   */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  /** The first log message (already received or still to come) that satisfies `predicate`. */
  logMessage(predicate: (message: string) => boolean): Promise<{ type: number; message: string }> {
    const seen = this.logs.find((l) => predicate(l.message));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.logWaiters.push({ predicate, resolve }));
  }

  /**
   * Resolves once the server has handled every message sent before it: the server reads messages in order, and a
   * completion request on a document that is not open is answered without linting anything.
   */
  async handled(): Promise<void> {
    await this.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///herd-test/not-open' }, position: { line: 0, character: 0 } });
  }

  async open(uri: string, languageId: string, text: string): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri);
    this.docs.set(uri, { version: 1, text });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return next;
  }

  /** Replaces the whole text (a range-less change is valid under incremental sync). */
  async change(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const doc = this.doc(uri);
    doc.version++;
    doc.text = text;
    const version = doc.version;
    const next = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  /** An incremental change; resolves once sent. */
  async edit(uri: string, range: Range, newText: string): Promise<number> {
    const doc = this.doc(uri);
    doc.version++;
    doc.text = applyTextEdits(doc.text, [{ range, newText }]);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: newText }] });
    return doc.version;
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri);
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return next;
  }

  text(uri: string): string {
    return this.doc(uri).text;
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[], range?: Range): Promise<CodeAction[]> {
    const r = range ?? diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics, only } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  /** Applies a workspace edit to the tracked documents and sends the results as changes; resolves with the new diagnostics. */
  async apply(edit: WorkspaceEdit, uri: string): Promise<PublishDiagnosticsParams> {
    return this.change(uri, applyTextEdits(this.text(uri), editsFor(edit, uri)));
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** As an editor closes a server: `shutdown` answered (the server's work is over), then the connection goes. */
  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    // the server stops on shutdown; a second stop resolves with the first
    await this.server.stop();
    this.connection.dispose();
    this.serverConnection.dispose();
  }

  private doc(uri: string): { version: number; text: string } {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  private logged(l: { type: number; message: string }): void {
    this.logs.push(l);
    for (let i = 0; i < this.logWaiters.length; i++) {
      if (this.logWaiters[i].predicate(l.message)) this.logWaiters.splice(i--, 1)[0].resolve(l);
    }
  }

  private received(p: PublishDiagnosticsParams): void {
    this.published.push(p);
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      if (w.uri === p.uri && w.predicate(p)) {
        this.waiters.splice(i--, 1);
        w.resolve(p);
      }
    }
  }
}

/** The text edits of `edit` for one document, whether sent as `changes` or versioned `documentChanges`. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  }
  return out;
}

export function offsetAt(text: string, p: Position): number {
  let line = 0;
  let offset = 0;
  while (line < p.line) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
    line++;
  }
  return Math.min(offset + p.character, text.length);
}

/** LSP text edits applied as an editor would: all ranges refer to the original text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  // reversed before a stable sort: insertions at one position keep their order
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText })).reverse();
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
