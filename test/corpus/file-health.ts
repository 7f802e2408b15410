// What "the file still parses" means when a fix or `--fix` has edited it: no new YAML syntax error, no
// document or object lost; no new dockerfile-utils problem, no new shell syntax error, no instruction lost.
import { validate } from 'dockerfile-utils';
import type { OffsetEdit } from '../../server/src/engine';
import type { ParsedFile } from '../../server/src/engine/rule';
import { instructionScript, offsets, runScripts } from '../../server/src/parse/dockerfile';

/** A piece of the file that must survive edits that do not touch it: an instruction or a YAML document. */
export interface Unit {
  start: number;
  end: number;
  text: string;
}

export interface FileHealth {
  /** YAML syntax errors, or dockerfile-utils errors and warnings, by message (positions left out). */
  problems: string[];
  /** Dockerfile: RUN, CMD, ENTRYPOINT and HEALTHCHECK scripts the shell parser cannot read. */
  shellErrors: number;
  units: Unit[];
  /** Manifest objects by kind (a fix may change an apiVersion, never drop an object). */
  kinds: string[];
}

export function healthOf(model: ParsedFile): FileHealth {
  const text = model.source.text;
  if (model.kind === 'kubernetes' || model.kind === 'compose') {
    return {
      problems: model.documents.flatMap((d) => d.errors.map((e) => withoutPosition(e.message))),
      shellErrors: 0,
      units: model.documents.map((d) => {
        const [start, , end] = d.yaml.range;
        return { start, end, text: text.slice(start, end) };
      }),
      // a fix may add keys to a service, never lose one: the services stand where the objects do
      kinds: model.kind === 'kubernetes' ? model.objects.map((o) => o.kind).sort() : model.services.map((s) => `service ${s.name}`).sort(),
    };
  }
  let shellErrors = 0;
  const units: Unit[] = [];
  for (const instruction of model.ast.getInstructions()) {
    const { start, end } = offsets(model, instruction.getRange());
    units.push({ start, end, text: text.slice(start, end) });
    const keyword = instruction.getKeyword();
    const scripts = keyword === 'RUN' ? runScripts(model, instruction) : ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(keyword) ? [instructionScript(model, instruction)] : [];
    if (scripts.some((s) => s?.hasErrors)) shellErrors++;
  }
  const problems = validate(text)
    .filter((d) => d.severity === 1 || d.severity === 2)
    .map((d) => d.message);
  return { problems, shellErrors, units, kinds: [] };
}

function withoutPosition(message: string): string {
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
}

/** Messages of `after` that `before` did not have (as multisets). */
export function newProblems(before: string[], after: string[]): string[] {
  const left = [...before];
  const added: string[] = [];
  for (const m of after) {
    const i = left.indexOf(m);
    if (i >= 0) left.splice(i, 1);
    else added.push(m);
  }
  return added;
}

/**
 * An edit may change a unit when it overlaps it or inserts inside it, at its end or at the start of the next
 * line (lines added at the end of a YAML document belong to it, though its range stops before the line break).
 */
export function touches(e: OffsetEdit, u: { start: number; end: number }, text: string): boolean {
  const end = u.end + (text.startsWith('\r\n', u.end) ? 2 : text[u.end] === '\n' || text[u.end] === '\r' ? 1 : 0);
  if (e.start === e.end) return e.start > u.start && e.start <= end;
  return e.start < end && e.end > u.start;
}

/** Where an offset outside every edit lands after the edits (an insertion at the offset goes before it). */
export function shifted(offset: number, edits: OffsetEdit[]): number {
  let shift = 0;
  for (const e of edits) if (e.end <= offset) shift += e.newText.length - (e.end - e.start);
  return offset + shift;
}

/** Why the edited file is worse off than the original (`text`), or undefined. */
export function healthRegression(before: FileHealth, after: FileHealth, edits: OffsetEdit[], text: string): string | undefined {
  const added = newProblems(before.problems, after.problems);
  if (added.length) return `new syntax problem: ${added.slice(0, 3).join('; ')}`;
  if (after.shellErrors > before.shellErrors) return `${after.shellErrors - before.shellErrors} more instruction(s) with shell syntax errors`;
  if (after.kinds.join(',') !== before.kinds.join(',')) return `objects ${before.kinds.join(',')} became ${after.kinds.join(',')}`;
  const byStart = new Map(after.units.map((u) => [u.start, u]));
  for (const u of before.units) {
    if (edits.some((e) => touches(e, u, text))) continue;
    const moved = byStart.get(shifted(u.start, edits));
    if (moved?.text !== u.text) return `lost or changed, though no edit touches it: ${JSON.stringify(u.text.slice(0, 60))}`;
  }
  return undefined;
}
