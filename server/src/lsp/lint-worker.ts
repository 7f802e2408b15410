// The language server's lint worker (dist/lint-worker.js): parses and lints open documents off the main
// thread, so that a slow document holds up neither requests nor, past its deadline, other documents (the
// main thread terminates a worker stuck in one lint and starts another). It keeps its own workspace index
// for the cross-file rules, fed with the events the main thread's index gets: the disk files (a whole build,
// read a file at a time between lints), file changes, and every linted version of the open documents.
import { parentPort, workerData } from 'node:worker_threads';
import { COMPOSE_LANGUAGE_ID, detectLanguage } from '../engine/detect';
import { lint } from '../engine/lint';
import type { Rule } from '../engine/rule';
import { WorkspaceIndex } from '../engine/workspace-index';
import { initShellParser, shellParserReady } from '../parse/shell';
import { allRules, ruleById } from '../rules';
import { errorText, plainEdits, toPlain, type FromWorker, type PlainEdits, type ToWorker, type WorkerRules } from './lint-protocol';

export interface LintWorkerData {
  rules: WorkerRules;
  maxFiles: number;
}

const port = parentPort;

/**
 * Runs the worker on this thread (`server/src/lint-worker.ts`, bundled as dist/lint-worker.js, is the entry);
 * `extraRules` are a test entry's own rules, given `rules.data`.
 */
export function runLintWorker(extraRules?: (data: unknown) => Rule[]): void {
  if (port) void main(workerData as LintWorkerData, extraRules);
}

async function main(data: LintWorkerData, extraRules?: (data: unknown) => Rule[]): Promise<void> {
  const post = (message: FromWorker) => port!.postMessage(message);
  const log = (message: string, error?: unknown) => post({ t: 'log', message, error: error === undefined ? undefined : errorText(error) });
  let rules: Rule[] = data.rules.ids ? data.rules.ids.map((id) => ruleById(id)).filter((r): r is Rule => r !== undefined) : [...allRules];
  if (extraRules) rules = [...rules, ...extraRules(data.rules.data)];
  const shellLoaded = initShellParser().catch((error: unknown) => log('Cannot load the shell parser in the lint worker; start commands will not be checked', error));
  const index = new WorkspaceIndex({ limits: { maxFiles: data.maxFiles } });
  /** The index answers the cross-file rules once it holds the workspace (as the main thread's). */
  let built = false;
  let build = 0;
  let staging: WorkspaceIndex | undefined;
  const openVersions = new Map<string, number>();
  const affected = (uris: string[]) => {
    if (uris.length) post({ t: 'affected', uris });
  };

  async function loadDisk(message: Extract<ToWorker, { t: 'build' }>): Promise<void> {
    const mine = ++build;
    const next = new WorkspaceIndex({ limits: index.limits });
    staging = next;
    let lastYield = Date.now();
    for (const [uri, text] of message.files) {
      if (mine !== build) return;
      try {
        next.setDisk(uri, text, false);
      } catch (error) {
        log(`Cannot index ${uri}`, error);
      }
      // lints wait for at most one file's parse
      if (Date.now() - lastYield > 5) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
    if (mine !== build) return;
    staging = undefined;
    index.setRoots(message.roots);
    index.adoptDisk(next);
    built = true;
    post({ t: 'built', build: message.build });
  }

  // messages are handled in order; a build goes on between them
  let chain = Promise.resolve();
  port!.on('message', (message: ToWorker) => {
    chain = chain.then(() => handle(message)).catch((error: unknown) => log('The lint worker failed on a message', error));
  });

  async function handle(message: ToWorker): Promise<void> {
    switch (message.t) {
      case 'roots':
        index.setRoots(message.paths);
        return;
      case 'disk':
        staging?.setDisk(message.uri, message.text, false);
        affected(index.setDisk(message.uri, message.text));
        return;
      case 'deleteDisk':
        staging?.deleteDisk(message.uri);
        affected(index.deleteDisk(message.uri));
        return;
      case 'build':
        void loadDisk(message).catch((error: unknown) => log('Indexing the workspace in the lint worker failed', error));
        return;
      case 'open':
        openVersions.set(message.uri, message.version);
        affected(message.ignored ? index.closeOpen(message.uri) : index.setOpen(message.uri, message.text, message.languageId));
        return;
      case 'close':
        openVersions.delete(message.uri);
        affected(index.closeOpen(message.uri));
        return;
      case 'lint':
        await lintDocument(message);
        return;
    }
  }

  async function lintDocument(message: Extract<ToWorker, { t: 'lint' }>): Promise<void> {
    const { id, uri, version, text, config } = message;
    openVersions.set(uri, version);
    // the index first, so that this lint and the files depending on this one see this version
    const changed = config.ignored ? index.closeOpen(uri) : index.setOpen(uri, text, message.languageId);
    const languageId = config.compose ? COMPOSE_LANGUAGE_ID : message.languageId;
    const run = () => {
      const language = config.ignored ? undefined : detectLanguage(uri, text, languageId);
      if (!language) return undefined;
      return lint(
        { uri, text, languageId, ...(language === 'compose' ? message.companions : {}) },
        {
          config: config.config,
          rules,
          workspace: built ? index : undefined,
          parsed: index.modelFor(uri, text),
          onRuleError: (ruleId, file, error) => post({ t: 'ruleError', ruleId, uri: file, error: errorText(error) }),
        },
      );
    };
    let result: ReturnType<typeof run>;
    try {
      result = run();
      if (result?.needsShellParser && !shellParserReady()) {
        // incomplete without the grammar: lint again once it is in (its loading is not this document's time)
        post({ t: 'paused', id });
        await shellLoaded;
        post({ t: 'resumed', id });
        result = run();
      }
    } catch (error) {
      // the engine catches rule and parse failures; this is a bug elsewhere, logged rather than shown
      log(`Herd failed on ${uri}`, error);
      result = undefined;
    }
    // the findings first: they are published while the edits of their fixes are computed
    post({ t: 'result', id, lint: result && toPlain(result), affected: changed });
    let edits: PlainEdits[] = [];
    try {
      if (result) edits = plainEdits(result, (target) => openVersions.get(target) ?? null, log);
    } catch (error) {
      log(`Herd failed on the fixes of ${uri}`, error);
    }
    post({ t: 'edits', id, edits });
  }

  post({ t: 'ready' });
}
