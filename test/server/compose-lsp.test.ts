// The language server on a Compose file (language id `dockercompose`): diagnostics, each Compose quick fix
// applied through code actions, and "Ignore for this service" writing x-herd-ignore.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { ruleById } from '../../server/src/rules';
import type { Rule } from '../../server/src/engine/rule';
import { TestClient } from './lsp-client';

const RULES = ['compose-shell-operators', 'compose-dollar-escape', 'compose-healthcheck-required', 'compose-wait-for-healthy', 'no-privileged'];

const COMPOSE = `services:
  app:
    image: ghcr.io/acme/app:1.2.0
    command: npm run migrate && npm start
    depends_on:
      - db
  worker:
    image: ghcr.io/acme/app:1.2.0
    command: ["sh", "-c", "for f in a b; do echo $f; done"]
    privileged: true
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
`;

const summary = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
const byCode = (p: PublishDiagnosticsParams, code: string): Diagnostic[] => p.diagnostics.filter((d) => d.code === code);

function titled(actions: CodeAction[], prefix: string): CodeAction {
  const found = actions.find((a) => a.title.startsWith(prefix));
  assert.ok(found, `an action titled "${prefix}…" among: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
  return found;
}

describe('herd language server on Compose', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herd-compose-lsp-'));
    client = await TestClient.start({ folders: [pathToFileURL(dir).href], rules: RULES.map((id) => ruleById(id)).filter((r): r is Rule => r !== undefined) });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a dockercompose document gets its diagnostics, and every Compose quick fix clears its own', async () => {
    const uri = pathToFileURL(join(dir, 'stack.yml')).href;
    let p = await client.open(uri, 'dockercompose', COMPOSE);
    assert.deepEqual(summary(p), [
      'compose-shell-operators 3:29-3:31',
      'compose-wait-for-healthy 5:8-5:10',
      'compose-dollar-escape 8:49-8:51',
      'no-privileged 9:16-9:20',
      'compose-healthcheck-required 13:2-13:4',
    ]);
    p = await client.apply(titled(await client.codeActions(uri, byCode(p, 'compose-shell-operators')), 'Run it through a shell').edit!, uri);
    assert.ok(client.text(uri).includes('    command: ["sh", "-c", "npm run migrate && npm start"]\n'));
    p = await client.apply(titled(await client.codeActions(uri, byCode(p, 'compose-dollar-escape')), 'Escape for Compose').edit!, uri);
    assert.ok(client.text(uri).includes('echo $$f; done'));
    p = await client.apply(titled(await client.codeActions(uri, byCode(p, 'compose-wait-for-healthy')), 'Wait until `db` is healthy').edit!, uri);
    assert.ok(client.text(uri).includes('    depends_on:\n      db:\n        condition: service_healthy\n  worker:'));
    assert.ok(client.text(uri).includes('    image: postgres:16\n    healthcheck:\n      test:\n        - CMD\n        - pg_isready\n'));
    assert.deepEqual(summary(p), ['no-privileged 10:16-10:20']);
    p = await client.apply(titled(await client.codeActions(uri, byCode(p, 'no-privileged')), 'Ignore no-privileged for this service (x-herd-ignore)').edit!, uri);
    assert.ok(client.text(uri).includes('    privileged: true\n    depends_on:\n      db:\n        condition: service_healthy\n    x-herd-ignore: no-privileged\n'));
    assert.deepEqual(summary(p), []);
    await client.close(uri);
  });

  it('a YAML document named like a Compose file is linted as one', async () => {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    const p = await client.open(uri, 'yaml', 'services:\n  a:\n    image: a:1\n    privileged: true\n');
    assert.deepEqual(summary(p), ['no-privileged 3:16-3:20']);
    await client.close(uri);
  });
});
