// A finding inside a YAML document with syntax errors keeps its diagnostic but offers no fix to the file:
// error recovery leaves node ranges that edits cannot rely on (the fuzzer found fixes throwing there).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine';
import { defineRule } from '../../server/src/engine/rule';

/** Reports every `name: app` line with a same-file fix and a fix for another file. */
const rule = defineRule({
  meta: { id: 'test-named-app', languages: ['kubernetes'], defaultSeverity: 'warning', description: 'Reports name: app.', category: 'hygiene', fixes: ['safe'] },
  check(context) {
    const text = context.file.source.text;
    for (let at = text.indexOf('name: app'); at >= 0; at = text.indexOf('name: app', at + 1)) {
      context.report({
        start: at,
        end: at + 9,
        message: 'named app',
        fixes: [
          { title: 'Rename', kind: 'safe', edits: () => [{ start: at + 6, end: at + 9, newText: 'web' }] },
          { title: 'Elsewhere', kind: 'safe', uri: 'file:///w/Dockerfile', edits: () => [{ start: 0, end: 0, newText: '# x\n' }] },
        ],
      });
    }
  },
});

describe('YAML documents with syntax errors', () => {
  it('offer no fix to the file; the other documents and fixes of other files are unaffected', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec: {containers: [\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n';
    const result = lint({ uri: 'file:///w/pods.yaml', text }, { rules: [rule] });
    assert.ok(result.model?.kind === 'kubernetes' && result.model.documents[0].errors.length > 0 && result.model.documents[1].errors.length === 0);
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId !== 'yaml-syntax').map((f) => [f.range.start.line, f.fixes.map((x) => x.title)]),
      [
        [3, ['Elsewhere']],
        [9, ['Rename', 'Elsewhere']],
      ],
    );
  });

  it('get one yaml-syntax error at the first error of each broken document; the other documents still report', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec: {containers: [\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  annotations:\n    a: "two\nlines" [x\n  b: c: d\n';
    const result = lint({ uri: 'file:///w/pods.yaml', text }, { rules: [rule] });
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.severity, f.range.start.line, f.range.start.character]),
      [
        ['test-named-app', 'warning', 3, 2],
        ['yaml-syntax', 'error', 5, 0],
        ['test-named-app', 'warning', 9, 2],
        ['test-named-app', 'warning', 14, 2],
        ['yaml-syntax', 'error', 16, 11],
      ],
    );
    assert.equal(result.findings[1].message, 'This YAML does not parse: Flow sequence in block collection must be sufficiently indented and end with a ]. kubectl rejects it or reads it differently, and Herd lints what its parser recovered; fix the syntax.');
  });

  it('a yaml-syntax error can be silenced like a rule', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n# herd-ignore yaml-syntax\nspec: {containers: [\n';
    assert.deepEqual(lint({ uri: 'file:///w/pod.yaml', text }, { rules: [] }).findings, []);
  });
});
