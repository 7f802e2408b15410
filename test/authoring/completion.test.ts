// Completion of container skeletons through the language server: where it is offered, what it inserts
// (snippet and plain text), and that the inserted skeletons satisfy the probe, resource and security rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { allRules, initShellParser, lint } from '../../server/src/engine';
import { parseKubernetes } from '../../server/src/parse/kubernetes';
import { sourceText } from '../../server/src/parse/source';
import { TestClient } from '../server/lsp-client';
import { EditorSession } from './editor-session';

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
          ports:
            - name: metrics
              containerPort: 9090
            - name: http
              containerPort: 8080
          liv
`;

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const byLabel = (items: CompletionItem[], label: string) => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `${label} among ${labels(items).join(', ')}`);
  return item;
};

describe('container completion (snippet client)', () => {
  let editor: EditorSession;
  let n = 0;
  const open = async (text: string, name = 'manifest.yaml', languageId = 'yaml') => {
    const uri = `file:///completion/${++n}/${name}`;
    await editor.open(uri, languageId, text);
    return uri;
  };
  before(async () => {
    editor = await EditorSession.start({ snippetSupport: true });
  });
  after(() => editor.stop());

  it('offers the five skeletons at a key position, replacing the typed word', async () => {
    const uri = await open(DEPLOYMENT);
    const items = await editor.completion(uri, { line: 19, character: 13 });
    assert.deepEqual(labels(items), ['livenessProbe', 'readinessProbe', 'startupProbe', 'resources', 'securityContext']);
    for (const item of items) {
      assert.deepEqual(edit(item).range, { start: { line: 19, character: 10 }, end: { line: 19, character: 13 } });
      assert.equal(item.insertTextFormat, 2, 'snippet');
      assert.equal(item.insertTextMode, 1, 'as is: the text carries its indentation');
      assert.equal(item.kind, 15);
      assert.equal(item.filterText, item.label);
    }
    // the http-like named port first, the other as a choice
    assert.equal(
      edit(byLabel(items, 'livenessProbe')).newText,
      ['livenessProbe:', '            httpGet:', '              path: ${1:/healthz}', '              port: ${2|http,metrics|}', '            periodSeconds: ${3:10}', '            failureThreshold: ${4:6}'].join('\n'),
    );
    assert.equal(
      edit(byLabel(items, 'readinessProbe')).newText,
      ['readinessProbe:', '            httpGet:', '              path: ${1:/ready}', '              port: ${2|http,metrics|}', '            periodSeconds: ${3:5}', '            failureThreshold: ${4:3}'].join('\n'),
    );
    assert.equal(
      edit(byLabel(items, 'startupProbe')).newText,
      ['startupProbe:', '            httpGet:', '              path: ${1:/healthz}', '              port: ${2|http,metrics|}', '            periodSeconds: ${3:5}', '            failureThreshold: ${4:30}'].join('\n'),
    );
    assert.equal(
      edit(byLabel(items, 'resources')).newText,
      ['resources:', '            requests:', '              cpu: ${1:100m}', '              memory: ${2:128Mi}', '            limits:', '              memory: ${3:128Mi}'].join('\n'),
    );
    assert.equal(
      edit(byLabel(items, 'securityContext')).newText,
      [
        'securityContext:',
        '            runAsNonRoot: true',
        '            runAsUser: ${1:10001}',
        '            allowPrivilegeEscalation: false',
        '            readOnlyRootFilesystem: ${2|true,false|}',
        '            capabilities:',
        '              drop: [ALL]',
        '            seccompProfile:',
        '              type: RuntimeDefault',
      ].join('\n'),
    );
    assert.equal(byLabel(items, 'livenessProbe').detail, 'Herd: httpGet /healthz on port http');
    assert.deepEqual(byLabel(items, 'resources').documentation, {
      kind: 'markdown',
      value: '```yaml\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n  limits:\n    memory: 128Mi\n```',
    });
  });

  it('the whole word under the cursor is replaced', async () => {
    const uri = await open(DEPLOYMENT.replace('          liv\n', '          livenessPro\n'));
    const items = await editor.completion(uri, { line: 19, character: 14 });
    assert.deepEqual(edit(items[0]).range, { start: { line: 19, character: 10 }, end: { line: 19, character: 21 } });
  });

  it('offers only the keys the container lacks; no port means httpGet on 8080', async () => {
    const text = DEPLOYMENT.replace(/ {10}ports:[\s\S]*$/, '          \n          livenessProbe:\n            tcpSocket: {port: 8080}\n          resources: {}\n');
    const uri = await open(text);
    const items = await editor.completion(uri, { line: 14, character: 10 });
    assert.deepEqual(labels(items), ['readinessProbe', 'startupProbe', 'securityContext']);
    assert.equal(edit(items[0]).newText.split('\n')[3], '              port: ${2:8080}');
    assert.deepEqual(edit(items[0]).range, { start: { line: 14, character: 10 }, end: { line: 14, character: 10 } });
  });

  it('plain init containers get resources and securityContext only; native sidecars get probes (tcpSocket on a non-http port)', async () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: registry.example/migrate:2
          re
        - name: proxy
          image: envoyproxy/envoy:v1.31.2
          restartPolicy: Always
          ports: [{name: admin, containerPort: 9901}]
          li
      containers:
        - name: web
          image: registry.example/web:1.4.2
`;
    const uri = await open(text);
    assert.deepEqual(labels(await editor.completion(uri, { line: 15, character: 12 })), ['resources', 'securityContext']);
    const sidecar = await editor.completion(uri, { line: 20, character: 12 });
    assert.deepEqual(labels(sidecar), ['livenessProbe', 'readinessProbe', 'startupProbe', 'resources', 'securityContext']);
    assert.equal(
      edit(sidecar[0]).newText,
      ['livenessProbe:', '            tcpSocket:', '              port: ${1:admin}', '            periodSeconds: ${2:10}', '            failureThreshold: ${3:6}'].join('\n'),
    );
    assert.equal(sidecar[0].detail, 'Herd: tcpSocket on port admin');
  });

  it('follows the file: 4-space indents, sequences at the key column, CRLF; the pod already picks the user', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '    name: db',
      'spec:',
      '    securityContext:',
      '        runAsUser: 999',
      '    containers:',
      '    - name: db',
      '      image: postgres:16.4',
      '      ports:',
      '      - containerPort: 5432',
      '      s',
      '',
    ].join('\r\n');
    const uri = await open(text);
    const items = await editor.completion(uri, { line: 12, character: 7 });
    assert.equal(
      edit(byLabel(items, 'securityContext')).newText,
      [
        'securityContext:',
        '          runAsNonRoot: true',
        '          allowPrivilegeEscalation: false',
        '          readOnlyRootFilesystem: ${1|true,false|}',
        '          capabilities:',
        '              drop: [ALL]',
        '          seccompProfile:',
        '              type: RuntimeDefault',
      ].join('\r\n'),
    );
    assert.equal(edit(byLabel(items, 'livenessProbe')).newText, ['livenessProbe:', '          tcpSocket:', '              port: ${1:5432}', '          periodSeconds: ${2:10}', '          failureThreshold: ${3:6}'].join('\r\n'));
  });

  it('offers nothing outside a container map key position', async () => {
    const uri = await open(DEPLOYMENT);
    const none = async (u: string, line: number, character: number) => assert.deepEqual(labels(await editor.completion(u, { line, character })), [], `${line}:${character}`);
    await none(uri, 13, 20); // inside the image value
    await none(uri, 12, 10); // after `- ` on the container's first line
    await none(uri, 3, 2); // metadata
    const withValue = await open(DEPLOYMENT.replace('          liv\n', '          liv: 1\n'));
    await none(withValue, 19, 13); // a key that already has a value
    const podLevel = await open(DEPLOYMENT.replace('          liv\n', '      vol\n'));
    await none(podLevel, 19, 9); // a pod spec key
    const itemLevel = await open(DEPLOYMENT.replace('          liv\n', '              liv\n'));
    await none(itemLevel, 19, 17); // a port item's key
    const beforeItems = await open(DEPLOYMENT.replace('          ports:\n', '          ports:\n          liv\n'));
    await none(beforeItems, 15, 13); // between `ports:` and its items
    const plainYaml = await open('containers:\n  - name: web\n    image: x:1\n    liv\n', 'values.yaml');
    await none(plainYaml, 3, 7);
    const dockerfile = await open('FROM alpine:3.20\nliv\n', 'Dockerfile', 'dockerfile');
    await none(dockerfile, 1, 3);
  });
});

describe('container completion (plain-text client)', () => {
  let client: TestClient;
  before(async () => {
    await initShellParser();
    client = await TestClient.start({ rules: [] });
  });
  after(() => client.stop());

  it('inserts the defaults as text, and the inserted skeletons satisfy the probe, resource and security rules', async () => {
    const uri = 'file:///completion/plain/deploy.yaml';
    await client.open(uri, 'yaml', DEPLOYMENT);
    const items = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 19, character: 13 } });
    assert.equal(items.length, 5);
    for (const item of items) assert.equal(item.insertTextFormat, 1);
    assert.equal(edit(byLabel(items, 'readinessProbe')).newText, 'readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n            periodSeconds: 5\n            failureThreshold: 3');
    const text = DEPLOYMENT.replace('          liv\n', items.map((i) => `          ${edit(i).newText}\n`).join(''));
    const model = parseKubernetes(sourceText(uri, text));
    assert.deepEqual(model.documents.flatMap((d) => d.errors), []);
    const concerned = ['liveness-probe', 'readiness-probe', 'distinct-probes', 'probe-port-defined', 'resource-requests', 'memory-limit', 'run-as-non-root', 'no-privileged'];
    const result = lint({ uri, text }, { rules: allRules.filter((r) => concerned.includes(r.meta.id)) });
    assert.equal(result.language, 'kubernetes');
    assert.deepEqual(result.findings.map((f) => f.ruleId), []);
    // and without the skeletons those rules do fire: the check above is not vacuous
    const bare = lint({ uri, text: DEPLOYMENT.replace('          liv\n', '') }, { rules: allRules.filter((r) => concerned.includes(r.meta.id)) });
    assert.deepEqual([...new Set(bare.findings.map((f) => f.ruleId))].sort(), ['liveness-probe', 'memory-limit', 'readiness-probe', 'resource-requests', 'run-as-non-root']);
  });
});
