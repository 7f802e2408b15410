// The language server with a broken `.herd.yaml` on disk (the other files are linted with defaults, or with
// what the file got right), and with the size limit set by `herd.maxFileSize` and by `.herd.yaml`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { initShellParser } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine/rule';
import { ruleById } from '../../server/src/rules';
import { TestClient } from './lsp-client';

const rules = (): Rule[] => ['no-background-process', 'no-keepalive-command'].map((id) => ruleById(id)!);
const DOCKERFILE = 'FROM alpine:3.20\nCMD nohup ./app & tail -f /dev/null\n';
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code} ${d.severity}`);

/** A workspace folder holding `.herd.yaml` with this text, served by a fresh server. */
async function serve(config: string | undefined, settings: Record<string, unknown> = {}): Promise<{ client: TestClient; dir: string; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'herd-config-'));
  if (config !== undefined) writeFileSync(join(dir, '.herd.yaml'), config);
  const client = await TestClient.start({ folders: [pathToFileURL(dir).href], rules: rules(), settings });
  return {
    client,
    dir,
    done: async () => {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

before(() => initShellParser());

describe('a bad .herd.yaml on disk', () => {
  for (const [what, config] of [
    ['broken YAML', 'rules: [\n  no-background-process: off\n'],
    ['a list instead of a mapping', '- no-background-process\n'],
    ['rules that are not a mapping', 'rules: off\n'],
  ] as const) {
    it(`${what}: documents are linted with the defaults, and the log points at the file`, async () => {
      const { client, dir, done } = await serve(config);
      try {
        const p = await client.open(pathToFileURL(join(dir, 'Dockerfile')).href, 'dockerfile', DOCKERFILE);
        assert.deepEqual(codes(p), ['no-background-process 2', 'no-keepalive-command 2']);
        assert.ok(client.logs.some((l) => l.message.includes('.herd.yaml') && /problem/.test(l.message)), client.logs.map((l) => l.message).join('\n'));
      } finally {
        await done();
      }
    });
  }

  it('an unknown rule id and a bad severity are skipped; the rest of the file applies', async () => {
    const { client, dir, done } = await serve('rules:\n  no-such-rule: off\n  no-background-process: loud\n  no-keepalive-command: error\n');
    try {
      const p = await client.open(pathToFileURL(join(dir, 'Dockerfile')).href, 'dockerfile', DOCKERFILE);
      assert.deepEqual(codes(p), ['no-background-process 2', 'no-keepalive-command 1']);
      // opened, the config shows both problems where they are
      const config = await client.open(pathToFileURL(join(dir, '.herd.yaml')).href, 'yaml', 'rules:\n  no-such-rule: off\n  no-background-process: loud\n  no-keepalive-command: error\n');
      assert.deepEqual(
        config.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`),
        ['config-error 1:2 Unknown rule id `no-such-rule` in .herd.yaml', 'config-error 2:25 Bad severity `loud` for `no-background-process`: use off, info, warning or error'],
      );
    } finally {
      await done();
    }
  });
});

describe('the size limit', () => {
  const big = 'FROM alpine:3.20\n' + 'RUN echo 0123456789\n'.repeat(100) + 'CMD nohup ./app & tail -f /dev/null\n';

  it('herd.maxFileSize lowers it: one information diagnostic at the top, no findings', async () => {
    const { client, dir, done } = await serve(undefined, { maxFileSize: 1000 });
    try {
      const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
      const p = await client.open(uri, 'dockerfile', big);
      assert.deepEqual(codes(p), ['file-too-large 3']);
      assert.deepEqual(p.diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(p.diagnostics[0].message, /above the 0\.0 MB limit \(herd\.maxFileSize\)/);
      // below the limit again: linted
      assert.deepEqual(codes(await client.change(uri, DOCKERFILE)), ['no-background-process 2', 'no-keepalive-command 2']);
    } finally {
      await done();
    }
  });

  it('.herd.yaml maxFileSize sets it for its folder', async () => {
    const { client, dir, done } = await serve('maxFileSize: 1000\n');
    try {
      const p = await client.open(pathToFileURL(join(dir, 'Dockerfile')).href, 'dockerfile', big);
      assert.deepEqual(codes(p), ['file-too-large 3']);
    } finally {
      await done();
    }
  });
});

