// The CLI as hadolint, ESLint and kube-linter users expect it: summary lines, stdin, globs, file kinds, config
// discovery, colours, --quiet, exit codes. Exact output with stand-in rules (fake-rules.ts).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { fakeCatalog } from './fake-rules';
import { FIXTURES, herd, tempWorkspace, type RunOptions } from './harness';

const rules = fakeCatalog;
const USAGE = "Run 'herd --help' for usage.\n";
const BG = 'The start command puts a process in the background';
const DOCKERFILE = 'FROM alpine:3.20\nCMD nohup ./app\n';
const CLEAN = 'FROM alpine:3.20\nCMD ["./app"]\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1\n      ports: [{containerPort: 80}]\n';
/** file → "rule severity line:column" of a JSON report. */
const findings = (stdout: string) =>
  (JSON.parse(stdout) as { file: string; findings: { ruleId: string; severity: string; line: number; column: number }[] }[]).flatMap((f) => f.findings.map((x) => `${f.file} ${x.ruleId} ${x.severity} ${x.line}:${x.column}`));
const filesOf = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map((f) => f.file);

/** Runs in a fresh folder (a repository: it holds .git, so no config above it applies) and removes it. */
async function inRepo<T>(files: Record<string, string>, body: (dir: string, run: (argv: string[], options?: RunOptions) => ReturnType<typeof herd>) => Promise<T>): Promise<T> {
  const ws = tempWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  try {
    return await body(ws.dir, (argv, options = {}) => herd(argv, { rules, cwd: ws.dir, ...options }));
  } finally {
    ws.remove();
  }
}

describe('summary line and exit codes', () => {
  it('a clean run says how many files it linted', async () => {
    await inRepo({ 'a/Dockerfile': CLEAN, 'b/Dockerfile': CLEAN, 'k8s/pod.yaml': POD.replace('ports: [{containerPort: 80}]', 'command: [run]') }, async (_dir, run) => {
      assert.deepEqual(await run(['lint']), { code: 0, stdout: '✔ 3 files linted, no problems\n', stderr: '' });
      assert.deepEqual(await run(['lint', 'a/Dockerfile']), { code: 0, stdout: '✔ 1 file linted, no problems\n', stderr: '' });
    });
  });

  it('problems end with the counts and the number of files', async () => {
    await inRepo({ Dockerfile: DOCKERFILE, 'ok/Dockerfile': CLEAN }, async (_dir, run) => {
      assert.deepEqual(await run(['lint']), { code: 0, stdout: `Dockerfile\n  2:5  warning  ${BG}  no-background-process\n\n✖ 1 problem (0 errors, 1 warning, 0 infos), 2 files linted\n`, stderr: '' });
    });
  });

  it('a folder without a Dockerfile, manifest or Compose file is an error, as in ESLint', async () => {
    await inRepo({ 'empty/.keep': '', 'docs/README.md': '# hi\n', 'ci/workflow.yaml': 'on: push\n', Dockerfile: CLEAN }, async (_dir, run) => {
      assert.deepEqual(await run(['lint', 'empty']), { code: 2, stdout: '✔ 0 files linted, no problems\n', stderr: 'herd: no Dockerfile, Kubernetes manifest or Compose file found in empty\n' });
      assert.deepEqual(await run(['lint', 'docs', 'ci']), {
        code: 2,
        stdout: '✔ 0 files linted, no problems\n',
        stderr: 'herd: no Dockerfile, Kubernetes manifest or Compose file found in docs\nherd: no Dockerfile, Kubernetes manifest or Compose file found in ci\n',
      });
      // one good argument does not excuse an empty one; the good one is still reported
      const both = await run(['lint', 'Dockerfile', 'empty', '-f', 'json']);
      assert.deepEqual([both.code, filesOf(both.stdout), both.stderr], [2, ['Dockerfile'], 'herd: no Dockerfile, Kubernetes manifest or Compose file found in empty\n']);
      assert.deepEqual(await run(['lint', 'nowhere']), { code: 2, stdout: '', stderr: `herd: no such file or directory: nowhere\n${USAGE}` });
    });
  });

  it('a folder holding only a Compose file is not empty', async () => {
    await inRepo({ 'app/compose.yaml': 'services:\n  web:\n    image: web:1\n' }, async (_dir, run) => {
      assert.deepEqual(await run(['lint', 'app']), { code: 0, stdout: '✔ 1 file linted, no problems\n', stderr: '' });
    });
  });

  it('--quiet reports errors only; the exit code and --max-warnings still see the warnings', async () => {
    await inRepo({ Dockerfile: DOCKERFILE, 'k8s/pod.yaml': POD }, async (_dir, run) => {
      const argv = ['lint', '--rule', 'readiness-probe=error'];
      assert.deepEqual(await run([...argv, '--quiet']), {
        code: 1,
        stdout: 'k8s/pod.yaml\n  7:13  error  Container `app` has no readinessProbe  readiness-probe\n\n✖ 1 problem (1 error, 0 warnings, 0 infos), 2 files linted\n',
        stderr: '',
      });
      assert.deepEqual(await run(['lint', '-q', 'Dockerfile']), { code: 0, stdout: '✔ 1 file linted, no errors\n', stderr: '' });
      assert.deepEqual(findings((await run([...argv, '-q', '-f', 'json'])).stdout), ['k8s/pod.yaml readiness-probe error 7:13']);
      const over = await run(['lint', '-q', 'Dockerfile', '--max-warnings', '0']);
      assert.deepEqual([over.code, over.stderr], [1, 'herd: too many warnings (1, maximum 0)\n']);
    });
  });

  it('herd version is herd --version', async () => {
    const version = await herd(['--version']);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    assert.deepEqual(await herd(['version']), version);
  });
});

describe('stdin', () => {
  it('herd lint - reads a Dockerfile from stdin and shows it as <stdin>', async () => {
    await inRepo({}, async (_dir, run) => {
      assert.deepEqual(await run(['lint', '-'], { stdin: DOCKERFILE }), { code: 0, stdout: `<stdin>\n  2:5  warning  ${BG}  no-background-process\n\n✖ 1 problem (0 errors, 1 warning, 0 infos), 1 file linted\n`, stderr: '' });
    });
  });

  it('without a name, the content decides: a manifest (YAML or JSON), a Dockerfile, or an error', async () => {
    await inRepo({}, async (_dir, run) => {
      assert.deepEqual(findings((await run(['lint', '-', '-f', 'json'], { stdin: POD })).stdout), ['<stdin> liveness-probe warning 7:13', '<stdin> readiness-probe warning 7:13']);
      const json = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "spec": {"containers": [{"name": "a", "command": ["nohup", "x"]}]}\n}\n';
      assert.deepEqual(findings((await run(['lint', '-', '-f', 'json'], { stdin: json })).stdout), ['<stdin> no-background-process warning 4:54']);
      assert.deepEqual(findings((await run(['lint', '-', '-f', 'json'], { stdin: `# syntax=docker/dockerfile:1\n\nARG V=1\n${DOCKERFILE}` })).stdout), ['<stdin> no-background-process warning 5:5']);
      assert.deepEqual(await run(['lint', '-'], { stdin: 'hello: world\n' }), { code: 2, stdout: '✔ 0 files linted, no problems\n', stderr: 'herd: <stdin>: not a Dockerfile, Kubernetes manifest or Compose file\n' });
    });
  });

  it('--stdin-filename gives the kind and the config of a file at that path', async () => {
    await inRepo({ 'deploy/.herd.yaml': 'rules:\n  readiness-probe: error\n' }, async (_dir, run) => {
      const named = await run(['lint', '-', '--stdin-filename', 'deploy/pod.yaml', '-f', 'json'], { stdin: POD });
      assert.deepEqual(findings(named.stdout), ['deploy/pod.yaml liveness-probe warning 7:13', 'deploy/pod.yaml readiness-probe error 7:13']);
      assert.equal(named.code, 1);
      // the name alone is enough: `-` is implied
      assert.deepEqual(await run(['lint', '--stdin-filename', 'deploy/pod.yaml', '-f', 'json'], { stdin: POD }), named);
      // a name that says Dockerfile: linted as one whatever the text
      assert.deepEqual(findings((await run(['lint', '-', '--stdin-filename', 'Dockerfile-prod', '-f', 'json'], { stdin: 'CMD nohup x\n' })).stdout), ['Dockerfile-prod no-background-process warning 1:5']);
      // YAML of another tool: skipped with a note, as a named file is
      assert.deepEqual(await run(['lint', '-', '--stdin-filename', '.github/ci.yml'], { stdin: 'on: push\n' }), { code: 0, stdout: '✔ 0 files linted, no problems\n', stderr: 'herd: .github/ci.yml: skipped: YAML that is not a Kubernetes manifest or Compose file\n' });
    });
  });

  it('stdin mistakes are usage errors', async () => {
    assert.deepEqual(await herd(['lint', '-', '--fix'], { rules, stdin: DOCKERFILE }), { code: 2, stdout: '', stderr: `herd: --fix cannot write back to stdin\n${USAGE}` });
    assert.deepEqual(await herd(['lint', 'project', '--stdin-filename', 'Dockerfile'], { rules }), { code: 2, stdout: '', stderr: `herd: --stdin-filename names what is read from stdin: add - to the paths\n${USAGE}` });
  });
});

describe('globs', () => {
  const files = {
    'services/api/Dockerfile': DOCKERFILE,
    'services/web/Dockerfile': CLEAN,
    'services/web/Dockerfile.debug': DOCKERFILE,
    'services/vendor/Dockerfile': DOCKERFILE,
    'k8s/pod.yaml': POD,
    'k8s/nested/pod.yml': POD,
    '.herd.yaml': 'ignore:\n  - services/vendor/\n',
  };

  it("quoted globs are expanded by Herd: ** crosses folders, * does not; ignore globs apply", async () => {
    await inRepo(files, async (_dir, run) => {
      assert.deepEqual(filesOf((await run(['lint', 'services/**/Dockerfile', '-f', 'json'])).stdout), ['services/api/Dockerfile', 'services/web/Dockerfile']);
      assert.deepEqual(filesOf((await run(['lint', 'services/*/Dockerfile*', '-f', 'json'])).stdout), ['services/api/Dockerfile', 'services/web/Dockerfile', 'services/web/Dockerfile.debug']);
      assert.deepEqual(filesOf((await run(['lint', 'k8s/*.yaml', '-f', 'json'])).stdout), ['k8s/pod.yaml']);
      assert.deepEqual(filesOf((await run(['lint', 'k8s/**/*.y*', '-f', 'json'])).stdout), ['k8s/nested/pod.yml', 'k8s/pod.yaml']);
    });
  });

  it('a glob that matches nothing lintable is an error (exit 2)', async () => {
    await inRepo(files, async (_dir, run) => {
      assert.deepEqual(await run(['lint', 'apps/**/Dockerfile']), { code: 2, stdout: '✔ 0 files linted, no problems\n', stderr: 'herd: no Dockerfile, Kubernetes manifest or Compose file matches apps/**/Dockerfile\n' });
      assert.deepEqual((await run(['lint', 'services/vendor/*'])).code, 2);
    });
  });

  it('an existing file whose name has a wildcard is a file, not a glob', async () => {
    await inRepo({ 'odd/Dockerfile*': DOCKERFILE }, async (_dir, run) => {
      assert.deepEqual(filesOf((await run(['lint', 'odd/Dockerfile*', '-f', 'json'])).stdout), ['odd/Dockerfile*']);
    });
  });
});

describe('file kinds', () => {
  it('the walk finds Dockerfile-prod and Dockerfile_prod, and JSON manifests by content', async () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'a:1', command: ['nohup', 'x'] }] } }, null, 2);
    await inRepo({ 'Dockerfile-prod': DOCKERFILE, 'Dockerfile_prod': DOCKERFILE, 'k8s/pod.json': `${json}\n`, 'package.json': '{"name": "x", "kind": "app"}\n', 'tsconfig.json': '{}\n' }, async (_dir, run) => {
      const result = await run(['lint', '-f', 'json']);
      assert.deepEqual(findings(result.stdout), ['Dockerfile-prod no-background-process warning 2:5', 'Dockerfile_prod no-background-process warning 2:5', 'k8s/pod.json no-background-process warning 13:12']);
      assert.deepEqual([result.code, result.stderr], [0, '']);
    });
  });

  it('a named file is what its content says when its name says nothing', async () => {
    await inRepo({ 'build.docker': DOCKERFILE, 'pod.manifest': POD, 'README.md': '# Hello\n\nFROM here on...\n', 'notes.txt': '' }, async (_dir, run) => {
      assert.deepEqual(findings((await run(['lint', 'build.docker', 'pod.manifest', '-f', 'json'])).stdout), [
        'build.docker no-background-process warning 2:5',
        'pod.manifest liveness-probe warning 7:13',
        'pod.manifest readiness-probe warning 7:13',
      ]);
      assert.deepEqual(await run(['lint', 'README.md', 'notes.txt', 'build.docker', '-f', 'json']), {
        code: 2,
        stdout: '[\n  {\n    "file": "build.docker",\n    "findings": [\n      {\n        "ruleId": "no-background-process",\n        "severity": "warning",\n        "message": "The start command puts a process in the background",\n        "line": 2,\n        "column": 5,\n        "endLine": 2,\n        "endColumn": 10,\n        "fixable": false\n      }\n    ]\n  }\n]\n',
        stderr: 'herd: README.md: not a Dockerfile, Kubernetes manifest or Compose file\nherd: notes.txt: not a Dockerfile, Kubernetes manifest or Compose file\n',
      });
    });
  });

  it('named YAML or JSON of another tool is skipped with a note (pre-commit hands every .yaml over); a Compose file is linted', async () => {
    await inRepo({ '.gitlab-ci.yml': 'test:\n  script: [make]\n', 'package.json': '{}\n', 'compose.yaml': 'services: {}\n', 'deploy.yml': POD }, async (_dir, run) => {
      const result = await run(['lint', '.gitlab-ci.yml', 'package.json', 'compose.yaml', 'deploy.yml', '-f', 'json']);
      assert.deepEqual(filesOf(result.stdout), ['compose.yaml', 'deploy.yml']);
      assert.deepEqual([result.code, result.stderr], [0, 'herd: .gitlab-ci.yml: skipped: YAML that is not a Kubernetes manifest or Compose file\nherd: package.json: skipped: JSON that is not a Kubernetes manifest or Compose file\n']);
    });
  });
});

describe('config discovery', () => {
  const monorepo = {
    '.herd.yaml': 'rules:\n  no-background-process: error\nignore:\n  - "**/generated/**"\n',
    'Dockerfile': DOCKERFILE,
    'generated/Dockerfile': DOCKERFILE,
    'app/.herd.yml': 'rules:\n  no-background-process: info\nignore:\n  - legacy/\n',
    'app/Dockerfile': DOCKERFILE,
    'app/legacy/Dockerfile': DOCKERFILE,
    'app/deep/er/Dockerfile': DOCKERFILE,
    'lib/Dockerfile': DOCKERFILE,
  };

  it('each file takes the nearest .herd.yaml or .herd.yml; ignore globs are relative to the config', async () => {
    await inRepo(monorepo, async (dir, run) => {
      const expected = ['Dockerfile no-background-process error 2:5', 'app/Dockerfile no-background-process info 2:5', 'app/deep/er/Dockerfile no-background-process info 2:5', 'lib/Dockerfile no-background-process error 2:5'];
      assert.deepEqual(findings((await run(['lint', '-f', 'json'])).stdout), expected);
      // from a subfolder, naming files, or naming a folder: the same configs apply
      assert.deepEqual(findings((await run(['lint', '..', '-f', 'json'], { cwd: join(dir, 'lib') })).stdout), expected.map((f) => `../${f}`).map((f) => f.replace('../lib/', '')));
      assert.deepEqual(findings((await run(['lint', 'Dockerfile', '../app/deep/er/Dockerfile', '-f', 'json'], { cwd: join(dir, 'lib') })).stdout), ['../app/deep/er/Dockerfile no-background-process info 2:5', 'Dockerfile no-background-process error 2:5']);
      assert.deepEqual(findings((await run(['lint', 'app/deep', '-f', 'json'])).stdout), ['app/deep/er/Dockerfile no-background-process info 2:5']);
    });
  });

  it('the search stops at the repository root (.git)', async () => {
    await inRepo({ '.herd.yaml': 'rules:\n  no-background-process: error\n', 'sub/.git/HEAD': '', 'sub/Dockerfile': DOCKERFILE }, async (_dir, run) => {
      assert.deepEqual(findings((await run(['lint', 'sub', '-f', 'json'])).stdout), ['sub/Dockerfile no-background-process warning 2:5']);
    });
  });

  it('--config replaces discovery for every file', async () => {
    await inRepo({ ...monorepo, 'ci.yaml': 'rules:\n  no-background-process: off\n' }, async (_dir, run) => {
      assert.deepEqual(await run(['lint', '--config', 'ci.yaml', '-f', 'json']).then((r) => findings(r.stdout)), []);
    });
  });

  it('a bad nested config stops the run with its place', async () => {
    await inRepo({ 'app/.herd.yml': 'rules: [x]\n', 'app/Dockerfile': CLEAN, Dockerfile: CLEAN }, async (_dir, run) => {
      assert.deepEqual(await run(['lint']), { code: 2, stdout: '', stderr: 'herd: bad config app/.herd.yml:1:8: `rules` must map rule ids to off, info, warning or error\n' });
    });
  });

  it('--print-config shows what applies to a file and where it comes from, as YAML or JSON', async () => {
    await inRepo(monorepo, async (_dir, run) => {
      assert.deepEqual(await run(['--print-config', 'app/deep/er/Dockerfile']), {
        code: 0,
        stdout: '# configuration for app/deep/er/Dockerfile\n# from app/.herd.yml\nrules:\n  no-background-process: info\nignore:\n  - legacy/\nmaxFileSize: 5242880\n',
        stderr: '',
      });
      const json = await run(['lint', '--print-config', 'lib/Dockerfile', '-f', 'json', '--rule', 'liveness-probe=off']);
      assert.deepEqual(JSON.parse(json.stdout), { file: 'lib/Dockerfile', config: '.herd.yaml', ignoreBase: '.', rules: { 'no-background-process': 'error', 'liveness-probe': 'off' }, ignore: ['**/generated/**'], maxFileSize: 5242880 });
    });
    await inRepo({}, async (_dir, run) => {
      const printed = await run(['--print-config', 'Dockerfile']);
      assert.equal(printed.stdout.split('\n')[1], '# from defaults: no .herd.yaml or .herd.yml up to the repository root');
      assert.deepEqual(parse(printed.stdout), { rules: {}, ignore: [], maxFileSize: 5242880 });
    });
  });
});

describe('colours', () => {
  const argv = ['lint', join(FIXTURES, 'project', 'Dockerfile'), '--rule', 'no-keepalive-command=off'];
  const colored = (r: { stdout: string }) => r.stdout.includes('\u001b[');

  it('--color and --no-color win over the terminal and the environment', async () => {
    assert.equal(colored(await herd([...argv, '--color'], { rules, tty: false, env: { NO_COLOR: '1' } })), true);
    assert.equal(colored(await herd([...argv, '--no-color'], { rules, tty: true, env: { FORCE_COLOR: '1' } })), false);
  });

  it('FORCE_COLOR turns colour on without a terminal, and FORCE_COLOR=0 off on one', async () => {
    assert.equal(colored(await herd(argv, { rules, tty: false, env: { FORCE_COLOR: '1' } })), true);
    assert.equal(colored(await herd(argv, { rules, tty: false, env: { FORCE_COLOR: '' } })), true);
    assert.equal(colored(await herd(argv, { rules, tty: true, env: { FORCE_COLOR: '0' } })), false);
    assert.equal(colored(await herd(argv, { rules, tty: true, env: { NO_COLOR: '1' } })), false);
    assert.equal(colored(await herd(argv, { rules, tty: true, env: {} })), true);
    assert.equal(colored(await herd(argv, { rules, tty: false, env: {} })), false);
  });

  it('the summary line of a clean run is coloured too, and plain without colour', async () => {
    assert.equal((await herd(['lint', 'project/clean', '--color'], { rules })).stdout, '\u001b[1m✔ 1 file linted, no problems\u001b[22m\n');
    assert.equal((await herd(['lint', 'project/clean', '--no-color'], { rules })).stdout, '✔ 1 file linted, no problems\n');
  });

  it('--color takes no value', async () => {
    assert.deepEqual(await herd(['lint', '--color=always'], { rules }), { code: 2, stdout: '', stderr: `herd: --color takes no value\n${USAGE}` });
  });
});
