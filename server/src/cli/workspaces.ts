// `herd lint DIR`: the directory is a workspace, indexed as the editor indexes its workspace folders, so
// that the CLI reports the same cross-file findings (image links, Services, base distributions).
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../engine/workspace-index';

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
    if (file.root === undefined) continue;
    let index = indexes.get(file.root);
    if (!index) {
      // no file limit: the CLI lints every file anyway
      index = new WorkspaceIndex({ roots: [file.root], limits: { maxFiles: Number.POSITIVE_INFINITY, maxFileSize: file.maxFileSize } });
      indexes.set(file.root, index);
    }
    if (file.indexed) index.setDisk(pathToFileURL(file.path).href, file.text, false);
  }
  return indexes;
}
