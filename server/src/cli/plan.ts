// Which files a `herd lint` run reads, each with the config that applies to it and its workspace.
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError, type LintArgs } from './args';
import type { AppliedConfig, ConfigResolver } from './config-discovery';
import { describeFsError } from './fs-errors';
import { expandGlob, isGlob } from './globs';
import type { CliIo } from './io';
import type { StdinFile } from './stdin';
import { byCodeUnit, explicitTarget, toSlashes, walkWorkspace, type LintTarget } from './walk';

export interface Planned {
  target: LintTarget;
  config: AppliedConfig['config'];
  shown: string;
  /** The path as the user typed it (a walked file: the typed folder joined with the rest), for messages. */
  typed: string;
  /** The directory argument (or glob base) this file lies in: its workspace. */
  root?: string;
  /** Found by walking a directory (not ignored there): part of its workspace index. */
  walked: boolean;
  /** The text, when it does not come from the file (stdin). */
  text?: Buffer;
  /** The directory and glob arguments that reached this file. */
  from: Set<string>;
}

export interface Plan {
  files: Planned[];
  /** Directory and glob arguments: each must reach at least one Dockerfile, manifest or Compose file. */
  searches: { arg: string; glob: boolean }[];
}

/**
 * Every file to lint with the config that applies to it, deduplicated and sorted by shown path. A folder that cannot
 * be read is passed to `unreadableFolder` with its path as typed.
 */
export function planTargets(
  args: LintArgs,
  io: CliIo,
  configs: ConfigResolver,
  stdin: StdinFile | undefined,
  note: (m: string) => void,
  unreadableFolder: (typed: string, error: unknown) => void,
): Plan {
  const shownOf = (path: string) => toSlashes(relative(io.cwd, path)) || '.';
  const planned = new Map<string, Planned>();
  const searches: Plan['searches'] = [];
  type Root = { arg: string; path: string; kind: 'dir' | 'file' | 'glob' | 'stdin' };
  const roots: Root[] = args.paths.map((p) => {
    if (p === '-') return { arg: p, path: stdin!.path, kind: 'stdin' };
    const path = resolve(io.cwd, p);
    if (isGlob(p, io.cwd)) return { arg: p, path, kind: 'glob' };
    try {
      return { arg: p, path, kind: statSync(path).isDirectory() ? 'dir' : 'file' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `no such file or directory: ${p}` : `cannot read ${p}: ${describeFsError(error)}`);
    }
  });
  const dirs = roots.filter((r) => r.kind === 'dir').map((r) => r.path);
  // `--max-file-size` wins over every config's maxFileSize
  const configOf = (path: string, root: string | undefined) => {
    const config = configs.forFile(path, root).config;
    return args.maxFileSize === undefined ? config : { ...config, maxFileSize: args.maxFileSize };
  };
  const add = (target: LintTarget, workspace: string | undefined, from: string | undefined, typed: string, text?: Buffer, shown = shownOf(target.path)): void => {
    const seen = planned.get(target.path);
    const walked = !target.explicit || seen?.walked === true;
    if (!seen || (target.explicit && !seen.target.explicit)) {
      const root = seen?.root ?? workspace;
      const entry: Planned = { target, config: configOf(target.path, root), shown, typed, root, walked, text, from: new Set(seen?.from) };
      if (from !== undefined) entry.from.add(from);
      planned.set(target.path, entry);
    } else {
      if (!target.explicit) seen.walked = true;
      if (from !== undefined) seen.from.add(from);
    }
  };
  for (const root of roots) {
    if (root.kind === 'dir') {
      searches.push({ arg: root.arg, glob: false });
      const ignored = (path: string, isDir: boolean) => configs.ignores(path, isDir, root.path);
      const compose = (path: string) => configs.isCompose(path, root.path);
      const typedOf = (path: string) => toSlashes(join(root.arg, relative(root.path, path)));
      for (const target of walkWorkspace(root.path, ignored, (dir, error) => unreadableFolder(typedOf(dir), error), compose, io.readDir)) add(target, root.path, root.arg, typedOf(target.path));
    } else if (root.kind === 'glob') {
      searches.push({ arg: root.arg, glob: true });
      const match = expandGlob(root.arg, io.cwd, (path, isDir) => configs.ignores(path, isDir, undefined), (dir, error) => unreadableFolder(shownOf(dir), error), io.readDir);
      for (const target of match.targets) add(target, match.base, root.arg, shownOf(target.path));
    } else {
      // a named file's workspace: the first directory argument it lies in
      const workspace = dirs.find((d) => isBelow(d, root.path));
      if (root.kind === 'stdin') {
        const target: LintTarget = stdin!.named ? explicitTarget(root.path) : { path: root.path, explicit: true, byContent: true };
        const shown = stdin!.named ? shownOf(root.path) : stdin!.shown;
        add(target, workspace, undefined, shown, stdin!.text, shown);
      } else add(explicitTarget(root.path), workspace, undefined, root.arg);
    }
  }
  return { files: [...planned.values()].sort((a, b) => byCodeUnit(a.shown, b.shown)), searches };
}

function isBelow(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
