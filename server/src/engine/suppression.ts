// Which findings the user silenced: `# herd-ignore` comments, `herd/ignore` annotations, and the pragmas of
// hadolint and kube-linter that a project already has.
import { isMap, isPair, isSeq, visit, type Node } from 'yaml';
import type { DockerfileModel } from '../parse/dockerfile';
import type { KubernetesModel } from '../parse/kubernetes';
import { buildkitToHerd } from '../knowledge/buildkit';
import type { ComposeModel } from '../parse/compose';
import { hadolintToHerd } from '../knowledge/hadolint';
import { kubeLinterToHerd } from '../knowledge/kube-linter';
import type { ParsedFile } from './rule';

/** Rule ids (or `*` for all) silenced over a region of the document; no region = the whole file. */
export interface Suppression {
  ids: Set<string>;
  start: number;
  end: number;
}

export const IGNORE_ANNOTATION = 'herd/ignore';
/** The Compose service extension field that plays the annotation's part. */
export const COMPOSE_IGNORE_FIELD = 'x-herd-ignore';
const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';

interface Pragma {
  scope: 'next' | 'file';
  ids: string[];
}

/** Parses the text of one comment (without `#`). */
export function parsePragma(comment: string): Pragma | undefined {
  const text = comment.trim();
  let m = /^herd-ignore(-file)?\s+([^\s].*?)\s*(?:--.*)?$/.exec(text);
  if (m) return { scope: m[1] ? 'file' : 'next', ids: splitIds(m[2]) };
  m = /^hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9,\s]+?)\s*(?:#.*)?$/.exec(text);
  if (m) return { scope: m[1] ? 'file' : 'next', ids: splitIds(m[2]).flatMap((code) => hadolintToHerd(code.toUpperCase())) };
  return undefined;
}

function splitIds(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function suppressionsOf(file: ParsedFile): Suppression[] {
  if (file.kind === 'dockerfile') return dockerfileSuppressions(file);
  if (file.kind === 'compose') return composeSuppressions(file);
  return kubernetesSuppressions(file);
}

/** `# herd-ignore` comments as in any YAML file, and each service's `x-herd-ignore: "<id>,<id>"`. */
function composeSuppressions(model: ComposeModel): Suppression[] {
  const out = commentSuppressions(model);
  for (const service of model.services) {
    const start = service.key.range?.[0];
    const end = service.node.range?.[2];
    if (service.ignore.length && start !== undefined && end !== undefined) out.push({ ids: new Set(service.ignore), start, end });
  }
  return out;
}

function dockerfileSuppressions(model: DockerfileModel): Suppression[] {
  const out: Suppression[] = [];
  const instructions = model.ast.getInstructions();
  const comments = model.ast.getComments().map((c) => ({ content: c.getContent(), line: c.getRange().start.line }));
  const seen = new Set(comments.map((c) => c.line));
  const head = leadingCommentLines(model.source.text, instructions[0]?.getRange().start.line ?? Infinity);
  // the parser takes the leading comment block for parser directives (`# hadolint global ignore=DL3019` reads as
  // a directive named hadolint): read those lines as comments too
  for (const c of head) if (!seen.has(c.line)) comments.push(c);
  const skipped = buildkitSkips(head);
  if (skipped.length) out.push({ ids: new Set(skipped), start: 0, end: Infinity });
  for (const comment of comments) {
    const pragma = parsePragma(comment.content);
    if (!pragma) continue;
    if (pragma.scope === 'file') {
      out.push({ ids: new Set(pragma.ids), start: 0, end: Infinity });
      continue;
    }
    const line = comment.line;
    const next = instructions.find((i) => i.getRange().start.line > line);
    if (!next) continue;
    const r = next.getRange();
    out.push({ ids: new Set(pragma.ids), start: model.source.offsetAt(r.start), end: model.source.offsetAt(r.end) });
  }
  return out;
}

/** The comment lines (text after `#`, 0-based line) before the first instruction. */
function leadingCommentLines(text: string, firstInstructionLine: number): { content: string; line: number; directive: boolean }[] {
  const out: { content: string; line: number; directive: boolean }[] = [];
  const lines = /([^\r\n]*)(?:\r?\n|\r|$)/y;
  // parser directives are the `# key=value` lines at the very top; a blank line or another comment ends them
  let directives = true;
  for (let line = 0, m = lines.exec(text); m && m[0] !== '' && line < firstInstructionLine; line++, m = lines.exec(text)) {
    const comment = /^\s*#(.*)$/.exec(m[1]);
    if (!comment) {
      directives = false;
      continue;
    }
    directives &&= /^\s*[A-Za-z][\w-]*\s*=/.test(comment[1]);
    out.push({ content: comment[1], line, directive: directives });
  }
  return out;
}

/** BuildKit's `# check=skip=JSONArgsRecommended,…` (or `skip=all`) parser directive, as Herd rule ids. */
function buildkitSkips(head: { content: string; directive: boolean }[]): string[] {
  const ids: string[] = [];
  for (const { content, directive } of head) {
    const m = directive ? /^\s*check\s*=(.*)$/i.exec(content) : null;
    if (!m) continue;
    for (const part of m[1].split(';')) {
      const skip = /^\s*skip\s*=(.*)$/i.exec(part);
      if (skip) for (const name of skip[1].split(',')) ids.push(...buildkitToHerd(name));
    }
  }
  return ids;
}

function kubernetesSuppressions(model: KubernetesModel): Suppression[] {
  const out = commentSuppressions(model);
  for (const object of model.objects) {
    const ids = new Set<string>();
    for (const [key, value] of Object.entries(object.annotations)) {
      if (key === IGNORE_ANNOTATION) splitIds(value).forEach((id) => ids.add(id));
      else if (key.startsWith(KUBE_LINTER_PREFIX)) kubeLinterToHerd(key.slice(KUBE_LINTER_PREFIX.length)).forEach((id) => ids.add(id));
    }
    const r = object.node.range;
    if (ids.size && r) out.push({ ids, start: r[0], end: r[2] });
  }
  return out;
}

function commentSuppressions(model: KubernetesModel | ComposeModel): Suppression[] {
  const out: Suppression[] = [];
  const text = model.source.text;
  const commentLine = /^[ \t]*#(.*)$/gm;
  for (let m = commentLine.exec(text); m; m = commentLine.exec(text)) {
    const pragma = parsePragma(m[1]);
    if (!pragma) continue;
    if (pragma.scope === 'file') {
      out.push({ ids: new Set(pragma.ids), start: 0, end: Infinity });
      continue;
    }
    const region = nextLineRegion(model, m.index + m[0].length);
    if (region) out.push({ ids: new Set(pragma.ids), ...region });
  }
  return out;
}

/** The next non-blank, non-comment line after `from`, and the YAML node that starts on it. */
function nextLineRegion(model: KubernetesModel | ComposeModel, from: number): { start: number; end: number } | undefined {
  const text = model.source.text;
  const lineRe = /\r?\n([^\r\n]*)/g;
  lineRe.lastIndex = from;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const content = m[1];
    if (!content.trim() || content.trim().startsWith('#')) continue;
    const start = m.index + m[0].length - content.length;
    const lineEnd = start + content.length;
    let end = lineEnd;
    for (const doc of model.documents) {
      const [docStart, , docEnd] = doc.yaml.contents?.range ?? [0, 0, 0];
      if (start < docStart - 1 || start > docEnd) continue;
      visit(doc.yaml, (_key, node) => {
        const span = startingNodeSpan(node as Node);
        if (span && span.start >= start && span.start < lineEnd && span.end > end) end = span.end;
      });
    }
    return { start, end };
  }
  return undefined;
}

/** A pair spans from its key to the end of its value; a map or sequence item spans its own range. */
function startingNodeSpan(node: unknown): { start: number; end: number } | undefined {
  if (isPair(node)) {
    const k = (node.key as Node | null)?.range;
    const v = (node.value as Node | null)?.range;
    if (!k) return undefined;
    return { start: k[0], end: v ? v[1] : k[1] };
  }
  if (isMap(node) || isSeq(node)) {
    const r = node.range;
    return r ? { start: r[0], end: r[1] } : undefined;
  }
  return undefined;
}

export function isSuppressed(suppressions: Suppression[], ruleId: string, start: number): boolean {
  const { sorted, tree, size } = indexOf(suppressions);
  // the regions that start at or before `start`: [0, last]
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= start) lo = mid + 1;
    else hi = mid - 1;
  }
  const last = hi;
  // among them, those whose end reaches `start` (the nesting depth at that point, a few), found through a tree of
  // maximum ends: a lookup per finding instead of a scan of every pragma, so many pragmas and findings stay linear
  const covers = (node: number, from: number, to: number): boolean => {
    if (from > last || tree[node] < start) return false;
    if (from === to) {
      const s = sorted[from];
      return s.ids.has(ruleId) || s.ids.has('*') || s.ids.has('all');
    }
    const mid = (from + to) >> 1;
    return covers(2 * node, from, mid) || covers(2 * node + 1, mid + 1, to);
  };
  return last >= 0 && covers(1, 0, size - 1);
}

interface SuppressionIndex {
  sorted: Suppression[];
  /** Segment tree (1-based heap layout) of the largest `end` in each range of `sorted`. */
  tree: number[];
  size: number;
}

const indexes = new WeakMap<Suppression[], SuppressionIndex>();

function indexOf(suppressions: Suppression[]): SuppressionIndex {
  let index = indexes.get(suppressions);
  if (!index || index.sorted.length !== suppressions.length) {
    const sorted = [...suppressions].sort((a, b) => a.start - b.start);
    const size = Math.max(1, sorted.length);
    const tree: number[] = new Array<number>(4 * size).fill(-Infinity);
    const build = (node: number, from: number, to: number): number => {
      if (from === to) return (tree[node] = sorted[from]?.end ?? -Infinity);
      const mid = (from + to) >> 1;
      return (tree[node] = Math.max(build(2 * node, from, mid), build(2 * node + 1, mid + 1, to)));
    };
    build(1, 0, size - 1);
    index = { sorted, tree, size };
    indexes.set(suppressions, index);
  }
  return index;
}
