// The workspace index: links between images and Dockerfiles, open documents over disk, limits, and the
// files each change affects (what the server lints again).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser } from '../../server/src/engine';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import { ROOT, uriOf, workspaceIndex } from '../helpers/workspace-table';

const pod = (image: string, labels = 'app: web', ns = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${ns ? `  namespace: ${ns}\n` : ''}  labels: {${labels}}\nspec:\n  containers:\n    - name: c\n      image: ${image}\n`;
const linked = (index: WorkspaceIndex, image: string) => index.imageLinks(image).map((l) => `${index.displayPath(l.file.uri)} (${l.via})`);

describe('workspace index', () => {
  before(() => initShellParser());

  describe('links', () => {
    it('folder name: the image’s last path segment, tag and digest ignored, case-insensitive; unique only', () => {
      const index = workspaceIndex({ 'svc/Web/Dockerfile': 'FROM alpine:3.20\n', 'svc/api/Dockerfile': 'FROM alpine:3.20\n', 'svc/api/Dockerfile.dev': 'FROM alpine:3.20\n' });
      assert.deepEqual(linked(index, 'registry.example.com:5000/team/web:1.2'), ['svc/Web/Dockerfile (folder)']);
      assert.deepEqual(linked(index, 'web'), ['svc/Web/Dockerfile (folder)']);
      assert.deepEqual(linked(index, 'api:1'), [], 'two Dockerfiles in the folder: ambiguous');
      assert.deepEqual(linked(index, 'other:1'), []);
      assert.deepEqual(linked(index, '${REGISTRY}/web:1'), [], 'a variable in the name is not a name');
    });

    it('skaffold artifacts (profiles too) and compose services win over folder names', () => {
      const index = workspaceIndex({
        'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: gcr.io/p/web\n      context: src\n      docker: {dockerfile: web.Dockerfile}\nprofiles:\n  - name: debug\n    build:\n      artifacts:\n        - image: gcr.io/p/web\n          context: src\n          docker: {dockerfile: debug.Dockerfile}\n',
        'compose.yaml': 'services:\n  api:\n    build: {context: ./backend}\n    image: docker.io/library/api:1\n  db:\n    image: postgres:16\n',
        'src/web.Dockerfile': 'FROM alpine:3.20\n',
        'src/debug.Dockerfile': 'FROM alpine:3.20\n',
        'web/Dockerfile': 'FROM alpine:3.20\n',
        'backend/Dockerfile': 'FROM alpine:3.20\n',
        'api/Dockerfile': 'FROM alpine:3.20\n',
      });
      assert.deepEqual(linked(index, 'gcr.io/p/web:v2'), ['src/web.Dockerfile (skaffold)', 'src/debug.Dockerfile (skaffold)']);
      assert.deepEqual(linked(index, 'web:1'), ['web/Dockerfile (folder)'], 'another registry: another image');
      assert.deepEqual(linked(index, 'api:2'), ['backend/Dockerfile (compose)'], 'Docker Hub spelled in full is the same name');
      assert.deepEqual(linked(index, 'postgres:16'), []);
    });

    it('the reverse link: the manifest containers that deploy a Dockerfile', () => {
      const index = workspaceIndex({ 'web/Dockerfile': 'FROM alpine:3.20\n', 'k8s/a.yaml': pod('web:1'), 'k8s/b.yaml': pod('registry.example.com/web'), 'k8s/c.yaml': pod('{{ .Values.image }}') });
      assert.deepEqual(index.containersDeploying(uriOf('web/Dockerfile')).map((d) => index.displayPath(d.uri)), ['k8s/a.yaml', 'k8s/b.yaml']);
    });
  });

  describe('versions and limits', () => {
    it('an open document overrides the file on disk until it is closed; the same text is parsed once', () => {
      const index = workspaceIndex({ 'web/Dockerfile': 'FROM alpine:3.20\nUSER 1000\n' });
      const uri = uriOf('web/Dockerfile');
      const diskModel = index.modelFor(uri, 'FROM alpine:3.20\nUSER 1000\n');
      assert.ok(diskModel);
      index.setOpen(uri, 'FROM alpine:3.20\nUSER 1000\n');
      assert.equal(index.modelFor(uri, 'FROM alpine:3.20\nUSER 1000\n'), diskModel, 'the disk model is reused');
      index.setOpen(uri, 'FROM alpine:3.20\nUSER app\n');
      assert.equal(index.dockerfileFacts(uri)?.user.name, 'app');
      index.setDisk(uri, 'FROM alpine:3.20\nUSER 2000\n');
      assert.equal(index.dockerfileFacts(uri)?.user.name, 'app', 'the open text wins');
      index.closeOpen(uri);
      assert.equal(index.dockerfileFacts(uri)?.user.uid, 2000);
    });

    it('stops at maxFiles and leaves out files above maxFileSize', () => {
      const index = new WorkspaceIndex({ roots: [ROOT], limits: { maxFiles: 2, maxFileSize: 100 } });
      index.setDisk(uriOf('a/Dockerfile'), 'FROM alpine:3.20\n');
      index.setDisk(uriOf('big/Dockerfile'), `FROM alpine:3.20\n${'#'.repeat(200)}\n`);
      index.setDisk(uriOf('b/Dockerfile'), 'FROM alpine:3.20\n');
      index.setDisk(uriOf('c/Dockerfile'), 'FROM alpine:3.20\n');
      assert.deepEqual(index.files().map((f) => index.displayPath(f.uri)), ['a/Dockerfile', 'b/Dockerfile']);
      assert.equal(index.truncated, true);
      index.setOpen(uriOf('d/Dockerfile'), 'FROM alpine:3.20\n');
      assert.equal(index.files().length, 3, 'open documents always count');
    });

    it('YAML that is neither Kubernetes, skaffold nor compose is not indexed', () => {
      const index = workspaceIndex({ '.github/workflows/ci.yml': 'on: push\njobs: {}\n', 'k8s/p.yaml': pod('web') });
      assert.deepEqual(index.files().map((f) => index.displayPath(f.uri)), ['k8s/p.yaml']);
    });
  });

  describe('what a change affects', () => {
    const files = {
      'web/Dockerfile': 'FROM python:3.12-slim\nUSER 1000\n',
      'api/Dockerfile': 'FROM python:3.12-slim\n',
      'k8s/web.yaml': pod('web:1'),
      'k8s/api.yaml': pod('api:1', 'app: api'),
      'k8s/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n',
    };
    const paths = (index: WorkspaceIndex, uris: string[]) => uris.map((u) => index.displayPath(u)).sort();

    it('a Dockerfile edit: the manifests that deploy it; other Dockerfiles when its distribution changes', () => {
      const index = workspaceIndex(files);
      assert.deepEqual(paths(index, index.setOpen(uriOf('web/Dockerfile'), 'FROM python:3.12-slim\nUSER app\n')), ['k8s/web.yaml']);
      assert.deepEqual(paths(index, index.setOpen(uriOf('web/Dockerfile'), 'FROM alpine:3.20\nUSER app\n')), ['api/Dockerfile', 'k8s/web.yaml']);
      assert.deepEqual(index.setOpen(uriOf('web/Dockerfile'), 'FROM alpine:3.20\nUSER app\n'), [], 'the same text changes nothing');
    });

    it('a manifest edit: the Dockerfiles it deploys, before and after; all manifests when its Services or pod labels change', () => {
      const index = workspaceIndex(files);
      assert.deepEqual(paths(index, index.setOpen(uriOf('k8s/web.yaml'), pod('api:2'))), ['api/Dockerfile', 'web/Dockerfile']);
      assert.deepEqual(paths(index, index.setOpen(uriOf('k8s/web.yaml'), pod('api:2', 'app: web2'))), ['api/Dockerfile', 'k8s/api.yaml', 'k8s/svc.yaml']);
      assert.deepEqual(paths(index, index.setDisk(uriOf('k8s/svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web2}\n')), ['k8s/api.yaml', 'k8s/web.yaml']);
    });

    it('a new Dockerfile in a folder named like an image links it (or makes it ambiguous) and counts in the base distributions; build files affect everything', () => {
      const index = workspaceIndex(files);
      assert.deepEqual(paths(index, index.setDisk(uriOf('other/web/Dockerfile'), 'FROM python:3.12-slim\n')), ['api/Dockerfile', 'k8s/web.yaml', 'web/Dockerfile']);
      assert.deepEqual(linked(index, 'web:1'), []);
      assert.deepEqual(paths(index, index.deleteDisk(uriOf('other/web/Dockerfile'))), ['api/Dockerfile', 'k8s/web.yaml', 'web/Dockerfile']);
      assert.deepEqual(linked(index, 'web:1'), ['web/Dockerfile (folder)']);
      assert.deepEqual(paths(index, index.setDisk(uriOf('compose.yaml'), 'services: {}\n')), ['api/Dockerfile', 'k8s/api.yaml', 'k8s/svc.yaml', 'k8s/web.yaml', 'web/Dockerfile']);
    });
  });
});
