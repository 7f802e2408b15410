import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../server/src/cli/args';

describe('herd argument parsing', () => {
  it('lints . with the stylish format by default', () => {
    assert.deepEqual(parseArgs(['lint']), { command: 'lint', paths: ['.'], format: 'stylish', fix: false, allowSkipped: false, rules: [] });
  });

  it('reads every lint option, in both --name value and --name=value forms', () => {
    const args = parseArgs(['lint', 'a', '--format', 'sarif', '-o', 'x', '--output=out.sarif', '--fix', '--max-warnings', '3', '--rule', 'liveness-probe=off', '--rule=pin-image-tag=error', '-c', 'cfg.yaml', '--max-file-size', '512k', '--allow-skipped', 'b']);
    assert.deepEqual(args, {
      command: 'lint',
      paths: ['a', 'b'],
      format: 'sarif',
      output: 'out.sarif',
      config: 'cfg.yaml',
      fix: true,
      allowSkipped: true,
      maxWarnings: 3,
      maxFileSize: 524288,
      rules: [
        { id: 'liveness-probe', severity: 'off' },
        { id: 'pin-image-tag', severity: 'error' },
      ],
    });
  });

  it('--max-file-size takes bytes, or k, MB, G (1024-based)', () => {
    const size = (v: string) => (parseArgs(['lint', `--max-file-size=${v}`]) as { maxFileSize?: number }).maxFileSize;
    assert.deepEqual(['100', '2k', '5MB', '1.5m', '1G'].map(size), [100, 2048, 5242880, 1572864, 1073741824]);
    for (const bad of ['0', '-1', 'big', '5 parsecs', '1e9']) assert.throws(() => parseArgs(['lint', '--max-file-size', bad]), /--max-file-size/);
  });

  it('takes everything after -- as a path', () => {
    assert.deepEqual(parseArgs(['lint', '--', '--fix', '-h']), { command: 'lint', paths: ['--fix', '-h'], format: 'stylish', fix: false, allowSkipped: false, rules: [] });
  });

  it('knows help, version and rules', () => {
    assert.deepEqual(parseArgs(['--help']), { command: 'help' });
    assert.deepEqual(parseArgs(['lint', 'x', '-h']), { command: 'help' });
    assert.deepEqual(parseArgs(['help']), { command: 'help' });
    assert.deepEqual(parseArgs(['--version']), { command: 'version' });
    assert.deepEqual(parseArgs(['-v']), { command: 'version' });
    assert.deepEqual(parseArgs(['rules']), { command: 'rules', format: 'text' });
    assert.deepEqual(parseArgs(['rules', '--format', 'json']), { command: 'rules', format: 'json' });
  });

  const mistakes: [string[], string][] = [
    [[], 'missing command'],
    [['check'], 'unknown command check'],
    [['--frobnicate'], 'unknown option --frobnicate'],
    [['lint', '--frobnicate'], 'unknown option --frobnicate'],
    [['lint', '--format', 'xml'], '--format must be one of stylish, json, sarif, github, gitlab, not xml'],
    [['lint', '--format'], '--format needs a value'],
    [['lint', '--output', '--fix'], '--output needs a value'],
    [['lint', '--max-warnings', '-1'], '--max-warnings needs a value'],
    [['lint', '--max-warnings', 'many'], '--max-warnings must be a whole number, not many'],
    [['lint', '--rule', 'liveness-probe'], '--rule expects id=severity, not liveness-probe'],
    [['lint', '--rule', 'liveness-probe=loud'], '--rule liveness-probe: severity must be off, info, warning or error, not loud'],
    [['lint', '--fix=yes'], '--fix takes no value'],
    [['rules', '--format', 'sarif'], '--format for rules must be text or json, not sarif'],
    [['rules', 'extra'], 'unexpected argument extra'],
  ];
  for (const [argv, message] of mistakes) {
    it(`rejects ${JSON.stringify(argv)}`, () => {
      assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && e.message === message);
    });
  }
});
