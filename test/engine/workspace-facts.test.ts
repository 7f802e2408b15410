// The workspace index keeps facts, not parse trees: its entries are plain data (what a worker thread can be
// sent), a snapshot rebuilds an index that answers the same, and models are parsed again only when asked for.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser } from '../../server/src/engine';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import { uriOf, workspaceIndex } from '../helpers/workspace-table';

const FILES: Record<string, string> = {
  'web/Dockerfile': 'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app\nEXPOSE 8080\nHEALTHCHECK --interval=30s CMD wget -q -O- http://localhost:8080/ || exit 1\nENTRYPOINT ["/web"]\n',
  'api/Dockerfile': 'FROM debian:12\nCMD ["/api"]\n',
  'k8s/web.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: web:1\n          args: ["serve"]\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: data}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: wbe}\n  ports: [{port: 80}]\n',
  'k8s/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteMany]\n',
  'k8s/kustomization.yaml': 'resources: [web.yaml, pvc.yaml]\nimages:\n  - name: web\n    newName: web\n    newTag: "2"\n',
  'compose.yaml': 'services:\n  api:\n    build: {context: ./api}\n    image: api:1\n',
};

/** Every object reachable from a value is a plain object or array, and there is no function: no parse tree, no closure. */
function assertPlain(value: unknown, path = 'entry', seen = new Set<unknown>()): void {
  if (typeof value === 'function') assert.fail(`${path} is a function`);
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const proto = Object.getPrototypeOf(value);
  assert.ok(proto === Object.prototype || proto === Array.prototype || proto === null, `${path} is a ${proto?.constructor?.name}, not plain data`);
  for (const [key, v] of Object.entries(value)) assertPlain(v, `${path}.${key}`, seen);
}

/** Everything the cross-file rules ask, in a form that compares. */
function answers(index: WorkspaceIndex) {
  const web = uriOf('web/Dockerfile');
  return {
    files: index.files().map((f) => `${index.displayPath(f.uri)} ${f.kind}`),
    links: index.imageLinks('web:1', uriOf('k8s/web.yaml')).map((l) => `${index.displayPath(l.file.uri)} ${l.via} ${l.kustomization ?? ''}`),
    deploying: index.containersDeploying(web).map((d) => `${index.displayPath(d.uri)} ${d.container.name} ${d.via}`),
    facts: index.dockerfileFacts(web),
    bases: index.dockerfileBases().map((b) => `${index.displayPath(b.uri)} ${b.base?.family}`),
    pods: index.podLabelSets(),
    claims: index.claims(),
    selected: index.podIndex().maySelect({ app: 'web' }, undefined),
    compose: index.dockerfileAt('/ws/api/Dockerfile')?.finalStage?.name ?? index.dockerfileAt('/ws/api/Dockerfile')?.stages.length,
  };
}

describe('workspace index facts', () => {
  before(() => initShellParser());

  it('holds no parse tree: every entry is plain data, also after every question has been asked', () => {
    const index = workspaceIndex(FILES);
    const asked = answers(index);
    assert.deepEqual(asked.deploying, ['k8s/web.yaml web folder']);
    assert.equal(asked.facts?.user.uid, 10001, 'the facts read useradd through the shell parser');
    assert.ok(asked.facts?.healthcheck, 'the HEALTHCHECK is a fact');
    assert.deepEqual(asked.claims, [{ uri: uriOf('k8s/pvc.yaml'), name: 'data', namespace: undefined, shared: true }]);
    assert.equal(index.entries().length, Object.keys(FILES).length);
    for (const entry of index.entries()) assertPlain(entry, index.displayPath(entry.uri));
  });

  it('a model is parsed again when asked for, from the indexed text, and reused while it is recent', () => {
    const index = workspaceIndex(FILES);
    const uri = uriOf('web/Dockerfile');
    const model = index.modelFor(uri, FILES['web/Dockerfile']);
    assert.equal(model?.kind, 'dockerfile');
    assert.equal(model.source.text, FILES['web/Dockerfile']);
    assert.equal(index.modelFor(uri, FILES['web/Dockerfile']), model);
    assert.equal(index.modelFor(uri, 'FROM other\n'), undefined, 'another text: not this model');
  });

  it('a snapshot crosses a thread boundary and rebuilds an index with the same answers', () => {
    const index = workspaceIndex(FILES);
    // what postMessage does to it
    const copy = structuredClone(index.snapshot());
    const rebuilt = WorkspaceIndex.fromSnapshot(copy);
    assert.deepEqual(answers(rebuilt), answers(index));
    assert.equal(rebuilt.modelFor(uriOf('api/Dockerfile'), FILES['api/Dockerfile'])?.kind, 'dockerfile', 'texts come from the shared buffer');
  });

  it('entries computed elsewhere (by workers) index the same as texts read here', () => {
    const index = workspaceIndex(FILES);
    const other = new WorkspaceIndex({ roots: ['/ws'] });
    other.addDiskEntries(index.entries().map((e) => ({ ...e })));
    assert.deepEqual(answers(other), answers(index));
  });
});
