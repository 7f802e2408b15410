import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { github } from '../../server/src/cli/formatters/github';
import type { Finding } from '../../server/src/engine';
import { fakeCatalog } from './fake-rules';
import { FIXTURES, herd } from './harness';
import { sarifProblems } from './sarif-shape';

const rules = fakeCatalog;

describe('herd lint output formats', () => {
  it('stylish: grouped per file, aligned, 1-based, with a summary', async () => {
    const run = await herd(['lint', 'project'], { rules });
    assert.equal(
      run.stdout,
      [
        'project/Dockerfile',
        '  3:5   warning  The start command puts a process in the background  no-background-process',
        '  3:25  warning  The start command ends in a keep-alive  no-keepalive-command',
        '',
        'project/deploy/web.yaml',
        '  16:17  warning  Container `web` has no livenessProbe  liveness-probe',
        '  16:17  error    Container `web` has no readinessProbe  readiness-probe',
        '',
        '✖ 4 problems (1 error, 3 warnings, 0 infos), 4 files linted',
        '',
      ].join('\n'),
    );
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1);
  });

  it('stylish: a clean run says how many files were linted', async () => {
    assert.deepEqual(await herd(['lint', 'project/clean'], { rules }), { code: 0, stdout: '✔ 1 file linted, no problems\n', stderr: '' });
  });

  it('stylish: colours only a terminal without NO_COLOR', async () => {
    const argv = ['lint', 'project/Dockerfile', '--rule', 'no-keepalive-command=off'];
    const plain = await herd(argv, { rules, tty: false });
    const noColor = await herd(argv, { rules, tty: true, env: { NO_COLOR: '1' } });
    const color = await herd(argv, { rules, tty: true });
    assert.equal(plain.stdout, 'project/Dockerfile\n  3:5  warning  The start command puts a process in the background  no-background-process\n\n✖ 1 problem (0 errors, 1 warning, 0 infos), 1 file linted\n');
    assert.equal(noColor.stdout, plain.stdout);
    assert.equal(
      color.stdout,
      '\u001b[4mproject/Dockerfile\u001b[24m\n  \u001b[2m3:5\u001b[22m  \u001b[33mwarning\u001b[39m  The start command puts a process in the background  \u001b[2mno-background-process\u001b[22m\n\n\u001b[1m\u001b[33m✖ 1 problem (0 errors, 1 warning, 0 infos), 1 file linted\u001b[39m\u001b[22m\n',
    );
  });

  it('json: every linted file with its findings, 1-based and end-exclusive', async () => {
    const run = await herd(['lint', 'project', '--format', 'json'], { rules });
    const finding = (ruleId: string, severity: string, message: string, line: number, column: number, endColumn: number) => ({ ruleId, severity, message, line, column, endLine: line, endColumn, fixable: false });
    assert.deepEqual(JSON.parse(run.stdout), [
      {
        file: 'project/Dockerfile',
        findings: [
          finding('no-background-process', 'warning', 'The start command puts a process in the background', 3, 5, 10),
          finding('no-keepalive-command', 'warning', 'The start command ends in a keep-alive', 3, 25, 42),
        ],
      },
      { file: 'project/clean/Dockerfile', findings: [] },
      {
        file: 'project/deploy/web.yaml',
        findings: [finding('liveness-probe', 'warning', 'Container `web` has no livenessProbe', 16, 17, 20), finding('readiness-probe', 'error', 'Container `web` has no readinessProbe', 16, 17, 20)],
      },
      { file: 'project/docker-compose.yml', findings: [] },
    ]);
    assert.ok(run.stdout.endsWith(']\n'));
    assert.equal(run.code, 1);
  });

  it('github: one workflow command per finding, info as notice', async () => {
    const run = await herd(['lint', 'project', '--format', 'github', '--rule', 'liveness-probe=info'], { rules });
    assert.equal(
      run.stdout,
      [
        '::warning file=project/Dockerfile,line=3,col=5,endLine=3,endColumn=10,title=no-background-process::The start command puts a process in the background',
        '::warning file=project/Dockerfile,line=3,col=25,endLine=3,endColumn=42,title=no-keepalive-command::The start command ends in a keep-alive',
        '::notice file=project/deploy/web.yaml,line=16,col=17,endLine=16,endColumn=20,title=liveness-probe::Container `web` has no livenessProbe',
        '::error file=project/deploy/web.yaml,line=16,col=17,endLine=16,endColumn=20,title=readiness-probe::Container `web` has no readinessProbe',
        '',
      ].join('\n'),
    );
  });

  it('github: escapes %, line breaks, and : or , in properties', () => {
    const finding: Finding = { ruleId: 'r', severity: 'warning', message: '100% sure\nreally', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } }, start: 0, end: 5, fixes: [] };
    const out = github([{ file: 'a,b:c/Dockerfile', path: '/x', findings: [finding] }], { rules: [], version: '1', cwd: '/', color: false });
    assert.equal(out, '::warning file=a%2Cb%3Ac/Dockerfile,line=1,col=1,endLine=2,endColumn=3,title=r::100%25 sure%0Areally\n');
  });

  it('sarif: a well-formed 2.1.0 log with every rule, results relative to %SRCROOT%', async () => {
    const run = await herd(['lint', 'project', '--format', 'sarif', '--rule', 'liveness-probe=info'], { rules });
    const log = JSON.parse(run.stdout);
    assert.deepEqual(sarifProblems(log), []);
    const sarifRun = log.runs[0];
    assert.deepEqual(
      sarifRun.tool.driver.rules.map((r: { id: string; name: string; helpUri: string; defaultConfiguration: { level: string } }) => [r.id, r.name, r.helpUri, r.defaultConfiguration.level]),
      [
        ['liveness-probe', 'LivenessProbe', 'https://github.com/herd-dev/herd/blob/main/docs/rules/liveness-probe.md', 'warning'],
        ['no-background-process', 'NoBackgroundProcess', 'https://github.com/herd-dev/herd/blob/main/docs/rules/no-background-process.md', 'warning'],
        ['no-keepalive-command', 'NoKeepaliveCommand', 'https://github.com/herd-dev/herd/blob/main/docs/rules/no-keepalive-command.md', 'warning'],
        ['readiness-probe', 'ReadinessProbe', 'https://github.com/herd-dev/herd/blob/main/docs/rules/readiness-probe.md', 'warning'],
      ],
    );
    assert.equal(sarifRun.tool.driver.rules[0].shortDescription.text, '(test) container without livenessProbe');
    assert.deepEqual(sarifRun.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(FIXTURES).href}/` } });
    assert.deepEqual(sarifRun.results[0], {
      ruleId: 'no-background-process',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'The start command puts a process in the background' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'project/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 10 } } }],
    });
    assert.deepEqual(
      sarifRun.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level]),
      [
        ['no-background-process', 1, 'warning'],
        ['no-keepalive-command', 2, 'warning'],
        ['liveness-probe', 0, 'note'],
        ['readiness-probe', 3, 'error'],
      ],
    );
  });

  it('sarif: a file outside the invocation folder keeps its absolute URI', async () => {
    const run = await herd(['lint', '../Dockerfile', '--format', 'sarif', '--rule', 'no-keepalive-command=off'], { rules, cwd: join(FIXTURES, 'project', 'deploy') });
    const log = JSON.parse(run.stdout);
    assert.deepEqual(sarifProblems(log), []);
    assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(join(FIXTURES, 'project', 'Dockerfile')).href });
  });

  it('sarif: an empty run still lists the rules and has no results', async () => {
    const log = JSON.parse((await herd(['lint', 'project/clean', '-f', 'sarif'], { rules })).stdout);
    assert.deepEqual(sarifProblems(log), []);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].tool.driver.rules.length, 4);
  });

  it('the SARIF check itself rejects what code scanning would', () => {
    const bad = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'herd', version: '1', informationUri: 'https://x', rules: [{ id: 'a', name: 'A', shortDescription: { text: 'a' }, helpUri: 'https://x/a', defaultConfiguration: { level: 'info' } }] } },
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///w/' } },
          results: [{ ruleId: 'b', ruleIndex: 0, level: 'warning', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: '/abs', uriBaseId: '%SRCROOT%' }, region: { startLine: 0, startColumn: 1, endLine: 1, endColumn: 1 } } }] }],
        },
      ],
    };
    assert.deepEqual(sarifProblems(bad), [
      'rules[0].defaultConfiguration.level',
      'results[0].ruleIndex does not point at ruleId',
      'results[0].locations[0].uri must be relative to its base',
      'results[0].locations[0].region must be 1-based integers',
    ]);
  });
});
