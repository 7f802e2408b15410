// The language server on a Compose file (language id `dockercompose`): diagnostics, each Compose quick fix
// applied through code actions, and "Ignore for this service" writing x-herd-ignore.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Location, PublishDiagnosticsParams } from 'vscode-languageserver';
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

  it('a change to the .env beside an open Compose file, on disk or in an editor, lints the Compose file again', async () => {
    const folder = join(dir, 'env-stack');
    mkdirSync(folder, { recursive: true });
    const uri = pathToFileURL(join(folder, 'compose.yaml')).href;
    const envUri = pathToFileURL(join(folder, '.env')).href;
    // `${START}` unknown: one word, nothing to report
    let p = await client.open(uri, 'dockercompose', 'services:\n  app:\n    image: acme/app:1\n    command: ${START}\n');
    assert.deepEqual(summary(p), []);
    // created on disk: the watcher's event makes the Compose file read it
    writeFileSync(join(folder, '.env'), 'START=npm run migrate && npm start\n');
    let next = client.nextDiagnostics(uri, (d) => d.diagnostics.length > 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: envUri, type: 1 }] });
    p = await next;
    assert.deepEqual(summary(p), ['compose-shell-operators 3:20-3:21']);
    assert.match(p.diagnostics[0].message, /^`&&` is shell syntax/);
    // opened and edited in an editor: its unsaved text counts
    next = client.nextDiagnostics(uri, (d) => d.diagnostics.length === 0);
    // (a `.env` gets no diagnostics of its own: the notifications are sent without waiting for any)
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: envUri, languageId: 'dotenv', version: 1, text: 'START=npm start\n' } });
    assert.deepEqual(summary(await next), []);
    next = client.nextDiagnostics(uri, (d) => d.diagnostics.length > 0);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: envUri, version: 2 }, contentChanges: [{ text: 'START=npm ci; npm start\n' }] });
    p = await next;
    assert.deepEqual(summary(p), ['compose-shell-operators 3:17-3:20']);
    assert.match(p.diagnostics[0].message, /^`ci;` is shell syntax/);
    // closed unsaved: the file on disk is what Compose reads again
    next = client.nextDiagnostics(uri, (d) => d.diagnostics.length > 0 && d.diagnostics[0].message.startsWith('`&&`'));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: envUri } });
    assert.deepEqual(summary(await next), ['compose-shell-operators 3:20-3:21']);
    // deleted: unknown again
    rmSync(join(folder, '.env'));
    next = client.nextDiagnostics(uri, (d) => d.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: envUri, type: 3 }] });
    assert.deepEqual(summary(await next), []);
    await client.close(uri);
  });

  it('a YAML document named like a Compose file is linted as one', async () => {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    const p = await client.open(uri, 'yaml', 'services:\n  a:\n    image: a:1\n    privileged: true\n');
    assert.deepEqual(summary(p), ['no-privileged 3:16-3:20']);
    await client.close(uri);
  });
});

describe('herd language server on a Compose workspace', () => {
  let client: TestClient;
  let dir: string;
  const DOCKERFILE = 'FROM python:3.12-slim AS base\nENTRYPOINT ["supervisord", "-c", "/etc/s.conf"]\nFROM base AS dev\nCMD ["-n"]\n';
  const STACK = 'services:\n  api:\n    build:\n      context: ./api\n      target: dev\n    command: ["-n"]\n    depends_on:\n      - cache\n  cache:\n    image: redis:7\n';
  const uri = (path: string) => pathToFileURL(join(dir, path)).href;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herd-compose-ws-'));
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, 'api', 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(dir, 'compose.yaml'), STACK);
    client = await TestClient.start({ folders: [pathToFileURL(dir).href], rules: ['one-process-per-container'].map((id) => ruleById(id)!) });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the build's target stage decides what the command runs; definitions go to that stage and to a depends_on service", async () => {
    const linked = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'one-process-per-container');
    const first = await client.open(uri('compose.yaml'), 'dockercompose', STACK);
    const p = linked(first) ? first : await client.nextDiagnostics(uri('compose.yaml'), linked);
    // the Dockerfile's ENTRYPOINT word stands at the `command:` key
    assert.deepEqual(summary(p), ['one-process-per-container 5:4-5:11']);
    const toStage = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: uri('compose.yaml') }, position: { line: 4, character: 15 } });
    assert.deepEqual(toStage, [{ uri: uri('api/Dockerfile'), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 16 } } }]);
    const toService = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: uri('compose.yaml') }, position: { line: 7, character: 9 } });
    assert.deepEqual(toService, [{ uri: uri('compose.yaml'), range: { start: { line: 8, character: 2 }, end: { line: 8, character: 7 } } }]);
  });
});
