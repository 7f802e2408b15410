import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { verbatim } from '../../server/src/parse/mapped-text';
import { allCommands, backgroundOperators, initShellParser, mainProcess, parseShell, shellScriptArgIndex, spanIn } from '../../server/src/parse/shell';

function commands(src: string) {
  return [...allCommands(parseShell(verbatim(src, 0)))].map((v) => ({
    argv: [v.command.name?.value, ...v.command.args.map((a) => a.value)].filter((x) => x !== undefined).join(' '),
    bg: v.inBackground,
    span: spanIn(v.script, v.command),
  }));
}

describe('shell parser', () => {
  before(() => initShellParser());

  it('removes quotes and escapes, keeps & inside quotes as text', () => {
    assert.deepEqual(commands(`echo "a & b" 'c > d' e\\ f`).map((c) => c.argv), ['echo a & b c > d e f']);
  });

  it('finds & operators with exact offsets, also inside sh -c strings', () => {
    const script = parseShell(verbatim(`./a & sh -c "./b & exec ./c"`, 10));
    const spans = [...backgroundOperators(script)].map((b) => spanIn(b.script, b.statement.background!));
    assert.deepEqual(spans, [{ start: 14, end: 15 }, { start: 27, end: 28 }]);
  });

  it('descends into sh -c with escaped quotes, mapping offsets through the escapes', () => {
    const src = `sh -c "echo \\"x\\" && ./app &"`;
    const script = parseShell(verbatim(src, 0));
    const inner = [...backgroundOperators(script)][0];
    const span = spanIn(inner.script, inner.statement.background!);
    assert.equal(src.slice(span.start, span.end), '&');
  });

  it('marks background commands and nested ones', () => {
    assert.deepEqual(commands('./a & ./b; while true; do ./c; done').map((c) => [c.argv, c.bg]), [
      ['./a', true],
      ['./b', false],
      ['true', false],
      ['./c', false],
    ]);
  });

  it('follows exec, && and pipelines to the main process', () => {
    const script = parseShell(verbatim('set -e; cd /app && ./migrate && exec gunicorn app | tee /dev/null', 0));
    const main = mainProcess(script);
    assert.ok(main && main.node.type === 'command');
    assert.equal(main.node.type === 'command' && main.node.name?.value, 'tee');
  });

  it('treats line continuations as the shell does', () => {
    assert.deepEqual(commands('apt-get install \\\n  curl \\\n  git').map((c) => c.argv), ['apt-get install curl git']);
  });

  it('parses heredocs without treating their body as commands', () => {
    assert.deepEqual(commands('cat <<EOF > /etc/x\nhello & bye\nEOF\n./app').map((c) => c.argv), ['cat', './app']);
  });

  it('recognises sh -c argument positions', () => {
    assert.equal(shellScriptArgIndex(['sh', '-c', 'x']), 2);
    assert.equal(shellScriptArgIndex(['/bin/bash', '-ec', 'x']), 2);
    assert.equal(shellScriptArgIndex(['bash', '-e', '-c', 'x']), 3);
    assert.equal(shellScriptArgIndex(['bash', 'script.sh']), -1);
    assert.equal(shellScriptArgIndex(['python', '-c', 'x']), -1);
  });

  it('survives unbalanced quotes and junk', () => {
    for (const src of ['echo "unterminated', "it's", '((((', 'if then fi', '\u0000\u0001', 'a &&& b']) {
      const script = parseShell(verbatim(src, 0));
      assert.equal(typeof script.hasErrors, 'boolean');
      [...allCommands(script)];
    }
  });
});
