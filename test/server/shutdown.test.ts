// After `shutdown` the server does no more work: debounce timers are cleared, the workspace index build stops,
// and nothing is sent on the connection (which the client may already have closed).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { initShellParser } from '../../server/src/engine';
import { ruleById } from '../../server/src/rules';
import { ManualTimers, TestClient } from './lsp-client';

const rules = ['no-background-process', 'no-keepalive-command', 'container-port-exposed'].map((id) => ruleById(id)!);

describe('shutdown', () => {
  let dir: string;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async () => {
    await initShellParser();
    process.on('unhandledRejection', onRejection);
    // enough files that indexing takes many turns of the event loop
    dir = mkdtempSync(join(tmpdir(), 'herd-shutdown-'));
    for (let i = 0; i < 150; i++) {
      mkdirSync(join(dir, `svc${i}`));
      writeFileSync(join(dir, `svc${i}`, 'Dockerfile'), `FROM alpine:3.20\nEXPOSE ${8000 + i}\nCMD ["./svc${i}"]\n`);
      writeFileSync(join(dir, `svc${i}`, 'deploy.yaml'), `apiVersion: v1\nkind: Pod\nmetadata: {name: svc${i}}\nspec:\n  containers:\n    - name: svc\n      image: svc${i}:1.0\n`);
    }
  });

  after(() => {
    process.off('unhandledRejection', onRejection);
    rmSync(dir, { recursive: true, force: true });
  });

  it('clears pending lints, stops indexing and sends nothing after answering shutdown', async () => {
    const timers = new ManualTimers();
    const client = await TestClient.start({ folders: [pathToFileURL(dir).href], rules, settings: { debounce: 200 }, initializationOptions: {}, timers });
    const uri = pathToFileURL(join(dir, 'svc0', 'Dockerfile')).href;
    await client.open(uri, 'dockerfile', 'FROM alpine:3.20\nCMD ["./svc0"]\n');
    await client.edit(uri, { start: { line: 1, character: 14 }, end: { line: 1, character: 14 } }, ' & tail -f /dev/null');
    await client.handled();
    assert.deepEqual(timers.waiting(), [200], 'the edit waits for its debounce');

    // the index build started at `initialized` may still be running: shutdown waits for it to stop
    await client.connection.sendRequest('shutdown');
    const sent = client.published.length + client.logs.length;
    assert.deepEqual(timers.waiting(), [], 'shutdown cleared the debounce timer');
    timers.fire();
    await client.stop();
    // a macrotask turn for anything the server might still have queued
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(client.published.length + client.logs.length, sent, 'nothing was sent after the shutdown answer');
    assert.deepEqual(rejections, []);
  });

  it('a server whose host stops it without shutdown stops the same way', async () => {
    const timers = new ManualTimers();
    const client = await TestClient.start({ folders: [pathToFileURL(dir).href], rules, settings: { debounce: 200 }, initializationOptions: {}, timers });
    const uri = pathToFileURL(join(dir, 'svc1', 'Dockerfile')).href;
    await client.open(uri, 'dockerfile', 'FROM alpine:3.20\nCMD ["./svc1"]\n');
    await client.edit(uri, { start: { line: 1, character: 14 }, end: { line: 1, character: 14 } }, ' & tail -f /dev/null');
    await client.handled();
    await client.server.stop();
    const sent = client.published.length + client.logs.length;
    assert.deepEqual(timers.waiting(), []);
    timers.fire();
    await client.handled();
    assert.equal(client.published.length + client.logs.length, sent);
    await client.stop();
    assert.deepEqual(rejections, []);
  });
});
