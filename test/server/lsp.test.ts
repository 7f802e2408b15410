// The language server end to end over an in-memory connection: diagnostics, code actions, hover,
// settings, .herd.yaml, fix-all, workspace lint and robustness.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { CodeAction, Diagnostic, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver';
import { applyEdits, DOCS_BASE, initShellParser, lint, ruleDocUrl, safeFixEdits } from '../../server/src/engine';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import { fileKind } from '../../server/src/engine/detect';
import { docsBaseFor } from '../../server/src/lsp/diagnostics';
import { allRules, ruleById } from '../../server/src/rules';
import { corpusFiles, type CorpusFile } from '../helpers/corpus';
import { editsFor, ManualTimers, TestClient } from './lsp-client';

// the server under test runs these registered rules only, so that rules added later cannot change the expectations
const WATCHED = ['no-background-process', 'no-keepalive-command', 'liveness-probe', 'readiness-probe'];

function watchedRules(): Rule[] {
  return WATCHED.map((id) => {
    const rule = ruleById(id);
    assert.ok(rule, `rule ${id} is registered`);
    return rule;
  });
}

/** `code line:col-line:col` (0-based, as LSP sends them) of every diagnostic. */
function summary(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map(show);
}

function show(d: Diagnostic): string {
  const r = d.range;
  return `${d.code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function byCode(p: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return p.diagnostics.filter((d) => d.code === code);
}

function actionTitled(actions: CodeAction[], prefix: string): CodeAction {
  const found = actions.find((a) => a.title.startsWith(prefix));
  assert.ok(found, `an action titled "${prefix}…" among: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
  return found;
}

const uriOf = (path: string) => pathToFileURL(path).href;

const DOCKERFILE = 'FROM alpine:3.20\nCMD nohup ./app & tail -f /dev/null\n';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.4.2
          ports: [{name: http, containerPort: 8080}]
`;

describe('herd language server', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herd-lsp-'));
    client = await TestClient.start({ folders: [uriOf(dir)], rules: watchedRules() });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('initialize advertises incremental sync, the code action kinds, hover and the fix-all command', () => {
    const caps = client.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.herd'], resolveProvider: false });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.executeCommandProvider, { commands: ['herd.fixAll'] });
  });

  it('a Dockerfile start command: exact ranges, codes, links, source and severity', async () => {
    const uri = uriOf(join(dir, 'start', 'Dockerfile'));
    const p = await client.open(uri, 'dockerfile', DOCKERFILE);
    assert.equal(p.version, 1);
    assert.deepEqual(summary(p), ['no-background-process 1:4-1:17', 'no-keepalive-command 1:18-1:35']);
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'herd');
      assert.equal(d.severity, 2);
      assert.deepEqual(d.codeDescription, { href: `${DOCS_BASE}${d.code}.md` });
      assert.equal((d.data as { uri: string }).uri, uri);
      assert.equal((d.data as { version: number }).version, 1);
    }
    await client.close(uri);
  });

  it('hover on a finding shows its rule, severity and page', async () => {
    const uri = uriOf(join(dir, 'hover', 'Dockerfile'));
    await client.open(uri, 'dockerfile', DOCKERFILE);
    const hover = await client.hover(uri, { line: 1, character: 16 });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.ok(value.startsWith('**Herd** `no-background-process` · warning'), value);
    assert.ok(value.includes(ruleById('no-background-process')!.meta.description), value);
    assert.ok(value.includes(`(${DOCS_BASE}no-background-process.md)`), value);
    // `nohup ./app &` is one finding from `nohup` to `&`
    assert.deepEqual(hover.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 17 } });
    assert.equal(await client.hover(uri, { line: 0, character: 2 }), null);
    // the first character of the range counts, the end does not
    assert.ok(await client.hover(uri, { line: 1, character: 4 }));
    assert.equal(await client.hover(uri, { line: 1, character: 17 }), null);
    await client.close(uri);
  });

  it('a Deployment without probes: both findings on the container name; the liveness fix clears its diagnostic', async () => {
    const uri = uriOf(join(dir, 'probe', 'web.yaml'));
    const p = await client.open(uri, 'yaml', DEPLOYMENT);
    assert.deepEqual(summary(p), ['liveness-probe 12:16-12:19', 'readiness-probe 12:16-12:19']);
    const actions = await client.codeActions(uri, byCode(p, 'liveness-probe'));
    const fix = actionTitled(actions, 'Add livenessProbe');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, undefined, 'a suggestion is not preferred');
    assert.deepEqual(fix.diagnostics?.map(show), ['liveness-probe 12:16-12:19']);
    // the edit is versioned: the client declared documentChanges
    assert.equal((fix.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, 1);
    const after = await client.apply(fix.edit!, uri);
    assert.deepEqual(summary(after), ['readiness-probe 12:16-12:19']);
    assert.equal(
      client.text(uri),
      DEPLOYMENT + '          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n',
    );
    await client.close(uri);
  });

  it('ignore for this line (Dockerfile): one action for two findings, a pragma above the instruction', async () => {
    const uri = uriOf(join(dir, 'ignore', 'Dockerfile'));
    const text = 'FROM alpine:3.20\n  CMD ./worker & \\\n  ./app & tail -f /dev/null\n';
    const p = await client.open(uri, 'dockerfile', text);
    assert.deepEqual(summary(p), ['no-background-process 1:15-1:16', 'no-background-process 2:8-2:9', 'no-keepalive-command 2:10-2:27']);
    const actions = await client.codeActions(uri, byCode(p, 'no-background-process'));
    const ignores = actions.filter((a) => a.title === 'Ignore no-background-process for this line');
    assert.equal(ignores.length, 1);
    assert.equal(ignores[0].diagnostics?.length, 2);
    const after = await client.apply(ignores[0].edit!, uri);
    assert.equal(client.text(uri), 'FROM alpine:3.20\n  # herd-ignore no-background-process\n  CMD ./worker & \\\n  ./app & tail -f /dev/null\n');
    assert.deepEqual(summary(after), ['no-keepalive-command 3:10-3:27']);
    // a second ignore extends the pragma rather than stacking another line
    const again = await client.codeActions(uri, byCode(after, 'no-keepalive-command'));
    await client.apply(actionTitled(again, 'Ignore no-keepalive-command for this line').edit!, uri);
    assert.equal(client.text(uri), 'FROM alpine:3.20\n  # herd-ignore no-background-process,no-keepalive-command\n  CMD ./worker & \\\n  ./app & tail -f /dev/null\n');
    assert.ok(!actions.some((a) => a.title.includes('for this object')), 'no annotation action in a Dockerfile');
    await client.close(uri);
  });

  it('ignore for this line (manifest): a pragma above the container line with its indentation', async () => {
    const uri = uriOf(join(dir, 'ignore-line', 'web.yaml'));
    const p = await client.open(uri, 'yaml', DEPLOYMENT);
    const actions = await client.codeActions(uri, byCode(p, 'liveness-probe'));
    const after = await client.apply(actionTitled(actions, 'Ignore liveness-probe for this line').edit!, uri);
    assert.equal(client.text(uri), DEPLOYMENT.replace('        - name: web\n', '        # herd-ignore liveness-probe\n        - name: web\n'));
    assert.deepEqual(summary(after), ['readiness-probe 13:16-13:19']);
    await client.close(uri);
  });

  it('ignore for this line (manifest): a finding inside a block scalar is ignored from the scalar\'s first line', async () => {
    const uri = uriOf(join(dir, 'ignore-block', 'pod.yaml'));
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      command: [sh, -c]\n      args:\n        - |\n          nohup ./app &\n          exec ./other\n      livenessProbe: {exec: {command: [true]}}\n';
    const p = await client.open(uri, 'yaml', pod);
    assert.deepEqual(summary(p), ['no-background-process 11:10-11:23']);
    const actions = await client.codeActions(uri, p.diagnostics);
    const after = await client.apply(actionTitled(actions, 'Ignore no-background-process for this line').edit!, uri);
    assert.equal(client.text(uri), pod.replace('        - |\n', '        # herd-ignore no-background-process\n        - |\n'));
    assert.deepEqual(summary(after), []);
    await client.close(uri);
  });

  it('ignore for this object: extends a flow annotations map', async () => {
    const uri = uriOf(join(dir, 'ignore-flow', 'web.yaml'));
    const flow = DEPLOYMENT.replace('  name: web\n', '  name: web\n  annotations: {team: a, herd/ignore: readiness-probe}\n');
    const p = await client.open(uri, 'yaml', flow);
    assert.deepEqual(summary(p), ['liveness-probe 13:16-13:19']);
    const actions = await client.codeActions(uri, p.diagnostics);
    const after = await client.apply(actionTitled(actions, 'Ignore liveness-probe for this object (annotation)').edit!, uri);
    assert.equal(client.text(uri), flow.replace('herd/ignore: readiness-probe}', 'herd/ignore: "readiness-probe,liveness-probe"}'));
    assert.deepEqual(summary(after), []);
    await client.close(uri);
  });

  it('ignore for this object: adds metadata.annotations herd/ignore, then extends it', async () => {
    const uri = uriOf(join(dir, 'ignore-object', 'web.yaml'));
    const p = await client.open(uri, 'yaml', DEPLOYMENT);
    const actions = await client.codeActions(uri, byCode(p, 'liveness-probe'));
    const first = await client.apply(actionTitled(actions, 'Ignore liveness-probe for this object (annotation)').edit!, uri);
    const annotated = DEPLOYMENT.replace('  name: web\n', '  name: web\n  annotations:\n    herd/ignore: liveness-probe\n');
    assert.equal(client.text(uri), annotated);
    assert.deepEqual(summary(first), ['readiness-probe 14:16-14:19']);
    const more = await client.codeActions(uri, byCode(first, 'readiness-probe'));
    const second = await client.apply(actionTitled(more, 'Ignore readiness-probe for this object (annotation)').edit!, uri);
    assert.equal(client.text(uri), annotated.replace('herd/ignore: liveness-probe', 'herd/ignore: liveness-probe,readiness-probe'));
    assert.deepEqual(summary(second), []);
    await client.close(uri);
  });

  it('code actions for a diagnostic of an older version still find the finding by rule and range', async () => {
    const uri = uriOf(join(dir, 'stale', 'web.yaml'));
    const p = await client.open(uri, 'yaml', DEPLOYMENT);
    // an edit below the finding: same range, new version
    await client.change(uri, DEPLOYMENT + '          # edited\n');
    const actions = await client.codeActions(uri, byCode(p, 'liveness-probe'));
    const fix = actionTitled(actions, 'Add livenessProbe');
    assert.equal((fix.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, 2);
    await client.close(uri);
  });

  it('didClose publishes empty diagnostics', async () => {
    const uri = uriOf(join(dir, 'close', 'Dockerfile'));
    const opened = await client.open(uri, 'dockerfile', DOCKERFILE);
    assert.ok(opened.diagnostics.length > 0);
    const closed = await client.close(uri);
    assert.deepEqual(closed.diagnostics, []);
  });

  it('YAML that is not Kubernetes is not linted; diagnostics are cleared when a manifest stops being one', async () => {
    const uri = uriOf(join(dir, 'plain', 'values.yaml'));
    const p = await client.open(uri, 'yaml', DEPLOYMENT);
    assert.ok(p.diagnostics.length > 0);
    const cleared = await client.change(uri, 'replicas: 3\nimage: web\n');
    assert.deepEqual(cleared.diagnostics, []);
    await client.close(uri);
  });

  it('a document above maxFileSize gets one information diagnostic', async () => {
    const uri = uriOf(join(dir, 'big', 'Dockerfile'));
    const big = 'FROM alpine:3.20\n' + 'RUN echo 0123456789abcdef0123456789abcdef\n'.repeat(150_000);
    assert.ok(big.length > 6_000_000);
    const p = await client.open(uri, 'dockerfile', big);
    assert.equal(p.diagnostics.length, 1);
    const [d] = p.diagnostics;
    assert.equal(d.severity, 3);
    assert.equal(d.code, 'file-too-large');
    assert.match(d.message, /above the 5\.0 MB limit/);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    await client.close(uri);
  });

  it('binary junk does not crash the server', async () => {
    let seed = 7;
    const junk = Array.from({ length: 20_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 65536)).join('');
    const docker = uriOf(join(dir, 'junk', 'Dockerfile'));
    const yaml = uriOf(join(dir, 'junk', 'junk.yaml'));
    await client.open(docker, 'dockerfile', junk);
    await client.open(yaml, 'yaml', `apiVersion: v1\nkind: Pod\n${junk}`);
    await client.change(docker, `FROM alpine:3.20\n${junk}\nCMD ["sleep", "infinity"`);
    await client.codeActions(docker, [], ['source.fixAll']);
    await client.hover(yaml, { line: 2, character: 3 });
    assert.deepEqual(client.logs.filter((l) => l.message.includes('handler failed')), []);
    // still serving
    const p = await client.change(docker, DOCKERFILE);
    assert.equal(summary(p).length, 2);
    await client.close(docker);
    await client.close(yaml);
  });

  it('herd.rules settings change severities; herd.enable false publishes nothing', async () => {
    const uri = uriOf(join(dir, 'settings', 'Dockerfile'));
    await client.open(uri, 'dockerfile', DOCKERFILE);
    let next = client.nextDiagnostics(uri);
    await client.changeSettings({ rules: { 'no-keepalive-command': 'error', 'no-background-process': 'off' } });
    const changed = await next;
    assert.deepEqual(summary(changed), ['no-keepalive-command 1:18-1:35']);
    assert.equal(byCode(changed, 'no-keepalive-command')[0].severity, 1);
    next = client.nextDiagnostics(uri);
    await client.changeSettings({ enable: false });
    assert.deepEqual((await next).diagnostics, []);
    // while disabled, opening another document publishes nothing: the next publish is for the re-enable
    const other = uriOf(join(dir, 'settings', 'web.yaml'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: DEPLOYMENT } });
    assert.deepEqual(await client.codeActions(other, []), []);
    assert.equal(client.published.filter((x) => x.uri === other).length, 0);
    next = client.nextDiagnostics(uri);
    const otherNext = client.nextDiagnostics(other);
    await client.changeSettings({});
    assert.equal(summary(await next).length, 2);
    assert.equal(summary(await otherNext).length, 2);
    await client.close(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: other } });
  });
});

describe('debounce', () => {
  it('lints once after a burst of edits, the latest version only', async () => {
    const timers = new ManualTimers();
    const client = await TestClient.start({ initializationOptions: {}, settings: { debounce: 60 }, timers });
    try {
      const uri = 'file:///debounce/Dockerfile';
      await client.open(uri, 'dockerfile', 'FROM alpine:3.20\nCMD ["./app"]\n');
      const start = client.published.length;
      for (const piece of [' &', ' tail', ' -f']) {
        const end = { line: 1, character: client.text(uri).split('\n')[1].length };
        await client.edit(uri, { start: end, end }, piece);
      }
      await client.handled();
      // each edit restarted the debounce: one timer of the configured delay waits, nothing was linted yet
      assert.deepEqual(timers.waiting(), [60]);
      assert.equal(client.published.length, start);
      const final = client.nextDiagnostics(uri);
      timers.fire();
      assert.equal((await final).version, 4);
      assert.deepEqual(
        client.published.slice(start).map((p) => p.version),
        [4],
      );
      assert.equal(client.text(uri), 'FROM alpine:3.20\nCMD ["./app"] & tail -f\n');
    } finally {
      await client.stop();
    }
  });
});

describe('fix-all', () => {
  // a rule made for this test: trailing blanks, removed by a safe fix
  const trailingBlanks: Rule = defineRule({
    meta: { id: 'test-trailing-blanks', languages: ['dockerfile'], defaultSeverity: 'info', description: 'No trailing blanks.', category: 'hygiene', fixes: ['safe'] },
    check(context) {
      const text = context.file.source.text;
      for (const m of text.matchAll(/[ \t]+$/gm)) {
        const start = m.index!;
        const end = start + m[0].length;
        context.report({ start, end, message: 'Trailing blanks', fixes: [{ title: 'Remove trailing blanks', kind: 'safe', edits: () => [{ start, end, newText: '' }] }] });
      }
    },
  });
  const text = 'FROM alpine:3.20  \nRUN echo hi\t\nCMD ["./app"] \n';
  const fixed = 'FROM alpine:3.20\nRUN echo hi\nCMD ["./app"]\n';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ rules: [trailingBlanks] });
  });
  after(() => client.stop());

  it('source.fixAll.herd applies every safe fix, only when asked for', async () => {
    const uri = 'file:///fixall/Dockerfile';
    const p = await client.open(uri, 'dockerfile', text);
    assert.equal(p.diagnostics.length, 3);
    assert.deepEqual(await client.codeActions(uri, []), []);
    for (const only of [['source.fixAll'], ['source.fixAll.herd'], ['source']]) {
      const actions = await client.codeActions(uri, [], only);
      assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe Herd problems', 'source.fixAll.herd']], String(only));
    }
    const [action] = await client.codeActions(uri, [], ['source.fixAll']);
    const after = await client.apply(action.edit!, uri);
    assert.equal(client.text(uri), fixed);
    assert.deepEqual(after.diagnostics, []);
    await client.close(uri);
  });

  it('a safe fix is a preferred quick fix; only=quickfix leaves out the source action', async () => {
    const uri = 'file:///fixall/preferred/Dockerfile';
    const p = await client.open(uri, 'dockerfile', text);
    const actions = await client.codeActions(uri, [p.diagnostics[1]], ['quickfix']);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Remove trailing blanks', 'quickfix', true],
        ['Ignore test-trailing-blanks for this line', 'quickfix', false],
      ],
    );
    await client.close(uri);
  });

  it('the herd.fixAll command applies the safe fixes through workspace/applyEdit', async () => {
    const uri = 'file:///fixall/command/Dockerfile';
    await client.open(uri, 'dockerfile', text);
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'herd.fixAll', arguments: [uri] });
    assert.deepEqual(result, { applied: 3 });
    assert.equal(client.appliedEdits.length, 1);
    await client.apply(client.appliedEdits[0].edit, uri);
    assert.equal(client.text(uri), fixed);
    assert.deepEqual(await client.connection.sendRequest('workspace/executeCommand', { command: 'herd.fixAll', arguments: [{ uri }] }), { applied: 0 });
    assert.equal(client.appliedEdits.length, 1);
    await client.close(uri);
  });

  it('the registry safe fixes, on corpus files that trigger them, match the engine fix-all', async () => {
    await initShellParser();
    const rules = allRules;
    const safeRules = rules.filter((r) => r.meta.fixes.includes('safe'));
    // the first corpus file on which each safe rule offers a fix, searched with those rules only
    const languages = new Set(safeRules.flatMap((r) => r.meta.languages));
    const samples = new Map<string, CorpusFile>();
    for (const file of safeRules.length ? corpusFiles() : []) {
      if (samples.size === safeRules.length) break;
      if (!languages.has(fileKind(file.path) === 'dockerfile' ? 'dockerfile' : 'kubernetes')) continue;
      for (const f of lint({ uri: uriOf(file.path), text: file.text }, { rules: safeRules }).findings) {
        if (!samples.has(f.ruleId) && f.fixes.some((k) => k.kind === 'safe')) samples.set(f.ruleId, file);
      }
    }
    const registry = await TestClient.start({ rules });
    try {
      let checked = 0;
      for (const sample of new Set(samples.values())) {
        const uri = uriOf(sample.path);
        await registry.open(uri, sample.path.endsWith('ml') ? 'yaml' : 'dockerfile', sample.text);
        const [action] = await registry.codeActions(uri, [], ['source.fixAll']);
        assert.ok(action, `a fix-all action for ${sample.name}`);
        const expected = applyEdits(sample.text, safeFixEdits(lint({ uri, text: sample.text }, { rules }).findings).edits);
        assert.notEqual(expected, sample.text);
        await registry.apply(action.edit!, uri);
        assert.equal(registry.text(uri), expected, sample.name);
        await registry.close(uri);
        checked++;
      }
      // with safe rules registered, the corpus triggers at least one of them
      assert.equal(checked > 0, safeRules.length > 0, `${samples.size} of ${safeRules.length} safe rules exercised`);
    } finally {
      await registry.stop();
    }
  });
});

describe('rule errors', () => {
  it('a failing rule is one information diagnostic, logged once per document, and the others still report', async () => {
    const broken: Rule = defineRule({
      meta: { id: 'test-broken', languages: ['dockerfile'], defaultSeverity: 'warning', description: 'Always fails.', category: 'hygiene', fixes: [] },
      check() {
        throw new Error('boom');
      },
    });
    const client = await TestClient.start({ rules: [broken, ruleById('no-keepalive-command')!] });
    try {
      const uri = 'file:///broken/Dockerfile';
      const p = await client.open(uri, 'dockerfile', DOCKERFILE);
      assert.deepEqual(p.diagnostics.map(show), ['no-keepalive-command 1:18-1:35', 'rule-error 0:0-0:0']);
      assert.equal(p.diagnostics[1].severity, 3);
      assert.match(p.diagnostics[1].message, /test-broken failed on this file: boom/);
      await client.change(uri, DOCKERFILE + '# again\n');
      const logged = client.logs.filter((l) => l.message.includes('Rule test-broken failed'));
      assert.equal(logged.length, 1);
      assert.equal(logged[0].type, 1);
    } finally {
      await client.stop();
    }
  });
});

describe('.herd.yaml and the workspace', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herd-ws-'));
    writeFileSync(join(dir, '.herd.yaml'), 'rules:\n  liveness-probe: off\nignore:\n  - vendor/\n');
    client = await TestClient.start({ folders: [uriOf(dir)], rules: watchedRules() });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a rule turned off in .herd.yaml is silent; a change on disk re-lints open documents', async () => {
    const uri = uriOf(join(dir, 'web.yaml'));
    const p = await client.open(uri, 'yaml', DEPLOYMENT);
    assert.deepEqual(summary(p), ['readiness-probe 12:16-12:19']);
    writeFileSync(join(dir, '.herd.yaml'), 'rules:\n  readiness-probe: error\nignore:\n  - vendor/\n');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, '.herd.yaml')), type: 2 }] });
    const relinted = await next;
    assert.deepEqual(summary(relinted), ['liveness-probe 12:16-12:19', 'readiness-probe 12:16-12:19']);
    assert.equal(byCode(relinted, 'readiness-probe')[0].severity, 1);
    // editor settings win over the file
    const again = client.nextDiagnostics(uri);
    await client.changeSettings({ rules: { 'readiness-probe': 'info' } });
    assert.equal(byCode(await again, 'readiness-probe')[0].severity, 3);
    await client.changeSettings({});
    await client.close(uri);
  });

  it('files matching an ignore glob get no diagnostics', async () => {
    const ignored = uriOf(join(dir, 'vendor', 'lib', 'Dockerfile'));
    const linted = uriOf(join(dir, 'app', 'Dockerfile'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ignored, languageId: 'dockerfile', version: 1, text: DOCKERFILE } });
    const p = await client.open(linted, 'dockerfile', DOCKERFILE);
    assert.equal(summary(p).length, 2);
    // documents are linted in order: the ignored one was handled before
    assert.deepEqual(client.published.filter((x) => x.uri === ignored), []);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ignored } });
    await client.close(linted);
  });

  it('a nested .herd.yml applies to its folder, whole (the nearest config wins, as in the CLI), and reloads on change', async () => {
    mkdirSync(join(dir, 'app2'), { recursive: true });
    writeFileSync(join(dir, 'app2', '.herd.yml'), 'rules:\n  readiness-probe: off\n');
    const uri = uriOf(join(dir, 'app2', 'web.yaml'));
    const p = await client.open(uri, 'yaml', DEPLOYMENT);
    assert.deepEqual(summary(p), ['liveness-probe 12:16-12:19']);
    writeFileSync(join(dir, 'app2', '.herd.yml'), 'rules:\n  liveness-probe: off\n');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, 'app2', '.herd.yml')), type: 2 }] });
    assert.deepEqual(summary(await next), ['readiness-probe 12:16-12:19']);
    await client.close(uri);
  });

  it('a JSON manifest (languageId json) gets its diagnostics on the JSON text', async () => {
    const uri = uriOf(join(dir, 'web.json'));
    const text = `${JSON.stringify(parseYaml(DEPLOYMENT), null, 2)}\n`;
    const p = await client.open(uri, 'json', text);
    const readiness = byCode(p, 'readiness-probe');
    assert.equal(readiness.length, 1);
    const { start, end } = readiness[0].range;
    assert.equal(text.split('\n')[start.line].slice(start.character, end.character), '"web"');
    await client.close(uri);
  });

  it('an open .herd.yaml shows its problems as config-error diagnostics', async () => {
    const uri = uriOf(join(dir, '.herd.yaml'));
    const p = await client.open(uri, 'yaml', 'rules:\n  no-such-rule: off\n  liveness-probe: loud\n');
    assert.deepEqual(p.diagnostics.map(show), ['config-error 1:2-1:14', 'config-error 2:18-2:22']);
    assert.ok(p.diagnostics.every((d) => d.severity === 1 && d.source === 'herd'));
    assert.match(p.diagnostics[0].message, /Unknown rule id `no-such-rule`/);
    const fixed = await client.change(uri, 'rules:\n  liveness-probe: info\n');
    assert.deepEqual(fixed.diagnostics, []);
    const broken = await client.change(uri, 'rules: [\n');
    assert.equal(broken.diagnostics.length > 0, true);
    assert.match(broken.diagnostics[0].message, /not valid YAML/);
    await client.close(uri);
  });
});

describe('herd/lintWorkspace', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herd-ws-lint-'));
    writeFileSync(join(dir, '.herd.yaml'), 'rules:\n  readiness-probe: error\nignore:\n  - vendor/\n');
    client = await TestClient.start({ folders: [uriOf(dir)], rules: watchedRules() });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lints the files on disk, skipping node_modules, .git and ignored folders', async () => {
    const write = (rel: string, text: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    write('svc/Dockerfile', DOCKERFILE);
    write('deploy/web.yml', DEPLOYMENT);
    write('deploy/values.yaml', 'replicas: 2\n');
    write('node_modules/pkg/Dockerfile', DOCKERFILE);
    write('.git/Dockerfile', DOCKERFILE);
    write('vendor/Dockerfile', DOCKERFILE);
    const svc = client.nextDiagnostics(uriOf(join(dir, 'svc', 'Dockerfile')));
    const web = client.nextDiagnostics(uriOf(join(dir, 'deploy', 'web.yml')));
    const result = await client.connection.sendRequest('herd/lintWorkspace', {});
    assert.deepEqual(summary(await svc), ['no-background-process 1:4-1:17', 'no-keepalive-command 1:18-1:35']);
    const manifest = await web;
    assert.deepEqual(summary(manifest), ['liveness-probe 12:16-12:19', 'readiness-probe 12:16-12:19']);
    assert.deepEqual(manifest.diagnostics.map((d) => d.severity), [2, 1]);
    const published = new Set(client.published.map((p) => p.uri));
    for (const skipped of ['node_modules/pkg/Dockerfile', '.git/Dockerfile', 'vendor/Dockerfile', 'deploy/values.yaml']) {
      assert.ok(!published.has(uriOf(join(dir, skipped))), skipped);
    }
    // svc/Dockerfile, deploy/web.yml and deploy/values.yaml (read, not a manifest)
    assert.deepEqual(result, { files: 3, findings: 4, truncated: false });
  });
});

describe('rule pages', () => {
  it('link the pages shipped beside the bundle when present, else the online ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'herd-docs-'));
    try {
      mkdirSync(join(root, 'dist'));
      assert.equal(docsBaseFor(join(root, 'dist')), DOCS_BASE);
      mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
      const base = docsBaseFor(join(root, 'dist'));
      assert.equal(base, `${pathToFileURL(join(root, 'docs', 'rules')).href}/`);
      assert.equal(ruleDocUrl('liveness-probe', base), `${pathToFileURL(join(root, 'docs', 'rules', 'liveness-probe.md')).href}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
