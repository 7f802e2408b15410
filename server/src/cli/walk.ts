// Which files a `herd lint` run reads: directories are walked, named files are always linted.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { CONFIG_FILES, fileKind, matchesAny } from '../engine';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface LintTarget {
  /** Absolute path. */
  path: string;
  /** Named on the command line rather than found by walking. */
  explicit: boolean;
  /** Set for a named file whose name says nothing: its content decides what it is (a Dockerfile, a manifest, neither). */
  byContent?: boolean;
  /** The language it is linted as: decided from its content when its name says nothing; `dockercompose` for a `compose:` glob of .herd.yaml. */
  languageId?: string;
}

/** Lists a folder: `readdirSync(dir, { withFileTypes: true })` unless a test stands in. */
export type ReadDir = (dir: string) => Dirent[];

const readDirFs: ReadDir = (dir) => readdirSync(dir, { withFileTypes: true });

/** Decides whether the walk skips a path (absolute); folders are asked once, before their contents are read. */
export type IgnorePredicate = (path: string, isDir: boolean) => boolean;

/**
 * Dockerfiles and YAML/JSON files under `root` (not .herd.yaml), sorted, minus `node_modules`, `.git` and the ignore
 * globs (relative to root) or predicate. `compose` says which YAML files `.herd.yaml`'s `compose:` globs name.
 */
export function walkWorkspace(
  root: string,
  ignore: string[] | IgnorePredicate,
  onUnreadable: (dir: string, error: unknown) => void,
  compose: (path: string) => boolean = () => false,
  readDir: ReadDir = readDirFs,
): LintTarget[] {
  const found: LintTarget[] = [];
  const ignored: IgnorePredicate =
    typeof ignore === 'function'
      ? ignore
      : (path, isDir) => {
          const rel = toSlashes(relative(root, path));
          return matchesAny(rel, ignore) || (isDir && matchesAny(`${rel}/`, ignore));
        };
  const visit = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readDir(dir);
    } catch (error) {
      onUnreadable(dir, error);
      return;
    }
    for (const entry of entries.sort((a, b) => byCodeUnit(a.name, b.name))) {
      const name = entry.name;
      const path = join(dir, name);
      const type = entryType(entry, path);
      if (type === 'dir') {
        // a folder glob (`vendor/`) only matches what is below the folder, so test the folder as one
        if (SKIPPED_DIRS.has(name) || ignored(path, true)) continue;
        visit(path);
      } else if ((type === 'file' || type === 'broken-link') && !CONFIG_FILES.includes(name) && fileKind(name) && !ignored(path, false)) {
        // a dangling or looping symlink with a Dockerfile's or YAML name: reading it fails, and says why
        found.push(/\.ya?ml$/i.test(name) && compose(path) ? { path, explicit: false, languageId: 'dockercompose' } : { path, explicit: false });
      }
    }
  };
  visit(root);
  return found;
}

/** A file named on the command line: by its name, or by its content when the name says nothing. */
export function explicitTarget(path: string): LintTarget {
  return fileKind(basename(path)) ? { path, explicit: true } : { path, explicit: true, byContent: true };
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
