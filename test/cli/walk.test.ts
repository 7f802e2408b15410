import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { explicitTarget, walkWorkspace } from '../../server/src/cli/walk';
import { FIXTURES, tempWorkspace } from './harness';

const shown = (root: string, paths: { path: string }[]) => paths.map((t) => relative(root, t.path));

describe('herd lint file discovery', () => {
  it('finds Dockerfiles and YAML, sorted, minus the ignore globs', () => {
    const root = join(FIXTURES, 'project');
    const notes: string[] = [];
    assert.deepEqual(shown(root, walkWorkspace(root, ['vendor/'], (m) => notes.push(m))), ['Dockerfile', 'clean/Dockerfile', 'deploy/web.yaml', 'docker-compose.yml']);
    assert.deepEqual(notes, []);
  });

  it('knows every Dockerfile naming convention and skips node_modules and .git', () => {
    const ws = tempWorkspace({
      'Containerfile': 'FROM a',
      'Containerfile.dev': 'FROM a',
      'Dockerfile.prod': 'FROM a',
      'api.Dockerfile': 'FROM a',
      'web.dockerfile': 'FROM a',
      'k8s/a.yml': 'kind: x',
      'Dockerfile-old': 'FROM a',
      'Dockerfile_prod': 'FROM a',
      'k8s/b.json': '{}',
      '.herd.yml': 'rules: {}',
      'notes.txt': 'FROM a',
      'node_modules/pkg/Dockerfile': 'FROM a',
      '.git/Dockerfile': 'FROM a',
      'deep/node_modules/Dockerfile': 'FROM a',
    });
    try {
      assert.deepEqual(shown(ws.dir, walkWorkspace(ws.dir, [], () => {})), ['Containerfile', 'Containerfile.dev', 'Dockerfile-old', 'Dockerfile.prod', 'Dockerfile_prod', 'api.Dockerfile', 'k8s/a.yml', 'k8s/b.json', 'web.dockerfile']);
    } finally {
      ws.remove();
    }
  });

  it('matches ignore globs relative to the root: folders, file names at any depth, **', () => {
    const ws = tempWorkspace({ 'a/Dockerfile': '', 'a/b/x.yaml': '', 'charts/t/deploy.yaml': '', 'b/Dockerfile.test': '', 'Dockerfile': '' });
    try {
      assert.deepEqual(shown(ws.dir, walkWorkspace(ws.dir, ['Dockerfile.test', 'charts/**', 'a/b'], () => {})), ['Dockerfile', 'a/Dockerfile']);
    } finally {
      ws.remove();
    }
  });

  it('reads a named file whatever its name; its content decides when the name says nothing', () => {
    assert.deepEqual(explicitTarget('/x/build.docker'), { path: '/x/build.docker', explicit: true, byContent: true });
    assert.deepEqual(explicitTarget('/x/Dockerfile'), { path: '/x/Dockerfile', explicit: true });
    assert.deepEqual(explicitTarget('/x/app.YAML'), { path: '/x/app.YAML', explicit: true });
  });
});
