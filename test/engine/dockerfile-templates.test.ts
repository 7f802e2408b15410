// Dockerfile templates (Dockerfile.template, .tmpl, .j2): directives are unknown values, never literal text.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser, lint } from '../../server/src/engine';

const ids = (filename: string, text: string) =>
  lint({ uri: `file:///work/${filename}`, text })
    .findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`)
    .sort();

describe('Dockerfile templates', () => {
  before(() => initShellParser());

  it('a templated FROM gets no finding that depends on the directive', () => {
    const found = ids('Dockerfile.template', 'FROM debian:{{ .Version }}\nCOPY app /app\nUSER 10001\nCMD ["/app"]\n');
    assert.deepEqual(found, []);
  });

  it('the same FROM without a directive is judged (the test can fail)', () => {
    const found = ids('Dockerfile', 'FROM debian\nCOPY app /app\nUSER 10001\nCMD ["/app"]\n');
    assert.ok(found.includes('pin-image-tag 1:6'), found.join(', '));
  });

  it('no USER after a templated base: non-root-user stays silent; Jinja blocks too', () => {
    assert.deepEqual(ids('Dockerfile.j2', 'FROM {{ base_image }}\n{% if dev %}\nRUN echo dev\n{% endif %}\nCMD ["/app"]\n'), []);
  });

  it('a templated package name is not a package', () => {
    const found = ids('Dockerfile.tmpl', 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends {{ .Compiler }} && rm -rf /var/lib/apt/lists/*\nUSER 10001\n');
    assert.deepEqual(found, []);
  });

  it('what does not depend on a directive is still reported in a template', () => {
    const found = ids('Dockerfile.template', 'FROM debian:{{ .Version }}\nRUN apt-get install -y gcc\nUSER 10001\n');
    assert.ok(found.includes('build-tools-in-final-image 2:24'), found.join(', '));
  });

  it('an instruction holding a directive that prints text gets no finding: the directive may print the missing part', () => {
    const text = 'FROM debian:12-slim\nRUN apt-get update; \\\n  apt-get install -y --no-install-recommends curl; \\\n  {{ clean_apt }}\nCMD {{ env.cmd }}\nUSER 10001\n';
    assert.deepEqual(ids('Dockerfile-linux.template', text), []);
    // control directives print nothing: the RUN is judged
    const control = 'FROM debian:12-slim\n{{ if env.variant == "apache" then ( -}}\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n{{ ) end -}}\nUSER 10001\nCMD ["/app"]\n';
    assert.deepEqual(ids('Dockerfile-linux.template', control), ['apt-clean-lists 3:23']);
  });

  it('a plain Dockerfile with a Go template in a RUN is not masked', () => {
    const found = ids('Dockerfile', "FROM alpine:3.20\nRUN docker inspect --format '{{.State}}' x\nUSER 10001\n");
    assert.deepEqual(found, []);
  });
});
