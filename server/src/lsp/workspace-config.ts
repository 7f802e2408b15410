// Which configuration applies to a document: defaults < the nearest `.herd.yaml`/`.herd.yml` (in its folder or above,
// within its workspace folder, stopping at a nested repository's root, as the CLI finds it) < editor settings.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILES, DEFAULT_MAX_FILE_SIZE, defaultConfig, mergeConfig, parseConfig, type ConfigProblem, type HerdConfig } from '../engine/config';
import { matchesAny } from '../engine/glob';
import type { HerdSettings } from './settings';

export interface WorkspaceFolderConfig {
  uri: string;
  path: string;
  config: HerdConfig;
  problems: ConfigProblem[];
}

export interface DocumentConfig {
  config: HerdConfig;
  /** The document matches an `ignore` glob of its folder's `.herd.yaml`. */
  ignored: boolean;
  /** The document matches a `compose` glob of its folder's `.herd.yaml`: a Compose file whatever its name. */
  compose?: boolean;
  folder?: WorkspaceFolderConfig;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function isConfigFile(uri: string): boolean {
  const path = uriToPath(uri) ?? uri;
  return CONFIG_FILES.includes(basename(path));
}

/** Parses a `.herd.yaml` against the rule ids the server runs. */
export function readConfigText(text: string, knownRuleIds: ReadonlySet<string>): { config: HerdConfig; problems: ConfigProblem[] } {
  return parseConfig(text, knownRuleIds);
}

/** The path of `child` below `parent`, or undefined when it lies outside. */
export function pathBelow(parent: string, child: string): string | undefined {
  const rel = relative(parent, child);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return rel === '' ? '' : undefined;
  return rel.split('\\').join('/');
}

/** A config below a workspace folder's root, or the absence of one in a folder (and whether it is a repository root). */
interface NestedConfig {
  parsed?: { config: HerdConfig; problems: ConfigProblem[] };
  repositoryRoot: boolean;
}

export class WorkspaceConfig {
  private folders: WorkspaceFolderConfig[] = [];
  /** Folder below a workspace folder's root → its own config, read once, dropped when a config file changes. */
  private readonly nested = new Map<string, NestedConfig>();

  constructor(
    private readonly log: (message: string) => void,
    private readonly knownRuleIds: ReadonlySet<string>,
  ) {}

  list(): readonly WorkspaceFolderConfig[] {
    return this.folders;
  }

  setFolders(uris: string[]): void {
    this.folders = [];
    for (const uri of uris) this.addFolder(uri);
  }

  addFolder(uri: string): void {
    const path = uriToPath(uri);
    if (!path || this.folders.some((f) => f.path === path)) return;
    this.folders.push({ uri, path, ...this.load(path) });
    // deepest folder first, so nested workspace folders win
    this.folders.sort((a, b) => b.path.length - a.path.length);
  }

  removeFolder(uri: string): void {
    const path = uriToPath(uri);
    this.folders = this.folders.filter((f) => f.path !== path);
  }

  /** Re-reads the `.herd.yaml` at `configUri` if it belongs to a workspace folder; true when one was reloaded. */
  reloadConfigFile(configUri: string): boolean {
    const path = uriToPath(configUri);
    if (!path || !CONFIG_FILES.includes(basename(path))) return false;
    const folder = this.folders.find((f) => dirname(path) === f.path);
    if (folder) {
      Object.assign(folder, this.load(folder.path));
      return true;
    }
    if (!this.folders.some((f) => pathBelow(f.path, path) !== undefined)) return false;
    // a nested config: created, changed or deleted; what applies where is found again
    this.nested.clear();
    return true;
  }

  reloadAll(): void {
    this.nested.clear();
    for (const folder of this.folders) Object.assign(folder, this.load(folder.path));
  }

  folderOf(uri: string): WorkspaceFolderConfig | undefined {
    const path = uriToPath(uri);
    return path === undefined ? undefined : this.folders.find((f) => pathBelow(f.path, path) !== undefined);
  }

  resolve(uri: string, settings: HerdSettings): DocumentConfig {
    const folder = this.folderOf(uri);
    const editor: Partial<HerdConfig> = { rules: settings.rules };
    // the editor's maxFileSize always has a value; only a changed one overrides the file's
    if (settings.maxFileSize !== DEFAULT_MAX_FILE_SIZE) editor.maxFileSize = settings.maxFileSize;
    const path = uriToPath(uri);
    const applied = folder && path !== undefined ? this.nearest(folder, path) : undefined;
    const config = mergeConfig(applied?.config ?? folder?.config ?? defaultConfig(), editor);
    // ignore globs are relative to the folder of the config that holds them
    const rel = applied && path !== undefined ? pathBelow(applied.base, path) : undefined;
    const ignored = rel !== undefined && rel !== '' && config.ignore.length > 0 && matchesAny(rel, config.ignore);
    const compose = rel !== undefined && rel !== '' && /\.ya?ml$/i.test(rel) && (config.compose ?? []).length > 0 && matchesAny(rel, config.compose ?? []);
    return { config, ignored, compose, folder };
  }

  /** The nearest config from the file's folder up to the workspace folder's root (defaults past a nested repository root). */
  private nearest(folder: WorkspaceFolderConfig, path: string): { config: HerdConfig; base: string } {
    for (let dir = dirname(path); dir !== folder.path && pathBelow(folder.path, dir) !== undefined; dir = dirname(dir)) {
      const here = this.nestedAt(dir);
      if (here.parsed) return { config: here.parsed.config, base: dir };
      if (here.repositoryRoot) return { config: defaultConfig(), base: dir };
    }
    return { config: folder.config, base: folder.path };
  }

  private nestedAt(dir: string): NestedConfig {
    let known = this.nested.get(dir);
    if (!known) {
      const file = CONFIG_FILES.map((name) => join(dir, name)).find((f) => existsSync(f));
      known = { parsed: file ? this.loadFile(file) : undefined, repositoryRoot: existsSync(join(dir, '.git')) };
      this.nested.set(dir, known);
    }
    return known;
  }

  private load(folderPath: string): { config: HerdConfig; problems: ConfigProblem[] } {
    const file = CONFIG_FILES.map((name) => join(folderPath, name)).find((f) => existsSync(f));
    return file ? this.loadFile(file) : { config: defaultConfig(), problems: [] };
  }

  private loadFile(file: string): { config: HerdConfig; problems: ConfigProblem[] } {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Cannot read ${file}: ${(error as Error).message}`);
      return { config: defaultConfig(), problems: [] };
    }
    const parsed = readConfigText(text, this.knownRuleIds);
    this.log(`Loaded ${file}${parsed.problems.length ? ` (${parsed.problems.length} problem(s); open it to see them)` : ''}`);
    return parsed;
  }
}
