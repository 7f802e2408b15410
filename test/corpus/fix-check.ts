// One fix applied alone to one file, checked: valid edits, nothing changed outside them, no edit rewriting
// unchanged lines, the file parses as well as before, and the finding it fixes is gone.
import { applyEdits, lint, type Finding, type FixProposal, type OffsetEdit } from '../../server/src/engine';
import type { ParsedFile, Rule } from '../../server/src/engine/rule';
import type { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import { healthOf, healthRegression, type FileHealth } from './file-health';

export interface FixCase {
  /** The linted file's text. */
  text: string;
  uri: string;
  finding: Finding;
  fix: FixProposal;
  health: FileHealth;
  index: WorkspaceIndex;
  rule: Rule;
}

/** Why this fix is not sound, or undefined. */
export function checkFix(c: FixCase): string | undefined {
  let edits: OffsetEdit[];
  try {
    edits = [...c.fix.edits()].sort((a, b) => a.start - b.start || a.end - b.end);
  } catch (error) {
    return `building the edits threw: ${(error as Error).message}`;
  }
  // a fix may edit another file of the workspace (a Dockerfile finding fixed in its manifest)
  const target = c.fix.uri ?? c.uri;
  const targetModel = target === c.uri ? undefined : c.index.sourceOf(target);
  const text = target === c.uri ? c.text : targetModel?.text;
  if (text === undefined) return `the fix edits ${target}, which the workspace does not hold`;
  const invalid = invalidEdits(edits, text.length);
  if (invalid) return invalid;
  const fixed = applyEdits(text, edits);
  if (fixed === text) return 'the fix changes nothing';
  const outside = changedOutside(text, fixed, edits);
  if (outside) return outside;
  const rewritten = rewrittenLines(text, edits);
  if (rewritten) return rewritten;

  // the edited file still parses, as well as before
  const health = target === c.uri ? c.health : healthOfText(target, text, c.index);
  const fixedModel = lint({ uri: target, text: fixed }, { rules: [] }).model;
  if (!fixedModel || !health) return 'the fixed file is no longer read as a Dockerfile or manifest';
  const regression = healthRegression(health, healthOf(fixedModel), edits, text);
  if (regression) return regression;

  // the diagnostic is gone: no finding of the rule with its message where its anchor went
  const after = relint(c, target, fixed);
  if (typeof after === 'string') return after;
  const [lo, hi] = target === c.uri ? anchorAfter(c.finding.start, edits) : [c.finding.start, c.finding.start];
  const still = after.find((f) => f.ruleId === c.finding.ruleId && f.message === c.finding.message && f.start >= lo && f.start <= hi);
  if (still) return `the diagnostic is still there after the fix (at ${still.range.start.line + 1}:${still.range.start.character + 1})`;
  return undefined;
}

function healthOfText(uri: string, text: string, index: WorkspaceIndex): FileHealth | undefined {
  const model: ParsedFile | undefined = index.modelFor(uri, text) ?? lint({ uri, text }, { rules: [] }).model;
  return model && healthOf(model);
}

/** The rule's findings on the linted file once the fixed text is in place (in the workspace too, for cross-file rules). */
function relint(c: FixCase, target: string, fixed: string): Finding[] | string {
  const original = target === c.uri ? fixed : c.text;
  if (!c.rule.meta.workspace) return lint({ uri: c.uri, text: original }, { rules: [c.rule] }).findings;
  c.index.setOpen(target, fixed);
  try {
    const result = lint({ uri: c.uri, text: original }, { rules: [c.rule], workspace: c.index });
    return result.problems.length ? `linting after the fix: ${result.problems.map((p) => p.message).join('; ')}` : result.findings;
  } finally {
    c.index.closeOpen(target);
  }
}

function invalidEdits(edits: OffsetEdit[], length: number): string | undefined {
  if (!edits.length) return 'the fix has no edits';
  for (const e of edits) if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= length)) return `edit ${e.start}-${e.end} is outside the file (0-${length})`;
  for (let i = 1; i < edits.length; i++) {
    const [a, b] = [edits[i - 1], edits[i]];
    if (b.start < a.end || (a.start === a.end && b.start === b.end && a.start === b.start)) return `edits ${a.start}-${a.end} and ${b.start}-${b.end} overlap`;
  }
  return undefined;
}

/** The text before the first edit and after the last one is byte-for-byte the same; so is the text between edits. */
function changedOutside(text: string, fixed: string, edits: OffsetEdit[]): string | undefined {
  let from = 0;
  let shift = 0;
  for (const e of edits) {
    if (fixed.slice(from + shift, e.start + shift) !== text.slice(from, e.start)) return `text between offsets ${from} and ${e.start} changed`;
    shift += e.newText.length - (e.end - e.start);
    from = e.end;
  }
  if (fixed.slice(from + shift) !== text.slice(from)) return `text after offset ${from} changed`;
  return undefined;
}

/** Fixes are minimal edits, never a re-serialisation: an edit may not rewrite more than one unchanged line. */
function rewrittenLines(text: string, edits: OffsetEdit[]): string | undefined {
  for (const e of edits) {
    const old = text.slice(e.start, e.end);
    let p = 0;
    while (p < old.length && p < e.newText.length && old[p] === e.newText[p]) p++;
    let s = 0;
    while (s < old.length - p && s < e.newText.length - p && old[old.length - 1 - s] === e.newText[e.newText.length - 1 - s]) s++;
    const unchanged = (old.slice(0, p) + old.slice(old.length - s)).split('\n').length - 1;
    if (unchanged > 1) return `edit ${e.start}-${e.end} rewrites ${unchanged} unchanged lines`;
  }
  return undefined;
}

/**
 * Where a finding that started at `offset` may start after the edits: shifted by the edits before it; anywhere
 * in the new text of an edit that replaced it; either side of text inserted exactly there.
 */
function anchorAfter(offset: number, edits: OffsetEdit[]): [number, number] {
  let shift = 0;
  for (const e of edits) {
    const grow = e.newText.length - (e.end - e.start);
    if (e.start === e.end && e.start === offset) return [offset + shift, offset + shift + e.newText.length];
    if (e.start <= offset && offset < e.end) return [e.start + shift, e.start + shift + e.newText.length];
    if (e.end <= offset) shift += grow;
  }
  return [offset + shift, offset + shift];
}
