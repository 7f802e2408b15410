import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { allRules, initShellParser, lint, ruleById } from '../../server/src/engine';
import { defineRule } from '../../server/src/engine/rule';

const BAD = 'FROM alpine:3.20\nCMD ./app & tail -f /dev/null\n';
const processRules = ['no-background-process', 'no-keepalive-command'].map((id) => ruleById(id)!);

describe('lint runner', () => {
  before(() => initShellParser());

  it('a rule that throws is isolated: reported once, the others still run', () => {
    const broken = defineRule({
      meta: { id: 'broken-rule', languages: ['dockerfile'], defaultSeverity: 'error', category: 'test', description: 'throws', fixes: [] },
      check() {
        throw new Error('boom');
      },
    });
    const errors: string[] = [];
    const result = lint({ uri: 'file:///Dockerfile', text: BAD }, { rules: [broken, ...processRules], onRuleError: (id, _uri, e) => errors.push(`${id}: ${(e as Error).message}`) });
    assert.deepEqual(errors, ['broken-rule: boom']);
    assert.deepEqual(result.problems.map((p) => [p.code, p.message]), [['rule-error', 'Herd rule broken-rule failed on this file: boom']]);
    assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), ['no-background-process', 'no-keepalive-command']);
  });

  it('drops fix kinds that a rule does not declare', () => {
    const sneaky = defineRule({
      meta: { id: 'sneaky', languages: ['dockerfile'], defaultSeverity: 'info', category: 'test', description: 'x', fixes: ['suggestion'] },
      check(context) {
        context.report({ start: 0, end: 4, message: 'm', fixes: [{ title: 'unsafe', kind: 'safe', edits: () => [] }, { title: 'ok', kind: 'suggestion', edits: () => [] }] });
      },
    });
    const [finding] = lint({ uri: 'file:///Dockerfile', text: BAD }, { rules: [sneaky] }).findings;
    assert.deepEqual(finding.fixes.map((f) => f.title), ['ok']);
  });

  it('severity overrides and off', () => {
    const result = lint({ uri: 'file:///Dockerfile', text: BAD }, { rules: processRules, config: { rules: { 'no-keepalive-command': 'off', 'no-background-process': 'error' }, ignore: [], maxFileSize: 1e6 } });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.severity]), [['no-background-process', 'error']]);
  });

  it('a document above the size limit gets one informational problem and no lint', () => {
    const text = `FROM alpine:3.20\n${'# x\n'.repeat(2_700_000)}`;
    const result = lint({ uri: 'file:///Dockerfile', text });
    assert.deepEqual(result.findings, []);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].code, 'file-too-large');
    assert.match(result.problems[0].message, /10\.3 MB is above the 5\.0 MB limit/);
  });

  it('binary junk and broken YAML do not throw', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    for (const [uri, text] of [
      ['file:///Dockerfile', junk],
      ['file:///x.yaml', `apiVersion: v1\nkind: Pod\n${junk}`],
      ['file:///y.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: [unclosed\n      image: {{ x'],
      ['file:///Dockerfile', 'FROM\nCMD ["unterminated\nRUN <<EOF\nno end'],
    ]) {
      const result = lint({ uri, text });
      assert.ok(Array.isArray(result.findings));
    }
  });

  it('every registered rule has a unique kebab-case id and is resolvable', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z]+(-[a-z0-9]+)*$/);
      assert.equal(ruleById(id)?.meta.id, id);
    }
  });
});
