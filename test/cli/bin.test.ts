// The bundled CLI as a user runs it, with the real rule registry.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { HELP } from '../../server/src/cli/help';
import { formatRules } from '../../server/src/cli/rules-command';
import { allRules, ruleById } from '../../server/src/engine';
import { buildCli, PACKAGE_ROOT } from './built-cli';
import { copyFixture, FIXTURES, herd, type Run } from './harness';
import { sarifProblems } from './sarif-shape';

interface JsonFile {
  file: string;
  findings: { ruleId: string; severity: string; line: number; fixable: boolean }[];
}

/** Safe fixes whose result the catalog pins down, on lines of fixtures/cli/fixable/Dockerfile. */
const SAFE_FIX_EXAMPLES = [
  { rule: 'apk-no-cache', before: 'RUN apk add curl', after: 'RUN apk add --no-cache curl' },
  { rule: 'copy-not-add', before: 'ADD server /app/server', after: 'COPY server /app/server' },
];

describe('the herd binary', () => {
  let bin: string;
  const run = (args: string[], cwd = FIXTURES): Run => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  before(() => {
    bin = buildCli();
  });

  it('prints its version from package.json and its help', () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(run(['--version']), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    assert.deepEqual(run(['--help']), { code: 0, stdout: HELP, stderr: '' });
  });

  it('lists the registered rules', () => {
    assert.deepEqual(run(['rules']), { code: 0, stdout: formatRules(allRules.map((r) => r.meta), 'text'), stderr: '' });
  });

  it('agrees with the in-process CLI on the fixtures, in every format', async () => {
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      assert.deepEqual(run(['lint', 'project', '-f', format]), await herd(['lint', 'project', '-f', format]), format);
    }
  });

  it('finds the catalog problems the fixtures were written for, and fails on the error', () => {
    const result = run(['lint', 'project', '-f', 'json']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    const files = JSON.parse(result.stdout) as JsonFile[];
    const found = (file: string) => new Set(files.find((f) => f.file === file)?.findings.map((f) => `${f.ruleId} ${f.severity} ${f.line}`));
    const dockerfile = found('project/Dockerfile');
    assert.ok(dockerfile.has('no-background-process warning 3'), [...dockerfile].join('; '));
    assert.ok(dockerfile.has('no-keepalive-command warning 3'), [...dockerfile].join('; '));
    const manifest = [...found('project/deploy/web.yaml')];
    assert.ok(manifest.some((f) => /^liveness-probe warning 1[6-9]$/.test(f)), manifest.join('; '));
    assert.ok(manifest.some((f) => /^readiness-probe error 1[6-9]$/.test(f)), manifest.join('; '));
    assert.ok(!files.some((f) => f.file.startsWith('project/vendor/')));
    // the Compose file is linted, and its service (built here, a pinned image, no command) is clean
    assert.deepEqual(files.find((f) => f.file === 'project/docker-compose.yml')?.findings, []);
  });

  it('writes SARIF that lists every registered rule', () => {
    const log = JSON.parse(run(['lint', 'project', '-f', 'sarif']).stdout);
    assert.deepEqual(sarifProblems(log), []);
    assert.deepEqual(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id), allRules.map((r) => r.meta.id));
    assert.ok(log.runs[0].results.length > 0);
  });

  it('exits 0 on a clean workspace, 2 on a bad config or a usage mistake', () => {
    assert.deepEqual(run(['lint', 'project/clean']), { code: 0, stdout: '✔ 1 file linted, no problems\n', stderr: '' });
    assert.deepEqual(run(['lint', 'bad-config']), { code: 2, stdout: '', stderr: 'herd: bad config bad-config/.herd.yaml:2:9: `ignore` must be a list of glob strings\n' });
    assert.deepEqual(run(['lint', '--fixx']), { code: 2, stdout: '', stderr: "herd: unknown option --fixx\nRun 'herd --help' for usage.\n" });
  });

  it('lints . by default, from the folder it is started in', () => {
    assert.deepEqual(run(['lint', '-f', 'json'], join(FIXTURES, 'project', 'clean')), { code: 0, stdout: '[\n  {\n    "file": "Dockerfile",\n    "findings": []\n  }\n]\n', stderr: '' });
  });

  it('--fix applies the registered safe fixes to a copy and reports what is left', () => {
    const ws = copyFixture('fixable');
    try {
      const applicable = SAFE_FIX_EXAMPLES.filter((e) => ruleById(e.rule)?.meta.fixes.includes('safe'));
      const original = readFileSync(join(ws.dir, 'Dockerfile'), 'utf8');
      const expected = applicable.reduce((text, e) => text.replace(`${e.before}\n`, `${e.after}\n`), original);
      const result = run(['lint', '--fix', '-f', 'json'], ws.dir);
      assert.equal(readFileSync(join(ws.dir, 'Dockerfile'), 'utf8'), expected);
      assert.equal(result.stderr, applicable.length ? `herd: fixed ${applicable.length} problem${applicable.length === 1 ? '' : 's'} in 1 file\n` : '');
      const left = (JSON.parse(result.stdout) as JsonFile[]).flatMap((f) => f.findings);
      assert.deepEqual(left.filter((f) => applicable.some((e) => e.rule === f.ruleId)), []);
      assert.ok(left.every((f) => !f.fixable), 'no safe fix is left after --fix');
    } finally {
      ws.remove();
    }
  });
  it('exits on its own once the report is out, and a large report through a pipe arrives whole', async () => {
    // the corpus Dockerfiles make a JSON report of several hundred kB, more than one pipe buffer
    const corpus = join(PACKAGE_ROOT, 'test', 'corpus', 'files', 'dockerfiles');
    const piped = run(['lint', corpus, '-f', 'json']);
    assert.ok(piped.stdout.length > 200_000, `${piped.stdout.length} characters`);
    assert.ok((JSON.parse(piped.stdout) as JsonFile[]).length > 300);
    assert.deepEqual(piped, await herd(['lint', corpus, '-f', 'json']));
  });
});
