// Which configuration applies to a document: defaults < the `.herd.yaml` of its workspace folder < editor settings.
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE, DEFAULT_MAX_FILE_SIZE, defaultConfig, mergeConfig, parseConfig, type ConfigProblem, type HerdConfig } from '../engine/config';
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
  return basename(path) === CONFIG_FILE;
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

export class WorkspaceConfig {
  private folders: WorkspaceFolderConfig[] = [];

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
    const folder = path ? this.folders.find((f) => join(f.path, CONFIG_FILE) === path) : undefined;
    if (!folder) return false;
    Object.assign(folder, this.load(folder.path));
    return true;
  }

  reloadAll(): void {
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
    const config = mergeConfig(folder?.config ?? defaultConfig(), editor);
    const path = uriToPath(uri);
    const rel = folder && path !== undefined ? pathBelow(folder.path, path) : undefined;
    const ignored = rel !== undefined && rel !== '' && config.ignore.length > 0 && matchesAny(rel, config.ignore);
    const compose = rel !== undefined && rel !== '' && /\.ya?ml$/i.test(rel) && (config.compose ?? []).length > 0 && matchesAny(rel, config.compose ?? []);
    return { config, ignored, compose, folder };
  }

  private load(folderPath: string): { config: HerdConfig; problems: ConfigProblem[] } {
    const file = join(folderPath, CONFIG_FILE);
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
