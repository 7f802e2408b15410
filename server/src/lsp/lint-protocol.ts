// What the language server's lint worker and the main thread say to each other. A lint crosses the thread
// boundary as plain data: findings with their fix edits already computed (a code action must never wait
// for the worker, which may be busy with a slow document), the file problems, and what the lint changed in
// the worker's workspace index.
import type { HerdConfig } from '../engine/config';
import type { FileProblem, LintResult } from '../engine/lint';
import type { Finding, FixKind, Language, OffsetEdit } from '../engine/types';
import { sourceText } from '../parse/source';
import { ignoreLineEdit, ignoreObjectEdit } from './ignore-actions';

/** A fix as data: its edits, or undefined when building them failed (the error is logged by the worker). */
export interface PlainFix {
  title: string;
  kind: FixKind;
  uri?: string;
  edits?: OffsetEdit[];
  /** For a fix of another document: the version of it the edits were computed on (null: the file on disk). */
  targetVersion?: number | null;
}

export interface PlainFinding extends Omit<Finding, 'fixes'> {
  fixes: PlainFix[];
  /** The edits of "Ignore <id> for this line" and "… for this object/service" (undefined: no such action). */
  ignoreLine?: OffsetEdit;
  ignoreObject?: OffsetEdit;
  /** Its edits have arrived (or never will). */
  edited?: boolean;
}

export interface PlainLint {
  language?: Language;
  modelKind?: 'dockerfile' | 'kubernetes' | 'compose';
  findings: PlainFinding[];
  problems: FileProblem[];
}

/** The configuration of one document, as the worker needs it. */
export interface WorkerDocumentConfig {
  config: HerdConfig;
  ignored: boolean;
  compose?: boolean;
}

/** Which rules the worker runs: registry ids (all of them when absent); `data` goes to a test entry's extra rules. */
export interface WorkerRules {
  ids?: string[];
  data?: unknown;
}

export type ToWorker =
  | { t: 'roots'; paths: string[] }
  | { t: 'disk'; uri: string; text: string }
  | { t: 'deleteDisk'; uri: string }
  /** The whole disk side of the index (a build): read by the worker a file at a time, between lints. */
  | { t: 'build'; build: number; roots: string[]; files: [string, string][] }
  | { t: 'open'; uri: string; version: number; text: string; languageId?: string; ignored: boolean }
  | { t: 'close'; uri: string }
  /** `companions`: a Compose file's `.env` and devcontainer.json, read by the main thread. */
  | { t: 'lint'; id: number; uri: string; version: number; text: string; languageId?: string; config: WorkerDocumentConfig; companions?: Companions };

export interface Companions {
  dotenv?: string;
  devcontainerJson?: string;
}

export type FromWorker =
  | { t: 'ready' }
  | { t: 'built'; build: number }
  | { t: 'affected'; uris: string[] }
  | { t: 'log'; message: string; error?: string }
  | { t: 'ruleError'; ruleId: string; uri: string; error: string }
  /** The lint waits for the shell parser's grammar: its deadline does not run meanwhile. */
  | { t: 'paused'; id: number }
  | { t: 'resumed'; id: number }
  /** The findings, published at once; their edits follow in an `edits` message of the same id. */
  | { t: 'result'; id: number; lint?: PlainLint; affected: string[] }
  | { t: 'edits'; id: number; edits: PlainEdits[] };

/** The edits of one finding, in the order of the findings: those of its fixes, and of its two ignore actions. */
export interface PlainEdits {
  fixes: { edits?: OffsetEdit[]; targetVersion?: number | null }[];
  ignoreLine?: OffsetEdit;
  ignoreObject?: OffsetEdit;
}

/** A lint result as data, without its edits (`plainEdits` computes them, after the findings are published). */
export function toPlain(result: LintResult): PlainLint {
  const findings = result.findings.map((finding): PlainFinding => {
    const { ruleId, severity, message, range, start, end } = finding;
    const fixes = finding.fixes.map((fix): PlainFix => (fix.uri !== undefined && fix.uri !== result.uri ? { title: fix.title, kind: fix.kind, uri: fix.uri } : { title: fix.title, kind: fix.kind }));
    return { ruleId, severity, message, range, start, end, fixes };
  });
  return { language: result.language, modelKind: result.model?.kind, findings, problems: result.problems };
}

/** Every edit a code action on the result may offer; `openVersion` tells which version of another open document a cross-file fix edits. */
export function plainEdits(result: LintResult, openVersion: (uri: string) => number | null, onError: (message: string, error: unknown) => void): PlainEdits[] {
  return result.findings.map((finding): PlainEdits => {
    const fixes = finding.fixes.map((fix) => {
      const plain: PlainEdits['fixes'][number] = {};
      if (fix.uri !== undefined && fix.uri !== result.uri) plain.targetVersion = openVersion(fix.uri);
      try {
        plain.edits = fix.edits();
      } catch (error) {
        onError(`Fix "${fix.title}" of ${finding.ruleId} failed on ${result.uri}`, error);
      }
      return plain;
    });
    const out: PlainEdits = { fixes };
    try {
      out.ignoreLine = ignoreLineEdit(result, finding);
    } catch (error) {
      onError(`"Ignore ${finding.ruleId} for this line" failed on ${result.uri}`, error);
    }
    try {
      out.ignoreObject = ignoreObjectEdit(result, finding);
    } catch (error) {
      onError(`"Ignore ${finding.ruleId} for this object" failed on ${result.uri}`, error);
    }
    return out;
  });
}

/** Fills a plain lint's findings with their edits (undefined: they never came, so no fix or ignore is offered). */
export function addEdits(lint: PlainLint, edits: PlainEdits[] | undefined): void {
  lint.findings.forEach((finding, i) => {
    const e = edits?.[i];
    finding.edited = true;
    if (!e) return;
    finding.fixes.forEach((fix, j) => {
      fix.edits = e.fixes[j]?.edits;
      if (fix.uri !== undefined) fix.targetVersion = e.fixes[j]?.targetVersion;
    });
    finding.ignoreLine = e.ignoreLine;
    finding.ignoreObject = e.ignoreObject;
  });
}

/** A finding rebuilt from data: its fixes hand back the edits the worker computed. */
export interface RebuiltFinding extends Finding {
  plain: PlainFinding;
}

/** The main thread's view of a worker's lint of `text`: the model stays in the worker. */
export function fromPlain(uri: string, text: string, lint: PlainLint): LintResult & { modelKind?: PlainLint['modelKind'] } {
  const findings = lint.findings.map(
    (plain): RebuiltFinding => ({
      ruleId: plain.ruleId,
      severity: plain.severity,
      message: plain.message,
      range: plain.range,
      start: plain.start,
      end: plain.end,
      fixes: plain.fixes.map((fix) => ({
        title: fix.title,
        kind: fix.kind,
        uri: fix.uri,
        edits: () => {
          if (!fix.edits) throw new Error('the fix failed in the lint worker');
          return fix.edits;
        },
      })),
      plain,
    }),
  );
  return { uri, language: lint.language, source: sourceText(uri, text), findings, problems: lint.problems, modelKind: lint.modelKind };
}

export function plainOf(finding: Finding): PlainFinding | undefined {
  return (finding as Partial<RebuiltFinding>).plain;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
