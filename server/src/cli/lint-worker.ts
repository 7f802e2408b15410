// A worker thread of `herd lint` (bundled to dist/cli-worker.js): computes index entries and lints files that
// the main thread hands it, with the workspace indexes the main thread built (their facts, not parse trees).
import { parentPort } from 'node:worker_threads';
import { initShellParser } from '../engine';
import { indexEntry, WorkspaceIndex, type IndexEntry, type IndexSnapshot } from '../engine/workspace-index';
import { lintJob, type LintJob, type Linted } from './linted';

export interface EntryJob {
  uri: string;
  text: string;
  maxFileSize: number;
}

export type ToWorker =
  | { type: 'entries'; items: EntryJob[] }
  | { type: 'indexes'; snapshots: [string, IndexSnapshot][] }
  | { type: 'lint'; items: LintJob[] };

export type FromWorker = { results: (Omit<IndexEntry, 'text'> | undefined)[] | Linted[] } | { error: string };

const port = parentPort!;
const indexes = new Map<string, WorkspaceIndex>();
const ready = initShellParser();

port.on('message', (message: ToWorker) => {
  // messages are handled in the order they came: every handler waits on the same promise
  void ready.then(() => {
    try {
      if (message.type === 'indexes') {
        for (const [root, snapshot] of message.snapshots) indexes.set(root, WorkspaceIndex.fromSnapshot(snapshot));
      } else if (message.type === 'entries') {
        // the text stays with the main thread, which has it already
        const results = message.items.map(({ uri, text, maxFileSize }) => {
          const entry = indexEntry(uri, text, undefined, maxFileSize);
          if (!entry) return undefined;
          const { text: _text, ...facts } = entry;
          return facts;
        });
        port.postMessage({ results } satisfies FromWorker);
      } else {
        port.postMessage({ results: message.items.map((job) => lintJob(job, job.root === undefined ? undefined : indexes.get(job.root))) } satisfies FromWorker);
      }
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
    }
  });
});
