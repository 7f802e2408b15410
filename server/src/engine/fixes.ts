// Applying offset edits: one fix at a time, or every safe fix of a file without overlaps.
import type { TextEdit } from 'vscode-languageserver-types';
import type { SourceText } from '../parse/source';
import type { Finding, OffsetEdit } from './types';

export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function toTextEdits(source: SourceText, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: source.rangeOf(e.start, e.end), newText: e.newText }));
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  // two insertions at one point would interleave unpredictably: treat them as overlapping
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** The edits of every safe fix that does not collide with an earlier one; run again to apply the rest. */
export function safeFixEdits(findings: Finding[]): { edits: OffsetEdit[]; applied: Finding[] } {
  const edits: OffsetEdit[] = [];
  const applied: Finding[] = [];
  for (const f of findings) {
    // a fix that edits another document is never applied with this file's edits
    const fix = f.fixes.find((x) => x.kind === 'safe' && x.uri === undefined);
    if (!fix) continue;
    let proposed: OffsetEdit[];
    try {
      proposed = fix.edits();
    } catch {
      continue;
    }
    if (proposed.some((p) => edits.some((e) => overlaps(p, e)))) continue;
    for (const edit of proposed) edits.push(edit);
    applied.push(f);
  }
  return { edits, applied };
}
