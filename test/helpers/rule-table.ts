// Table tests for rules: valid snippets stay silent; invalid ones produce exactly the listed diagnostics
// (1-based `line:col-line:col`), and a fix produces exactly the listed text, which lints clean of that finding.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits, initShellParser, lint, ruleById, type Finding } from '../../server/src/engine';
import type { WorkspaceView } from '../../server/src/engine/workspace';

export interface ValidCase {
  name?: string;
  code: string;
  /** File name: decides the language. Defaults from the rule's first language. */
  filename?: string;
}

export interface InvalidCase extends ValidCase {
  /** Expected diagnostics of this rule, in order: `line:col-endLine:endCol`, 1-based. */
  errors: string[];
  /** Substrings each message must contain (optional, same order as errors). */
  messages?: string[];
  /** The text after applying one fix of the first diagnostic (chosen by `fixTitle`, else the first fix). */
  output?: string;
  fixTitle?: string;
  /** Index of the diagnostic whose fix is applied (default 0). */
  fixOf?: number;
  /** Assert that no fix is offered. */
  noFix?: boolean;
}

export interface RuleTable {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
  workspace?: WorkspaceView;
}

function defaultFilename(ruleId: string): string {
  const rule = ruleById(ruleId);
  const first = rule?.meta.languages[0];
  return first === 'kubernetes' ? 'manifest.yaml' : first === 'compose' ? 'compose.yaml' : 'Dockerfile';
}

export function findingsOf(ruleId: string, code: string, filename: string, workspace?: WorkspaceView): Finding[] {
  const rule = ruleById(ruleId);
  assert.ok(rule, `rule ${ruleId} is registered`);
  const result = lint({ uri: `file:///work/${filename}`, text: code }, { rules: [rule], workspace });
  assert.deepEqual(result.problems, [], 'no rule error or parse problem');
  return result.findings.filter((f) => f.ruleId === ruleId);
}

export function rangeText(f: Finding): string {
  const r = f.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export function ruleTable(ruleId: string, table: RuleTable): void {
  describe(ruleId, () => {
    before(() => initShellParser());
    table.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      const filename = c.filename ?? defaultFilename(ruleId);
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = findingsOf(ruleId, c.code, filename, table.workspace);
        assert.deepEqual(found.map((f) => `${rangeText(f)} ${f.message}`), []);
      });
    });
    table.invalid.forEach((c, i) => {
      const filename = c.filename ?? defaultFilename(ruleId);
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = findingsOf(ruleId, c.code, filename, table.workspace);
        assert.deepEqual(found.map(rangeText), c.errors);
        c.messages?.forEach((m, k) => assert.ok(found[k].message.includes(m), `message ${k} "${found[k].message}" contains "${m}"`));
        const target = found[c.fixOf ?? 0];
        if (c.noFix) assert.deepEqual(target.fixes.map((f) => f.title), []);
        if (c.output !== undefined) {
          const fix = c.fixTitle ? target.fixes.find((f) => f.title.includes(c.fixTitle!)) : target.fixes[0];
          assert.ok(fix, `a fix${c.fixTitle ? ` titled "${c.fixTitle}"` : ''} is offered (got ${target.fixes.map((f) => f.title).join(', ') || 'none'})`);
          const fixed = applyEdits(c.code, fix.edits());
          assert.equal(fixed, c.output);
          assertStillParses(fixed, filename);
          const after = findingsOf(ruleId, fixed, filename, table.workspace);
          assert.ok(
            !after.some((f) => f.range.start.line === target.range.start.line && f.message === target.message),
            `the fixed finding is gone (left: ${after.map(rangeText).join(', ')})`,
          );
        }
      });
    });
  });
}

export function assertStillParses(text: string, filename: string): void {
  if (!/\.ya?ml$/.test(filename)) return;
  for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors.map((e) => e.message), [], 'the fixed YAML parses');
}
