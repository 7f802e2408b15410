// The language server's workspace index end to end: a Dockerfile edited in the editor changes the
// diagnostics of the open manifest that deploys it; files changed on disk do too; go to definition and
// hover on a manifest's image; a fix of a Dockerfile finding that edits the manifest.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Location, MarkupContent, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver';
import type { Rule } from '../../server/src/engine/rule';
import { ruleById } from '../../server/src/rules';
import { TestClient, applyTextEdits } from './lsp-client';

const RULES: Rule[] = ['image-user-verifiable', 'container-port-exposed', 'healthcheck-to-probe', 'readiness-probe', 'service-selects-pods'].map((id) => ruleById(id)!);

const DOCKERFILE = `FROM python:3.12-slim
RUN useradd --system --uid 10001 app
USER app
EXPOSE 8080
HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1
CMD ["python", "app.py"]
`;

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
          ports: [{containerPort: 8080}]
          readinessProbe: {httpGet: {path: /ready, port: 8080}}
          securityContext:
            runAsNonRoot: true
`;

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`);

describe('workspace index in the language server', () => {
  let dir: string;
  let client: TestClient;
  const uri = (path: string) => pathToFileURL(join(dir, path)).href;
  /** The diagnostics last published for `path` if they satisfy `predicate`, else the next that do. */
  const diagnostics = (path: string, predicate: (p: PublishDiagnosticsParams) => boolean) => {
    const last = [...client.published].reverse().find((p) => p.uri === uri(path));
    return last && predicate(last) ? Promise.resolve(last) : client.nextDiagnostics(uri(path), predicate);
  };
  const has = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === code);
  const lacks = (code: string) => (p: PublishDiagnosticsParams) => !p.diagnostics.some((d) => d.code === code);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herd-index-'));
    mkdirSync(join(dir, 'web'));
    mkdirSync(join(dir, 'k8s'));
    writeFileSync(join(dir, 'web', 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(dir, 'k8s', 'web.yaml'), MANIFEST);
    client = await TestClient.start({ folders: [pathToFileURL(dir).href], rules: RULES });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the open manifest gets the findings of the Dockerfile its image links to', async () => {
    await client.open(uri('k8s/web.yaml'), 'yaml', MANIFEST);
    const p = await diagnostics('k8s/web.yaml', has('image-user-verifiable'));
    assert.deepEqual(codes(p), ['image-user-verifiable 11:17']);
    assert.match(p.diagnostics[0].message, /linked to `web\/Dockerfile` by folder name\) runs as USER `app`, a name/);
  });

  it('editing the Dockerfile (didChange) updates the diagnostics of the manifest that deploys it', async () => {
    await client.open(uri('web/Dockerfile'), 'dockerfile', DOCKERFILE);
    const cleared = diagnostics('k8s/web.yaml', lacks('image-user-verifiable'));
    const own = await client.change(uri('web/Dockerfile'), DOCKERFILE.replace('USER app', 'USER 10001'));
    assert.deepEqual(codes(own), ['healthcheck-to-probe 4:0']);
    assert.deepEqual(codes(await cleared), []);
    // and back: the manifest's finding returns with the named user
    const back = diagnostics('k8s/web.yaml', has('image-user-verifiable'));
    await client.change(uri('web/Dockerfile'), DOCKERFILE);
    assert.deepEqual(codes(await back), ['image-user-verifiable 11:17']);
    // a port the Dockerfile stops EXPOSEing
    const port = diagnostics('k8s/web.yaml', has('container-port-exposed'));
    await client.change(uri('web/Dockerfile'), DOCKERFILE.replace('EXPOSE 8080', 'EXPOSE 9000'));
    assert.deepEqual(codes(await port), ['image-user-verifiable 11:17', 'container-port-exposed 12:34']);
    const restored = diagnostics('k8s/web.yaml', lacks('container-port-exposed'));
    await client.change(uri('web/Dockerfile'), DOCKERFILE);
    await restored;
  });

  it('go to definition on the image opens the Dockerfile at its final FROM', async () => {
    const locations = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: uri('k8s/web.yaml') }, position: { line: 11, character: 30 } });
    assert.deepEqual(locations, [{ uri: uri('web/Dockerfile'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } } }]);
    const elsewhere = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: uri('k8s/web.yaml') }, position: { line: 10, character: 18 } });
    assert.deepEqual(elsewhere, []);
  });

  it('hover on the image shows the Dockerfile, its base image, user and exposed ports', async () => {
    const hover = await client.hover(uri('k8s/web.yaml'), { line: 11, character: 20 });
    const value = (hover?.contents as MarkupContent).value;
    assert.ok(value.includes(`built from [\`web/Dockerfile\`](${uri('web/Dockerfile')}#L1) (linked by its folder name)`), value);
    assert.ok(value.includes('- Final base image: `python:3.12-slim`'), value);
    assert.ok(value.includes('- User: `app` (uid 10001)'), value);
    assert.ok(value.includes('- Exposed ports: 8080'), value);
  });

  it('the HEALTHCHECK fix on the Dockerfile edits the open manifest, versioned', async () => {
    const p = await diagnostics('web/Dockerfile', has('healthcheck-to-probe'));
    const actions = await client.codeActions(uri('web/Dockerfile'), p.diagnostics.filter((d) => d.code === 'healthcheck-to-probe'));
    const action = actions.find((a) => a.title.startsWith('Add livenessProbe'));
    assert.ok(action?.edit?.documentChanges, actions.map((a) => a.title).join(' | '));
    const [change] = action.edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri: uri('k8s/web.yaml'), version: 1 });
    assert.equal(
      applyTextEdits(MANIFEST, change.edits),
      `${MANIFEST}          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n`,
    );
    const gone = diagnostics('web/Dockerfile', lacks('healthcheck-to-probe'));
    await client.apply(action.edit, uri('k8s/web.yaml'));
    await gone;
  });

  it('a file changed on disk (didChangeWatchedFiles) re-lints the open documents that depend on it', async () => {
    await client.close(uri('web/Dockerfile'));
    writeFileSync(join(dir, 'web', 'Dockerfile'), DOCKERFILE.replace('USER app', 'USER 10001'));
    const cleared = diagnostics('k8s/web.yaml', lacks('image-user-verifiable'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('web/Dockerfile'), type: 2 }] });
    await cleared;
    // a new Service on disk selects the open manifest's pods
    writeFileSync(join(dir, 'k8s', 'svc.yaml'), SERVICE.replace('app: web', 'app: webb'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('k8s/svc.yaml'), type: 1 }] });
    const result = await client.connection.sendRequest<{ findings: number }>('herd/lintWorkspace', {});
    assert.equal(result.findings, 1);
    const svc = await diagnostics('k8s/svc.yaml', has('service-selects-pods'));
    assert.deepEqual(codes(svc), ['service-selects-pods 4:2']);
    // fixing the Service's selector in the open manifest's workspace clears the closed file's published finding
    const fixed = diagnostics('k8s/svc.yaml', lacks('service-selects-pods'));
    writeFileSync(join(dir, 'k8s', 'svc.yaml'), SERVICE);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('k8s/svc.yaml'), type: 2 }] });
    await fixed;
  });
});

describe('files on disk with a UTF-8 byte order mark', () => {
  let dir: string;
  let client: TestClient;
  const uri = (path: string) => pathToFileURL(join(dir, path)).href;
  const BOM = '\ufeff';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herd-bom-'));
    mkdirSync(join(dir, 'k8s'));
    // every file starts with a mark: read raw, the manifests were not recognised as such, so not indexed, and
    // line-1 columns were one off
    writeFileSync(join(dir, 'k8s', 'web.yaml'), BOM + MANIFEST);
    writeFileSync(join(dir, 'k8s', 'svc-typo.yaml'), BOM + SERVICE.replace('app: web', 'app: webb'));
    writeFileSync(join(dir, 'k8s', 'svc.yaml'), BOM + SERVICE);
    writeFileSync(join(dir, 'Dockerfile'), `${BOM}FROM node:latest\nCMD ["node", "app.js"]\n`);
    client = await TestClient.start({ folders: [pathToFileURL(dir).href], rules: [ruleById('service-selects-pods')!, ruleById('pin-image-tag')!] });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('"Lint Workspace" indexes and lints them, with line-1 columns counted after the mark as editors count them', async () => {
    const typo = client.nextDiagnostics(uri('k8s/svc-typo.yaml'), (p) => p.diagnostics.length > 0);
    const dockerfile = client.nextDiagnostics(uri('Dockerfile'), (p) => p.diagnostics.length > 0);
    const result = await client.connection.sendRequest<{ files: number; findings: number }>('herd/lintWorkspace', {});
    // the Service selecting `app: web` finds the Deployment of a file with a mark: no finding there
    assert.deepEqual(result, { files: 4, findings: 2, truncated: false });
    assert.deepEqual(codes(await typo), ['service-selects-pods 4:2']);
    const p = await dockerfile;
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range]), [['pin-image-tag', { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }]]);
  });
});
