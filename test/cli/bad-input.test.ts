// Inputs a careless user or an attacker gives the CLI: bytes that are not UTF-8, byte order marks, report paths
// that cannot be written or that name an input, file names with control characters, huge finding counts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/engine';
import { stylish } from '../../server/src/cli/formatters/stylish';
import { github } from '../../server/src/cli/formatters/github';
import { PACKAGE_ROOT } from './built-cli';
import { herd, tempWorkspace } from './harness';
import { sarifProblems } from './sarif-shape';

/** Where each finding of a JSON report is: `rule line:column`. */
function places(stdout: string): string[] {
  return (JSON.parse(stdout) as { file: string; findings: { ruleId: string; line: number; column: number }[] }[]).flatMap((f) => f.findings.map((x) => `${f.file} ${x.ruleId} ${x.line}:${x.column}`));
}

describe('--fix changes no byte outside its edits', () => {
  // Latin-1: `é` is the single byte 0xE9; `\xc3\x28` is a broken UTF-8 sequence
  const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nFROM python:3.12\nRUN echo '), Buffer.from([0xc3, 0x28]), Buffer.from(' && pip install flask\nCMD ["python", "app.py"]\n')]);

  it('a file that is not UTF-8 is linted, not fixed, with one clear line', async () => {
    const ws = tempWorkspace({ Dockerfile: latin1 });
    try {
      const run = await herd(['lint', 'Dockerfile', '--fix', '-f', 'json'], { cwd: ws.dir });
      assert.ok(readFileSync(join(ws.dir, 'Dockerfile')).equals(latin1), 'the file is unchanged, byte for byte');
      assert.equal(run.stderr, "herd: not fixed: Dockerfile: it is not valid UTF-8 (Latin-1?), and writing it back would change bytes no fix touches; convert it to UTF-8 to fix it\n");
      assert.ok(places(run.stdout).includes('Dockerfile pip-no-cache-dir 3:16'), `still linted: ${places(run.stdout).join(', ')}`);
    } finally {
      ws.remove();
    }
  });

  it('a UTF-8 file with a byte order mark keeps it, and only the fix edit changes', async () => {
    const text = 'FROM python:3.12\n# café ✓\nRUN pip install flask\nCMD ["python", "app.py"]\n';
    const ws = tempWorkspace({ Dockerfile: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    try {
      await herd(['lint', 'Dockerfile', '--fix'], { cwd: ws.dir });
      const fixed = readFileSync(join(ws.dir, 'Dockerfile'));
      assert.ok(fixed.equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('pip install', 'pip install --no-cache-dir'))])));
    } finally {
      ws.remove();
    }
  });
});

describe('byte order marks', () => {
  it('a manifest that starts with a BOM is Kubernetes; a BOM Dockerfile reports columns as editors count them', async () => {
    const bom = '\ufeff';
    const ws = tempWorkspace({
      'pod.yaml': `${bom}apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx\n`,
      Dockerfile: `${bom}FROM ubuntu\nCMD ["app"]\n`,
    });
    try {
      const run = await herd(['lint', '.', '-f', 'json', '--rule', 'non-root-user=off'], { cwd: ws.dir });
      const found = places(run.stdout);
      assert.ok(found.includes('Dockerfile pin-image-tag 1:6'), found.join('\n'));
      assert.ok(found.includes('pod.yaml pin-image-tag 8:14'), found.join('\n'));
      assert.ok(found.includes('pod.yaml liveness-probe 7:13'), found.join('\n'));
    } finally {
      ws.remove();
    }
  });
});

describe('--output', () => {
  it('a folder that cannot be made (procfs) is one line and exit 2, without looping', () => {
    // a child process with a time limit: Node's recursive mkdir spins forever on /proc
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'server', 'src', 'cli.ts'), 'lint', '--output', '/proc/nope/x.sarif', '-f', 'sarif', join(PACKAGE_ROOT, 'test', 'fixtures', 'cli', 'project', 'clean')], {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.signal, null, 'ended by itself');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'herd: cannot write /proc/nope/x.sarif: no such file or directory\n');
    assert.equal(r.stdout, '');
  });

  it('under a file, or a folder: one line, exit 2', async () => {
    const ws = tempWorkspace({ Dockerfile: 'FROM alpine:3.20\n', 'notes.txt': 'x' });
    try {
      assert.deepEqual(await herd(['lint', 'Dockerfile', '-o', 'notes.txt/out.json'], { cwd: ws.dir }), { code: 2, stdout: '', stderr: 'herd: cannot write notes.txt/out.json: a part of the path is not a directory\n' });
      assert.deepEqual(await herd(['lint', 'Dockerfile', '-o', '.'], { cwd: ws.dir }), { code: 2, stdout: '', stderr: 'herd: cannot write .: it is a directory\n' });
      const made = await herd(['lint', 'Dockerfile', '-o', 'a/b/c/out.txt'], { cwd: ws.dir });
      assert.equal(made.stderr, '');
      assert.match(readFileSync(join(ws.dir, 'a', 'b', 'c', 'out.txt'), 'utf8'), /pin-image-tag|non-root-user/);
    } finally {
      ws.remove();
    }
  });

  it('naming a file to lint is refused (exit 2), the file stays as it was', async () => {
    const dockerfile = 'FROM alpine:3.20\nCMD nohup app &\n';
    const ws = tempWorkspace({ Dockerfile: dockerfile, 'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\n' });
    try {
      symlinkSync(join(ws.dir, 'Dockerfile'), join(ws.dir, 'link'));
      for (const [argv, output, typed] of [
        [['lint', 'Dockerfile', '-o', 'Dockerfile'], 'Dockerfile', 'Dockerfile'],
        [['lint', '.', '--output', './k8s/../Dockerfile'], './k8s/../Dockerfile', 'Dockerfile'],
        [['lint', '.', '--output', 'link', '--fix'], 'link', 'Dockerfile'],
        [['lint', 'k8s', '--output=k8s/pod.yaml'], 'k8s/pod.yaml', 'k8s/pod.yaml'],
      ] as const) {
        const run = await herd([...argv], { cwd: ws.dir });
        assert.deepEqual(run, { code: 2, stdout: '', stderr: `herd: --output ${output} is one of the files to lint (${typed}); write the report elsewhere\nRun 'herd --help' for usage.\n` }, argv.join(' '));
      }
      assert.equal(readFileSync(join(ws.dir, 'Dockerfile'), 'utf8'), dockerfile);
      assert.equal(readFileSync(join(ws.dir, 'k8s', 'pod.yaml'), 'utf8'), 'apiVersion: v1\nkind: Pod\n');
    } finally {
      ws.remove();
    }
  });
});

describe('file-system errors in words, with the path as typed', () => {
  it('a symlink loop or a dangling link: what happened, not ELOOP or ENOENT', async () => {
    const ws = tempWorkspace({ 'app/Dockerfile': 'FROM alpine:3.20\n' });
    try {
      symlinkSync('loop', join(ws.dir, 'loop'));
      symlinkSync('nowhere', join(ws.dir, 'app', 'Containerfile'));
      assert.deepEqual(await herd(['lint', './loop'], { cwd: ws.dir }), { code: 2, stdout: '', stderr: "herd: cannot read ./loop: too many levels of symbolic links (a symlink loop?)\nRun 'herd --help' for usage.\n" });
      const walked = await herd(['lint', './app/', '-f', 'json'], { cwd: ws.dir });
      assert.equal(walked.stderr, 'herd: not linted: app/Containerfile: cannot read it: no such file or directory\nherd: 1 file was not linted: exit 2 (pass --allow-skipped to accept this)\n');
      assert.equal(walked.code, 2);
    } finally {
      ws.remove();
    }
  });
});

describe('human formats escape control characters', () => {
  it('a folder name that holds a GitHub workflow command or a terminal escape is shown escaped', async () => {
    const evil = 'evil\n::error file=x,line=1::pwned\u001b[2J';
    const ws = tempWorkspace({});
    try {
      mkdirSync(join(ws.dir, evil));
      writeFileSync(join(ws.dir, evil, 'Dockerfile'), 'FROM alpine:3.20\nCMD nohup app\n');
      for (const format of ['stylish', 'github']) {
        const run = await herd(['lint', '.', '-f', format], { cwd: ws.dir });
        assert.ok(run.stdout.length > 0);
        for (const line of run.stdout.split('\n')) assert.ok(format === 'github' ? !/^::error file=x/.test(line) : !line.startsWith('::'), `${format}: ${JSON.stringify(line)}`);
        assert.ok(!run.stdout.includes('\u001b'), `${format}: no raw ESC`);
      }
      const stylishRun = await herd(['lint', '.'], { cwd: ws.dir });
      assert.ok(stylishRun.stdout.startsWith('evil\\n::error file=x,line=1::pwned\\e[2J/Dockerfile\n'), stylishRun.stdout.slice(0, 80));
    } finally {
      ws.remove();
    }
  });

  it('messages that quote the input are escaped too', () => {
    const finding: Finding = { ruleId: 'r', severity: 'warning', message: 'image `\u001b]0;x\u0007\u202e` has no tag', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, start: 0, end: 1, fixes: [] };
    const context = { rules: [], version: '1', cwd: '/', color: false };
    assert.equal(stylish([{ file: 'Dockerfile', path: '/x', findings: [finding] }], context).split('\n')[1], '  1:1  warning  image `\\e]0;x\\u{0007}\\u{202e}` has no tag  r');
    assert.equal(github([{ file: 'Dockerfile', path: '/x', findings: [finding] }], context), '::warning file=Dockerfile,line=1,col=1,endLine=1,endColumn=2,title=r::image `\\e]0;x\\u{0007}\\u{202e}` has no tag\n');
  });
});

describe('stylish with very many findings', () => {
  it('prints 300,000 findings of one file (no spread of an unbounded array)', () => {
    const findings: Finding[] = Array.from({ length: 300_000 }, (_, i) => ({ ruleId: 'r', severity: i % 2 ? 'warning' : 'info', message: 'm', range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, start: i, end: i + 1, fixes: [] }));
    const out = stylish([{ file: 'pod.yaml', path: '/x', findings }], { rules: [], version: '1', cwd: '/', color: false });
    const lines = out.split('\n');
    assert.equal(lines[1], '  1:1       info     m  r');
    assert.equal(lines[300_000], '  300000:1  warning  m  r');
    assert.equal(lines[lines.length - 2], '✖ 300000 problems (0 errors, 150000 warnings, 150000 infos), 1 file linted');
  });
});

describe('YAML that does not parse', () => {
  it('is one yaml-syntax error, exit 1; the other documents still report; SARIF describes the code', async () => {
    const ws = tempWorkspace({ 'pods.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    d: "text\nat column 0"\nspec: {}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n    - name: app\n      image: nginx\n' });
    try {
      const run = await herd(['lint', '.', '-f', 'json'], { cwd: ws.dir });
      assert.equal(run.code, 1);
      const found = places(run.stdout);
      assert.deepEqual(found.filter((f) => f.includes('yaml-syntax')), ['pods.yaml yaml-syntax 6:13']);
      assert.ok(found.includes('pods.yaml pin-image-tag 17:14'), found.join('\n'));
      const sarif = JSON.parse((await herd(['lint', '.', '-f', 'sarif'], { cwd: ws.dir })).stdout);
      assert.deepEqual(sarifProblems(sarif), []);
      const run0 = sarif.runs[0];
      const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'yaml-syntax');
      assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'yaml-syntax');
    } finally {
      ws.remove();
    }
  });
});

