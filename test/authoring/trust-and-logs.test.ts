// Workspace trust and the server log: Herd runs in untrusted workspaces (it executes nothing from them),
// its server log reaches the client's "Herd" output channel, and `herd.trace.server` traces the protocol.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TestClient } from '../server/lsp-client';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: boolean | string } };
  contributes: { configuration: { properties: Record<string, { enum?: string[]; default?: unknown }> } };
};

describe('trust and logs', () => {
  it('supports untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });

  it('declares herd.trace.server, read by the client whose id is herd, into the Herd output channel', () => {
    const trace = manifest.contributes.configuration.properties['herd.trace.server'];
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
    assert.equal(trace.default, 'off');
    // vscode-languageclient reads `<client id>.trace.server` and traces into the client's output channel
    const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(client, /new LanguageClient\('herd', 'Herd',/);
    assert.match(client, /const outputChannel = window\.createOutputChannel\('Herd'\);/);
    assert.match(client, /^\s+outputChannel,$/m, 'the channel is the client’s outputChannel option');
  });

  it('the server logs through window/logMessage (what the client writes to its output channel), never stdout', async () => {
    const client = await TestClient.start({ rules: [] });
    try {
      const ready = await client.logMessage((m) => m.startsWith('Herd language server ready'));
      assert.equal(ready.type, 4, 'MessageType.Log');
    } finally {
      await client.stop();
    }
  });
});
