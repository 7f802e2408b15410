import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HELP } from '../../server/src/cli/help';
import { brokenRule, fakeCatalog } from './fake-rules';
import { FIXTURES, herd, tempWorkspace } from './harness';

const rules = fakeCatalog;
const USAGE = "Run 'herd --help' for usage.\n";
const ruleIdsOf = (stdout: string) => (JSON.parse(stdout) as { file: string; findings: { ruleId: string; severity: string }[] }[]).flatMap((f) => f.findings.map((x) => `${f.file} ${x.ruleId} ${x.severity}`));

describe('herd lint runs', () => {
  it('exit 0 when nothing is an error, 1 when something is', async () => {
    assert.equal((await herd(['lint', 'project/clean'], { rules })).code, 0);
    assert.equal((await herd(['lint', 'project/Dockerfile'], { rules })).code, 0, 'warnings only');
    assert.equal((await herd(['lint', 'project'], { rules })).code, 1, '.herd.yaml makes readiness-probe an error');
  });

  it('reads the nearest .herd.yaml: overrides and ignore', async () => {
    const withConfig = ruleIdsOf((await herd(['lint', 'project', '-f', 'json'], { rules })).stdout);
    assert.ok(withConfig.includes('project/deploy/web.yaml readiness-probe error'));
    assert.ok(!withConfig.some((l) => l.startsWith('project/vendor/')), 'vendor/ is ignored');
    // the folder below has no .herd.yaml: the one above applies
    const deployOnly = ruleIdsOf((await herd(['lint', 'project/deploy', '-f', 'json'], { rules })).stdout);
    assert.deepEqual(deployOnly, ['project/deploy/web.yaml liveness-probe warning', 'project/deploy/web.yaml readiness-probe error']);
  });

  it('lints an ignored file when it is named', async () => {
    assert.deepEqual(ruleIdsOf((await herd(['lint', 'project/vendor/Dockerfile', '-f', 'json'], { rules })).stdout), [
      'project/vendor/Dockerfile no-background-process warning',
      'project/vendor/Dockerfile no-keepalive-command warning',
    ]);
  });

  it('lints a Compose file; skips YAML that is neither Kubernetes nor Compose, with a note when named', async () => {
    assert.deepEqual(await herd(['lint', 'project/docker-compose.yml', '-f', 'json'], { rules }), { code: 0, stdout: '[\n  {\n    "file": "project/docker-compose.yml",\n    "findings": []\n  }\n]\n', stderr: '' });
    const ws = tempWorkspace({ 'odd.yaml': 'not: kubernetes\n' });
    try {
      assert.deepEqual(await herd(['lint', 'odd.yaml', '-f', 'json'], { rules, cwd: ws.dir }), { code: 0, stdout: '[]\n', stderr: 'herd: odd.yaml: skipped: YAML that is not a Kubernetes manifest or Compose file\n' });
    } finally {
      ws.remove();
    }
  });

  it('lints a named file of unknown type as a Dockerfile', async () => {
    const ws = tempWorkspace({ 'start.docker': 'FROM alpine:3.20\nCMD nohup ./app\n', 'odd.yaml': 'not: kubernetes\n' });
    try {
      const run = await herd(['lint', 'start.docker', 'odd.yaml', '-f', 'github'], { rules, cwd: ws.dir });
      assert.equal(run.stdout, '::warning file=start.docker,line=2,col=5,endLine=2,endColumn=10,title=no-background-process::The start command puts a process in the background\n');
      assert.equal(run.code, 0);
    } finally {
      ws.remove();
    }
  });

  it('lints a file reached twice only once', async () => {
    const run = await herd(['lint', 'project/Dockerfile', 'project', './project/Dockerfile', '-f', 'json'], { rules });
    assert.deepEqual(
      (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file),
      ['project/Dockerfile', 'project/clean/Dockerfile', 'project/deploy/web.yaml', 'project/docker-compose.yml'],
    );
  });

  it('--rule overrides the config and the defaults, the last one winning', async () => {
    const run = await herd(['lint', 'project', '-f', 'json', '--rule', 'readiness-probe=off', '--rule', 'no-keepalive-command=info', '--rule', 'liveness-probe=error', '--rule', 'liveness-probe=warning'], { rules });
    assert.deepEqual(ruleIdsOf(run.stdout), ['project/Dockerfile no-background-process warning', 'project/Dockerfile no-keepalive-command info', 'project/deploy/web.yaml liveness-probe warning']);
    assert.equal(run.code, 0);
    assert.equal((await herd(['lint', 'project/Dockerfile', '--rule', 'no-keepalive-command=error'], { rules })).code, 1);
  });

  it('--rule with an unknown id is a usage error', async () => {
    assert.deepEqual(await herd(['lint', 'project', '--rule', 'no-such-rule=off'], { rules }), { code: 2, stdout: '', stderr: `herd: --rule: unknown rule id no-such-rule\n${USAGE}` });
  });

  it('--max-warnings fails a run with more warnings than allowed', async () => {
    const argv = ['lint', 'project', '--rule', 'readiness-probe=warning', '--max-warnings'];
    const within = await herd([...argv, '4'], { rules });
    assert.equal(within.code, 0);
    assert.equal(within.stderr, '');
    const over = await herd([...argv, '3'], { rules });
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'herd: too many warnings (4, maximum 3)\n');
    assert.equal((await herd(['lint', 'project/clean', '--max-warnings', '0'], { rules })).code, 0);
  });

  it('a bad .herd.yaml names the file, line and column, and exits 2', async () => {
    assert.deepEqual(await herd(['lint', 'bad-config'], { rules }), { code: 2, stdout: '', stderr: 'herd: bad config bad-config/.herd.yaml:2:9: `ignore` must be a list of glob strings\n' });
  });

  it('--config replaces the directory config; a missing one is an error', async () => {
    assert.deepEqual(await herd(['lint', 'project', '--config', 'bad-config/.herd.yaml'], { rules }), { code: 2, stdout: '', stderr: 'herd: bad config bad-config/.herd.yaml:2:9: `ignore` must be a list of glob strings\n' });
    assert.deepEqual(await herd(['lint', 'project', '--config', 'missing.yaml'], { rules }), { code: 2, stdout: '', stderr: 'herd: cannot read config missing.yaml: no such file or directory\n' });
    // the project's config (readiness-probe: error) no longer applies
    const ws = tempWorkspace({ 'herd.yaml': 'rules:\n  liveness-probe: off\n' });
    try {
      const run = await herd(['lint', join(FIXTURES, 'project', 'deploy'), '--config', 'herd.yaml', '-f', 'json'], { rules, cwd: ws.dir });
      assert.deepEqual(ruleIdsOf(run.stdout).map((l) => l.split(' ').slice(1).join(' ')), ['readiness-probe warning']);
    } finally {
      ws.remove();
    }
  });

  it('reports every problem of a config, with unknown rule ids', async () => {
    const ws = tempWorkspace({ '.herd.yaml': 'rules:\n  nope: off\n  liveness-probe: loud\n', Dockerfile: 'FROM a:1\n' });
    try {
      const run = await herd(['lint', '.'], { rules, cwd: ws.dir });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'herd: bad config .herd.yaml:2:3: Unknown rule id `nope` in .herd.yaml\nherd: bad config .herd.yaml:3:19: Bad severity `loud` for `liveness-probe`: use off, info, warning or error\n');
    } finally {
      ws.remove();
    }
  });

  it('a missing path or an unknown option is a usage error', async () => {
    assert.deepEqual(await herd(['lint', 'project', 'nowhere'], { rules }), { code: 2, stdout: '', stderr: `herd: no such file or directory: nowhere\n${USAGE}` });
    assert.deepEqual(await herd(['lint', '--colour'], { rules }), { code: 2, stdout: '', stderr: `herd: unknown option --colour\n${USAGE}` });
    assert.deepEqual(await herd([], { rules }), { code: 2, stdout: '', stderr: `herd: missing command\n${USAGE}` });
  });

  const SKIPPED_ONE = 'herd: 1 file was not linted: exit 2 (pass --allow-skipped to accept this)\n';

  it('a binary file is not linted: one line, the others still report, exit 2 unless --allow-skipped', async () => {
    const ws = tempWorkspace({ Dockerfile: Buffer.from('FROM a\0b\n'), 'b/Dockerfile': 'FROM alpine:3.20\nCMD nohup x\n' });
    try {
      const walked = await herd(['lint', '.', '-f', 'github'], { rules, cwd: ws.dir });
      assert.equal(walked.stderr, `herd: not linted: Dockerfile: binary file (it holds NUL bytes)\n${SKIPPED_ONE}`);
      assert.match(walked.stdout, /^::warning file=b\/Dockerfile,line=2,/);
      assert.equal(walked.code, 2);
      assert.deepEqual(await herd(['lint', 'Dockerfile'], { rules, cwd: ws.dir }), { code: 2, stdout: '✖ 0 files linted; 1 file not linted (see above)\n', stderr: `herd: not linted: Dockerfile: binary file (it holds NUL bytes)\n${SKIPPED_ONE}` });
      const allowed = await herd(['lint', '.', '--allow-skipped', '-f', 'json'], { rules, cwd: ws.dir });
      assert.equal(allowed.stderr, 'herd: not linted: Dockerfile: binary file (it holds NUL bytes)\nherd: 1 file was not linted (allowed by --allow-skipped)\n');
      assert.equal(allowed.code, 0);
    } finally {
      ws.remove();
    }
  });

  it('an unreadable file, walked or named, is one line in words and exit 2', async () => {
    const denied = (path: string) => {
      if (path.endsWith(join('project', 'Dockerfile'))) throw Object.assign(new Error('denied'), { code: 'EACCES' });
      return readFileSync(path);
    };
    const walked = await herd(['lint', 'project', '--rule', 'readiness-probe=warning', '-f', 'json'], { rules, readFile: denied });
    assert.equal(walked.stderr, `herd: not linted: project/Dockerfile: cannot read it: permission denied\n${SKIPPED_ONE}`);
    assert.deepEqual((JSON.parse(walked.stdout) as { file: string }[]).map((f) => f.file), ['project/clean/Dockerfile', 'project/deploy/web.yaml', 'project/docker-compose.yml']);
    assert.equal(walked.code, 2);
    const named = await herd(['lint', 'project/Dockerfile', 'project/clean'], { rules, readFile: denied });
    assert.equal(named.stderr, `herd: not linted: project/Dockerfile: cannot read it: permission denied\n${SKIPPED_ONE}`);
    assert.equal(named.code, 2);
    const stylish = await herd(['lint', 'project', '--rule', 'readiness-probe=warning'], { rules, readFile: denied });
    assert.match(stylish.stdout, /\n✖ \d+ problems \(0 errors, \d+ warnings, 0 infos\), 3 files linted; 1 file not linted \(see above\)\n$/);
    assert.equal((await herd(['lint', 'project', '--rule', 'readiness-probe=warning', '--allow-skipped'], { rules, readFile: denied })).code, 0);
  });

  it('a folder that cannot be read, walked or under a glob, is one line in words and exit 2 (root reads every folder: the denial is stood in)', async () => {
    const denied = (dir: string) => {
      if (dir.endsWith(join('project', 'deploy'))) throw Object.assign(new Error('denied'), { code: 'EACCES' });
      return readdirSync(dir, { withFileTypes: true });
    };
    const walked = await herd(['lint', 'project', '-f', 'json'], { rules, readDir: denied });
    assert.equal(walked.stderr, `herd: not linted: project/deploy: cannot read this folder: permission denied\n${SKIPPED_ONE}`);
    assert.deepEqual((JSON.parse(walked.stdout) as { file: string }[]).map((f) => f.file), ['project/Dockerfile', 'project/clean/Dockerfile', 'project/docker-compose.yml']);
    assert.equal(walked.code, 2);
    const globbed = await herd(['lint', 'project/**/*.y*ml'], { rules, readDir: denied });
    assert.equal(globbed.stderr, `herd: not linted: project/deploy: cannot read this folder: permission denied\n${SKIPPED_ONE}`);
    assert.equal(globbed.code, 2);
    assert.equal((await herd(['lint', 'project', '--allow-skipped'], { rules, readDir: denied })).code, 0);
  });

  it('a file above maxFileSize (.herd.yaml or --max-file-size) is not linted: exit 2 unless --allow-skipped', async () => {
    const ws = tempWorkspace({ '.herd.yaml': 'maxFileSize: 10\n', Dockerfile: 'FROM alpine:3.20\nCMD nohup x\n' });
    try {
      const run = await herd(['lint', '.', '-f', 'json'], { rules, cwd: ws.dir });
      assert.equal(run.stderr, `herd: not linted: Dockerfile: 29 bytes is above the 10 bytes limit (--max-file-size, or maxFileSize in .herd.yaml)\n${SKIPPED_ONE}`);
      assert.deepEqual(JSON.parse(run.stdout), []);
      assert.equal(run.code, 2);
      // the flag wins over the file, both ways
      const raised = await herd(['lint', '.', '-f', 'json', '--max-file-size', '1k'], { rules, cwd: ws.dir });
      assert.equal(raised.stderr, '');
      assert.equal((JSON.parse(raised.stdout) as { findings: unknown[] }[])[0].findings.length, 1);
      assert.equal(raised.code, 0);
      const lowered = await herd(['lint', 'Dockerfile', '--max-file-size', '20', '--allow-skipped'], { rules, cwd: ws.dir });
      assert.equal(lowered.stderr, 'herd: not linted: Dockerfile: 29 bytes is above the 20 bytes limit (--max-file-size, or maxFileSize in .herd.yaml)\nherd: 1 file was not linted (allowed by --allow-skipped)\n');
      assert.equal(lowered.code, 0);
    } finally {
      ws.remove();
    }
  });

  it('--output writes the report to a file, creating its folder', async () => {
    const ws = tempWorkspace({});
    try {
      const out = join(ws.dir, 'reports', 'herd.json');
      const run = await herd(['lint', 'project', '-f', 'json', '--output', out], { rules, tty: true });
      assert.equal(run.stdout, '');
      assert.equal(run.code, 1);
      assert.equal(readFileSync(out, 'utf8'), (await herd(['lint', 'project', '-f', 'json'], { rules })).stdout);
      // a file is not a terminal: no colour codes even when stdout is one
      await herd(['lint', 'project', '--output', out], { rules, tty: true });
      assert.ok(readFileSync(out, 'utf8').startsWith('project/Dockerfile\n  3:5 '));
    } finally {
      ws.remove();
    }
  });

  it('help, version and the rule list', async () => {
    assert.deepEqual(await herd(['--help']), { code: 0, stdout: HELP, stderr: '' });
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(await herd(['--version']), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    assert.deepEqual(await herd(['rules'], { rules }), {
      code: 0,
      stdout: [
        'RULE                   LANGUAGES              DEFAULT  FIXES',
        'liveness-probe         kubernetes             warning  suggestion',
        'no-background-process  dockerfile,kubernetes  warning  suggestion',
        'no-keepalive-command   dockerfile,kubernetes  warning  suggestion',
        'readiness-probe        kubernetes             warning  suggestion',
        '',
      ].join('\n'),
      stderr: '',
    });
    const listed = JSON.parse((await herd(['rules', '--format', 'json'], { rules: [brokenRule] })).stdout);
    assert.deepEqual(listed, [{ id: 'broken', languages: ['dockerfile'], defaultSeverity: 'error', fixes: [], description: '(test) broken' }]);
  });
});
