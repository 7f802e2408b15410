// `herd lint DIR` on Compose files: found by name and by `.herd.yaml` `compose:` globs, `.env` interpolated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { herd, tempWorkspace } from './harness';

const files = (stdout: string) => (JSON.parse(stdout) as { file: string; findings: { ruleId: string }[] }[]).map((f) => [f.file, f.findings.map((x) => x.ruleId)]);

describe('herd lint on Compose files', () => {
  it('finds compose files by name and by the compose globs of .herd.yaml', async () => {
    const ws = tempWorkspace({
      'compose.yaml': 'services:\n  a:\n    image: busybox:1.36\n    command: sleep infinity\n',
      'deploy/stack.yml': 'services:\n  b:\n    image: redis:7\n    privileged: true\n',
      'other.yaml': 'services:\n  c:\n    privileged: true\n',
      '.herd.yaml': 'compose:\n  - deploy/*.yml\n',
    });
    try {
      const run = await herd(['lint', '.', '-f', 'json'], { cwd: ws.dir });
      assert.deepEqual(files(run.stdout), [
        ['compose.yaml', ['no-keepalive-command']],
        ['deploy/stack.yml', ['no-privileged']],
      ]);
    } finally {
      ws.remove();
    }
  });

  it('interpolates the .env beside the file', async () => {
    const ws = tempWorkspace({
      'compose.yaml': 'services:\n  a:\n    image: busybox:1.36\n    command: ${CMD}\n',
      '.env': 'CMD="tail -f /dev/null"\n',
    });
    try {
      const run = await herd(['lint', '.', '-f', 'json'], { cwd: ws.dir });
      assert.deepEqual(files(run.stdout), [['compose.yaml', ['no-keepalive-command']]]);
    } finally {
      ws.remove();
    }
  });
});
