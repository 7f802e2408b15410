// `herd lint --fix` over the corpus: every safe fix of every Dockerfile rule, applied pass after pass until
// nothing applies (at most MAX_FIX_PASSES), must leave no fixable finding behind, must not add findings
// to the rules it fixed, and must never merge or split instructions by accident.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MAX_FIX_PASSES } from '../../server/src/cli/fix';
import { allRules, applyEdits, initShellParser, lint, safeFixEdits, type Finding, type OffsetEdit } from '../../server/src/engine';
import { parseDockerfile } from '../../server/src/parse/dockerfile';
import { sourceText } from '../../server/src/parse/source';
import { corpusFiles } from '../helpers/corpus';

const rules = allRules.filter((r) => r.meta.languages.includes('dockerfile') && r.meta.fixes.includes('safe'));

/** Document offsets where instructions start. */
function instructionStarts(text: string): number[] {
  const model = parseDockerfile(sourceText('file:///work/Dockerfile', text));
  return model.ast.getInstructions().map((i) => model.source.offsetAt(i.getRange().start));
}

/**
 * The instruction count the edits should produce: instructions that start inside a replaced range go,
 * instructions that start inside inserted text come. Anything else (a continuation swallowing the next
 * line, a broken heredoc) changes the count and fails.
 */
function expectedCount(text: string, edits: OffsetEdit[]): number {
  const before = instructionStarts(text);
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const after = instructionStarts(applyEdits(text, edits));
  let shift = 0;
  let count = before.length;
  for (const e of sorted) {
    count -= before.filter((s) => s >= e.start && s < e.end).length;
    const at = e.start + shift;
    count += after.filter((s) => s >= at && s < at + e.newText.length).length;
    shift += e.newText.length - (e.end - e.start);
  }
  return count;
}

function countByRule(findings: Finding[], withoutSafeFix: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (withoutSafeFix && f.fixes.some((x) => x.kind === 'safe')) continue;
    counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  }
  return counts;
}

describe('safe fixes over the corpus Dockerfiles', () => {
  before(() => initShellParser());
  const files = corpusFiles('dockerfiles');

  it('covers the rules with safe fixes and a real corpus', () => {
    assert.ok(rules.length > 0);
    assert.ok(files.length > 100, `corpus has ${files.length} Dockerfiles`);
  });

  for (const file of files) {
    it(file.name, () => {
      const uri = `file://${file.path}`;
      const first = lint({ uri, text: file.text, languageId: 'dockerfile' }, { rules });
      assert.deepEqual(first.problems, []);
      const unfixable = countByRule(first.findings, true);
      let text = file.text;
      let result = first;
      for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
        const { edits, applied } = safeFixEdits(result.findings);
        if (!edits.length) break;
        const next = applyEdits(text, edits);
        const fixed = [...new Set(applied.map((f) => f.ruleId))].join(', ');
        assert.equal(instructionStarts(next).length, expectedCount(text, edits), `pass ${pass} (${fixed}) changed the instruction structure`);
        text = next;
        result = lint({ uri, text, languageId: 'dockerfile' }, { rules });
        assert.deepEqual(result.problems, [], `pass ${pass} (${fixed}) left a file Herd cannot lint`);
      }
      const left = result.findings.filter((f) => f.fixes.some((x) => x.kind === 'safe'));
      assert.deepEqual(left.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`), [], 'a safe fix is still pending');
      for (const [rule, count] of countByRule(result.findings, false)) {
        assert.ok(count <= (unfixable.get(rule) ?? 0), `${rule}: ${count} findings after fixing, ${unfixable.get(rule) ?? 0} unfixable before`);
      }
    });
  }
});
