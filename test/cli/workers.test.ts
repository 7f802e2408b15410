// Large runs lint in worker threads: the report, the notes and the exit code are the same as on one thread
// (HERD_WORKERS forces the number of workers: 0 for none).
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WORKER_THRESHOLD, workerCount } from '../../server/src/cli/lint-pool';
import { CORPUS } from '../helpers/corpus';
import { herd, tempWorkspace } from './harness';

const WORKSPACE = join(__dirname, '..', 'fixtures', 'workspace');
const ONE = { HERD_WORKERS: '0' };
const TWO = { HERD_WORKERS: '2' };

/** The cross-file fixture and a slice of the corpus (Dockerfiles, manifests, Helm templates) as one tree. */
function tree(extra: Record<string, string | Buffer> = {}): { dir: string; remove: () => void } {
  const ws = tempWorkspace(extra);
  cpSync(WORKSPACE, join(ws.dir, 'app'), { recursive: true });
  for (const kind of ['dockerfiles/GoogleCloudPlatform__microservices-demo', 'k8s', 'helm']) cpSync(join(CORPUS, kind), join(ws.dir, 'corpus', kind), { recursive: true });
  return ws;
}

/** Every file below a folder with its text. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path, 'utf8');
  }
  return out;
}

describe('herd lint in worker threads', () => {
  let ws: { dir: string; remove: () => void };
  before(() => {
    ws = tree({ 'bad/Dockerfile': Buffer.from('FROM alpine\0\n'), 'outside.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n' });
  });
  after(() => ws.remove());

  for (const format of ['stylish', 'json', 'sarif']) {
    it(`the same ${format} report, notes and exit code with two workers as with none`, async () => {
      const alone = await herd(['lint', '--format', format, ws.dir], { cwd: ws.dir, env: ONE });
      const workers = await herd(['lint', '--format', format, ws.dir], { cwd: ws.dir, env: TWO });
      assert.equal(workers.stdout, alone.stdout);
      assert.equal(workers.stderr, alone.stderr);
      assert.equal(workers.code, alone.code);
      assert.equal(alone.code, 2, 'the binary file is not linted: exit 2');
      assert.match(alone.stderr, /not linted: .*bad\/Dockerfile: binary file/);
      // cross-file findings need the workspace index in the workers
      for (const id of ['shared-base-distribution', 'image-user-verifiable', 'container-port-exposed']) assert.ok(alone.stdout.includes(id), `${id} reported`);
    });
  }

  it('the same exit codes: errors (1), --max-warnings, --quiet', async () => {
    const clean = tree();
    try {
      for (const extra of [[], ['--max-warnings', '0'], ['--quiet'], ['--allow-skipped']]) {
        const alone = await herd(['lint', ...extra, clean.dir, join(ws.dir, 'outside.yaml')], { cwd: clean.dir, env: ONE });
        const workers = await herd(['lint', ...extra, clean.dir, join(ws.dir, 'outside.yaml')], { cwd: clean.dir, env: TWO });
        assert.deepEqual(workers, alone, extra.join(' '));
        assert.equal(alone.code, 1);
      }
    } finally {
      clean.remove();
    }
  });

  it('--fix stays on one thread and fixes the same', async () => {
    const a = tree();
    const b = tree();
    try {
      const alone = await herd(['lint', '--fix', a.dir], { cwd: a.dir, env: ONE });
      const workers = await herd(['lint', '--fix', b.dir], { cwd: b.dir, env: TWO });
      assert.equal(workers.stdout, alone.stdout);
      assert.equal(workers.code, alone.code);
      assert.match(alone.stderr, /fixed \d+ problems? in \d+ files?/);
      assert.deepEqual(contents(b.dir), contents(a.dir));
    } finally {
      a.remove();
      b.remove();
    }
  });

  it('small runs start no worker; HERD_WORKERS forces a number', () => {
    assert.equal(workerCount(1, {}), 0);
    assert.equal(workerCount(WORKER_THRESHOLD - 1, {}), 0);
    assert.equal(workerCount(WORKER_THRESHOLD, {}), availableParallelism() >= 2 ? availableParallelism() : 0);
    assert.equal(workerCount(1, { HERD_WORKERS: '2' }), 2);
    assert.equal(workerCount(100000, { HERD_WORKERS: '0' }), 0);
  });
});
