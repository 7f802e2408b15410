// .herd.yaml and editor settings: rule severities and ignored paths. A bad config never stops linting.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { SeveritySetting } from './types';

export interface HerdConfig {
  /** Severity overrides by rule id. */
  rules: Record<string, SeveritySetting>;
  /** Globs of paths (relative to the workspace root) that are not linted. */
  ignore: string[];
  /** Globs of YAML files (relative to the workspace root) that are Compose files whatever their name. */
  compose?: string[];
  /** Documents above this many characters get one informational diagnostic instead of a lint. */
  maxFileSize: number;
}

export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
}

export const CONFIG_FILE = '.herd.yaml';
/** The names a config file may have, in the order they win when a folder has both. */
export const CONFIG_FILES: readonly string[] = [CONFIG_FILE, '.herd.yml'];
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export function defaultConfig(): HerdConfig {
  return { rules: {}, ignore: [], compose: [], maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

/** Reads .herd.yaml text; unknown ids and bad values are reported and skipped, the rest applies. */
export function parseConfig(text: string, knownRuleIds: ReadonlySet<string>): { config: HerdConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  for (const e of doc.errors) problems.push({ message: `.herd.yaml is not valid YAML: ${e.message.split('\n')[0]}`, start: e.pos[0], end: e.pos[1] });
  if (doc.errors.length) return { config, problems };
  const root = doc.contents;
  if (root === null || root === undefined) return { config, problems };
  if (!isMap(root)) {
    problems.push({ message: '.herd.yaml must be a mapping with `rules`, `ignore` or `maxFileSize` keys', ...spanOf(root, text) });
    return { config, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'rules') readRules(value, knownRuleIds, config, problems, text);
    else if (key === 'ignore') readIgnore(value, config, problems, text);
    else if (key === 'compose') readCompose(value, config, problems, text);
    else if (key === 'maxFileSize') readMaxFileSize(value ?? (pair.key as Node), config, problems, text);
    else problems.push({ message: `Unknown key \`${key}\` in .herd.yaml (expected \`rules\`, \`ignore\`, \`compose\` or \`maxFileSize\`)`, ...spanOf(pair.key as Node, text) });
  }
  return { config, problems };
}

function readRules(value: Node | null, known: ReadonlySet<string>, config: HerdConfig, problems: ConfigProblem[], text: string): void {
  if (value === null) return;
  if (!isMap(value)) {
    problems.push({ message: '`rules` must map rule ids to off, info, warning or error', ...spanOf(value, text) });
    return;
  }
  for (const pair of value.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const sev = isScalar(pair.value) ? String(pair.value.value) : '';
    if (!known.has(id)) {
      problems.push({ message: `Unknown rule id \`${id}\` in .herd.yaml`, ...spanOf(pair.key as Node, text) });
    } else if (!SEVERITIES.has(sev)) {
      problems.push({ message: `Bad severity \`${sev}\` for \`${id}\`: use off, info, warning or error`, ...spanOf((pair.value ?? pair.key) as Node, text) });
    } else config.rules[id] = sev as SeveritySetting;
  }
}

function readMaxFileSize(value: Node | null, config: HerdConfig, problems: ConfigProblem[], text: string): void {
  if (isScalar(value) && typeof value.value === 'number' && Number.isFinite(value.value) && value.value > 0) config.maxFileSize = value.value;
  else problems.push({ message: '`maxFileSize` must be a positive number of bytes', ...spanOf(value, text) });
}

function readIgnore(value: Node | null, config: HerdConfig, problems: ConfigProblem[], text: string): void {
  if (value === null) return;
  if (!isSeq(value) || !value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
    problems.push({ message: '`ignore` must be a list of glob strings', ...spanOf(value, text) });
    return;
  }
  config.ignore = value.items.map((i) => String((i as { value: unknown }).value));
}

function readCompose(value: Node | null, config: HerdConfig, problems: ConfigProblem[], text: string): void {
  if (value === null) return;
  if (!isSeq(value) || !value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
    problems.push({ message: '`compose` must be a list of glob strings', ...spanOf(value, text) });
    return;
  }
  config.compose = value.items.map((i) => String((i as { value: unknown }).value));
}

function spanOf(node: Node | null | undefined, text: string): { start: number; end: number } {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: Math.min(text.length, 1) };
}

/** Editor settings apply over the file's. */
export function mergeConfig(base: HerdConfig, overrides: Partial<HerdConfig>): HerdConfig {
  return {
    rules: { ...base.rules, ...(overrides.rules ?? {}) },
    ignore: [...base.ignore, ...(overrides.ignore ?? [])],
    compose: [...(base.compose ?? []), ...(overrides.compose ?? [])],
    maxFileSize: overrides.maxFileSize ?? base.maxFileSize,
  };
}
