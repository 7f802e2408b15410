// The language server over any connection: `server.ts` passes the process's, the tests an in-memory one.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_BASE } from '../engine/index';
import type { Rule } from '../engine/rule';
import { initShellParser } from '../parse/shell';
import { allRules } from '../rules';
import { CODE_ACTION_KINDS, codeActions, fixAllEdits, workspaceEdit } from './code-actions';
import { containerCompletions } from './completion';
import { DocumentLinter, type DebounceTimers } from './document-linter';
import { hoverAt } from './hover';
import { composeDefinition } from './compose-definition';
import { imageDefinition } from './image-definition';
import { connectionLog, type Log } from './log';
import { defaultSettings, readSettings, type HerdSettings } from './settings';
import { isConfigFile, WorkspaceConfig } from './workspace-config';
import { LINT_WORKSPACE_REQUEST, lintWorkspace, type LintWorkspaceResult } from './workspace-lint';
import { WORKSPACE_GLOB, WorkspaceSync } from './workspace-sync';
import { COMPANION_GLOB, isCompanionUri } from './compose-companions';

export const FIX_ALL_COMMAND = 'herd.fixAll';
export const CONFIG_GLOB = '**/.herd.{yaml,yml}';

export interface ServerOptions {
  /** Base URL of the rule pages linked from diagnostics. */
  docsBase?: string;
  /** The rules to run; the registry by default (tests add their own). */
  rules?: readonly Rule[];
  /** The debounce clock; the process's timers by default (tests advance their own). */
  timers?: DebounceTimers;
  /** Loads the shell parser's grammar; `initShellParser` by default (tests decide when it arrives). */
  loadShellParser?: () => Promise<void>;
}

/** What a client may pass in `initializationOptions`. */
export interface HerdInitializationOptions {
  /** Overrides `herd.debounce` (0 in tests and benchmarks). */
  debounce?: number;
  /** Initial `herd` settings, for clients without `workspace/configuration`. */
  settings?: unknown;
  /** The client already sends configuration changes and `.herd.yaml` file events (the VS Code client does). */
  watchesConfig?: boolean;
}

/** A running server, for hosts that own the connection (the tests): `stop` is what a `shutdown` request does. */
export interface RunningServer {
  stop(): Promise<void>;
}

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  // after shutdown (or once the host stops us) nothing is linted, indexed or sent: the client may be gone
  let open = true;
  const log = connectionLog(connection, () => open);
  const documents = new TextDocuments(TextDocument);
  const rules = options.rules ?? allRules;
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  const workspace = new WorkspaceConfig((message) => log.info(message), ruleIds);
  const docsBase = options.docsBase ?? DOCS_BASE;
  let capabilities: ClientCapabilities = {};
  let initOptions: HerdInitializationOptions = {};
  let settings: HerdSettings = defaultSettings();

  let settingsLoaded!: () => void;
  // lints wait for the settings only: a document without shell scripts is linted before the grammar is loaded,
  // one that needs it is linted again once it is (DocumentLinter)
  const ready = new Promise<void>((resolve) => (settingsLoaded = resolve));
  const shellLoaded = (options.loadShellParser ?? initShellParser)().catch((error: unknown) => log.error('Cannot load the shell parser; start commands will not be checked', error));

  // the workspace index: cross-file rules, image links; the linter feeds it the open documents
  const sync = new WorkspaceSync({
    connection,
    log,
    folders: () => workspace.list(),
    resolve: (uri) => workspace.resolve(uri, settings),
    progress: () => capabilities.window?.workDoneProgress === true,
    affected: (uris) => linter.dependenciesChanged(uris),
    // open documents get the cross-file findings the index makes possible (sent only where they change)
    built: () => linter.dependenciesChanged([...documents.keys()]),
  });

  const linter = new DocumentLinter(
    {
      connection,
      documents,
      settings: () => settings,
      debounce: () => initOptions.debounce ?? settings.debounce,
      resolve: (uri) => workspace.resolve(uri, settings),
      docsBase,
      log,
      rules,
      ruleIds,
      workspace: sync,
      timers: options.timers,
      shellLoaded,
    },
    ready,
  );

  const pullsConfiguration = () => capabilities.workspace?.configuration === true;

  async function loadSettings(pushed?: unknown): Promise<void> {
    let raw: unknown = pushed;
    if (pullsConfiguration()) {
      raw = await connection.workspace.getConfiguration({ section: 'herd' }).catch((error: unknown) => log.error('Cannot read the herd settings', error));
    }
    const read = readSettings(raw);
    settings = read.settings;
    for (const problem of read.problems) log.info(`Ignoring setting ${problem}`);
  }

  connection.onInitialize(
    guard(log, 'initialize', undefined as unknown as InitializeResult, (params: InitializeParams): InitializeResult => {
      capabilities = params.capabilities;
      initOptions = readInitOptions(params.initializationOptions);
      const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      workspace.setFolders(folders);
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
          hoverProvider: true,
          definitionProvider: true,
          completionProvider: { resolveProvider: false },
          executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'herd' },
      };
    }),
  );

  connection.onInitialized(
    guard(log, 'initialized', undefined, async () => {
      try {
        if (capabilities.workspace?.workspaceFolders) {
          connection.workspace.onDidChangeWorkspaceFolders(
            guard(log, 'didChangeWorkspaceFolders', undefined, (event) => {
              event.removed.forEach((f) => workspace.removeFolder(f.uri));
              event.added.forEach((f) => workspace.addFolder(f.uri));
              linter.relintAll();
              void sync.rebuild();
            }),
          );
        }
        if (!initOptions.watchesConfig) await registerWatchers();
        await loadSettings(initOptions.settings);
      } finally {
        settingsLoaded();
      }
      log.info(`Herd language server ready (${workspace.list().length} workspace folder(s))`);
      // in the background: lints go on meanwhile, without the cross-file rules
      void sync.rebuild();
    }),
  );

  async function registerWatchers(): Promise<void> {
    const ws = capabilities.workspace;
    if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }, { globPattern: WORKSPACE_GLOB }, { globPattern: COMPANION_GLOB }] })
        .catch((e: unknown) => log.error('Cannot watch .herd.yaml and the workspace files', e));
    }
    if (ws?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'herd' }).catch((e: unknown) => log.error('Cannot watch settings', e));
    }
  }

  connection.onDidChangeConfiguration(
    guard(log, 'didChangeConfiguration', undefined, async (params) => {
      const pushed = (params.settings as { herd?: unknown } | null | undefined)?.herd;
      await loadSettings(pushed);
      linter.relintAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard(log, 'didChangeWatchedFiles', undefined, (params) => {
      let reloaded = false;
      for (const change of params.changes) if (isConfigFile(change.uri) && workspace.reloadConfigFile(change.uri)) reloaded = true;
      if (reloaded) {
        // its ignore globs decide what the index holds
        linter.relintAll();
        void sync.rebuild();
      } else void sync.filesChanged(params.changes.filter((c) => !isConfigFile(c.uri)));
      linter.companionsChanged(params.changes.map((c) => c.uri));
    }),
  );

  const seen = new Set<string>();
  documents.onDidChangeContent(
    guard(log, 'didChange', undefined, ({ document }) => {
      // the first content event is the open: lint at once; edits after it wait for the debounce
      if (seen.has(document.uri)) linter.changed(document.uri);
      else {
        seen.add(document.uri);
        linter.opened(document.uri);
      }
      // an edited `.env` or devcontainer.json: the Compose files beside it read its text
      if (isCompanionUri(document.uri)) linter.companionsChanged([document.uri]);
    }),
  );
  documents.onDidClose(
    guard(log, 'didClose', undefined, ({ document }) => {
      seen.delete(document.uri);
      linter.closed(document.uri);
      // the file on disk takes the place of the closed editor's text
      if (isCompanionUri(document.uri)) linter.companionsChanged([document.uri]);
    }),
  );
  documents.onDidSave(
    guard(log, 'didSave', undefined, ({ document }) => {
      if (isConfigFile(document.uri) && workspace.reloadConfigFile(document.uri)) {
        linter.relintAll();
        void sync.rebuild();
      }
    }),
  );

  const documentChanges = () => capabilities.workspace?.workspaceEdit?.documentChanges === true;

  /** A document a cross-file fix edits, as the index holds it; undefined when the open document has moved on since. */
  const otherDocument = (uri: string) => {
    const source = sync.index.sourceOf(uri);
    const open = documents.get(uri);
    if (!source || (open && open.getText() !== source.text)) return undefined;
    return { source, version: open ? open.version : null };
  };

  connection.onCodeAction(
    guard(log, 'codeAction', [], async (params) => {
      const entry = await linter.current(params.textDocument.uri);
      return entry ? codeActions(params, entry, documentChanges(), log, otherDocument) : [];
    }),
  );

  connection.onHover(
    guard(log, 'hover', null, async (params) => {
      const entry = await linter.current(params.textDocument.uri);
      const doc = documents.get(params.textDocument.uri);
      if (!entry || !doc || doc.version !== entry.version) return null;
      const index = sync.view() ? sync.index : undefined;
      const context = { uri: entry.uri, position: params.position, offset: doc.offsetAt(params.position), entry, docsBase, rules, index };
      return hoverAt(context, undefined, (error) => log.error('A hover provider failed', error));
    }),
  );

  connection.onDefinition(
    guard(log, 'definition', [], async (params) => {
      // the lint puts the current version of the document in the index
      const entry = await linter.current(params.textDocument.uri);
      const doc = documents.get(params.textDocument.uri);
      if (!entry?.result || !doc || doc.version !== entry.version) return [];
      const links = capabilities.textDocument?.definition?.linkSupport === true;
      const model = entry.result.model;
      if (model?.kind === 'compose') return composeDefinition(model, doc.offsetAt(params.position), sync.view() ? sync.index : undefined, links);
      if (!sync.view()) return [];
      return imageDefinition(sync.index, entry.uri, doc.offsetAt(params.position), links);
    }),
  );

  connection.onCompletion(
    guard(log, 'completion', [], (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !settings.enable) return [];
      const snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
      return containerCompletions({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId }, params.position, { snippets });
    }),
  );

  connection.onExecuteCommand(
    guard(log, 'executeCommand', undefined, async (params) => {
      if (params.command !== FIX_ALL_COMMAND) return undefined;
      const uri = uriArgument(params.arguments?.[0]);
      const entry = uri ? await linter.current(uri) : undefined;
      if (!entry?.result) return { applied: 0 };
      const edits = fixAllEdits(entry.result);
      if (!edits.length) return { applied: 0 };
      const target = { uri: entry.uri, version: entry.version, documentChanges: documentChanges() };
      const response = await connection.workspace.applyEdit({ label: 'Herd: apply all safe fixes', edit: workspaceEdit(target, edits) });
      if (!response.applied) log.info(`The editor did not apply the safe fixes to ${uri}${response.failureReason ? `: ${response.failureReason}` : ''}`);
      return { applied: response.applied ? edits.length : 0 };
    }),
  );

  connection.onRequest(
    LINT_WORKSPACE_REQUEST,
    guard(log, 'lintWorkspace', { files: 0, findings: 0, truncated: false } as LintWorkspaceResult, async (_params: unknown, token) => {
      await ready;
      await shellLoaded;
      // cross-file findings need the whole workspace indexed
      await sync.whenBuilt();
      if (!settings.enable) return { files: 0, findings: 0, truncated: false };
      const result = await lintWorkspace({ folders: workspace.list(), linter, resolve: (uri) => workspace.resolve(uri, settings), docsBase, log }, token);
      log.info(`Linted ${result.files} workspace file(s): ${result.findings} finding(s)${result.truncated ? ' (stopped at the file limit)' : ''}`);
      return result;
    }),
  );

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    open = false;
    stopped ??= (async () => {
      linter.dispose();
      await sync.dispose();
    })();
    return stopped;
  };
  connection.onShutdown(() => stop());
  connection.onExit(() => void stop());

  documents.listen(connection);
  connection.listen();
  return { stop };
}

function readInitOptions(raw: unknown): HerdInitializationOptions {
  if (typeof raw !== 'object' || raw === null) return {};
  const o = raw as Record<string, unknown>;
  return {
    debounce: typeof o.debounce === 'number' && o.debounce >= 0 ? o.debounce : undefined,
    settings: o.settings,
    watchesConfig: o.watchesConfig === true,
  };
}

/** The document of `herd.fixAll`: a uri string or `{ uri }`. */
function uriArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { uri?: unknown }).uri === 'string') return (arg as { uri: string }).uri;
  return undefined;
}

/** A handler that logs its exception and answers `fallback` instead of failing the request or the server. */
function guard<A extends unknown[], R>(log: Log, name: string, fallback: R, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`Herd ${name} handler failed`, error);
      return fallback;
    }
  };
}
