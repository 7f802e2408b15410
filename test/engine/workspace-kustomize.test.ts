// Multi-file workspaces: honest image links (no folder-name link for upstream images, links named in
// messages) and kustomize (patches are parts of objects; `images:` rewrites what pin and link rules see).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser } from '../../server/src/engine';
import { rangeText } from '../helpers/rule-table';
import { workspaceFindings, workspaceIndex } from '../helpers/workspace-table';

/** A Deployment `name` with one container `app` of `image`; `extra` goes under the container. */
const deployment = (name: string, image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}
${extra}`;

const PORT = (n: number) => `          ports:\n            - containerPort: ${n}\n`;
const WORKER = 'FROM python:3.12-slim\nCOPY worker.py /app/\nUSER 10001\nCMD ["python", "/app/worker.py"]\n';

const found = (ruleId: string, files: Record<string, string>) => workspaceFindings(ruleId, files).map((f) => `${f.path} ${rangeText(f.finding)}`);
const messages = (ruleId: string, files: Record<string, string>) => workspaceFindings(ruleId, files).map((f) => f.finding.message);
const linked = (files: Record<string, string>, image: string, manifest?: string) =>
  workspaceIndex(files)
    .imageLinks(image, manifest && `file:///ws/${manifest}`)
    .map((l) => `${l.file.uri.slice('file:///ws/'.length)} (${l.via}${l.kustomization ? ` after ${l.kustomization.slice('/ws/'.length)}` : ''})`);

describe('honest image links', () => {
  before(() => initShellParser());

  it('a local redis/ folder is not what registry.k8s.io/redis@sha256 or the official redis image run', () => {
    const files = {
      'jobs/redis/Dockerfile': WORKER,
      'k8s/cache.yaml': deployment('cache', 'registry.k8s.io/redis@sha256:0123456789abcdef', PORT(6379)),
      'k8s/queue.yaml': deployment('queue', 'redis', PORT(6379)),
    };
    assert.deepEqual(found('container-port-exposed', files), []);
    // no folder link: the untagged official image is reported again
    assert.deepEqual(found('pin-image-tag', files), ['k8s/queue.yaml 10:18-10:23']);
  });

  it('the folder rule refuses digests, public registries and other owners on ghcr.io; it links the rest', () => {
    const files = { 'svc/web/Dockerfile': WORKER, 'svc/nginx/Dockerfile': WORKER };
    assert.deepEqual(linked(files, 'registry.example.com/team/web:1.2'), ['svc/web/Dockerfile (folder)']);
    assert.deepEqual(linked(files, 'web'), ['svc/web/Dockerfile (folder)']);
    assert.deepEqual(linked(files, 'registry.example.com/team/web@sha256:abc'), []);
    assert.deepEqual(linked(files, 'quay.io/someone/web:1'), []);
    assert.deepEqual(linked(files, 'gcr.io/distroless/web:1'), []);
    assert.deepEqual(linked(files, 'ghcr.io/someone/web:1'), []);
    assert.deepEqual(linked(files, 'nginx:1.27'), []);
    assert.deepEqual(linked(files, 'docker.io/library/nginx:1.27'), []);
    assert.deepEqual(linked(files, 'acme/nginx:1.27'), ['svc/nginx/Dockerfile (folder)'], 'a namespaced image is not the official one');
  });

  it('ghcr.io under an owner that the workspace builds for is linked by folder name', () => {
    const files = {
      'svc/web/Dockerfile': WORKER,
      'compose.yaml': 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1\n',
    };
    assert.deepEqual(linked(files, 'ghcr.io/acme/web:1'), ['svc/web/Dockerfile (folder)']);
    assert.deepEqual(linked(files, 'ghcr.io/other/web:1'), []);
  });

  it('a message that relies on a link names it', () => {
    const files = { 'jobs/worker/Dockerfile': WORKER, 'k8s/worker.yaml': deployment('worker', 'registry.example.com/worker:1.0', PORT(8080)) };
    assert.deepEqual(messages('container-port-exposed', files).map((m) => /\(linked by folder name; it EXPOSEs no port\)/.test(m)), [true]);
  });
});

const BASE_KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n';
const REPLICAS_PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n';
const RESOURCES_PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          resources:
            limits:
              memory: 512Mi
`;
const PRIVILEGED_PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          securityContext:
            privileged: true
`;
const SOUND = `          livenessProbe: {tcpSocket: {port: 8080}}
          readinessProbe: {httpGet: {path: /ready, port: 8080}}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
          securityContext: {runAsNonRoot: true, runAsUser: 10001}
`;

describe('kustomize', () => {
  before(() => initShellParser());

  const overlay = (extra: string) => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\n${extra}`;
  const patched = (patches: string, files: Record<string, string> = {}) => ({
    'k8s/base/kustomization.yaml': BASE_KUSTOMIZATION,
    'k8s/base/deployment.yaml': deployment('web', 'registry.example.com/web:1.0', SOUND),
    'k8s/overlays/prod/kustomization.yml': overlay(patches),
    ...files,
  });

  for (const ruleId of ['liveness-probe', 'readiness-probe', 'resource-requests', 'memory-limit', 'run-as-non-root']) {
    it(`${ruleId}: a patch that only sets part of the object is not an object`, () => {
      const files = patched('patches:\n  - path: replicas.yaml\n    target: {kind: Deployment}\npatchesStrategicMerge:\n  - resources.yaml\n', {
        'k8s/overlays/prod/replicas.yaml': REPLICAS_PATCH.replace('spec:\n  replicas: 3\n', 'spec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/web:1.1\n'),
        'k8s/overlays/prod/resources.yaml': RESOURCES_PATCH,
      });
      assert.deepEqual(found(ruleId, files), []);
    });
  }

  it('the same file outside any kustomization is an object: the missing-X rules report it (the test can fail)', () => {
    assert.deepEqual(found('memory-limit', { 'k8s/resources.yaml': RESOURCES_PATCH.replace('          resources:\n            limits:\n              memory: 512Mi\n', '          image: registry.example.com/web:1.0\n') }), ['k8s/resources.yaml 9:17-9:20']);
  });

  it('rules on what a patch sets still apply (patchesJson6902 and Kustomization named files too)', () => {
    const files = {
      'k8s/base/kustomization.yaml': BASE_KUSTOMIZATION,
      'k8s/base/deployment.yaml': deployment('web', 'registry.example.com/web:1.0', SOUND),
      'k8s/overlays/dev/Kustomization': overlay('patchesJson6902:\n  - target: {kind: Deployment, name: web}\n    path: ops.yaml\npatches:\n  - path: privileged.yaml\n'),
      'k8s/overlays/dev/privileged.yaml': PRIVILEGED_PATCH,
    };
    assert.deepEqual(found('no-privileged', files), ['k8s/overlays/dev/privileged.yaml 11:25-11:29']);
    assert.deepEqual(found('liveness-probe', files), []);
  });

  it('images: newTag of an overlay pins the base image; without a tag it is reported and names the kustomization', () => {
    const base = {
      'k8s/base/kustomization.yaml': BASE_KUSTOMIZATION,
      'k8s/base/deployment.yaml': deployment('web', 'web', SOUND),
    };
    assert.deepEqual(found('pin-image-tag', { ...base, 'k8s/overlays/prod/kustomization.yaml': overlay('images:\n  - name: web\n    newName: registry.example.com/team/web\n    newTag: "1.4.2"\n') }), []);
    assert.deepEqual(found('pin-image-tag', { ...base, 'k8s/overlays/prod/kustomization.yaml': overlay('images:\n  - name: web\n    digest: sha256:0123456789abcdef\n') }), []);
    const renamed = { ...base, 'k8s/overlays/prod/kustomization.yaml': overlay('images:\n  - name: web\n    newName: registry.example.com/team/web\n') };
    assert.deepEqual(found('pin-image-tag', renamed), ['k8s/base/deployment.yaml 10:18-10:21']);
    assert.match(messages('pin-image-tag', renamed)[0], /`web` becomes `registry\.example\.com\/team\/web` through the `images:` of `k8s\/overlays\/prod\/kustomization\.yaml`/);
    // without kustomize the base's untagged image is reported as written
    assert.deepEqual(found('pin-image-tag', { 'k8s/base/deployment.yaml': deployment('web', 'web', SOUND) }), ['k8s/base/deployment.yaml 10:18-10:21']);
  });

  it('images: the rewritten name is what links to a Dockerfile, and the message says so', () => {
    const files = {
      'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: gcr.io/acme/storefront\n      context: services/shop\n',
      'services/shop/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8000\nUSER 10001\n',
      'k8s/kustomization.yaml': 'resources:\n  - web.yaml\nimages:\n  - name: shop\n    newName: gcr.io/acme/storefront\n    newTag: v3\n',
      'k8s/web.yaml': deployment('web', 'shop', PORT(8080)),
    };
    assert.deepEqual(linked(files, 'shop', 'k8s/web.yaml'), ['services/shop/Dockerfile (skaffold after k8s/kustomization.yaml)']);
    assert.deepEqual(found('container-port-exposed', files), ['k8s/web.yaml 12:30-12:34']);
    assert.match(messages('container-port-exposed', files)[0], /`services\/shop\/Dockerfile` \(linked by skaffold\.yaml after the `images:` of `k8s\/kustomization\.yaml`; it EXPOSEs 8000\)/);
    // a digest pinned by the kustomization does not make the image upstream for the folder rule
    const pinned = { 'k8s/kustomization.yaml': 'resources:\n  - web.yaml\nimages:\n  - name: web\n    newName: registry.example.com/team/shop\n    digest: sha256:0123456789abcdef\n', 'k8s/web.yaml': deployment('web', 'web'), 'services/shop/Dockerfile': WORKER };
    assert.deepEqual(linked(pinned, 'web', 'k8s/web.yaml'), ['services/shop/Dockerfile (folder after k8s/kustomization.yaml)']);
    // the same image outside the kustomization is not rewritten: only the folder rule applies to it
    assert.deepEqual(linked(files, 'shop', 'other/web.yaml'), ['services/shop/Dockerfile (folder)']);
  });
});
