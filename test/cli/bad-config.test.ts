// Configurations the CLI refuses (exit 2, one line per problem naming file, line and column), beyond the
// unknown rule ids, bad severities and bad `ignore` of lint-command.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { herd, tempWorkspace } from './harness';
import { fakeCatalog } from './fake-rules';

const DOCKERFILE = 'FROM alpine:3.20\nCMD ["app"]\n';

async function lintWithConfig(config: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const ws = tempWorkspace({ '.herd.yaml': config, Dockerfile: DOCKERFILE });
  try {
    return await herd(['lint', '.'], { cwd: ws.dir, rules: fakeCatalog });
  } finally {
    ws.remove();
  }
}

describe('a bad .herd.yaml stops herd lint', () => {
  it('broken YAML', async () => {
    assert.deepEqual(await lintWithConfig('rules:\n  liveness-probe: [off\n'), {
      code: 2,
      stdout: '',
      stderr: 'herd: bad config .herd.yaml:3:1: .herd.yaml is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n',
    });
  });

  it('a document that is not a mapping', async () => {
    assert.deepEqual(await lintWithConfig('- liveness-probe\n'), { code: 2, stdout: '', stderr: 'herd: bad config .herd.yaml:1:1: .herd.yaml must be a mapping with `rules`, `ignore` or `maxFileSize` keys\n' });
  });

  it('an unknown key and a bad maxFileSize, each at its place', async () => {
    assert.deepEqual(await lintWithConfig('rulez:\n  liveness-probe: off\nmaxFileSize: big\n'), {
      code: 2,
      stdout: '',
      stderr:
        'herd: bad config .herd.yaml:1:1: Unknown key `rulez` in .herd.yaml (expected `rules`, `ignore`, `compose` or `maxFileSize`)\n' +
        'herd: bad config .herd.yaml:3:14: `maxFileSize` must be a positive number of bytes\n',
    });
    assert.equal((await lintWithConfig('maxFileSize: -1\n')).stderr, 'herd: bad config .herd.yaml:1:14: `maxFileSize` must be a positive number of bytes\n');
  });
});
