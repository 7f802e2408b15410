// Quoted globs (`herd lint 'services/**/Dockerfile'`), expanded by Herd as ESLint does, so that they work the same
// in every shell and on Windows. `**` crosses folders, `*` and `?` do not (the engine's glob syntax).
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { globToRegExp } from '../engine/glob';
import { toSlashes, walkWorkspace, type IgnorePredicate, type LintTarget, type ReadDir } from './walk';

/** An argument is a glob when it has a wildcard and is not the name of an existing file (`a?b` can be a name). */
export function isGlob(arg: string, cwd: string): boolean {
  return /[*?]/.test(arg) && !existsSync(resolve(cwd, arg));
}

export interface GlobMatch {
  /** The folder before the first wildcard: walked, and the workspace of what matched. */
  base: string;
  targets: LintTarget[];
}

/** The lintable files (by name) under the glob's base folder that the whole pattern matches. */
export function expandGlob(pattern: string, cwd: string, ignored: IgnorePredicate, onUnreadable: (dir: string, error: unknown) => void, readDir?: ReadDir): GlobMatch {
  const absolute = toSlashes(isAbsolute(pattern) ? pattern : join(cwd, pattern)).replace(/\/{2,}/g, '/');
  const parts = absolute.split('/');
  const firstWild = parts.findIndex((p) => /[*?]/.test(p));
  const baseParts = parts.slice(0, firstWild);
  // '/x/*' splits into ['', 'x', '*']: the base is '/x'; a drive ('C:') keeps its separator
  const base = baseParts.join('/') || '/';
  const baseDir = sep === '/' ? base : base.split('/').join(sep) + (baseParts.length === 1 ? sep : '');
  if (!existsSync(baseDir)) return { base: baseDir, targets: [] };
  const matcher = globToRegExp(absolute);
  const targets = walkWorkspace(baseDir, ignored, onUnreadable, undefined, readDir).filter((t) => matcher.test(toSlashes(t.path)));
  return { base: baseDir, targets };
}
