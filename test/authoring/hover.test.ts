// Image hovers through the language server: FROM images and manifest `image:` values, alone and together
// with the hover of a Herd finding on the same range.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { DOCS_BASE } from '../../server/src/engine';
import { ruleById } from '../../server/src/rules';
import { imageMarkdown } from '../../server/src/lsp/image-hover';
import { parseImageRef } from '../../server/src/knowledge/images';
import { TestClient } from '../server/lsp-client';

const DOCKERFILE = `ARG PY=3.12
FROM golang:1.23-bookworm AS build
FROM scratch AS empty
FROM registry.example/base:1 AS other
FROM build AS child
FROM python:\${PY}-bookworm
CMD ["python"]
`;

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: web
      image: "node:20"
    - name: proxy
      image: nginx
`;

const value = (hover: Hover | null) => {
  assert.ok(hover, 'a hover');
  assert.equal((hover.contents as MarkupContent).kind, 'markdown');
  return (hover.contents as MarkupContent).value;
};
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const PYTHON = [
  '**Herd** · `python:${PY}-bookworm` (`python:3.12-bookworm`): Python',
  '',
  '- Distribution: Debian',
  '- Size: ~390 MB (compressed, approximate)',
  '- Lean variant: `python:3.12-slim-bookworm` — ~45 MB',
].join('\n');

describe('image hover', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ rules: [ruleById('lean-base-image')!, ruleById('pin-image-tag')!] });
  });
  after(() => client.stop());

  it('on a FROM image: family, size, and the toolchain hint or the lean variant with its size', async () => {
    const uri = 'file:///hover/Dockerfile';
    const diagnostics = await client.open(uri, 'dockerfile', DOCKERFILE);
    assert.deepEqual(diagnostics.diagnostics.map((d) => [d.code, d.range]), [['lean-base-image', range(5, 12, 26)]]);

    const golang = await client.hover(uri, { line: 1, character: 6 });
    assert.equal(
      value(golang),
      [
        '**Herd** · `golang:1.23-bookworm`: Go toolchain',
        '',
        '- Distribution: Debian',
        '- Size: ~290 MB (compressed, approximate)',
        '- Toolchain: golang is the Go toolchain: build in a stage, ship scratch/distroless (a CGO_ENABLED=0 binary on scratch or gcr.io/distroless/static).',
      ].join('\n'),
    );
    assert.deepEqual(golang!.range, range(1, 5, 25));

    const scratch = await client.hover(uri, { line: 2, character: 11 });
    assert.equal(value(scratch), '**Herd** · `scratch`: Empty image: only what you copy in\n\n- Distribution: none: an empty image');
    assert.deepEqual(scratch!.range, range(2, 5, 12));

    // ARG defaults before the first FROM are resolved
    const python = await client.hover(uri, { line: 5, character: 5 });
    assert.equal(value(python), PYTHON);
    assert.deepEqual(python!.range, range(5, 5, 26));
  });

  it('nothing on unknown images, stage references, the keyword or past the image', async () => {
    const uri = 'file:///hover/none/Dockerfile';
    await client.open(uri, 'dockerfile', DOCKERFILE);
    for (const [line, character] of [
      [3, 6],
      [4, 6],
      [5, 2],
      [5, 26],
      [1, 27],
      [0, 5],
    ]) {
      assert.equal(await client.hover(uri, { line, character }), null, `${line}:${character}`);
    }
  });

  it('combines with the hover of a finding on the same range', async () => {
    const uri = 'file:///hover/both/Dockerfile';
    await client.open(uri, 'dockerfile', DOCKERFILE);
    const both = await client.hover(uri, { line: 5, character: 14 });
    const [finding, image] = value(both).split('\n\n---\n\n');
    assert.ok(finding.startsWith('**Herd** `lean-base-image` · warning'), finding);
    assert.ok(finding.includes(`(${DOCS_BASE}lean-base-image.md)`), finding);
    assert.equal(image, PYTHON);
    // the finding's range (the tag) is the hover's range
    assert.deepEqual(both!.range, range(5, 12, 26));
  });

  it('on a manifest image value (quoted included), with a finding when one applies', async () => {
    const uri = 'file:///hover/pod.yaml';
    const diagnostics = await client.open(uri, 'yaml', POD);
    assert.deepEqual(diagnostics.diagnostics.map((d) => [d.code, d.range]), [['pin-image-tag', range(8, 13, 18)]]);
    const node = await client.hover(uri, { line: 6, character: 14 });
    assert.equal(value(node), '**Herd** · `node:20`: Node.js\n\n- Distribution: Debian\n- Size: ~390 MB (compressed, approximate)\n- Lean variant: `node:20-slim` — ~70 MB');
    assert.deepEqual(node!.range, range(6, 13, 22));
    const nginx = await client.hover(uri, { line: 8, character: 14 });
    const [finding, image] = value(nginx).split('\n\n---\n\n');
    assert.ok(finding.startsWith('**Herd** `pin-image-tag` · warning'), finding);
    assert.equal(image, '**Herd** · `nginx`: nginx\n\n- Distribution: Debian\n- Size: ~70 MB (compressed, approximate)');
    assert.equal(await client.hover(uri, { line: 6, character: 8 }), null, 'on the key');
    assert.equal(await client.hover(uri, { line: 5, character: 14 }), null, 'on the name');
  });

  it('image markdown: distroless and Alpine families, sizes below 10 MB, unknown images', () => {
    const md = (text: string) => imageMarkdown({ text, ref: parseImageRef(text)! });
    assert.equal(
      md('gcr.io/distroless/static-debian12:nonroot'),
      '**Herd** · `gcr.io/distroless/static-debian12:nonroot`: Distroless static: CA certificates, tzdata and /etc/passwd; no libc, no shell\n\n- Distribution: distroless (no shell, no package manager)\n- Size: ~1 MB (compressed, approximate)',
    );
    assert.equal(md('alpine:3.20'), '**Herd** · `alpine:3.20`: Alpine Linux (musl libc, apk)\n\n- Distribution: Alpine Linux (musl libc)\n- Size: ~3.5 MB (compressed, approximate)');
    assert.equal(md('eclipse-temurin:21-jdk'), '**Herd** · `eclipse-temurin:21-jdk`: Eclipse Temurin (OpenJDK build)\n\n- Distribution: Ubuntu\n- Size: ~190 MB (compressed, approximate)\n- Lean variant: `eclipse-temurin:21-jre` — ~95 MB');
    assert.equal(md('registry.example/team/app:1.0'), undefined);
  });
});
