// Code actions: each finding's fixes, the two ignore actions, and source.fixAll.herd for every safe fix.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { safeFixEdits, toTextEdits } from '../engine/fixes';
import type { LintResult } from '../engine/lint';
import type { Finding, OffsetEdit } from '../engine/types';
import type { SourceText } from '../parse/source';
import { findingRefOf } from './diagnostics';
import type { LintEntry } from './document-linter';
import { ignoreLineEdit, ignoreObjectEdit } from './ignore-actions';
import { plainOf } from './lint-protocol';
import type { Log } from './log';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.herd`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

export interface EditTarget {
  uri: string;
  /** null: a file that is not open, edited as it is on disk. */
  version: number | null;
  /** The client applies versioned `documentChanges` (rejected if the document moved on). */
  documentChanges: boolean;
}

export function workspaceEdit(target: EditTarget, edits: TextEdit[]): WorkspaceEdit {
  if (target.documentChanges) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  return { changes: { [target.uri]: edits } };
}

/** `kind` is requested by `only` when it equals or refines one of its entries. */
function requested(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Another document a fix edits: the text its edits were computed on, and its version when it is open. */
export interface OtherDocument {
  source: SourceText;
  version: number | null;
}

export function codeActions(
  params: CodeActionParams,
  entry: LintEntry,
  documentChanges: boolean,
  log: Log,
  /** `version`: the one the edits were computed on, when the lint ran in the worker (null: the file on disk). */
  otherDocument: (uri: string, version?: number | null) => OtherDocument | undefined = () => undefined,
): CodeAction[] {
  const result = entry.result;
  if (!result) return [];
  const target: EditTarget = { uri: entry.uri, version: entry.version, documentChanges };
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const ignores = new Map<string, CodeAction>();
  const edit = (edits: OffsetEdit[]) => workspaceEdit(target, toTextEdits(result.source, edits));
  // a fix of a Dockerfile finding may edit the manifest that deploys it
  const editOf = (uri: string | undefined, edits: OffsetEdit[], version?: number | null): WorkspaceEdit | undefined => {
    if (uri === undefined || uri === entry.uri) return edit(edits);
    const other = otherDocument(uri, version);
    return other && workspaceEdit({ uri, version: other.version, documentChanges }, toTextEdits(other.source, edits));
  };
  const compose = (result.model?.kind ?? (result as { modelKind?: string }).modelKind) === 'compose';
  for (const diagnostic of params.context.diagnostics) {
    const finding = findingOf(entry, diagnostic);
    if (!finding) continue;
    // a finding of the lint worker carries its edits (and its ignore edits) as data
    const plain = plainOf(finding);
    for (const [i, fix] of finding.fixes.entries()) {
      const kind = fix.kind === 'refactor' ? CodeActionKind.RefactorRewrite : CodeActionKind.QuickFix;
      if (!requested(kind, only)) continue;
      let edits: OffsetEdit[];
      try {
        edits = fix.edits();
      } catch (error) {
        log.error(`Fix "${fix.title}" of ${finding.ruleId} failed on ${entry.uri}`, error);
        continue;
      }
      const fixEdit = editOf(fix.uri, edits, plain?.fixes[i].targetVersion);
      // the other document changed since the lint: its offsets no longer hold
      if (!fixEdit) continue;
      const action: CodeAction = { title: fix.title, kind, diagnostics: [diagnostic], edit: fixEdit };
      if (fix.kind === 'safe') action.isPreferred = true;
      actions.push(action);
    }
    if (!requested(CodeActionKind.QuickFix, only)) continue;
    const ignoreEdits: [string, () => OffsetEdit | undefined][] = [
      [`Ignore ${finding.ruleId} for this line`, () => (plain ? plain.ignoreLine : ignoreLineEdit(result, finding))],
      [
        compose ? `Ignore ${finding.ruleId} for this service (x-herd-ignore)` : `Ignore ${finding.ruleId} for this object (annotation)`,
        () => (plain ? plain.ignoreObject : ignoreObjectEdit(result, finding)),
      ],
    ];
    for (const [title, build] of ignoreEdits) {
      let offsetEdit: OffsetEdit | undefined;
      try {
        offsetEdit = build();
      } catch (error) {
        log.error(`"${title}" failed on ${entry.uri}`, error);
      }
      if (!offsetEdit) continue;
      // two findings of one rule on a line share one action
      const key = `${title}\0${offsetEdit.start}`;
      const same = ignores.get(key);
      if (same) same.diagnostics!.push(diagnostic);
      else ignores.set(key, { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([offsetEdit]) });
    }
  }
  for (const action of ignores.values()) actions.push(action);
  if (only && requested(FIX_ALL_KIND, only)) {
    const fixAll = fixAllEdits(result);
    if (fixAll.length) actions.push({ title: 'Fix all safe Herd problems', kind: FIX_ALL_KIND, edit: workspaceEdit(target, fixAll) });
  }
  return actions;
}

/** The text edits of every safe fix that does not collide with another (one pass). */
export function fixAllEdits(result: LintResult): TextEdit[] {
  return toTextEdits(result.source, safeFixEdits(result.findings).edits);
}

/** The finding a diagnostic shows: by its `data` index when the lint is the same, else by rule and range. */
function findingOf(entry: LintEntry, diagnostic: Diagnostic): Finding | undefined {
  const ref = findingRefOf(diagnostic);
  const findings = entry.result?.findings ?? [];
  if (!ref || ref.uri !== entry.uri) return undefined;
  const matches = (f: Finding | undefined): f is Finding => f !== undefined && f.ruleId === diagnostic.code && sameRange(f, diagnostic);
  const indexed = ref.version === entry.version ? findings[ref.index] : undefined;
  return matches(indexed) ? indexed : findings.find(matches);
}

function sameRange(f: Finding, d: Diagnostic): boolean {
  const a = f.range;
  const b = d.range;
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
