// The knowledge tables of #13: base images' own users, upstream images, official images' ENV.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileKind } from '../../server/src/engine/detect';
import { parseImageRef } from '../../server/src/knowledge/images';
import { imageEnv } from '../../server/src/knowledge/image-env';
import { imageNonRootUser } from '../../server/src/knowledge/image-users';
import { upstreamReason } from '../../server/src/knowledge/upstream-images';

const ref = (s: string) => parseImageRef(s)!;

describe('image-users', () => {
  it('non-root bases, with uid or name and a source', () => {
    assert.equal(imageNonRootUser(ref('bitnami/postgresql:16'))?.uid, 1001);
    assert.equal(imageNonRootUser(ref('docker.io/bitnami/redis:7.4'))?.uid, 1001);
    assert.equal(imageNonRootUser(ref('grafana/k6:0.54.0'))?.uid, 12345);
    assert.equal(imageNonRootUser(ref('nginxinc/nginx-unprivileged:1.27'))?.uid, 101);
    assert.equal(imageNonRootUser(ref('cgr.dev/chainguard/node:latest'))?.uid, 65532);
    assert.equal(imageNonRootUser(ref('gcr.io/distroless/static-debian12:nonroot'))?.uid, 65532);
    assert.equal(imageNonRootUser(ref('prom/prometheus:v2.54.1'))?.name, 'nobody');
    assert.match(imageNonRootUser(ref('grafana/k6'))!.source, /^https:\/\//);
  });

  it('root variants and other images are not in the table', () => {
    for (const image of ['bitnami/minideb:bookworm', 'cgr.dev/chainguard/node:latest-dev', 'gcr.io/distroless/static-debian12', 'nginx:1.27', 'python:3.12-slim']) {
      assert.equal(imageNonRootUser(ref(image)), undefined, image);
    }
  });
});

describe('upstream-images', () => {
  it('digests, public registries, official images and other ghcr.io owners are upstream', () => {
    assert.equal(upstreamReason(ref('registry.example.com/web@sha256:abc')), 'pinned by digest');
    assert.equal(upstreamReason(ref('registry.k8s.io/pause:3.9')), 'on a public registry');
    assert.equal(upstreamReason(ref('redis')), 'a Docker Official Image');
    assert.equal(upstreamReason(ref('docker.io/library/postgres:16')), 'a Docker Official Image');
    assert.equal(upstreamReason(ref('ghcr.io/other/web:1')), 'on ghcr.io under another owner');
  });

  it('the workspace\'s own images are not', () => {
    assert.equal(upstreamReason(ref('web:1')), undefined);
    assert.equal(upstreamReason(ref('acme/redis:1')), undefined);
    assert.equal(upstreamReason(ref('registry.example.com/team/web:1')), undefined);
    assert.equal(upstreamReason(ref('ghcr.io/acme/web:1'), new Set(['acme'])), undefined);
  });
});

describe('image-env', () => {
  it('php images set PHPIZE_DEPS per distribution; apache variants their config paths', () => {
    assert.match(imageEnv(ref('php:8.3-fpm')).PHPIZE_DEPS, /\bpkg-config\b/);
    assert.match(imageEnv(ref('php:8.3-fpm-alpine')).PHPIZE_DEPS, /\bpkgconf\b/);
    assert.equal(imageEnv(ref('php:8.3-apache')).APACHE_ENVVARS, '/etc/apache2/envvars');
    assert.equal(imageEnv(ref('php:8.3-fpm')).APACHE_ENVVARS, undefined);
    assert.deepEqual(imageEnv(ref('registry.example.com/php:8.3')), {});
  });
});

describe('kustomization files', () => {
  it('a file named Kustomization is YAML, so the CLI and the editor index it', () => {
    assert.equal(fileKind('/repo/k8s/Kustomization'), 'yaml');
    assert.equal(fileKind('/repo/k8s/kustomization.yml'), 'yaml');
  });
});
