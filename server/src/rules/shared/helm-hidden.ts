// Helm templates can emit keys that the masked YAML does not show (`{{- toYaml .Values.x | nindent 8 }}`).
// Rules that report a *missing* key outside a container ask here whether the key could be hidden.
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { K8sContainer, KubernetesModel } from '../../parse/kubernetes';

type Directive = { start: number; end: number };

/** `if`, `with`, `range`, `end`, comments and `$x := …` print nothing; anything else may print YAML. */
export function emitsText(directive: string): boolean {
  const inner = directive.replace(/^\{\{-?\s*/, '').replace(/\s*-?\}\}$/, '');
  if (/^(?:if|else|end|with|range|define|break|continue)\b/.test(inner) || inner.startsWith('/*')) return false;
  return !/^\$\w*\s*:?=/.test(inner);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The column the directive's output starts at: `nindent N`/`indent N`, else where the directive stands. */
function emittedColumn(text: string, d: Directive): number {
  const m = /\bn?indent\s+(\d+)/.exec(text.slice(d.start, d.end));
  return m ? Number(m[1]) : columnOf(text, d.start);
}

interface Line {
  start: number;
  end: number;
  indent: number;
  /** Directives that start on this line, when the line holds nothing else. */
  directiveOnly?: Directive[];
  blank: boolean;
}

function lineAt(model: KubernetesModel, start: number): Line {
  const text = model.source.text;
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl;
  // the directives in document order: a binary search for the first that ends after the line starts, then
  // a walk while they start before it ends (not a scan of every directive per line), and the line rebuilt once
  const templates = model.templates;
  let lo = 0;
  let hi = templates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (templates[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const overlapping: Directive[] = [];
  for (let i = lo; i < templates.length && templates[i].start < end; i++) if (templates[i].end > start) overlapping.push(templates[i]);
  const pieces: string[] = [];
  let at = start;
  for (const t of overlapping) {
    const a = Math.max(t.start, at);
    const b = Math.min(t.end, end);
    if (a > at) pieces.push(text.slice(at, a));
    if (b > a) pieces.push(' '.repeat(b - a));
    at = Math.max(at, b);
  }
  pieces.push(text.slice(at, end));
  const rest = pieces.join('');
  const trimmed = rest.trim();
  const line: Line = { start, end, indent: /^ */.exec(rest)![0].length, blank: trimmed === '' || trimmed.startsWith('#') };
  if (trimmed === '' && overlapping.length) line.directiveOnly = overlapping.filter((t) => t.start >= start);
  return line;
}

/** The lines after the one holding `offset`, up to the first content line indented at most `column - 1`. */
function* linesBelow(model: KubernetesModel, offset: number, column: number): Generator<Line> {
  const text = model.source.text;
  let at = text.indexOf('\n', offset);
  while (at !== -1 && at + 1 < text.length) {
    const line = lineAt(model, at + 1);
    if (!line.blank && !line.directiveOnly && (line.indent < column || /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(line.start, line.end)))) return;
    yield line;
    at = line.end < text.length ? line.end : -1;
  }
}

/** Whether a Helm directive may add keys to this map (a printing directive on its own line at the map's key column, among or just above its keys). */
export function mayHideKeys(model: KubernetesModel, map: YAMLMap): boolean {
  if (!model.templates.length || !map.range) return false;
  if (map.flow) return model.templates.some((t) => t.start < map.range![1] && t.end > map.range![0]);
  const text = model.source.text;
  const first = map.items[0]?.key as Node | undefined;
  const column = columnOf(text, first?.range?.[0] ?? map.range[0]);
  const prints = (line: Line) => (line.directiveOnly ?? []).some((d) => emitsText(text.slice(d.start, d.end)) && emittedColumn(text, d) === column);
  return [...linesAbove(model, map.range[0]), ...linesBelow(model, map.range[0], column)].some(prints);
}

/** The blank and directive-only lines just above the line holding `offset` (a map starts at its first visible key). */
function linesAbove(model: KubernetesModel, offset: number): Line[] {
  const text = model.source.text;
  const out: Line[] = [];
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  while (start > 0) {
    start = text.lastIndexOf('\n', start - 2) + 1;
    const line = lineAt(model, start);
    if (!line.blank && !line.directiveOnly) break;
    out.push(line);
  }
  return out;
}

/** Whether a pair's value may be (partly) hidden: a templated scalar, or an empty key followed by a printing directive. */
export function valueMayBeHidden(model: KubernetesModel, pair: Pair): boolean {
  if (!model.templates.length) return false;
  const value = pair.value as Node | null;
  const key = pair.key as Node | null;
  if (isMap(value)) return mayHideKeys(model, value);
  const range = value?.range;
  if (range && range[1] > range[0] && model.templates.some((t) => t.start < range[1] && t.end > range[0])) return true;
  const empty = !value || (isScalar(value) && (value.value === null || value.value === ''));
  if (!empty || !key?.range) return false;
  const text = model.source.text;
  const column = columnOf(text, key.range[0]);
  for (const line of linesBelow(model, key.range[0], column + 1)) {
    if ((line.directiveOnly ?? []).some((d) => emitsText(text.slice(d.start, d.end)))) return true;
  }
  return false;
}

/** Whether a scalar's text comes (partly) from a directive: such values are not judged. */
export function isTemplatedNode(model: KubernetesModel, node: Node | null | undefined): boolean {
  const r = node?.range;
  return !!r && model.templates.some((t) => t.start < Math.max(r[1], r[0] + 1) && t.end > r[0]);
}

/** A container whose keys may not all be visible: a directive inside it, or a printing directive among or just after its keys. */
export function containerMayHideKeys(model: KubernetesModel, c: K8sContainer): boolean {
  return c.templated || mayHideKeys(model, c.node) || c.node.items.some((pair) => valueMayBeHidden(model, pair));
}
