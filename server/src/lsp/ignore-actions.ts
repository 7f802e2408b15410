// The edits behind "Ignore <id> for this line" and "Ignore <id> for this object (annotation)".
import { isScalar, visit, type Scalar } from 'yaml';
import type { LintResult } from '../engine/lint';
import { COMPOSE_IGNORE_FIELD, IGNORE_ANNOTATION } from '../engine/suppression';
import type { ComposeModel } from '../parse/compose';
import type { Finding, OffsetEdit } from '../engine/types';
import type { DockerfileModel } from '../parse/dockerfile';
import { getMap, getNode, scalarString, type KubernetesModel } from '../parse/kubernetes';
import { insertPath, replaceScalar } from '../parse/yaml-edit';

// mirrors the engine's pragma syntax: `# herd-ignore ids [-- reason]`
const PRAGMA_LINE = /^([ \t]*#[ \t]*herd-ignore[ \t]+)(\S(?:.*?\S)?)([ \t]*--.*)?[ \t]*$/;

/** A `# herd-ignore <id>` line above the line that the suppression must cover, or the id added to one already there. */
export function ignoreLineEdit(result: LintResult, finding: Finding): OffsetEdit | undefined {
  const { source, model } = result;
  if (!model) return undefined;
  const text = source.text;
  let line = source.positionAt(finding.start).line;
  line = model.kind === 'dockerfile' ? instructionLine(model, line) : yamlLine(model, finding.start, line);
  const lineStart = source.offsetAt({ line, character: 0 });
  if (line > 0) {
    const previousStart = source.offsetAt({ line: line - 1, character: 0 });
    const previous = text.slice(previousStart, lineStart).replace(/\r?\n$|\r$/, '');
    const m = PRAGMA_LINE.exec(previous);
    if (m) {
      const ids = m[2].split(/[,\s]+/);
      if (ids.includes(finding.ruleId)) return undefined;
      const at = previousStart + m[1].length + m[2].length;
      return { start: at, end: at, newText: `,${finding.ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return { start: lineStart, end: lineStart, newText: `${indent}# herd-ignore ${finding.ruleId}${source.eol}` };
}

/** A pragma covers the next instruction, so it goes above the instruction's first line, not a continuation line. */
function instructionLine(model: DockerfileModel, line: number): number {
  for (const instruction of model.ast.getInstructions()) {
    const r = instruction.getRange();
    if (r.start.line <= line && line <= r.end.line) return r.start.line;
  }
  return line;
}

/** A finding inside a multi-line scalar (a `|` script) is ignored from the scalar's first line: a comment inside would be content. */
function yamlLine(model: KubernetesModel | ComposeModel, offset: number, line: number): number {
  // scalars do not overlap; one on a single line starts on the finding's line and changes nothing
  const spans = multiLineScalars(model);
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = spans[mid];
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return Math.min(line, model.source.positionAt(start).line);
  }
  return line;
}

const multiLineSpans = new WeakMap<object, [number, number][]>();

/** The ranges of the model's scalars that span lines, in order: found once per model (the lint worker asks for every finding). */
function multiLineScalars(model: KubernetesModel | ComposeModel): [number, number][] {
  let spans = multiLineSpans.get(model);
  if (spans) return spans;
  const text = model.source.text;
  spans = [];
  for (const doc of model.documents) {
    visit(doc.yaml, {
      Scalar(_, node: Scalar) {
        const r = node.range;
        if (!r) return;
        for (let i = r[0]; i < r[1]; i++) {
          const c = text.charCodeAt(i);
          if (c === 10 || c === 13) {
            spans!.push([r[0], r[1]]);
            return;
          }
        }
      },
    });
  }
  spans.sort((a, b) => a[0] - b[0]);
  multiLineSpans.set(model, spans);
  return spans;
}

/** Adds the id to the object's `herd/ignore` annotation, creating `metadata.annotations` as needed. */
export function ignoreObjectEdit(result: LintResult, finding: Finding): OffsetEdit | undefined {
  const model = result.model;
  if (model?.kind === 'compose') return ignoreServiceEdit(result, model, finding);
  if (model?.kind !== 'kubernetes') return undefined;
  const object = model.objects.find((o) => {
    const r = o.node.range;
    return r != null && r[0] <= finding.start && finding.start <= r[2];
  });
  if (!object) return undefined;
  const text = result.source.text;
  const annotations = getMap(object.metadata, 'annotations');
  const existing = getNode(annotations, IGNORE_ANNOTATION);
  const edit = addToIgnoreList(text, existing, finding.ruleId, annotations?.flow === true);
  return edit === 'absent' ? insertPath(text, object.node, ['metadata', 'annotations', IGNORE_ANNOTATION], finding.ruleId) : edit;
}

/**
 * The edit that adds the id to an ignore list already written (`"a,b"`, or an empty string replaced in place);
 * undefined when it is there already or the value is no list; 'absent' when there is no value to edit.
 */
function addToIgnoreList(text: string, existing: ReturnType<typeof getNode>, ruleId: string, inFlow: boolean): OffsetEdit | undefined | 'absent' {
  const current = scalarString(existing);
  if (isScalar(existing) && current !== undefined && current.trim() !== '') {
    const ids = current.split(/[,\s]+/).filter(Boolean);
    if (ids.includes(ruleId)) return undefined;
    return replaceScalar(text, existing, [...ids, ruleId].join(','), { inFlow });
  }
  if (existing !== undefined && !isScalar(existing)) return undefined;
  if (isScalar(existing) && existing.value !== null) return replaceScalar(text, existing, ruleId, { inFlow });
  return 'absent';
}

/** Adds the id to the service's `x-herd-ignore` (Compose's extension field), creating it as needed. */
function ignoreServiceEdit(result: LintResult, model: ComposeModel, finding: Finding): OffsetEdit | undefined {
  const service = model.services.find((s) => {
    const start = s.key.range?.[0];
    const end = s.node.range?.[2];
    return start !== undefined && end !== undefined && start <= finding.start && finding.start <= end;
  });
  if (!service) return undefined;
  const text = result.source.text;
  const existing = getNode(service.node, COMPOSE_IGNORE_FIELD);
  const inFlow = service.node.flow === true;
  const edit = addToIgnoreList(text, existing, finding.ruleId, inFlow);
  if (edit !== 'absent') return edit;
  if (service.node.items.length === 0 && !inFlow) return undefined;
  return insertPath(text, service.node, [COMPOSE_IGNORE_FIELD], finding.ruleId);
}
