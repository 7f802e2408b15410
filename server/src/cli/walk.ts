// Which files a `herd lint` run reads: directories are walked, named files are always linted.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { CONFIG_FILE, fileKind, matchesAny } from '../engine';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface LintTarget {
  /** Absolute path. */
  path: string;
  /** Named on the command line rather than found by walking. */
  explicit: boolean;
  /** Set for a named file whose name says nothing: it is read as a Dockerfile. */
  languageId?: 'dockerfile';
}

/** Dockerfiles and YAML files under `root` (not .herd.yaml), sorted, minus `node_modules`, `.git` and the ignore globs. */
export function walkWorkspace(root: string, ignore: string[], onUnreadable: (dir: string, error: unknown) => void): LintTarget[] {
  const found: LintTarget[] = [];
  const visit = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      onUnreadable(dir, error);
      return;
    }
    for (const entry of entries.sort((a, b) => byCodeUnit(a.name, b.name))) {
      const name = entry.name;
      const path = join(dir, name);
      const rel = toSlashes(relative(root, path));
      const type = entryType(entry, path);
      if (type === 'dir') {
        // a folder glob (`vendor/`) only matches what is below the folder, so test the folder as one
        if (SKIPPED_DIRS.has(name) || matchesAny(rel, ignore) || matchesAny(`${rel}/`, ignore)) continue;
        visit(path);
      } else if ((type === 'file' || type === 'broken-link') && name !== CONFIG_FILE && fileKind(name) && !matchesAny(rel, ignore)) {
        // a dangling or looping symlink with a Dockerfile's or YAML name: reading it fails, and says why
        found.push({ path, explicit: false });
      }
    }
  };
  visit(root);
  return found;
}

/** A file named on the command line: linted whatever its name, as a Dockerfile unless it is YAML. */
export function explicitTarget(path: string): LintTarget {
  return fileKind(basename(path)) ? { path, explicit: true } : { path, explicit: true, languageId: 'dockerfile' };
}

/** Symlinked folders are not followed (they can loop); symlinked files are read. */
function entryType(entry: Dirent, path: string): 'dir' | 'file' | 'broken-link' | undefined {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return undefined;
  try {
    return statSync(path).isFile() ? 'file' : undefined;
  } catch {
    return 'broken-link';
  }
}

export function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
