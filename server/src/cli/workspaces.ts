// `herd lint DIR`: the directory is a workspace, indexed as the editor indexes its workspace folders, so
// that the CLI reports the same cross-file findings (image links, Services, base distributions).
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex, type IndexEntry } from '../engine/workspace-index';
import type { LintPool } from './lint-pool';
import type { EntryJob } from './lint-worker';

export interface WorkspaceFileText {
  path: string;
  /** The directory argument the file lies in; files outside every directory argument have no workspace. */
  root?: string;
  text: string;
  /** Walked in the directory (named files the walk skipped, such as ignored ones, stay out of the index). */
  indexed: boolean;
  maxFileSize: number;
}

/** One index per directory argument, holding the files found in it. */
export function workspaceIndexes(files: WorkspaceFileText[]): Map<string, WorkspaceIndex> {
  const indexes = new Map<string, WorkspaceIndex>();
  for (const file of files) {
    const index = indexFor(indexes, file);
    if (index && file.indexed) index.setDisk(pathToFileURL(file.path).href, file.text, false);
  }
  return indexes;
}

/** The same indexes, each file's facts computed by the worker threads (the texts stay here: they are not sent back). */
export async function workspaceIndexesIn(pool: LintPool, files: WorkspaceFileText[]): Promise<Map<string, WorkspaceIndex>> {
  const indexes = new Map<string, WorkspaceIndex>();
  const indexed = files.filter((file) => indexFor(indexes, file) && file.indexed);
  const entries = await pool.map<EntryJob, Omit<IndexEntry, 'text'> | undefined>('entries', indexed.length, (i) => {
    const file = indexed[i];
    return { uri: pathToFileURL(file.path).href, text: file.text, maxFileSize: file.maxFileSize };
  });
  const byRoot = new Map<WorkspaceIndex, IndexEntry[]>();
  indexed.forEach((file, i) => {
    const facts = entries[i];
    if (!facts) return;
    const index = indexes.get(file.root!)!;
    const list = byRoot.get(index);
    if (list) list.push({ ...facts, text: file.text });
    else byRoot.set(index, [{ ...facts, text: file.text }]);
  });
  for (const [index, list] of byRoot) index.addDiskEntries(list);
  return indexes;
}

function indexFor(indexes: Map<string, WorkspaceIndex>, file: WorkspaceFileText): WorkspaceIndex | undefined {
  if (file.root === undefined) return undefined;
  let index = indexes.get(file.root);
  if (!index) {
    // no file limit: the CLI lints every file anyway
    index = new WorkspaceIndex({ roots: [file.root], limits: { maxFiles: Number.POSITIVE_INFINITY, maxFileSize: file.maxFileSize } });
    indexes.set(file.root, index);
  }
  return index;
}
