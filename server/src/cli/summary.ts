// What a run says about its files besides their findings: files that are no kind Herd lints, directory and glob
// arguments that reached nothing, and `--quiet`.
import { fileKind } from '../engine';
import type { Linted } from './linted';
import { classify, looksLikeCompose } from './kinds';
import type { Planned } from './plan';
import type { FileReport } from './report';
import { isComposeFile } from '../engine/workspace-links';

/**
 * Named files (and stdin) whose name says nothing are linted as what their content is; YAML and JSON of other tools
 * are skipped with a note; a file that is no kind at all is dropped with an error line. True when one was an error.
 */
export function settleKinds(read: { planned: Planned; text: string }[], note: (m: string) => void): boolean {
  let failed = false;
  const dropped = new Set<number>();
  for (let i = 0; i < read.length; i++) {
    const { planned, text } = read[i];
    const { target } = planned;
    if (!target.explicit) continue;
    const verdict = classify(target.path, text, !target.byContent);
    if (verdict.lint) {
      if (verdict.languageId) target.languageId = verdict.languageId;
      continue;
    }
    // a Compose file stays: not linted yet, not a mistake
    if (verdict.compose) continue;
    // still part of a directory argument's workspace: leave it to the lint, which skips it quietly
    if (planned.walked) continue;
    note(`${planned.shown}: ${verdict.message}`);
    if (verdict.error) failed = true;
    dropped.add(i);
  }
  const kept = read.filter((_, i) => !dropped.has(i));
  read.splice(0, read.length, ...kept);
  return failed;
}

/** A directory or glob argument that reached no Dockerfile, manifest or Compose file is an error, as in ESLint. True when one did. */
export function checkSearches(searches: { arg: string; glob: boolean }[], plan: Planned[], results: { planned: Planned; result: Linted }[], note: (m: string) => void): boolean {
  let failed = false;
  const isManifest = ({ planned, result }: { planned: Planned; result: Linted }) =>
    result.language !== undefined || result.problems.length > 0 || isComposeFile(planned.target.path) || result.composeLike;
  for (const search of searches) {
    // a Dockerfile by name counts even when it could not be read (that has its own line); YAML and JSON by content
    const reached = plan.some((p) => p.from.has(search.arg) && fileKind(p.target.path) === 'dockerfile') || results.some((r) => r.planned.from.has(search.arg) && isManifest(r));
    if (reached) continue;
    note(search.glob ? `no Dockerfile, Kubernetes manifest or Compose file matches ${search.arg}` : `no Dockerfile, Kubernetes manifest or Compose file found in ${search.arg}`);
    failed = true;
  }
  return failed;
}

/** `--quiet`: errors only. */
export function onlyErrors(reports: FileReport[]): FileReport[] {
  return reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
}
