// Which files a `herd lint` run reads, each with the config that applies to it and its workspace.
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UsageError, type LintArgs } from './args';
import type { AppliedConfig, ConfigResolver } from './config-discovery';
import { expandGlob, isGlob } from './globs';
import type { CliIo } from './io';
import type { StdinFile } from './stdin';
import { byCodeUnit, explicitTarget, toSlashes, walkWorkspace, type LintTarget } from './walk';

export interface Planned {
  target: LintTarget;
  config: AppliedConfig['config'];
  shown: string;
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

/** Every file to lint with the config that applies to it, deduplicated and sorted by shown path. */
export function planTargets(args: LintArgs, io: CliIo, configs: ConfigResolver, stdin: StdinFile | undefined, note: (m: string) => void): Plan {
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
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
  });
  const dirs = roots.filter((r) => r.kind === 'dir').map((r) => r.path);
  const add = (target: LintTarget, workspace: string | undefined, from: string | undefined, text?: Buffer, shown = shownOf(target.path)): void => {
    const seen = planned.get(target.path);
    const walked = !target.explicit || seen?.walked === true;
    if (!seen || (target.explicit && !seen.target.explicit)) {
      const root = seen?.root ?? workspace;
      const entry: Planned = { target, config: configs.forFile(target.path, root).config, shown, root, walked, text, from: new Set(seen?.from) };
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
      for (const target of walkWorkspace(root.path, ignored, note, compose)) add(target, root.path, root.arg);
    } else if (root.kind === 'glob') {
      searches.push({ arg: root.arg, glob: true });
      const match = expandGlob(root.arg, io.cwd, (path, isDir) => configs.ignores(path, isDir, undefined), note);
      for (const target of match.targets) add(target, match.base, root.arg);
    } else {
      // a named file's workspace: the first directory argument it lies in
      const workspace = dirs.find((d) => isBelow(d, root.path));
      if (root.kind === 'stdin') {
        const target: LintTarget = stdin!.named ? explicitTarget(root.path) : { path: root.path, explicit: true, byContent: true };
        add(target, workspace, undefined, stdin!.text, stdin!.named ? shownOf(root.path) : stdin!.shown);
      } else add(explicitTarget(root.path), workspace, undefined);
    }
  }
  return { files: [...planned.values()].sort((a, b) => byCodeUnit(a.shown, b.shown)), searches };
}

function isBelow(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
