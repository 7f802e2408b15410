// The language server lints open documents in a worker thread: a document whose lint does not end holds up
// neither requests on the other documents nor, past its deadline (herd.lintTimeout), their lints; a lint that a
// newer version supersedes is never published. A test rule (blocking-rule.ts) blocks the worker until the test
// releases it, and the deadline's clock is fired by hand: the tests wait on events, never on time.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic } from 'vscode-languageserver';
import { ruleById } from '../../server/src/rules';
import { CELLS, COUNTED, RELEASED, STARTED } from './blocking-rule';
import { ManualTimers, TestClient, tsxWorker } from './lsp-client';

const rules = ['no-background-process', 'no-keepalive-command', 'liveness-probe'].map((id) => ruleById(id)!);
const SLOW = 'file:///worker/slow/Dockerfile';
const OTHER = 'file:///worker/other/Dockerfile';
const MANIFEST = 'file:///worker/k8s/pod.yaml';
const BACKGROUND = 'FROM alpine:3.20\nCMD ./app & tail -f /dev/null\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n';

/** Node 20 has `Atomics.waitAsync`; the TypeScript library of the project's target does not declare it. */
const waitAsync = (Atomics as unknown as { waitAsync(cells: Int32Array, index: number, value: number): { value: Promise<string> | string } }).waitAsync;

async function serve(clock = new ManualTimers()) {
  const cells = new Int32Array(new SharedArrayBuffer(CELLS * 4));
  const client = await TestClient.start({ rules, lintClock: clock, lintWorker: { start: tsxWorker(join(__dirname, 'blocking-worker.ts')), data: { cells: cells.buffer } } });
  // until then, small documents are linted on the main thread (without the test's rule)
  await client.server.worker!.whenReady();
  /** Resolves once `n` blocking lints have started. */
  const started = async (n: number) => {
    for (let seen = Atomics.load(cells, STARTED); seen < n; seen = Atomics.load(cells, STARTED)) await waitAsync(cells, STARTED, seen).value;
  };
  const release = () => {
    Atomics.store(cells, RELEASED, 1);
    Atomics.notify(cells, RELEASED);
  };
  const stop = async () => {
    release();
    await client.stop();
  };
  return { client, cells, clock, started, release, stop };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`);

describe('linting in a worker thread', () => {
  it('answers hover, completion and code actions on other documents while a lint is blocked', async () => {
    const { client, cells, started, release, stop } = await serve();
    try {
      const other = await client.open(OTHER, 'dockerfile', BACKGROUND);
      assert.deepEqual(codes(other.diagnostics), ['no-background-process 2:11', 'no-keepalive-command 2:13']);
      // the cursor on a new key line of the container
      await client.open(MANIFEST, 'yaml', `${POD}      `);

      const slow = client.nextDiagnostics(SLOW);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SLOW, languageId: 'dockerfile', version: 1, text: `# block\n${BACKGROUND}` } });
      await started(1);

      const hover = await client.hover(OTHER, { line: 1, character: 12 });
      assert.match(JSON.stringify(hover?.contents), /no-keepalive-command/);
      const actions = await client.codeActions(OTHER, other.diagnostics.filter((d) => d.code === 'no-keepalive-command'));
      assert.ok(actions.some((a: CodeAction) => a.title === 'Ignore no-keepalive-command for this line'), JSON.stringify(actions.map((a) => a.title)));
      const completion = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: MANIFEST }, position: { line: 7, character: 6 } });
      assert.ok(completion.some((c) => c.label === 'livenessProbe'), JSON.stringify(completion.map((c) => c.label)));

      // all three were answered while the slow lint was still running
      assert.equal(Atomics.load(cells, RELEASED), 0);
      assert.equal(client.published.filter((p) => p.uri === SLOW).length, 0);
      release();
      assert.deepEqual(codes((await slow).diagnostics), ['no-background-process 3:11', 'no-keepalive-command 3:13']);
    } finally {
      await stop();
    }
  });

  it('gives a document past its deadline one diagnostic, replaces the worker and lints the others', async () => {
    const { client, clock, started, stop } = await serve();
    try {
      await client.open(OTHER, 'dockerfile', BACKGROUND);
      const slow = client.nextDiagnostics(SLOW);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SLOW, languageId: 'dockerfile', version: 1, text: `# block\n${BACKGROUND}` } });
      await started(1);
      assert.deepEqual(clock.waiting(), [2000], 'the running lint has the default deadline');
      clock.fire();
      const published = await slow;
      assert.equal(published.version, 1);
      assert.deepEqual(published.diagnostics, [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 2,
          code: 'lint-timeout',
          source: 'herd',
          message: 'Herd did not lint this file: linting it took longer than 2000 ms (herd.lintTimeout)',
        },
      ]);
      assert.equal(client.server.worker?.started, 2, 'the stuck worker was replaced');

      // other documents are linted by the new worker, edits included
      const other = await client.change(OTHER, BACKGROUND.replace('./app', './api'));
      assert.deepEqual(codes(other.diagnostics), ['no-background-process 2:11', 'no-keepalive-command 2:13']);
      const fresh = await client.open(MANIFEST, 'yaml', POD);
      assert.deepEqual(codes(fresh.diagnostics), ['liveness-probe 6:13']);
      // the slow document keeps its one diagnostic until it changes
      assert.equal(client.published.filter((p) => p.uri === SLOW).length, 1);
      const changed = client.nextDiagnostics(SLOW, (p) => p.version === 2);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: SLOW, version: 2 }, contentChanges: [{ text: BACKGROUND }] });
      assert.deepEqual(codes((await changed).diagnostics), ['no-background-process 2:11', 'no-keepalive-command 2:13']);
    } finally {
      await stop();
    }
  });

  it('a setting sets the deadline', async () => {
    const { client, clock, started, stop } = await serve();
    try {
      await client.changeSettings({ lintTimeout: 500 });
      await client.handled();
      const slow = client.nextDiagnostics(SLOW);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SLOW, languageId: 'dockerfile', version: 1, text: `# block\n${BACKGROUND}` } });
      await started(1);
      assert.deepEqual(clock.waiting(), [500]);
      clock.fire();
      assert.deepEqual((await slow).diagnostics.map((d) => d.message), ['Herd did not lint this file: linting it took longer than 500 ms (herd.lintTimeout)']);
    } finally {
      await stop();
    }
  });

  it('never publishes a stale version, and drops the lints a newer version superseded while they waited', async () => {
    const { client, cells, started, release, stop } = await serve();
    try {
      const slow = client.nextDiagnostics(SLOW);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SLOW, languageId: 'dockerfile', version: 1, text: `# block\n${BACKGROUND}` } });
      await started(1);
      // a newer version while version 1 is being linted
      const second = client.nextDiagnostics(SLOW, (p) => p.version === 2);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: SLOW, version: 2 }, contentChanges: [{ text: `# count 9\n${BACKGROUND}` }] });
      // three versions of another document wait behind it: only the last is linted
      const other = client.nextDiagnostics(OTHER, (p) => p.version === 3);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: OTHER, languageId: 'dockerfile', version: 1, text: `# count 1\n${BACKGROUND}` } });
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: OTHER, version: 2 }, contentChanges: [{ text: `# count 2\n${BACKGROUND}` }] });
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: OTHER, version: 3 }, contentChanges: [{ text: `# count 3\n${BACKGROUND}` }] });
      await client.handled();
      release();
      assert.deepEqual(codes((await second).diagnostics), ['no-background-process 3:11', 'no-keepalive-command 3:13']);
      assert.deepEqual(codes((await other).diagnostics), ['no-background-process 3:11', 'no-keepalive-command 3:13']);
      assert.deepEqual(
        client.published.filter((p) => p.uri === SLOW || p.uri === OTHER).map((p) => `${p.uri === SLOW ? 'slow' : 'other'} v${p.version}`),
        ['slow v2', 'other v3'],
        'version 1 of the slow document and versions 1 and 2 of the other were never published',
      );
      assert.deepEqual([1, 2].map((n) => Atomics.load(cells, COUNTED + n)), [0, 0], 'the superseded versions were never linted');
      assert.ok(Atomics.load(cells, COUNTED + 3) >= 1);
    } finally {
      await stop();
    }
  });

  it('terminates the worker on shutdown', async () => {
    const { client, stop } = await serve();
    await client.open(OTHER, 'dockerfile', BACKGROUND);
    assert.equal(client.server.worker?.alive, true);
    await stop();
    assert.equal(client.server.worker?.alive, false);
  });
});
