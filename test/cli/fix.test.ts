import assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { lintAndFix, MAX_FIX_PASSES } from '../../server/src/cli/fix';
import { defaultConfig, initShellParser } from '../../server/src/engine';
import { collapseRule, endlessRule, fakeCatalog } from './fake-rules';
import { herd, tempWorkspace } from './harness';

describe('herd lint --fix', () => {
  before(() => initShellParser());

  it('repeats until no safe fix applies, and reports what is left', () => {
    const outcome = lintAndFix({ uri: 'file:///w/Dockerfile', text: 'FROM alpine:3.20\n# aaaa aaa\n' }, { config: defaultConfig(), rules: [collapseRule] });
    // pass 1: aaaa aaa → aa aa (3 fixes); pass 2: → a a (2 fixes)
    assert.equal(outcome.text, 'FROM alpine:3.20\n# a a\n');
    assert.equal(outcome.fixed, 5);
    assert.deepEqual(outcome.result.findings, []);
  });

  it(`stops after ${MAX_FIX_PASSES} passes when fixes never converge`, () => {
    const outcome = lintAndFix({ uri: 'file:///w/Dockerfile', text: 'FROM a:1\n# x!\n' }, { config: defaultConfig(), rules: [endlessRule] });
    assert.equal(outcome.text, `FROM a:1\n# ${'x'.repeat(MAX_FIX_PASSES + 1)}!\n`);
    assert.equal(outcome.fixed, MAX_FIX_PASSES);
    assert.deepEqual(outcome.result.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['endless', 1, 2 + MAX_FIX_PASSES]]);
  });

  it('writes fixed files back, leaves the others untouched, and reports the rest', async () => {
    const ws = tempWorkspace({ 'a/Dockerfile': 'FROM alpine:3.20\n# aaaa\nCMD nohup x\n', 'b/Dockerfile': 'FROM alpine:3.20\nCMD nohup y\n' });
    try {
      const untouched = join(ws.dir, 'b', 'Dockerfile');
      const past = new Date('2020-01-01T00:00:00Z');
      utimesSync(untouched, past, past);
      const run = await herd(['lint', '.', '--fix', '-f', 'github'], { rules: [collapseRule, ...fakeCatalog], cwd: ws.dir });
      assert.equal(readFileSync(join(ws.dir, 'a', 'Dockerfile'), 'utf8'), 'FROM alpine:3.20\n# a\nCMD nohup x\n');
      assert.equal(statSync(untouched).mtimeMs, past.getTime());
      assert.equal(run.stderr, 'herd: fixed 3 problems in 1 file\n');
      assert.equal(
        run.stdout,
        '::warning file=a/Dockerfile,line=3,col=5,endLine=3,endColumn=10,title=no-background-process::The start command puts a process in the background\n' +
          '::warning file=b/Dockerfile,line=2,col=5,endLine=2,endColumn=10,title=no-background-process::The start command puts a process in the background\n',
      );
      assert.equal(run.code, 0, 'the fixed error is gone');
    } finally {
      ws.remove();
    }
  });

  it('without --fix, files stay as they are and safe fixes show as fixable', async () => {
    const ws = tempWorkspace({ Dockerfile: 'FROM alpine:3.20\n# aa\n' });
    try {
      const run = await herd(['lint', '.', '-f', 'json'], { rules: [collapseRule], cwd: ws.dir });
      assert.deepEqual(JSON.parse(run.stdout), [{ file: 'Dockerfile', findings: [{ ruleId: 'collapse-aa', severity: 'error', message: 'Double a', line: 2, column: 3, endLine: 2, endColumn: 5, fixable: true }] }]);
      assert.equal(run.code, 1);
      assert.equal(readFileSync(join(ws.dir, 'Dockerfile'), 'utf8'), 'FROM alpine:3.20\n# aa\n');
    } finally {
      ws.remove();
    }
  });
});
