// What users copy into their repositories: the pre-commit hook (run as pre-commit runs it, on the examples) and the
// GitLab Code Quality report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildCli, PACKAGE_ROOT } from './built-cli';
import { fakeCatalog } from './fake-rules';
import { herd, tempWorkspace } from './harness';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
}

/** pre-commit matches `files` with Python's re.search; `(?i)` at the start is the only Python-only syntax used. */
function hookRegex(files: string): RegExp {
  const insensitive = files.startsWith('(?i)');
  return new RegExp(insensitive ? files.slice(4) : files, insensitive ? 'i' : '');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(PACKAGE_ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe('the pre-commit hook', () => {
  const hooks = parse(readFileSync(join(PACKAGE_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'herd')!;
  let bin: string;
  before(() => {
    bin = buildCli();
  });

  it('is declared as pre-commit expects: id herd, a node hook running herd lint', () => {
    assert.deepEqual({ id: hook.id, name: hook.name, entry: hook.entry, language: hook.language }, { id: 'herd', name: 'herd', entry: 'herd lint', language: 'node' });
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(pkg.bin[hook.entry.split(' ')[0]], './bin/herd.js', 'the entry is a bin of the package pre-commit installs');
  });

  it('its files pattern takes Dockerfiles, manifests and Compose files, and nothing else', () => {
    const re = hookRegex(hook.files);
    const taken = ['Dockerfile', 'app/Dockerfile', 'Dockerfile.prod', 'Dockerfile-prod', 'Dockerfile_prod', 'api.Dockerfile', 'web.dockerfile', 'Containerfile', 'dockerfile', 'k8s/web.yaml', 'k8s/web.yml', 'k8s/pod.json', 'compose.yaml', 'docker-compose.yml'];
    const left = ['README.md', 'Dockerfiles/README.md', 'src/main.go', 'yaml/notes.txt', 'app.yaml.bak', 'MyDockerfileGen.py'];
    assert.deepEqual(taken.filter((f) => !re.test(f)), []);
    assert.deepEqual(left.filter((f) => re.test(f)), []);
  });

  it('runs its entry on the examples as pre-commit would, and reports their findings', () => {
    const re = hookRegex(hook.files);
    const staged = filesUnder(join(PACKAGE_ROOT, 'examples')).filter((f) => re.test(f));
    assert.deepEqual(staged, ['examples/shop/k8s/web.yaml', 'examples/shop/worker/Dockerfile']);
    const [, ...args] = hook.entry.split(' ');
    const r = spawnSync(process.execPath, [bin, ...args, ...staged], { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
    assert.equal(r.stderr, '');
    // the examples hold warnings only: the hook reports them and lets the commit through
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^examples\/shop\/k8s\/web\.yaml\n/);
    assert.match(r.stdout, /\nexamples\/shop\/worker\/Dockerfile\n[^]*no-background-process/);
    assert.match(r.stdout, /\n✖ \d+ problems \(0 errors, \d+ warnings, 0 infos\), 2 files linted\n$/);
    // an error-level finding fails the hook
    const strict = spawnSync(process.execPath, [bin, ...args, '--rule', 'no-background-process=error', ...staged], { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(strict.status, 1);
  });
});

describe('the herd binary and stdin', () => {
  let bin: string;
  before(() => {
    bin = buildCli();
  });

  it('reads a piped file from the real stdin, as editors and hooks send it', () => {
    const text = readFileSync(join(PACKAGE_ROOT, 'examples', 'shop', 'worker', 'Dockerfile'));
    const named = spawnSync(process.execPath, [bin, 'lint', '-', '--stdin-filename', 'examples/shop/worker/Dockerfile', '-f', 'json'], { cwd: PACKAGE_ROOT, input: text, encoding: 'utf8' });
    const onDisk = spawnSync(process.execPath, [bin, 'lint', 'examples/shop/worker/Dockerfile', '-f', 'json'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    assert.equal(named.stderr, '');
    assert.equal(named.status, onDisk.status);
    assert.equal(named.stdout, onDisk.stdout);
    const unnamed = spawnSync(process.execPath, [bin, 'lint', '-', '-f', 'json'], { cwd: PACKAGE_ROOT, input: text, encoding: 'utf8' });
    assert.equal(unnamed.stdout, onDisk.stdout.replace('"file": "examples/shop/worker/Dockerfile"', '"file": "<stdin>"'));
  });
});

describe('--format gitlab', () => {
  const DOCKERFILE = 'FROM alpine:3.20\nCMD nohup ./a & nohup ./b\n';
  const run = async (text: string) => {
    const ws = tempWorkspace({ '.git/HEAD': '', 'svc/Dockerfile': text });
    try {
      return await herd(['lint', '-f', 'gitlab', '--rule', 'no-keepalive-command=error'], { rules: fakeCatalog, cwd: ws.dir });
    } finally {
      ws.remove();
    }
  };

  it("writes GitLab's Code Quality issues: description, check_name, fingerprint, severity, location", async () => {
    const result = await run(`${DOCKERFILE}RUN sleep infinity\n`);
    assert.equal(result.code, 1);
    const issues = JSON.parse(result.stdout) as { fingerprint: string }[];
    assert.deepEqual(
      issues.map(({ fingerprint, ...rest }) => rest),
      [
        { description: 'The start command puts a process in the background', check_name: 'no-background-process', severity: 'minor', location: { path: 'svc/Dockerfile', lines: { begin: 2 } } },
        { description: 'The start command puts a process in the background', check_name: 'no-background-process', severity: 'minor', location: { path: 'svc/Dockerfile', lines: { begin: 2 } } },
        { description: 'The start command ends in a keep-alive', check_name: 'no-keepalive-command', severity: 'major', location: { path: 'svc/Dockerfile', lines: { begin: 3 } } },
      ],
    );
    assert.ok(issues.every((i) => /^[0-9a-f]{64}$/.test(i.fingerprint)));
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique, even for one rule twice on a line');
  });

  it('fingerprints survive lines added above (GitLab compares them between branches)', async () => {
    const before = JSON.parse((await run(DOCKERFILE)).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
    const after = JSON.parse((await run(`# a comment\n\n${DOCKERFILE}`)).stdout) as typeof before;
    assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
    assert.deepEqual(after.map((i) => i.location.lines.begin), [4, 4]);
  });

  it('a clean run is an empty list', async () => {
    assert.deepEqual(await run('FROM alpine:3.20\nCMD ["./a"]\n'), { code: 0, stdout: '[]\n', stderr: '' });
  });
});
