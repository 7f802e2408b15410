// A finding inside a YAML document with syntax errors keeps its diagnostic but offers no fix to the file:
// error recovery leaves node ranges that edits cannot rely on (the fuzzer found fixes throwing there).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine';
import { defineRule } from '../../server/src/engine/rule';
import { MAX_YAML_ERRORS } from '../../server/src/parse/yaml-stream';

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

  describe(`more than MAX_YAML_ERRORS (${MAX_YAML_ERRORS}) errors in a document`, () => {
    // 45,000 lines of `\` (the fuzzer's): two errors per line, each an Error with a stack, cost yaml most of a second
    const junk = '\\\n'.repeat(45_000);
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

    it('the document is given up on at the cap: its first errors and one more saying so, no contents', () => {
      const text = `${pod('app')}spec:\n  containers:\n  - name: app\n${junk}`;
      const result = lint({ uri: 'file:///w/pod.yaml', text }, { rules: [rule] });
      const doc = result.model?.kind === 'kubernetes' ? result.model.documents : [];
      assert.equal(doc.length, 1);
      assert.equal(doc[0].errors.length, MAX_YAML_ERRORS + 1);
      assert.match(doc[0].errors[MAX_YAML_ERRORS].message, /^more than 100 YAML errors in this document: Herd stopped reading it/);
      assert.deepEqual(doc[0].yaml.range, [0, text.length, text.length]);
      assert.equal(doc[0].yaml.contents, null);
      // the rules still run (this one reads the text)
      assert.deepEqual(
        result.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]),
        [
          ['test-named-app', 3, 2],
          ['test-named-app', 6, 4],
          ['yaml-syntax', 7, 0],
        ],
      );
    });

    it('a document given up on may nest deeply (`key: value, ` 4,000 times on one line): no stack overflow', () => {
      const text = `${pod('app')}${'key: value, '.repeat(4000)}\n---\n${pod('app')}`;
      const result = lint({ uri: 'file:///w/pods.yaml', text }, { rules: [rule] });
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.findings.map((f) => [f.ruleId, f.range.start.line]),
        [
          ['test-named-app', 3],
          ['yaml-syntax', 4],
          ['test-named-app', 9],
        ],
      );
    });

    it('the documents before and after it are linted, in sections and in a stream parsed whole', () => {
      for (const separator of ['---\n', '...\n---\n']) {
        const text = `${pod('app')}${separator}${pod('x')}spec:\n${junk}${separator}${pod('app')}`;
        const result = lint({ uri: 'file:///w/pods.yaml', text }, { rules: [rule] });
        const lines = text.split('\n').length;
        assert.deepEqual(
          result.findings.map((f) => [f.ruleId, f.range.start.line]),
          [
            ['test-named-app', 3],
            ['yaml-syntax', separator === '---\n' ? 10 : 11],
            ['test-named-app', lines - 2],
          ],
          JSON.stringify(separator),
        );
      }
    });
  });
});
