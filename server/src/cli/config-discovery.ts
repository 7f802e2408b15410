// Which `.herd.yaml` applies to a file: the nearest one in its folder or above, up to the repository root (a
// folder holding `.git`) or the filesystem root, as `.eslintrc` and `.hadolint.yaml` users expect. The nearest
// config wins whole (no merging); `--config FILE` replaces discovery for every file.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { CONFIG_FILES, defaultConfig, matchesAny, mergeConfig, type HerdConfig, type SeveritySetting } from '../engine';
import { loadConfig } from './config';
import { toSlashes } from './walk';

export interface AppliedConfig {
  /** With the `--rule` overrides applied. */
  config: HerdConfig;
  /** The config file it came from; undefined for the defaults. */
  file?: string;
  /** The folder its `ignore` globs are relative to: the config's own folder (or, for `--config`, the workspace). */
  base: string;
}

export class ConfigResolver {
  /** Folder → the config file that applies there (null: none up to the repository root). */
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, HerdConfig>();

  constructor(
    private readonly options: {
      cwd: string;
      /** `--config`, resolved: replaces discovery. */
      explicit?: string;
      overrides: Record<string, SeveritySetting>;
      ruleIds: ReadonlySet<string>;
    },
  ) {}

  /** The config for a file at `path` (which need not exist: `--stdin-filename`). `workspace` is the directory argument it was found in. */
  forFile(path: string, workspace?: string): AppliedConfig {
    return this.forFolder(dirname(path), workspace);
  }

  forFolder(folder: string, workspace?: string): AppliedConfig {
    const { explicit, cwd } = this.options;
    if (explicit) return { config: this.load(explicit, true), file: explicit, base: workspace ?? cwd };
    const file = this.find(folder);
    if (!file) return { config: mergeConfig(defaultConfig(), { rules: this.options.overrides }), base: folder };
    return { config: this.load(file, false), file, base: dirname(file) };
  }

  /** True when the `ignore` globs of the config that applies at `path` match it (a folder: also as `dir/`). */
  ignores(path: string, isDir: boolean, workspace?: string): boolean {
    // a folder is judged by the config of the folder holding it: its own `.herd.yaml` speaks for what is inside
    const applied = this.forFolder(dirname(path), workspace);
    if (applied.config.ignore.length === 0) return false;
    const rel = relativeBelow(applied.base, path);
    if (rel === undefined) return false;
    return matchesAny(rel, applied.config.ignore) || (isDir && matchesAny(`${rel}/`, applied.config.ignore));
  }

  /** True when the `compose:` globs of the config that applies at `path` name it (Compose files under other names). */
  isCompose(path: string, workspace?: string): boolean {
    const applied = this.forFolder(dirname(path), workspace);
    const globs = applied.config.compose ?? [];
    if (globs.length === 0) return false;
    const rel = relativeBelow(applied.base, path);
    return rel !== undefined && matchesAny(rel, globs);
  }

  private find(folder: string): string | undefined {
    const trail: string[] = [];
    let found: string | null | undefined;
    for (let dir = folder; ; dir = dirname(dir)) {
      const known = this.nearest.get(dir);
      if (known !== undefined) {
        found = known;
        break;
      }
      trail.push(dir);
      const here = CONFIG_FILES.map((name) => join(dir, name)).find(isFile);
      if (here) {
        found = here;
        break;
      }
      if (existsSync(join(dir, '.git')) || dirname(dir) === dir) {
        found = null;
        break;
      }
    }
    for (const dir of trail) this.nearest.set(dir, found);
    return found ?? undefined;
  }

  private load(file: string, required: boolean): HerdConfig {
    let config = this.loaded.get(file);
    if (!config) {
      const shown = toSlashes(relative(this.options.cwd, file)) || file;
      config = mergeConfig(loadConfig(file, shown, required, this.options.ruleIds), { rules: this.options.overrides });
      this.loaded.set(file, config);
    }
    return config;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function relativeBelow(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return toSlashes(rel);
}
