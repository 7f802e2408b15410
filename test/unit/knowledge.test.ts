import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  distributionFamily,
  formatImageRef,
  imageInfo,
  isDatabaseImage,
  leanVariant,
  parseImageRef,
  type DistroFamily,
  type ImageRef,
} from '../../server/src/knowledge/images';
import { BUILDKIT_TO_HERD, buildkitToHerd } from '../../server/src/knowledge/buildkit';
import { HADOLINT_TO_HERD, hadolintToHerd } from '../../server/src/knowledge/hadolint';
import { ruleIds } from '../../server/src/rules';
import { KUBE_LINTER_TO_HERD, kubeLinterToHerd } from '../../server/src/knowledge/kube-linter';

function ref(text: string): ImageRef {
  const parsed = parseImageRef(text);
  assert.ok(parsed, `${text} should parse`);
  return parsed;
}

describe('parseImageRef', () => {
  const cases: [string, ImageRef | undefined][] = [
    ['python', { repository: 'python' }],
    ['python:3.12', { repository: 'python', tag: '3.12' }],
    ['library/python:3.12', { repository: 'python', tag: '3.12' }],
    ['docker.io/library/python:3.12', { registry: 'docker.io', repository: 'python', tag: '3.12' }],
    ['docker.io/python:3.12', { registry: 'docker.io', repository: 'python', tag: '3.12' }],
    ['index.docker.io/library/python', { registry: 'docker.io', repository: 'python' }],
    ['localhost:5000/app:1', { registry: 'localhost:5000', repository: 'app', tag: '1' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['registry.example.com:8443/team/app:2.0', { registry: 'registry.example.com:8443', repository: 'team/app', tag: '2.0' }],
    ['myorg/app:1.0', { repository: 'myorg/app', tag: '1.0' }],
    ['python@sha256:abc123', { repository: 'python', digest: 'sha256:abc123' }],
    ['python:3.12@sha256:abc123', { repository: 'python', tag: '3.12', digest: 'sha256:abc123' }],
    ['gcr.io/distroless/static-debian12:nonroot', { registry: 'gcr.io', repository: 'distroless/static-debian12', tag: 'nonroot' }],
    ['mcr.microsoft.com/dotnet/sdk:8.0', { registry: 'mcr.microsoft.com', repository: 'dotnet/sdk', tag: '8.0' }],
    ['  node:20  ', { repository: 'node', tag: '20' }],
    ['python:${PY_VERSION}-slim', { repository: 'python', tag: '${PY_VERSION}-slim' }],
    ['${REGISTRY:-ghcr.io}/app:1', { repository: '${REGISTRY:-ghcr.io}/app', tag: '1' }],
    ['', undefined],
    ['   ', undefined],
    ['python:', undefined],
    ['python@', undefined],
    ['@sha256:abc', undefined],
    ['a//b', undefined],
    ['python 3', undefined],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(parseImageRef(text), expected));
  }

  it('formats a reference back, Docker Hub spelled in full when it was written', () => {
    assert.equal(formatImageRef(ref('localhost:5000/app:1')), 'localhost:5000/app:1');
    assert.equal(formatImageRef(ref('python:3.12@sha256:abc')), 'python:3.12@sha256:abc');
    assert.equal(formatImageRef(ref('docker.io/python:3.12')), 'docker.io/library/python:3.12');
    assert.equal(formatImageRef(ref('docker.io/bitnami/redis:7')), 'docker.io/bitnami/redis:7');
  });
});

describe('leanVariant: lean suggestions', () => {
  const cases: [string, string][] = [
    // python: slim before the Debian codename
    ['python:3.12', 'python:3.12-slim'],
    ['python:3', 'python:3-slim'],
    ['python:3.12.4', 'python:3.12.4-slim'],
    ['python:3.12-bookworm', 'python:3.12-slim-bookworm'],
    ['python:3.12-bullseye', 'python:3.12-slim-bullseye'],
    ['python:3.13-trixie', 'python:3.13-slim-trixie'],
    ['python:3.14-rc-bookworm', 'python:3.14-rc-slim-bookworm'],
    ['python:bookworm', 'python:slim-bookworm'],
    ['python', 'python:slim'],
    ['python:latest', 'python:slim'],
    ['docker.io/library/python:3.12', 'docker.io/library/python:3.12-slim'],
    ['python:3.12@sha256:0123abcd', 'python:3.12-slim'],
    // node: slim after the codename
    ['node:20', 'node:20-slim'],
    ['node:20.11.1', 'node:20.11.1-slim'],
    ['node:20-bookworm', 'node:20-bookworm-slim'],
    ['node:20-bullseye', 'node:20-bullseye-slim'],
    ['node:lts-bookworm', 'node:lts-bookworm-slim'],
    ['node:lts', 'node:lts-slim'],
    ['node:iron', 'node:iron-slim'],
    ['node:bookworm', 'node:bookworm-slim'],
    ['node', 'node:slim'],
    // ruby: like python
    ['ruby:3.3', 'ruby:3.3-slim'],
    ['ruby:3.3-bookworm', 'ruby:3.3-slim-bookworm'],
    ['ruby:bookworm', 'ruby:slim-bookworm'],
    ['ruby:latest', 'ruby:slim'],
    // debian
    ['debian:bookworm', 'debian:bookworm-slim'],
    ['debian:12', 'debian:12-slim'],
    ['debian:12.5', 'debian:12.5-slim'],
    ['debian:stable', 'debian:stable-slim'],
    ['debian:sid', 'debian:sid-slim'],
    ['debian:bookworm-20240311', 'debian:bookworm-20240311-slim'],
    ['debian', 'debian:stable-slim'],
    ['debian:latest', 'debian:stable-slim'],
    // Java: JDK → JRE, and the deprecated openjdk image → Temurin
    ['eclipse-temurin:21', 'eclipse-temurin:21-jre'],
    ['eclipse-temurin:21-jdk', 'eclipse-temurin:21-jre'],
    ['eclipse-temurin:21-jdk-jammy', 'eclipse-temurin:21-jre-jammy'],
    ['eclipse-temurin:21-jdk-noble', 'eclipse-temurin:21-jre-noble'],
    ['eclipse-temurin:21-jdk-alpine', 'eclipse-temurin:21-jre-alpine'],
    ['eclipse-temurin:21-alpine', 'eclipse-temurin:21-jre-alpine'],
    ['eclipse-temurin:17-jdk-ubi9-minimal', 'eclipse-temurin:17-jre-ubi9-minimal'],
    ['eclipse-temurin:21.0.2_13-jdk', 'eclipse-temurin:21.0.2_13-jre'],
    ['eclipse-temurin:8u402-b06-jdk-jammy', 'eclipse-temurin:8u402-b06-jre-jammy'],
    ['openjdk:17', 'eclipse-temurin:17-jre'],
    ['openjdk:17-jdk', 'eclipse-temurin:17-jre'],
    ['openjdk:11.0.16-jdk', 'eclipse-temurin:11-jre'],
    ['openjdk:8', 'eclipse-temurin:8-jre'],
    ['openjdk:17-jdk-oraclelinux8', 'eclipse-temurin:17-jre'],
    ['amazoncorretto:17', 'amazoncorretto:17-alpine'],
    ['amazoncorretto:21', 'amazoncorretto:21-alpine'],
  ];
  for (const [text, image] of cases) {
    it(`${text} → ${image}`, () => {
      const lean = leanVariant(ref(text));
      assert.equal(lean?.kind, 'lean');
      assert.ok(lean.kind === 'lean');
      assert.equal(lean.image, image);
      assert.equal(lean.tag, ref(image).tag);
    });
  }

  it('carries the approximate sizes of both variants', () => {
    assert.deepEqual(leanVariant(ref('python:3.12')), { kind: 'lean', tag: '3.12-slim', image: 'python:3.12-slim', sizeMB: 390, leanSizeMB: 45 });
    const java = leanVariant(ref('eclipse-temurin:21-jdk-alpine'));
    assert.ok(java?.kind === 'lean' && java.sizeMB !== undefined && java.leanSizeMB !== undefined);
    assert.ok(java.leanSizeMB < java.sizeMB);
  });
});

describe('leanVariant: toolchains as final base', () => {
  const cases: [string, RegExp][] = [
    ['golang:1.22', /golang is the Go toolchain: build in a stage, ship scratch\/distroless/],
    ['golang:1.22-alpine', /build in a stage, ship scratch\/distroless/],
    ['golang', /build in a stage, ship scratch\/distroless/],
    ['rust:1.77-slim-bookworm', /Rust toolchain: build in a stage, ship scratch\/distroless/],
    ['gcc:13', /C\/C\+\+ toolchain: build in a stage, ship scratch\/distroless/],
    ['maven:3.9-eclipse-temurin-21', /build in a stage, ship scratch\/distroless, or a JRE such as eclipse-temurin:21-jre\./],
    ['gradle:8-jdk17', /build in a stage, ship scratch\/distroless, or a JRE such as eclipse-temurin:17-jre\./],
    ['maven:3', /or a JRE such as a JRE image \(eclipse-temurin:<version>-jre\)\./],
    ['mcr.microsoft.com/dotnet/sdk:8.0', /ship mcr\.microsoft\.com\/dotnet\/aspnet:8\.0 \(web apps\) or mcr\.microsoft\.com\/dotnet\/runtime:8\.0\.$/],
    ['mcr.microsoft.com/dotnet/sdk:8.0.204-alpine3.19', /dotnet\/aspnet:8\.0-alpine3\.19 \(web apps\) or mcr\.microsoft\.com\/dotnet\/runtime:8\.0-alpine3\.19\.$/],
    ['mcr.microsoft.com/dotnet/sdk:10.0.100-noble', /dotnet\/aspnet:10\.0-noble \(web apps\)/],
  ];
  for (const [text, hint] of cases) {
    it(text, () => {
      const result = leanVariant(ref(text));
      assert.equal(result?.kind, 'toolchain');
      assert.ok(result.kind === 'toolchain');
      assert.match(result.hint, hint);
    });
  }

  it('reports the toolchain size', () => {
    assert.deepEqual(leanVariant(ref('rust:1.77')), {
      kind: 'toolchain',
      hint: 'rust is the Rust toolchain: build in a stage, ship scratch/distroless (gcr.io/distroless/cc, or scratch for a *-musl target).',
      sizeMB: 540,
    });
  });
});

describe('leanVariant: silent', () => {
  const silent = [
    'scratch',
    'gcr.io/distroless/static-debian12',
    'gcr.io/distroless/base-debian12:nonroot',
    'gcr.io/distroless/java21-debian12',
    'python:3.12-slim',
    'python:3.12-slim-bookworm',
    'python:slim',
    'python:3.12-alpine',
    'python:3.12-alpine3.19',
    'python:3.12-windowsservercore-ltsc2022',
    'node:20-slim',
    'node:20-bookworm-slim',
    'node:20-alpine',
    'node:lts-alpine',
    'ruby:3.3-slim',
    'ruby:3.3-alpine',
    'debian:bookworm-slim',
    'debian:stable-slim',
    'debian:bookworm-backports',
    'alpine',
    'alpine:3.19',
    'busybox:1.36',
    'ubuntu:24.04',
    'rockylinux:9-minimal',
    'registry.access.redhat.com/ubi9/ubi-minimal',
    'registry.access.redhat.com/ubi9-micro:9.4',
    'registry.access.redhat.com/ubi8/ubi-micro',
    'cgr.dev/chainguard/static:latest',
    'cgr.dev/chainguard/python:latest',
    'eclipse-temurin:21-jre',
    'eclipse-temurin:21-jre-alpine',
    'eclipse-temurin:21-jdk-windowsservercore-ltsc2022',
    'eclipse-temurin:latest',
    'openjdk:17-slim',
    'openjdk:17-jdk-slim',
    'openjdk:8-alpine',
    'openjdk:11-jre',
    'openjdk:22-ea-jdk',
    'amazoncorretto:17-alpine',
    'amazoncorretto:17-al2023',
    'amazoncorretto:latest',
    'mcr.microsoft.com/dotnet/aspnet:8.0',
    'mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled',
    'nginx:1.25',
    'postgres:16',
    'myorg/app:1.0',
    'localhost:5000/app:1',
    'localhost:5000/python:3.12',
    'python@sha256:0123abcd',
    'python:${PYTHON_VERSION}',
    'node:${NODE_VERSION}-bookworm',
    'debian:${DEBIAN}',
  ];
  for (const text of silent) {
    it(text, () => assert.equal(leanVariant(ref(text)), undefined));
  }
});

describe('distributionFamily', () => {
  const cases: [string, DistroFamily | undefined][] = [
    ['python:3.12', 'debian'],
    ['python:3.12-alpine', 'alpine'],
    ['python:3.12-slim-bookworm', 'debian'],
    ['python:3.12-windowsservercore-ltsc2022', 'windows'],
    ['eclipse-temurin:21-jre', 'ubuntu'],
    ['eclipse-temurin:21-jre-alpine', 'alpine'],
    ['eclipse-temurin:21-jdk-ubi9-minimal', 'rhel'],
    ['openjdk:17-slim', 'debian'],
    ['openjdk:17', 'rhel'],
    ['openjdk:11', 'debian'],
    ['openjdk:8-alpine', 'alpine'],
    ['node:20-bullseye-slim', 'debian'],
    ['node:20-alpine3.19', 'alpine'],
    ['amazoncorretto:17', 'rhel'],
    ['amazoncorretto:17-alpine', 'alpine'],
    ['maven:3.9-eclipse-temurin-21', 'ubuntu'],
    ['maven:3.9-eclipse-temurin-21-alpine', 'alpine'],
    ['maven:3.9-amazoncorretto-21', 'rhel'],
    ['maven:3.9-amazoncorretto-21-debian', 'debian'],
    ['gradle:8-jdk21', 'ubuntu'],
    ['golang:1.22', 'debian'],
    ['golang:1.22-alpine', 'alpine'],
    ['rust:1-slim', 'debian'],
    ['gcc:13', 'debian'],
    ['debian:bookworm', 'debian'],
    ['ubuntu:jammy', 'ubuntu'],
    ['alpine:3.19', 'alpine'],
    ['busybox:1.36-musl', 'busybox'],
    ['nginx:1.25-alpine-slim', 'alpine'],
    ['httpd:2.4', 'debian'],
    ['postgres:16-alpine', 'alpine'],
    ['redis:7', 'debian'],
    ['php:8.3-fpm-alpine', 'alpine'],
    ['php:8.3-apache', 'debian'],
    ['perl:5.38-slim', 'debian'],
    ['centos:7', 'rhel'],
    ['fedora:40', 'rhel'],
    ['rockylinux:9', 'rhel'],
    ['almalinux:9-minimal', 'rhel'],
    ['amazonlinux:2023', 'rhel'],
    ['registry.access.redhat.com/ubi8', 'rhel'],
    ['registry.access.redhat.com/ubi9-minimal', 'rhel'],
    ['registry.access.redhat.com/ubi9/ubi-micro:9.4', 'rhel'],
    ['registry.access.redhat.com/ubi9/python-311', 'rhel'],
    ['redhat/ubi10-minimal', 'rhel'],
    ['opensuse/leap:15.6', 'suse'],
    ['gcr.io/distroless/static-debian12:nonroot', 'distroless'],
    ['gcr.io/distroless/cc', 'distroless'],
    ['cgr.dev/chainguard/static', 'wolfi'],
    ['scratch', 'scratch'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0', 'debian'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-alpine', 'alpine'],
    ['mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled', 'ubuntu'],
    ['mcr.microsoft.com/dotnet/sdk:10.0', 'ubuntu'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0', undefined],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', 'windows'],
    ['docker.io/library/node:20', 'debian'],
    ['python:${PY}-alpine', 'alpine'],
    ['python:${PY}', undefined],
    ['python@sha256:0123abcd', undefined],
    ['debian@sha256:0123abcd', 'debian'],
    ['myorg/app:1.0-alpine', undefined],
    ['quay.io/someone/thing:1', undefined],
  ];
  for (const [text, family] of cases) {
    it(`${text} → ${family}`, () => assert.equal(distributionFamily(ref(text)), family));
  }
});

describe('imageInfo', () => {
  it('describes known images with the size of the variant in use', () => {
    assert.deepEqual(imageInfo(ref('python:3.12-slim-bookworm')), { family: 'debian', sizeMB: 45, description: 'Python' });
    assert.deepEqual(imageInfo(ref('nginx:alpine-slim')), { family: 'alpine', sizeMB: 5, description: 'nginx' });
    assert.equal(imageInfo(ref('eclipse-temurin:21-jre-alpine'))?.sizeMB, 65);
    assert.equal(imageInfo(ref('eclipse-temurin:21-jre'))?.sizeMB, 95);
    assert.equal(imageInfo(ref('scratch'))?.sizeMB, 0);
    assert.match(imageInfo(ref('openjdk:17'))?.description ?? '', /deprecated/);
  });

  it('gives no size when the variant is unknown', () => {
    assert.deepEqual(imageInfo(ref('python@sha256:0123abcd')), { family: undefined, description: 'Python' });
    assert.equal(imageInfo(ref('python:${PY}'))?.sizeMB, undefined);
    assert.equal(imageInfo(ref('python:3.12-windowsservercore-ltsc2022'))?.sizeMB, undefined);
  });

  it('knows nothing of unknown images', () => {
    assert.equal(imageInfo(ref('myorg/app:1.0')), undefined);
    assert.equal(imageInfo(ref('ghcr.io/python:3.12')), undefined);
  });
});

describe('isDatabaseImage', () => {
  const databases = [
    'postgres:16',
    'bitnami/postgresql:16',
    'mysql:8.0',
    'mariadb:11',
    'mongo:7',
    'cassandra:4.1',
    'docker.elastic.co/elasticsearch/elasticsearch:8.13.0',
    'opensearchproject/opensearch:2',
    'quay.io/coreos/etcd:v3.5.12',
    'registry.k8s.io/etcd:3.5.12-0',
    'zookeeper:3.9',
    'confluentinc/cp-zookeeper:7.6.0',
    'bitnami/kafka:3.7',
    'confluentinc/cp-kafka:7.6.0',
    'apache/kafka:3.7.0',
    'couchdb:3',
    'neo4j:5',
    'influxdb:2.7',
    'clickhouse/clickhouse-server:24',
    'cockroachdb/cockroach:v23.2.0',
  ];
  for (const text of databases) it(`${text} is a database`, () => assert.equal(isDatabaseImage(ref(text)), true));
  const others = ['redis:7', 'nginx', 'python:3.12', 'prometheuscommunity/postgres-exporter', 'provectuslabs/kafka-ui:latest', 'myorg/postgres-backup:1'];
  for (const text of others) it(`${text} is not a database`, () => assert.equal(isDatabaseImage(ref(text)), false));
});

describe('hadolintToHerd', () => {
  const cases: [string, string[]][] = [
    ['DL3002', ['non-root-user']],
    ['DL3004', ['no-sudo']],
    ['DL3006', ['pin-image-tag']],
    ['DL3007', ['pin-image-tag']],
    ['DL3009', ['apt-clean-lists']],
    ['DL3012', ['single-start-instruction']],
    ['DL3015', ['apt-no-install-recommends']],
    ['DL3019', ['apk-no-cache']],
    ['DL3020', ['copy-not-add']],
    ['DL3025', ['exec-form-command']],
    ['DL3032', ['rpm-clean-cache']],
    ['DL3036', ['rpm-clean-cache']],
    ['DL3040', ['rpm-clean-cache']],
    ['DL3042', ['pip-no-cache-dir']],
    ['DL4003', ['single-start-instruction']],
    ['DL4004', ['single-start-instruction']],
    ['dl3025', ['exec-form-command']],
    [' DL3009 ', ['apt-clean-lists']],
    ['DL3008', []],
    ['DL3018', []],
    ['DL3059', []],
    ['SC2086', []],
    ['', []],
  ];
  for (const [code, ids] of cases) it(JSON.stringify(code), () => assert.deepEqual(hadolintToHerd(code), ids));

  it('the table has one row per code, each with a title', () => {
    assert.equal(new Set(HADOLINT_TO_HERD.map((m) => m.code)).size, HADOLINT_TO_HERD.length);
    assert.equal(HADOLINT_TO_HERD.length, 16);
    for (const m of HADOLINT_TO_HERD) assert.ok(/^DL\d{4}$/.test(m.code) && m.title.length > 10 && m.herd.length > 0, m.code);
  });

  it('hands out copies, not the table', () => {
    hadolintToHerd('DL3006').push('tampered');
    assert.deepEqual(hadolintToHerd('DL3006'), ['pin-image-tag']);
  });
});

describe('buildkitToHerd', () => {
  const cases: [string, string[]][] = [
    ['JSONArgsRecommended', ['exec-form-command']],
    ['SecretsUsedInArgOrEnv', ['no-secrets-in-env']],
    ['MultipleInstructionsDisallowed', ['single-start-instruction']],
    [' jsonargsrecommended ', ['exec-form-command']],
    ['all', ['exec-form-command', 'no-secrets-in-env', 'single-start-instruction']],
    ['StageNameCasing', []],
    ['MaintainerDeprecated', []],
    ['', []],
  ];
  for (const [check, ids] of cases) it(JSON.stringify(check), () => assert.deepEqual(buildkitToHerd(check), ids));

  it('maps to registered rules only, one row per check', () => {
    assert.equal(new Set(BUILDKIT_TO_HERD.map((m) => m.check)).size, BUILDKIT_TO_HERD.length);
    for (const m of BUILDKIT_TO_HERD) for (const id of m.herd) assert.ok(ruleIds.has(id), `${m.check} → ${id}`);
  });
});

describe('kubeLinterToHerd', () => {
  const cases: [string, string[]][] = [
    ['no-liveness-probe', ['liveness-probe']],
    ['no-readiness-probe', ['readiness-probe']],
    ['unset-cpu-requirements', ['resource-requests']],
    ['unset-memory-requirements', ['resource-requests', 'memory-limit']],
    ['run-as-non-root', ['run-as-non-root']],
    ['privileged-container', ['no-privileged']],
    ['host-network', ['host-network']],
    ['latest-tag', ['pin-image-tag']],
    ['env-var-secret', ['no-secrets-in-env']],
    ['dangling-service', ['service-selects-pods']],
    ['no-extensions-v1beta', ['deprecated-api-version']],
    ['liveness-port', ['probe-port-defined']],
    ['readiness-port', ['probe-port-defined']],
    ['startup-port', ['probe-port-defined']],
    ['no-read-only-root-fs', []],
    ['privilege-escalation-container', []],
    ['mismatching-selector', []],
    ['', []],
  ];
  for (const [check, ids] of cases) it(JSON.stringify(check), () => assert.deepEqual(kubeLinterToHerd(check), ids));

  it('the table has one row per check, each with a description', () => {
    assert.equal(new Set(KUBE_LINTER_TO_HERD.map((m) => m.check)).size, KUBE_LINTER_TO_HERD.length);
    assert.equal(KUBE_LINTER_TO_HERD.length, 14);
    for (const m of KUBE_LINTER_TO_HERD) assert.ok(m.description.length > 10 && m.herd.length > 0, m.check);
  });
});

describe('the id maps name only catalogued Herd rules', () => {
  const catalog = new Set([
    'exec-form-command', 'single-start-instruction', 'apt-clean-lists', 'apt-no-install-recommends', 'apk-no-cache',
    'pip-no-cache-dir', 'rpm-clean-cache', 'non-root-user', 'pin-image-tag', 'copy-not-add', 'no-secrets-in-env', 'no-sudo',
    'liveness-probe', 'readiness-probe', 'probe-port-defined', 'resource-requests', 'memory-limit', 'run-as-non-root',
    'no-privileged', 'host-network', 'service-selects-pods', 'deprecated-api-version',
  ]);
  for (const id of new Set([...HADOLINT_TO_HERD, ...KUBE_LINTER_TO_HERD].flatMap((m) => m.herd))) {
    it(id, () => assert.ok(catalog.has(id)));
  }
});
