// Re-lint only what an edit can change in a multi-document manifest. A rule with `meta.scope: 'document'`
// reports on a YAML document only what that document says and what the workspace view answers; its findings
// on the documents an edit left alone (the parser reused them, moved or not) are taken from the last lint of
// the same uri, moved by the edit's length, as long as every answer the workspace gave them is still the same.
// Their fixes are computed again on demand: a fix reads the whole file's style (indentation, line breaks).
import type { Document } from 'yaml';
import { kubernetesContainers, type Container, type LinkedDockerfiles } from '../parse/container';
import type { KubernetesDocument, KubernetesModel } from '../parse/kubernetes';
import { movedFrom } from '../parse/yaml-stream';
import type { Rule, RuleContext } from './rule';
import type { FixProposal, Report } from './types';
import type { WorkspaceView } from './workspace';

/** One question a run asked the workspace view, and the answer it got. */
interface Question {
  ask(): unknown;
  answer: unknown;
}

interface DocumentRecord {
  yaml: Document.Parsed;
  start: number;
  end: number;
  /** What each document-scoped rule reported in this document (offsets in the linted text), before suppressions. */
  reports: Map<string, Report[]>;
  /** The workspace's answers the run that found them relied on (one list for all the documents of a run). */
  questions: Question[];
}

/** Kept on a lint result for the next lint of the same uri. */
export interface DocumentFindings {
  rules: readonly Rule[];
  workspace: boolean;
  /** The text the documents' offsets and spans are in. */
  text: string;
  documents: DocumentRecord[];
}

export interface ScopedOutcome {
  /** Per rule id: its reports in the whole file, or what it threw. */
  outcomes: Map<string, { reports: Report[] } | { error: unknown }>;
  /** The whole file's containers, when the rules ran on every document (shared with the other rules). */
  containers?: Container[];
  record?: DocumentFindings;
}

/** Whether the engine runs this rule per document in a multi-document manifest. */
export function isDocumentScoped(rule: Rule): boolean {
  return rule.meta.scope === 'document';
}

/** `args` alone compose with the ENTRYPOINT of the Dockerfile that builds the image. */
export function linkedDockerfiles(workspace: WorkspaceView | undefined): LinkedDockerfiles | undefined {
  return (
    workspace &&
    ((image: string) =>
      workspace.dockerfilesForImage(image).flatMap((f) => (f.model.kind === 'dockerfile' ? [{ model: f.model, path: workspace.displayPath?.(f.uri) ?? f.uri }] : [])))
  );
}

/**
 * Runs the document-scoped `rules` on a manifest of several documents: on every document, or, with the record of
 * the last lint of the same uri, on the documents whose findings it cannot reuse. `all` is the rule list the lint
 * runs (a record made with another list is not reused).
 */
export function runDocumentScoped(
  model: KubernetesModel,
  rules: Rule[],
  all: readonly Rule[],
  workspace: WorkspaceView | undefined,
  previous: DocumentFindings | undefined,
): ScopedOutcome {
  const docs = model.documents;
  const text = model.source.text;
  const spans = docs.map((d, i) => ({ start: i === 0 ? 0 : d.yaml.range[0], end: i + 1 < docs.length ? docs[i + 1].yaml.range[0] : text.length }));
  const reused = previous && previous.rules === all && previous.workspace === !!workspace ? reusable(model, spans, rules, previous) : [];
  const fresh = docs.filter((_, i) => !reused[i]);
  const questions: Question[] = [];
  const whole = fresh.length === docs.length;
  const file = whole ? model : subModel(model, fresh);
  let containers: Container[] | undefined;
  const view = workspace && recording(workspace, questions);
  const containersOf = () => (containers ??= fresh.length ? kubernetesContainers(file, linkedDockerfiles(view)) : []);
  const ran = new Map<string, { reports: Report[] } | { error: unknown }>();
  for (const rule of rules) {
    if (!fresh.length) {
      ran.set(rule.meta.id, { reports: [] });
      continue;
    }
    const reports: Report[] = [];
    try {
      rule.check({ file, containers: containersOf, workspace: view, report: (r) => reports.push(r) });
      ran.set(rule.meta.id, { reports });
    } catch (error) {
      // a failure on part of the file is not what the whole file gives: run everything again on all of it
      if (!whole) return runDocumentScoped(model, rules, all, workspace, undefined);
      ran.set(rule.meta.id, { error });
    }
  }
  const records: DocumentRecord[] = docs.map((d, i) => ({ yaml: d.yaml, ...spans[i], reports: new Map(), questions: reused[i]?.questions ?? questions }));
  const outcomes: ScopedOutcome['outcomes'] = new Map();
  const fixesOf = rerunner(model, workspace);
  for (const rule of rules) {
    const id = rule.meta.id;
    const outcome = ran.get(id)!;
    if ('error' in outcome) {
      outcomes.set(id, outcome);
      continue;
    }
    const byDocument: Report[][] = docs.map(() => []);
    for (const r of outcome.reports) byDocument[documentAt(spans, r.start)].push(r);
    const reports: Report[] = [];
    docs.forEach((_, i) => {
      const old = reused[i];
      const mine = old ? old.record.reports.get(id)!.map((r, n) => moved(r, old.delta, (now) => fixesOf(rule, i, n, now))) : byDocument[i];
      records[i].reports.set(id, mine);
      reports.push(...mine);
    });
    outcomes.set(id, { reports });
  }
  // a rule that failed leaves no record: the next lint runs every document again
  const failed = [...outcomes.values()].some((o) => 'error' in o);
  // a stream with a syntax error was parsed whole, into trees no later parse reuses: the last clean record stays
  // for the lint after the error is fixed (its text, trees and answers are checked again then)
  const broken = docs.some((d) => d.errors.length > 0);
  const record = failed ? undefined : broken ? previous : { rules: all, workspace: !!workspace, text, documents: records };
  return { outcomes, containers: whole ? containers : undefined, record };
}

interface Reuse {
  record: DocumentRecord;
  delta: number;
  questions: Question[];
}

/** Per document: the last lint's record to reuse, when the parser reused its tree and its text is the same. */
function reusable(model: KubernetesModel, spans: { start: number; end: number }[], rules: Rule[], previous: DocumentFindings): (Reuse | undefined)[] {
  const previousText = previous.text;
  const byTree = new Map(previous.documents.map((r) => [r.yaml, r]));
  const text = model.source.text;
  const answered = new Map<Question[], boolean>();
  return model.documents.map((doc, i) => {
    const record = byTree.get(doc.yaml) ?? byTree.get(movedFrom(doc.yaml)!);
    if (!record || doc.errors.length) return undefined;
    const { start, end } = spans[i];
    if (end - start !== record.end - record.start || text.slice(start, end) !== previousText.slice(record.start, record.end)) return undefined;
    if (!rules.every((r) => record.reports.has(r.meta.id))) return undefined;
    let same = answered.get(record.questions);
    if (same === undefined) answered.set(record.questions, (same = record.questions.every(stillAnswered)));
    return same ? { record, delta: start - record.start, questions: record.questions } : undefined;
  });
}

function stillAnswered(q: Question): boolean {
  try {
    return sameAnswer(q.ask(), q.answer, 0);
  } catch {
    return false;
  }
}

/** Plain data compared by value (a few levels deep); anything else (models, trees, indexes) by identity. */
function sameAnswer(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 4) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameAnswer(x, b[i], depth + 1));
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => sameAnswer((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1));
}

/** The workspace view, every question and answer written down. */
function recording(view: WorkspaceView, questions: Question[]): WorkspaceView {
  return new Proxy(view, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const ask = () => (value as (...a: unknown[]) => unknown).apply(target, args);
        const answer = ask();
        questions.push({ ask, answer });
        return answer;
      };
    },
  });
}

/** The model with only these documents and their objects. */
function subModel(model: KubernetesModel, docs: KubernetesDocument[]): KubernetesModel {
  const set = new Set(docs);
  return { ...model, documents: docs, objects: model.objects.filter((o) => set.has(o.document)) };
}

/** The index of the document whose span holds an offset. */
function documentAt(spans: { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A report moved with its document; its fixes are those of the same report found again when asked. */
function moved(r: Report, delta: number, fresh: (now: Report) => Report | undefined): Report {
  const out: Report = { start: r.start + delta, end: r.end + delta, message: r.message };
  if (r.fixes) {
    out.fixes = r.fixes.map(
      (f, k): FixProposal => ({
        title: f.title,
        kind: f.kind,
        ...(f.uri !== undefined && { uri: f.uri }),
        edits: () => fresh(out)?.fixes?.[k]?.edits() ?? [],
      }),
    );
  }
  return out;
}

/**
 * Finds a reused report again in this lint's model, for its fixes: the rule runs on that one document (once per
 * rule and document), and the report is the one at the same place in what it reports there.
 */
function rerunner(model: KubernetesModel, workspace: WorkspaceView | undefined) {
  const runs = new Map<string, Report[]>();
  return (rule: Rule, document: number, n: number, now: Report): Report | undefined => {
    const key = `${rule.meta.id}\0${document}`;
    let reports = runs.get(key);
    if (!reports) {
      const found: Report[] = [];
      const file = subModel(model, [model.documents[document]]);
      let containers: Container[] | undefined;
      const context: RuleContext = { file, containers: () => (containers ??= kubernetesContainers(file, linkedDockerfiles(workspace))), workspace, report: (r) => found.push(r) };
      try {
        rule.check(context);
      } catch {
        // the lint that reused the report ran without failure; a failure now leaves the fix without edits
      }
      runs.set(key, (reports = found));
    }
    const same = (r: Report | undefined) => r !== undefined && r.start === now.start && r.end === now.end && r.message === now.message;
    return same(reports[n]) ? reports[n] : reports.find(same);
  };
}
