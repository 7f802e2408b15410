// Runs fuzz cases through the engine: lint as a Dockerfile and as a manifest with every rule, then build and
// apply every fix. Shared by the bounded test and `scripts/fuzz.ts`.
import fc from 'fast-check';
import { applyEdits, lint, safeFixEdits, type LintResult, type OffsetEdit } from '../../server/src/engine';
import { decodeFile, encodeFile } from '../../server/src/cli/fix';
import { buildInput, caseArbitrary, inputBytes, MUTATORS, type FuzzCase, type FuzzScale, type MutatorName } from './mutators';

export type FailureKind = 'threw' | 'rule-error' | 'fix-threw' | 'bad-edit' | 'slow' | 'skipped' | 'bytes-changed';

export interface Failure {
  index: number;
  kind: FailureKind;
  as: 'dockerfile' | 'manifest';
  message: string;
  fuzzCase: FuzzCase;
}

export interface FuzzFigures {
  inputs: number;
  lints: number;
  findings: number;
  fixesApplied: number;
  perMutator: Record<MutatorName, number>;
  /** CPU milliseconds per lint (one input as one language, fixes included; the process's GC threads count): other processes on a busy machine do not. */
  times: number[];
  /** The longest wall-clock lint, which does include waiting for the CPU. */
  maxWallMs: number;
  slowest: { ms: number; index: number; as: string; fuzzCase: FuzzCase; length: number }[];
  failures: Failure[];
  totalMs: number;
  /** Inputs whose bytes are not UTF-8: linted, and `--fix` leaves them as they are. */
  notUtf8: number;
  /** Files written by the `--fix` byte check (the safe fixes of one pass applied, bytes compared). */
  filesFixed: number;
  /** Lints that said why they did not lint (parse error, too large): reported, not silent. */
  notLinted: number;
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  scale?: FuzzScale;
  /** A lint taking more CPU time than this is a failure. */
  limitMs: number;
  /** Run only these case indexes (replay). */
  only?: number[];
  onProgress?: (done: number) => void;
}

/** A manifest header for inputs that would otherwise not be read as Kubernetes. */
const MANIFEST_HEADER = 'apiVersion: v1\nkind: Pod\n';

/** The case at `index` of a run: each index has its own seed, so any one case replays alone. */
export function caseAt(seed: number, index: number, fileCount: number, scale?: FuzzScale): FuzzCase {
  const caseSeed = (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) | 0;
  return fc.sample(caseArbitrary(fileCount, scale), { seed: caseSeed, numRuns: 1 })[0];
}

export function runFuzz(texts: readonly string[], options: FuzzOptions): FuzzFigures {
  const perMutator = Object.fromEntries(MUTATORS.map((m) => [m, 0])) as Record<MutatorName, number>;
  const figures: FuzzFigures = { inputs: 0, lints: 0, findings: 0, fixesApplied: 0, perMutator, times: [], maxWallMs: 0, slowest: [], failures: [], totalMs: 0, notUtf8: 0, filesFixed: 0, notLinted: 0 };
  const started = performance.now();
  const indexes = options.only ?? Array.from({ length: options.runs }, (_, i) => i);
  for (const index of indexes) {
    const fuzzCase = caseAt(options.seed, index, texts.length, options.scale);
    // the input as a file's bytes, read as the CLI reads them (BOM hidden, invalid UTF-8 as U+FFFD)
    const bytes = inputBytes(fuzzCase, buildInput(fuzzCase, texts));
    const file = decodeFile(bytes);
    const text = file.text;
    figures.inputs++;
    if (!file.roundTrips) figures.notUtf8++;
    for (const m of fuzzCase.mutations) perMutator[m.kind]++;
    const fail = (kind: FailureKind, as: Failure['as'], message: string) => figures.failures.push({ index, kind, as, message, fuzzCase });
    const dockerfile = lintOne(figures, index, fuzzCase, 'dockerfile', 'file:///fuzz/Dockerfile', text, fail, options.limitMs);
    if (dockerfile) checkFixBytes(figures, bytes, dockerfile, (message) => fail('bytes-changed', 'dockerfile', message));
    const yamlText = /^["']?apiVersion["']?\s*:/m.test(text) && /^["']?kind["']?\s*:/m.test(text) ? text : MANIFEST_HEADER + text;
    const manifest = lintOne(figures, index, fuzzCase, 'manifest', 'file:///fuzz/manifest.yaml', yamlText, fail, options.limitMs);
    // a manifest header at the top of the file: it must be linted, or say why not
    if (manifest && !manifest.language && manifest.problems.length === 0 && yamlText.startsWith(MANIFEST_HEADER)) fail('skipped', 'manifest', 'a manifest with apiVersion and kind was not linted, without a word');
    if (manifest && yamlText === text) checkFixBytes(figures, bytes, manifest, (message) => fail('bytes-changed', 'manifest', message));
    options.onProgress?.(figures.inputs);
  }
  figures.totalMs = performance.now() - started;
  figures.slowest.sort((a, b) => b.ms - a.ms);
  return figures;
}

function lintOne(
  figures: FuzzFigures,
  index: number,
  fuzzCase: FuzzCase,
  as: Failure['as'],
  uri: string,
  text: string,
  fail: (kind: FailureKind, as: Failure['as'], message: string) => void,
  limitMs: number,
): LintResult | undefined {
  const wall0 = performance.now();
  const cpu0 = cpuMs();
  let result: LintResult;
  try {
    result = lint({ uri, text }, { onRuleError: (id, _uri, e) => fail('rule-error', as, `${id}: ${errorLine(e)}`) });
  } catch (e) {
    fail('threw', as, `lint: ${errorLine(e)}`);
    return undefined;
  }
  figures.lints++;
  if (result.problems.some((p) => p.code === 'parse-error' || p.code === 'file-too-large')) figures.notLinted++;
  figures.findings += result.findings.length;
  for (const finding of result.findings) {
    for (const fix of finding.fixes) {
      let edits: OffsetEdit[];
      try {
        edits = fix.edits();
      } catch (e) {
        fail('fix-threw', as, `${finding.ruleId} "${fix.title}": ${errorLine(e)}`);
        continue;
      }
      const bad = badEdit(edits, text.length);
      if (bad) {
        fail('bad-edit', as, `${finding.ruleId} "${fix.title}": ${bad}`);
        continue;
      }
      applyEdits(text, edits);
      figures.fixesApplied++;
    }
  }
  const ms = cpuMs() - cpu0;
  figures.times.push(ms);
  figures.maxWallMs = Math.max(figures.maxWallMs, performance.now() - wall0);
  keepSlowest(figures, { ms, index, as, fuzzCase, length: text.length });
  if (ms > limitMs) fail('slow', as, `${ms.toFixed(0)} ms CPU for ${text.length} characters`);
  return result;
}

/**
 * `herd lint --fix` on the file's bytes, one pass of safe fixes: a file that does not round-trip is left as it
 * is; otherwise the written bytes must equal the original bytes with only the edits' ranges replaced.
 */
function checkFixBytes(figures: FuzzFigures, bytes: Buffer, result: LintResult, fail: (message: string) => void): void {
  const file = decodeFile(bytes);
  if (!file.roundTrips) return;
  let edits: OffsetEdit[];
  try {
    edits = safeFixEdits(result.findings).edits;
  } catch {
    return; // reported as fix-threw by lintOne
  }
  if (edits.length === 0 || badEdit(edits, file.text.length)) return;
  const written = encodeFile(applyEdits(file.text, edits), file.bom);
  // the expected bytes: the original ones, each edit's range replaced by its UTF-8 text
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let at = file.bom ? 3 : 0;
  const parts: Buffer[] = [bytes.subarray(0, at)];
  let charAt = 0;
  for (const e of sorted) {
    const start = at + Buffer.byteLength(file.text.slice(charAt, e.start));
    parts.push(bytes.subarray(at, start), Buffer.from(e.newText, 'utf8'));
    at = start + Buffer.byteLength(file.text.slice(e.start, e.end));
    charAt = e.end;
  }
  parts.push(bytes.subarray(at));
  figures.filesFixed++;
  const expected = Buffer.concat(parts);
  if (!written.equals(expected)) {
    let i = 0;
    while (i < written.length && written[i] === expected[i]) i++;
    fail(`--fix wrote ${written.length} bytes, expected ${expected.length}; first difference at byte ${i}`);
  }
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Edits must lie inside the text and not overlap one another. */
export function badEdit(edits: OffsetEdit[], length: number): string | undefined {
  for (const e of edits) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end > length || e.start > e.end) return `edit ${e.start}-${e.end} outside 0-${length}`;
    if (typeof e.newText !== 'string') return `edit ${e.start}-${e.end} has no text`;
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (b.start < a.end || (a.start === a.end && b.start === b.end && a.start === b.start)) return `edits ${a.start}-${a.end} and ${b.start}-${b.end} overlap`;
  }
  return undefined;
}

function keepSlowest(figures: FuzzFigures, entry: FuzzFigures['slowest'][number]): void {
  const list = figures.slowest;
  if (list.length < 10) list.push(entry);
  else {
    let min = 0;
    for (let i = 1; i < list.length; i++) if (list[i].ms < list[min].ms) min = i;
    if (entry.ms > list[min].ms) list[min] = entry;
  }
}

function errorLine(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const frame = e.stack?.split('\n').find((l) => l.includes('/server/src/'))?.trim();
  return `${e.message}${frame ? ` (${frame})` : ''}`;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A short description of a case for reports: `#12 k8s/…/web.yaml + long-line(a , 100000)`. */
export function describeCase(index: number, c: FuzzCase, names: readonly string[]): string {
  const parts = c.mutations.map((m) => {
    const { kind, ...rest } = m;
    const shown = Object.entries(rest).map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.length}]` : JSON.stringify(v)}`);
    return `${kind}(${shown.join(' ')})`;
  });
  return `#${index} ${names[c.file]} + ${parts.join(' + ')}`;
}
