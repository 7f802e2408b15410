// What the CLI keeps of a file's lint: its findings and problems, as plain data. No model, no source and no fix
// closures, so that a large run does not hold every file's parse tree until the report, and so that a worker
// thread can send it back (structured clone).
import { lint, type FileProblem, type HerdConfig, type LintInput, type LintResult } from '../engine';
import type { WorkspaceView } from '../engine/workspace';
import type { Language } from '../engine/types';
import type { ReportedFinding } from './report';
import { looksLikeCompose } from './kinds';

export interface Linted {
  language?: Language;
  problems: FileProblem[];
  findings: ReportedFinding[];
  /** The text looks like a Compose file (a directory argument that reaches one reached something). */
  composeLike: boolean;
}

/** One file to lint, as the main thread hands it to a worker: everything but the workspace, which the worker has. */
export interface LintJob extends Omit<LintInput, 'text'> {
  /** The text; absent when the workspace index holds it (a worker reads it from the index's shared buffer). */
  text?: string;
  /** The directory argument whose workspace index applies. */
  root?: string;
  config: HerdConfig;
}

export function linted(result: LintResult): Linted {
  const findings = result.findings.map(({ ruleId, severity, message, range, start, end, fixes }) => ({
    ruleId,
    severity,
    message,
    range,
    start,
    end,
    fixes: fixes.map(({ title, kind }) => ({ title, kind })),
  }));
  const composeLike = result.language === undefined && result.problems.length === 0 && looksLikeCompose(result.source.text);
  return { language: result.language, problems: result.problems, findings, composeLike };
}

export function lintJob(job: LintJob, workspace: (WorkspaceView & { textOf(uri: string): string | undefined }) | undefined): Linted {
  const { root: _root, config, text, ...input } = job;
  return linted(lint({ ...input, text: text ?? workspace?.textOf(input.uri) ?? '' }, { config, workspace }));
}
