// The server does not wait for the shell parser's grammar before linting a document that needs none: a manifest
// without scripts gets its diagnostics at once; a Dockerfile with a shell CMD gets them, complete, once the
// grammar is in. This file loads the grammar only through the server (each test file runs in its own process).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initShellParser } from '../../server/src/engine';
import { shellParserReady } from '../../server/src/parse/shell';
import { TestClient } from './lsp-client';

const MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n      command: ["./web"]\n';
const DOCKERFILE = 'FROM alpine:3.20\nCMD ./app & tail -f /dev/null\n';

describe('start-up without the shell parser', () => {
  it('lints documents that need no shell parser at once, the others when it is loaded', async () => {
    let arrive!: () => void;
    const gate = new Promise<void>((resolve) => (arrive = resolve));
    // the main thread's linter, whose grammar the test holds back (the lint worker loads its own, and pauses a
    // lint's deadline while it waits for it)
    const client = await TestClient.start({ lintWorker: false, loadShellParser: () => gate.then(() => initShellParser()) });
    try {
      const manifest = await client.open('file:///start/pod.yaml', 'yaml', MANIFEST);
      assert.equal(shellParserReady(), false, 'linted before the grammar was loaded');
      assert.deepEqual(manifest.diagnostics.map((d) => d.code).sort(), ['liveness-probe', 'memory-limit', 'resource-requests', 'run-as-non-root']);

      const dockerfile = client.nextDiagnostics('file:///start/Dockerfile');
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///start/Dockerfile', languageId: 'dockerfile', version: 1, text: DOCKERFILE } });
      await client.handled();
      assert.equal(client.published.filter((p) => p.uri === 'file:///start/Dockerfile').length, 0, 'no incomplete diagnostics are published');

      arrive();
      const published = await dockerfile;
      assert.equal(shellParserReady(), true);
      assert.deepEqual(
        published.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`),
        ['non-root-user 1:6', 'exec-form-command 2:1', 'no-background-process 2:11', 'no-keepalive-command 2:13'],
      );
    } finally {
      await client.stop();
    }
  });
});
