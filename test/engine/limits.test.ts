// The engine's limits: the size limit, bounded YAML alias expansion, deep nesting that cannot overflow the
// stack, and shell scripts whose parse would not end in reasonable time.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isMap, parseDocument } from 'yaml';
import { defaultConfig, initShellParser, lint, type LintResult } from '../../server/src/engine';
import { MAX_ALIAS_EXPANSIONS, plainValue } from '../../server/src/parse/kubernetes';
import { cutDeepNesting, MAX_YAML_DEPTH } from '../../server/src/parse/yaml-depth';
import { MAX_SHELL_NESTING, MAX_SHELL_NODES, MAX_SHELL_PIPES, MAX_SHELL_SCRIPT_LENGTH, parseShellText } from '../../server/src/parse/shell';

before(() => initShellParser());

/** Lints with every rule; rule errors are collected rather than logged. */
function lintAll(uri: string, text: string): { result: LintResult; errors: string[] } {
  const errors: string[] = [];
  const result = lint({ uri, text }, { onRuleError: (id, _uri, e) => errors.push(`${id}: ${(e as Error).message}`) });
  return { result, errors };
}

/** Runs `f` below `depth` extra stack frames, as a deep caller (the LSP's handlers) would. */
function atDepth<T>(depth: number, f: () => T): T {
  return depth === 0 ? f() : atDepth(depth - 1, f);
}

// how long these take is measured by scripts/fuzz.ts, not asserted here: timing lives in benchmarks

describe('size limit', () => {
  it('one informational problem above the limit, a normal lint at it', () => {
    const text = 'FROM alpine:3.20\nCMD sleep infinity\n';
    const config = { ...defaultConfig(), maxFileSize: text.length };
    const at = lint({ uri: 'file:///w/Dockerfile', text }, { config });
    assert.equal(at.problems.length, 0);
    assert.ok(at.findings.length > 0);
    const above = lint({ uri: 'file:///w/Dockerfile', text: text + '\n' }, { config });
    assert.deepEqual(above.findings, []);
    assert.deepEqual(
      above.problems.map((p) => [p.code, p.severity, p.start, p.end]),
      [['file-too-large', 'info', 0, 0]],
    );
  });
});

describe('YAML aliases', () => {
  const bomb = ['l0: &l0 {exec: {command: [a, b]}}', ...Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`)];
  const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: bomb
${bomb.map((l) => `  ${l.replace(/^l(\d+):/, 'x$1:')}`).join('\n')}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          command: *l12
          args: *l12
          env: *l12
          livenessProbe: {exec: {command: *l12}}
          readinessProbe: {exec: {command: *l11}}
          resources: {limits: *l12}
          securityContext: *l12
          ports: *l12
        - *l12
      initContainers: *l12
      volumes: *l12
`;

  it('a billion laughs in every container field lints fast, without a rule error', () => {
    const { result, errors } = lintAll('file:///w/bomb.yaml', manifest);
    assert.equal(result.language, 'kubernetes');
    assert.deepEqual(errors, []);
    assert.deepEqual(result.problems, []);
    for (const f of result.findings) for (const fix of f.fixes) fix.edits();
  });

  it('plain values expand a bounded number of aliases (MAX_ALIAS_EXPANSIONS), else are unknown', () => {
    const doc = parseDocument(`a: &a [1, 2]\nsmall: [${Array(10).fill('*a').join(', ')}]\nlarge: [${Array(MAX_ALIAS_EXPANSIONS + 1).fill('*a').join(', ')}]\ndangling: *nowhere\n`);
    assert.ok(isMap(doc.contents));
    const [, small, large, dangling] = doc.contents.items.map((p) => p.value as Parameters<typeof plainValue>[0]);
    assert.deepEqual(plainValue(small, doc), Array(10).fill([1, 2]));
    assert.equal(plainValue(large, doc), undefined);
    assert.equal(plainValue(dangling, doc), undefined);
  });
});

describe('deep nesting', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\n';
  const yamlCases: [string, string][] = [
    ['10,000 flow sequences', `${pod}spec: ${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`],
    ['100,000 unclosed flow sequences', `${pod}spec: ${'['.repeat(100_000)}\n`],
    ['10,000 flow maps', `${pod}spec: ${'{a: '.repeat(10_000)}x${'}'.repeat(10_000)}\n`],
    ['10,000 block sequences', `${pod}spec:\n  containers:\n    ${'- '.repeat(10_000)}x\n`],
    ['8,000 keys on one line, then another document', `${pod}${'key: value, '.repeat(8000)}\n---\n${pod}`],
    ['1,000 block maps', `${pod}spec:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`],
  ];
  for (const [name, text] of yamlCases) {
    it(`YAML: ${name}`, () => {
      const { result, errors } = atDepth(2000, () => lintAll('file:///w/deep.yaml', text));
      assert.equal(result.language, 'kubernetes');
      assert.deepEqual([...errors, ...result.problems.map((p) => p.message)], []);
    });
  }

  it('YAML: 10,000 nested block sequences before a container: one yaml-syntax error at the cut, the container still linted', () => {
    const text = `${pod}  annotations:\n    x:\n      ${'- '.repeat(10_000)}a\n      ${'  '.repeat(10_000)}- b\nspec:\n  containers:\n    - name: app\n      image: nginx\n`;
    const { result, errors } = atDepth(2000, () => lintAll('file:///w/deep.yaml', text));
    assert.deepEqual([...errors, ...result.problems.map((p) => p.message)], []);
    const syntax = result.findings.filter((f) => f.ruleId === 'yaml-syntax');
    assert.deepEqual(syntax.map((f) => [f.range.start.line, f.range.start.character, f.message]), [[6, 6 + 2 * (MAX_YAML_DEPTH - 4), `YAML nested deeper than ${MAX_YAML_DEPTH} levels: Herd did not read below this point: the rest of the file is linted.`]]);
    assert.ok(result.findings.some((f) => f.ruleId === 'pin-image-tag' && f.range.start.line === 11), 'the container is linted');
  });

  it('the cut keeps offsets and line breaks, stops at the closing bracket, and leaves block scalars alone', () => {
    const flow = `a: ${'['.repeat(10)}x${']'.repeat(10)}\nb: [1]\n`;
    const cut = cutDeepNesting(flow, 4);
    // the mapping is a level, each bracket one more
    assert.equal(cut.text, `a: [[[${' '.repeat(15)}]]]\nb: [1]\n`);
    assert.deepEqual(cut.cuts, [{ start: 6, end: 21 }]);
    const literal = `a: |\n  ${'[ - '.repeat(20)}\nb: ${'- '.repeat(3)}x\n`;
    assert.deepEqual(cutDeepNesting(literal, 4), { text: literal, cuts: [] });
    const block = `a:\n  ${'- '.repeat(8)}x\n${' '.repeat(20)}- y\n  - z\n`;
    const blocked = cutDeepNesting(block, 4);
    assert.equal(blocked.text, `a:\n  - -${' '.repeat(14)}\n${' '.repeat(23)}\n  - z\n`);
  });

  const shellCases: [string, string][] = [
    ['10,000 subshells', `RUN ${'( '.repeat(10_000)}true${' )'.repeat(10_000)}`],
    ['10,000 unclosed command substitutions', `RUN echo $${'('.repeat(10_000)}x`],
    ['10,000 groups', `CMD ${'{ '.repeat(10_000)}true;${' };'.repeat(10_000)}`],
    ['10,000 ifs', `RUN ${'if true; then '.repeat(10_000)}true;${' fi;'.repeat(10_000)}`],
    ['10,000 nested function bodies', `RUN f() ${'{ '.repeat(10_000)}true;${' }'.repeat(10_000)}`],
    ['20,000 commands in one && list', `CMD ${'a && '.repeat(20_000)}b`],
  ];
  for (const [name, line] of shellCases) {
    it(`shell: ${name}`, () => {
      const { result, errors } = atDepth(2000, () => lintAll('file:///w/Dockerfile', `FROM alpine:3.20\n${line}\n`));
      assert.equal(result.language, 'dockerfile');
      assert.deepEqual([...errors, ...result.problems.map((p) => p.message)], []);
    });
  }

  it('the shell model stops at MAX_SHELL_NESTING levels and MAX_SHELL_NODES nodes, and says so', () => {
    const deep = parseShellText(`${'( '.repeat(MAX_SHELL_NESTING + 10)}true${' )'.repeat(MAX_SHELL_NESTING + 10)}`);
    assert.equal(deep.hasErrors, true);
    let depth = 0;
    for (let node = deep.statements[0]?.node; node?.type === 'subshell'; node = node.body[0]?.node) depth++;
    assert.equal(depth, MAX_SHELL_NESTING);
    const shallow = parseShellText(`${'( '.repeat(10)}true${' )'.repeat(10)}`);
    assert.equal(shallow.hasErrors, false);
    const long = parseShellText('true; '.repeat(MAX_SHELL_NODES + 10));
    assert.equal(long.hasErrors, true);
    assert.equal(long.statements.length, MAX_SHELL_NODES);
  });

  it(`a script with more than ${MAX_SHELL_PIPES} pipes is not parsed (tree-sitter's recovery is quadratic in a pipeline's length)`, () => {
    const parsed = parseShellText(`${'a | '.repeat(8000)}b\nfoo "bar`);
    assert.deepEqual(parsed, { statements: [], hasErrors: true });
    assert.equal(parseShellText(`${'a | '.repeat(10)}b`).statements.length, 1);
  });

  it(`a script longer than ${MAX_SHELL_SCRIPT_LENGTH} characters is not parsed; one that long is`, () => {
    const words = (n: number) => `echo ${'a '.repeat(n)}`.slice(0, n);
    assert.deepEqual(parseShellText(words(MAX_SHELL_SCRIPT_LENGTH + 1)), { statements: [], hasErrors: true });
    const longest = parseShellText(words(MAX_SHELL_SCRIPT_LENGTH));
    assert.equal(longest.statements.length, 1);
    assert.equal(longest.hasErrors, false);
  });
});
