// `herd/lintWorkspace`: lints the Dockerfiles and manifests on disk under the workspace folders and
// publishes their diagnostics, a file at a time so the LSP loop keeps answering.
import { readdir, stat } from 'node:fs/promises';
import { readTextFile } from '../engine/file-text';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import { CONFIG_FILES } from '../engine/config';
import { fileKind } from '../engine/detect';
import { matchesAny } from '../engine/glob';
import { lintDiagnostics } from './diagnostics';
import type { DocumentLinter } from './document-linter';
import type { Log } from './log';
import type { DocumentConfig, WorkspaceFolderConfig } from './workspace-config';

export const LINT_WORKSPACE_REQUEST = 'herd/lintWorkspace';
export const WORKSPACE_FILE_LIMIT = 2000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface LintWorkspaceResult {
  /** Files linted (open documents are counted, their editor text was linted already). */
  files: number;
  findings: number;
  /** More than the limit of files were found; the rest were not linted. */
  truncated: boolean;
}

export interface WorkspaceLintHost {
  folders: readonly WorkspaceFolderConfig[];
  linter: DocumentLinter;
  resolve(uri: string): DocumentConfig;
  docsBase: string;
  log: Log;
}

export async function lintWorkspace(host: WorkspaceLintHost, token?: CancellationToken, limit = WORKSPACE_FILE_LIMIT): Promise<LintWorkspaceResult> {
  const { files, truncated } = await workspaceFiles(host.folders, limit, host.log);
  const result: LintWorkspaceResult = { files: 0, findings: 0, truncated };
  for (const path of files) {
    if (token?.isCancellationRequested) break;
    const uri = pathToFileURL(path).href;
    result.files++;
    if (host.linter.isOpen(uri)) continue;
    try {
      const config = host.resolve(uri);
      if (config.ignored || (await stat(path)).size > config.config.maxFileSize) continue;
      const lintResult = host.linter.lintText(uri, await readTextFile(path), undefined, config);
      if (lintResult) {
        result.findings += lintResult.findings.length;
        host.linter.publishFile(uri, lintDiagnostics(lintResult, 0, host.docsBase));
      }
    } catch (error) {
      host.log.error(`Linting ${path} failed`, error);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

/** Dockerfiles and YAML files below the folders, breadth first, pruning skipped and ignored folders. */
export async function workspaceFiles(folders: readonly WorkspaceFolderConfig[], limit: number, log: Log): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    const queue: string[] = [''];
    while (queue.length) {
      const rel = queue.shift()!;
      let entries;
      try {
        entries = await readdir(join(folder.path, rel), { withFileTypes: true });
      } catch (error) {
        log.error(`Cannot list ${join(folder.path, rel)}`, error);
        continue;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          // symbolic links are not followed (isDirectory is false for them): no cycles
          if (!SKIPPED_FOLDERS.has(entry.name) && !matchesAny(`${childRel}/`, folder.config.ignore)) queue.push(childRel);
        } else if (entry.isFile() && !CONFIG_FILES.includes(entry.name) && fileKind(entry.name)) {
          const path = join(folder.path, childRel);
          // a nested workspace folder lists its files twice
          if (seen.has(path)) continue;
          if (files.length >= limit) return { files, truncated: true };
          seen.add(path);
          files.push(path);
        }
      }
    }
  }
  return { files, truncated: false };
}
