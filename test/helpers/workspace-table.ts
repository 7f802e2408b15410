// Table tests for cross-file rules: each case is a small workspace (path → text). Every file is linted with
// the rule and the workspace index; findings are `path line:col-line:col` (1-based). A fix may edit another
// file of the workspace (its `uri`); `output` is that file's text after the fix, and the finding is then gone.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits, initShellParser, lint, ruleById, type Finding } from '../../server/src/engine';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import { assertStillParses, rangeText } from './rule-table';

export const ROOT = '/ws';
export const uriOf = (path: string) => `file://${ROOT}/${path}`;
const pathOfUri = (uri: string) => uri.slice(`file://${ROOT}/`.length);

export interface WorkspaceCase {
  name: string;
  files: Record<string, string>;
  /** Every finding of the rule in the workspace, `path line:col-line:col`, sorted by path then position. */
  errors: string[];
  /** Substrings of the messages, same order as `errors` (the whole messages with `exactMessages`). */
  messages?: string[];
  exactMessages?: boolean;
  /** The fix to apply: of the finding at `of` (default 0), titled like `title` (default: its first fix). */
  fix?: { of?: number; title?: string; file: string; output: string };
  noFix?: boolean;
}

export function workspaceIndex(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex({ roots: [ROOT] });
  for (const [path, text] of Object.entries(files)) index.setDisk(uriOf(path), text, false);
  return index;
}

/** The rule's findings over the whole workspace, in path order. */
export function workspaceFindings(ruleId: string, files: Record<string, string>): { path: string; finding: Finding }[] {
  const rule = ruleById(ruleId);
  assert.ok(rule, `rule ${ruleId} is registered`);
  const index = workspaceIndex(files);
  const out: { path: string; finding: Finding }[] = [];
  for (const path of Object.keys(files).sort()) {
    const uri = uriOf(path);
    const text = files[path];
    const result = lint({ uri, text }, { rules: [rule], workspace: index, parsed: index.modelFor(uri, text) });
    assert.deepEqual(result.problems, [], `no rule error or parse problem in ${path}`);
    for (const finding of result.findings) out.push({ path, finding });
  }
  return out;
}

/** A workspace where the rule must stay silent. */
export interface ValidWorkspace {
  name: string;
  files: Record<string, string>;
}

export interface WorkspaceRuleTable {
  valid: ValidWorkspace[];
  invalid: WorkspaceCase[];
}

/** The rule table of a cross-file rule: each case a small workspace. */
export function ruleTable(ruleId: string, table: WorkspaceRuleTable): void {
  describe(ruleId, () => {
    before(() => initShellParser());
    table.valid.forEach((c, i) => {
      it(`valid #${i + 1}: ${c.name}`, () => {
        const found = workspaceFindings(ruleId, c.files);
        assert.deepEqual(found.map((f) => `${f.path} ${rangeText(f.finding)} ${f.finding.message}`), []);
      });
    });
    table.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${c.name}`, () => {
        assert.ok(c.errors.length > 0, 'an invalid case expects findings');
        const found = workspaceFindings(ruleId, c.files);
        assert.deepEqual(
          found.map((f) => `${f.path} ${rangeText(f.finding)}`),
          c.errors,
          found.map((f) => f.finding.message).join('\n'),
        );
        c.messages?.forEach((m, k) => {
          if (c.exactMessages) assert.equal(found[k].finding.message, m);
          else assert.ok(found[k].finding.message.includes(m), `message ${k} "${found[k].finding.message}" contains "${m}"`);
        });
        if (c.noFix) assert.deepEqual(found[0].finding.fixes.map((f) => f.title), []);
        if (!c.fix) return;
        const target = found[c.fix.of ?? 0];
        const title = c.fix.title;
        const fix = title ? target.finding.fixes.find((f) => f.title.includes(title)) : target.finding.fixes[0];
        assert.ok(fix, `a fix${title ? ` titled "${title}"` : ''} is offered (got ${target.finding.fixes.map((f) => f.title).join(', ') || 'none'})`);
        const edited = fix.uri ? pathOfUri(fix.uri) : target.path;
        assert.equal(edited, c.fix.file, 'the fix edits the expected file');
        const fixed = applyEdits(c.files[edited], fix.edits());
        assert.equal(fixed, c.fix.output);
        assertStillParses(fixed, edited);
        const after = workspaceFindings(ruleId, { ...c.files, [edited]: fixed });
        assert.ok(
          !after.some((f) => f.path === target.path && f.finding.message === target.finding.message),
          `the fixed finding is gone (left: ${after.map((f) => `${f.path} ${rangeText(f.finding)}`).join(', ')})`,
        );
      });
    });
  });
}
