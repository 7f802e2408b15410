// Keeps the workspace index current in the server: built from the workspace folders at start (in the
// background, a file at a time, with progress for large workspaces), then fed by file events and by
// the open documents. Requests never wait for it: until it is built, lints run without cross-file rules.
import { stat } from 'node:fs/promises';
import { readTextFile } from '../engine/file-text';
import { pathToFileURL } from 'node:url';
import type { Connection, FileEvent } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import { CONFIG_FILES } from '../engine/config';
import { fileKind } from '../engine/detect';
import type { WorkspaceView } from '../engine/workspace';
import { WorkspaceIndex } from '../engine/workspace-index';
import type { Log } from './log';
import { pathBelow, uriToPath, type DocumentConfig, type WorkspaceFolderConfig } from './workspace-config';
import { WORKSPACE_FILE_LIMIT, workspaceFiles } from './workspace-lint';

/** Workspaces with more files than this show work-done progress while they are indexed. */
export const PROGRESS_THRESHOLD = 200;
/** Files matching this glob are watched for the index (the VS Code client registers the same one). */
export const WORKSPACE_GLOB = '**/{Dockerfile*,*.Dockerfile,*.dockerfile,Containerfile*,*.yaml,*.yml,*.json}';
const SKIPPED = /(^|\/)(node_modules|\.git)\//;

export interface WorkspaceSyncHost {
  connection: Connection;
  log: Log;
  folders(): readonly WorkspaceFolderConfig[];
  resolve(uri: string): DocumentConfig;
  /** The client shows server-initiated progress (`window.workDoneProgress`). */
  progress(): boolean;
  /** Files whose cross-file findings may have changed. */
  affected(uris: string[]): void;
  /** The first build (or a rebuild) finished: every open document deserves a lint with the full index. */
  built(): void;
}

export class WorkspaceSync {
  readonly index = new WorkspaceIndex({ limits: { maxFiles: WORKSPACE_FILE_LIMIT } });
  private built = false;
  private build = 0;
  private buildDone: Promise<void> = Promise.resolve();
  /** The index a rebuild fills on the side; the live one keeps answering until it is complete. */
  private staging: WorkspaceIndex | undefined;
  private disposed = false;

  constructor(private readonly host: WorkspaceSyncHost) {}

  /** Shutdown: the running build stops at its next file, and no later event starts one. Resolves when it has. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.build++;
    await this.buildDone;
  }

  /** The index for rules, once it holds the workspace; undefined while the first build runs (a rebuild keeps the old one). */
  view(): WorkspaceView | undefined {
    return this.built ? this.index : undefined;
  }

  /** Resolves when the running build (if any) is over. */
  whenBuilt(): Promise<void> {
    return this.buildDone;
  }

  /** (Re)reads every Dockerfile, manifest and build file of the folders; a newer call cancels an older one. */
  rebuild(): Promise<void> {
    if (this.disposed) return this.buildDone;
    const build = ++this.build;
    this.buildDone = this.load(build).catch((error: unknown) => this.host.log.error('Indexing the workspace failed', error));
    return this.buildDone;
  }

  /** An open document was linted at this text (or is ignored): it overrides the file on disk. */
  documentLinted(uri: string, text: string, languageId: string | undefined, ignored: boolean): string[] {
    return ignored ? this.index.closeOpen(uri) : this.index.setOpen(uri, text, languageId);
  }

  documentClosed(uri: string): string[] {
    return this.index.closeOpen(uri);
  }

  /** `workspace/didChangeWatchedFiles`: the index reads what changed on disk. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    if (this.disposed) return;
    const affected = new Set<string>();
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!path || !this.indexable(change.uri, path)) continue;
      try {
        if (change.type === FileChangeType.Deleted) {
          this.staging?.deleteDisk(change.uri);
          for (const uri of this.index.deleteDisk(change.uri)) affected.add(uri);
          continue;
        }
        const size = (await stat(path)).size;
        const text = size > this.index.limits.maxFileSize ? undefined : await readTextFile(path);
        // a rebuild running meanwhile may have read the file before this change
        if (text === undefined) this.staging?.deleteDisk(change.uri);
        else this.staging?.setDisk(change.uri, text, false);
        const uris = text === undefined ? this.index.deleteDisk(change.uri) : this.index.setDisk(change.uri, text);
        for (const uri of uris) affected.add(uri);
        // the file itself: its diagnostics from "Lint Workspace" are of the old text
        affected.add(change.uri);
      } catch (error) {
        // deleted between the event and the read
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') for (const uri of this.index.deleteDisk(change.uri)) affected.add(uri);
        else this.host.log.error(`Cannot index ${path}`, error);
      }
    }
    if (affected.size && !this.disposed) this.host.affected([...affected]);
  }

  /** A file below a workspace folder, of a kind Herd reads, not in `node_modules`/`.git`, not ignored. */
  private indexable(uri: string, path: string): boolean {
    const folder = this.host.folders().find((f) => pathBelow(f.path, path) !== undefined);
    const rel = folder ? pathBelow(folder.path, path) : undefined;
    if (rel === undefined || SKIPPED.test(`${rel}`) || CONFIG_FILES.some((name) => rel.endsWith(name)) || !fileKind(path)) return false;
    return !this.host.resolve(uri).ignored;
  }

  private async load(build: number): Promise<void> {
    const folders = this.host.folders();
    const staging = new WorkspaceIndex({ limits: this.index.limits });
    this.staging = staging;
    const { files, truncated } = await workspaceFiles(folders, WORKSPACE_FILE_LIMIT, this.host.log);
    if (build !== this.build) return;
    const progress = files.length > PROGRESS_THRESHOLD && this.host.progress() ? await this.host.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Herd: indexing the workspace', 0, `${files.length} files`, false);
    let lastYield = Date.now();
    let reported = 0;
    for (let i = 0; i < files.length; i++) {
      if (build !== this.build) {
        progress?.done();
        return;
      }
      const uri = pathToFileURL(files[i]).href;
      try {
        if (!this.host.resolve(uri).ignored && (await stat(files[i])).size <= this.index.limits.maxFileSize) {
          const text = await readTextFile(files[i]);
          // a newer build may have started while this one waited for the disk
          if (build !== this.build) return;
          staging.setDisk(uri, text, false);
        }
      } catch (error) {
        this.host.log.error(`Cannot index ${files[i]}`, error);
      }
      // parsing is synchronous: give the event loop (requests, edits) a turn every few milliseconds
      if (Date.now() - lastYield > 10) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
      const percent = Math.floor(((i + 1) * 100) / files.length);
      if (progress && percent >= reported + 5) {
        reported = percent;
        progress.report(percent, `${i + 1}/${files.length} files`);
      }
    }
    progress?.done();
    if (build !== this.build) return;
    this.staging = undefined;
    this.index.setRoots(folders.map((f) => f.path));
    this.index.adoptDisk(staging);
    this.built = true;
    this.host.log.info(`Indexed ${this.index.diskFiles} workspace file(s)${truncated || this.index.truncated ? ` (stopped at the limit of ${WORKSPACE_FILE_LIMIT})` : ''}`);
    this.host.built();
  }
}
