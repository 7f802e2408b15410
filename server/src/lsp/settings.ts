// The editor's `herd.*` settings, validated: a bad value falls back to its default instead of failing the server.
import { DEFAULT_MAX_FILE_SIZE } from '../engine/config';
import type { SeveritySetting } from '../engine/types';

export interface HerdSettings {
  enable: boolean;
  /** Severity overrides by rule id; they apply over `.herd.yaml`. */
  rules: Record<string, SeveritySetting>;
  maxFileSize: number;
  /** Milliseconds between the last edit and the lint. */
  debounce: number;
  /** Milliseconds a document's lint may take before it is given up (and the document says so). */
  lintTimeout: number;
}

export const DEFAULT_DEBOUNCE = 150;
export const DEFAULT_LINT_TIMEOUT = 2000;
const SEVERITIES = new Set<string>(['off', 'info', 'warning', 'error']);

export function defaultSettings(): HerdSettings {
  return { enable: true, rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, debounce: DEFAULT_DEBOUNCE, lintTimeout: DEFAULT_LINT_TIMEOUT };
}

/** Reads the `herd` section as the client sent it (any shape); `problems` name what was dropped. */
export function readSettings(raw: unknown): { settings: HerdSettings; problems: string[] } {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (!isRecord(raw)) return { settings, problems };
  if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
  if (isRecord(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) settings.rules[id] = value as SeveritySetting;
      else problems.push(`herd.rules.${id}: expected off, info, warning or error, got ${JSON.stringify(value)}`);
    }
  }
  if (isNonNegativeNumber(raw.maxFileSize) && raw.maxFileSize > 0) settings.maxFileSize = raw.maxFileSize;
  if (isNonNegativeNumber(raw.debounce)) settings.debounce = raw.debounce;
  if (isNonNegativeNumber(raw.lintTimeout) && raw.lintTimeout > 0) settings.lintTimeout = raw.lintTimeout;
  return { settings, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
