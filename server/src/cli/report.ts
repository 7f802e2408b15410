// What the formatters receive: each linted file's findings, with 1-based positions at hand.
import type { Finding, FixProposal, RuleMeta } from '../engine';

/** A finding as the report needs it: its fixes by title and kind only (the edits were applied or not by then). */
export type ReportedFinding = Omit<Finding, 'fixes'> & { fixes: Pick<FixProposal, 'title' | 'kind'>[] };

export interface FileReport {
  /** Path relative to the invocation directory, with `/`. */
  file: string;
  /** Absolute path. */
  path: string;
  findings: ReportedFinding[];
}

export interface FormatContext {
  /** Every rule the run knew, for SARIF's rule table. */
  rules: readonly RuleMeta[];
  version: string;
  /** The invocation directory: SARIF's %SRCROOT%. */
  cwd: string;
  color: boolean;
  /** `--quiet`: the reports hold errors only. */
  quiet?: boolean;
  /** Files that could not be linted (named on stderr), for the summary. */
  skipped?: number;
}

export type Formatter = (reports: FileReport[], context: FormatContext) => string;

export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** LSP's 0-based, end-exclusive range as 1-based line/column (the end column stays exclusive). */
export function placeOf(finding: ReportedFinding): Place {
  const { start, end } = finding.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(reports: FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  return counts;
}

export function hasSafeFix(finding: ReportedFinding): boolean {
  return finding.fixes.some((f) => f.kind === 'safe');
}
