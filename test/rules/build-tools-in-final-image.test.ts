import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { allRules, applyEdits, initShellParser, lint } from '../../server/src/engine';
import { ruleTable } from '../helpers/rule-table';

ruleTable('build-tools-in-final-image', {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'apk virtual package deleted in the same RUN',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \\\n && pip install --no-cache-dir cffi \\\n && apk del --no-network .build-deps\n',
    },
    { name: 'apk -t', code: 'FROM alpine:3.20\nRUN apk add --no-cache -t .deps make && make -C /src && apk del .deps\n' },
    { name: 'apt-get purge by name', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && cc x.c && apt-get purge -y --auto-remove gcc libc6-dev && rm -rf /var/lib/apt/lists/*\n' },
    {
      name: 'docker-library idiom: apt-mark auto, then purge --auto-remove',
      code: 'FROM debian:12-slim\nRUN set -eux; \\\n\tsavedAptMark="$(apt-mark showmanual)"; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends gcc make; \\\n\tmake install; \\\n\tapt-mark auto \'.*\' > /dev/null; \\\n\tapt-mark manual $savedAptMark; \\\n\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\\n\trm -rf /var/lib/apt/lists/*\n',
    },
    { name: 'apt-mark auto through xargs', code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends make && apt-mark showmanual | xargs apt-mark auto > /dev/null && apt-get autoremove -y --purge\n' },
    { name: 'removal through a variable we cannot read', code: 'FROM fedora:40\nRUN dnf install -y gcc && cc x.c && dnf remove -y $BUILD_DEPS && dnf clean all\n' },
    { name: 'build stage', code: 'FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM debian:12-slim\nCOPY --from=build /out /out\n' },
    { name: 'runtime libraries, not headers', code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends libpq5 libssl3 devscripts-el\n' },
    { name: 'simulated install', code: 'FROM debian:12-slim\nRUN apt-get install -s gcc\n' },
    { name: 'pip packages are not system toolchains', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir make\n' },
    { name: 'variables: an ARG without default is unknown, never its literal text', code: 'FROM debian:12-slim\nARG EXTRA\nRUN apt-get update && apt-get install -y --no-install-recommends $EXTRA ${EXTRA:-gcc} && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'variables: a global ARG is not seen in a stage that does not redeclare it', code: 'ARG TOOLS=gcc\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends $TOOLS && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'variables: a variable the script assigns itself is unknown', code: 'FROM debian:12-slim\nENV PKGS=gcc\nRUN PKGS=curl; apt-get update && apt-get install -y --no-install-recommends $PKGS && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'variables: ${V:+x} of an empty value', code: 'FROM debian:12-slim\nARG WITH_GCC=\nRUN apt-get update && apt-get install -y --no-install-recommends ${WITH_GCC:+gcc} curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'variables: php alpine $PHPIZE_DEPS in a virtual package deleted in the RUN', code: 'FROM php:8.3-fpm-alpine\nRUN apk add --no-cache --virtual .phpize-deps $PHPIZE_DEPS \\\n && pecl install redis && docker-php-ext-enable redis \\\n && apk del --no-network .phpize-deps\n' },
    { name: 'variables: $PHPIZE_DEPS purged in the same RUN', code: 'FROM php:8.3-fpm\nRUN apt-get update && apt-get install -y --no-install-recommends $PHPIZE_DEPS && pecl install redis && apt-get purge -y --auto-remove $PHPIZE_DEPS && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'variables: $PHPIZE_DEPS on an image that does not define it is unknown', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends $PHPIZE_DEPS && rm -rf /var/lib/apt/lists/*\n' },
  ],
  invalid: [
    {
      name: 'variables: $PHPIZE_DEPS of the php image, kept in the image',
      code: 'FROM php:8.3-fpm\nRUN apt-get update && apt-get install -y --no-install-recommends $PHPIZE_DEPS libzip-dev && rm -rf /var/lib/apt/lists/*\n',
      errors: ['2:66-2:78', '2:79-2:89'],
      messages: ['`$PHPIZE_DEPS` installs the build tools `dpkg-dev`, `g++`, `gcc`, `libc-dev`, `make`, which are installed in the final image and not removed in this RUN: they ship', '`libzip-dev` is a build tool'],
    },
    {
      name: 'variables: ENV defined in the file (the official php Dockerfile), quoted and continued lines',
      code: 'FROM debian:bookworm-slim\nENV PHPIZE_DEPS \\\n\t\tautoconf \\\n\t\tg++ \\\n\t\tmake\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends \\\n\t\t$PHPIZE_DEPS \\\n\t\tca-certificates; rm -rf /var/lib/apt/lists/*\n',
      errors: ['7:3-7:15'],
      messages: ['`$PHPIZE_DEPS` installs the build tools `g++`, `make`'],
    },
    {
      name: 'variables: ARG default in the stage, braces, quoted',
      code: 'FROM debian:12-slim\nARG TOOLS="gcc make"\nRUN apt-get update && apt-get install -y --no-install-recommends ${TOOLS} "${CC:-clang}" && rm -rf /var/lib/apt/lists/*\n',
      errors: ['3:66-3:74'],
      messages: ['`${TOOLS}` installs the build tools `gcc`, `make`'],
    },
    {
      name: 'variables: a global ARG redeclared in the stage, and ${V:-x} of an unset one',
      code: 'ARG CC=gcc\nFROM debian:12-slim\nARG CC\nENV BUILD=${CC}\nRUN apt-get update && apt-get install -y --no-install-recommends $BUILD ${NOPE:-make} && rm -rf /var/lib/apt/lists/*\n',
      errors: ['5:66-5:72'],
      messages: ['`$BUILD` installs the build tool `gcc`, which is'],
    },
    {
      name: 'variables: ENV of a parent stage (FROM <stage>), ${V:+x}',
      code: 'FROM debian:12-slim AS base\nENV WITH_CC=1\nFROM base\nRUN apt-get update && apt-get install -y --no-install-recommends ${WITH_CC:+g++} && rm -rf /var/lib/apt/lists/*\n',
      errors: ['4:66-4:81'],
      messages: ['installs the build tool `g++`'],
    },
    {
      name: 'each package word, on its continuation line',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n      build-essential \\\n      libpq-dev=15.6-0+deb12u1 \\\n      curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: ['3:7-3:22', '4:7-4:31'],
      messages: ['`build-essential`', '`libpq-dev`'],
      noFix: true,
    },
    {
      name: 'apk without the virtual being deleted',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc && apk del other\n',
      errors: ['2:40-2:43'],
      messages: ['apk del .build-deps'],
    },
    {
      name: 'autoremove without apt-mark auto keeps manual packages',
      code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends cmake && apt-get autoremove -y --purge\n',
      errors: ['2:48-2:53'],
    },
    {
      name: 'removed in a later RUN: the layer still holds it',
      code: 'FROM fedora:40\nRUN dnf install -y gcc-c++ python3-devel && dnf clean all\nRUN dnf remove -y gcc-c++ python3-devel\n',
      errors: ['2:20-2:27', '2:28-2:41'],
    },
    {
      name: 'heredoc and sh -c, versioned packages',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\napt-get install -y --no-install-recommends gcc-13 clang-17\nEOF\nRUN sh -c "apt-get install -y --no-install-recommends golang-go"\n',
      errors: ['3:44-3:50', '3:51-3:59', '5:55-5:64'],
    },
    {
      name: 'parent stage that ships, zypper and microdnf',
      code: 'FROM opensuse/leap:15.6 AS base\nRUN zypper -n in make && zypper clean\nFROM base\nRUN microdnf install -y maven && microdnf clean all\n',
      errors: ['2:18-2:22', '4:25-4:30'],
    },
    {
      name: 'Go Dockerfile: the refactor is offered',
      code: 'FROM golang:1.22-alpine\nRUN apk add --no-cache git gcc musl-dev\nWORKDIR /app\nCOPY . .\nRUN go build\nEXPOSE 8080\nENTRYPOINT ./myapp -port 8080',
      errors: ['2:28-2:31', '2:32-2:40'],
      fixTitle: 'Convert to multi-stage build',
      output: 'FROM golang:1.22-alpine AS build\nRUN apk add --no-cache git gcc musl-dev\nWORKDIR /app\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app/myapp\n\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /app/myapp /myapp\nUSER 65532:65532\nEXPOSE 8080\nENTRYPOINT ["/myapp", "-port", "8080"]\n',
    },
  ],
});

/** The refactor applied to a Go Dockerfile: exact text, and the whole registry has nothing left to say. */
describe('Convert to multi-stage build (Go)', () => {
  before(() => initShellParser());

  function refactor(code: string): string | undefined {
    const found = lint({ uri: 'file:///work/Dockerfile', text: code }).findings;
    const fix = found.flatMap((f) => f.fixes).find((x) => x.kind === 'refactor');
    return fix && applyEdits(code, fix.edits());
  }

  function lintClean(code: string): void {
    const result = lint({ uri: 'file:///work/Dockerfile', text: code }, { rules: allRules });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`), []);
  }

  const goDockerfile = [
    '# syntax=docker/dockerfile:1',
    'FROM golang:1.22-bookworm',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    'ENV PORT=8080 GOFLAGS=-mod=readonly',
    'LABEL org.opencontainers.image.source="https://example.com/app"',
    'RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/* \\',
    ' && go build -ldflags="-s -w" -o /out/server ./cmd/server',
    '# the HTTP port',
    'EXPOSE 8080',
    'CMD ["/out/server", "--listen", ":8080"]',
    '',
  ].join('\n');

  it('builder on the original base, CGO_ENABLED=0, scratch with CA bundle, binary, numeric USER, EXPOSE and CMD', () => {
    assert.equal(
      refactor(goDockerfile),
      [
        '# syntax=docker/dockerfile:1',
        'FROM golang:1.22-bookworm AS build',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
        'COPY . .',
        'ENV PORT=8080 GOFLAGS=-mod=readonly',
        'LABEL org.opencontainers.image.source="https://example.com/app"',
        'RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/* \\',
        ' && CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/server ./cmd/server',
        '',
        'FROM scratch',
        'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/',
        'COPY --from=build /out/server /server',
        'ENV PORT=8080',
        'LABEL org.opencontainers.image.source="https://example.com/app"',
        'USER 65532:65532',
        '# the HTTP port',
        'EXPOSE 8080',
        'CMD ["/server", "--listen", ":8080"]',
        '',
      ].join('\n'),
    );
  });

  it('the refactored Dockerfile lints clean under the whole registry', () => {
    lintClean(refactor(goDockerfile)!);
  });

  it('relative -o, ENTRYPOINT + CMD, existing stage name, CGO already off, CRLF', () => {
    const code = 'FROM golang:1.23-alpine AS compile\r\nENV CGO_ENABLED=0\r\nWORKDIR /app\r\nCOPY . .\r\nRUN go build -o bin/api ./cmd/api\r\nENTRYPOINT ["./bin/api"]\r\nCMD ["serve"]\r\n';
    const out = refactor(code);
    assert.equal(
      out,
      'FROM golang:1.23-alpine AS compile\r\nENV CGO_ENABLED=0\r\nWORKDIR /app\r\nCOPY . .\r\nRUN go build -o bin/api ./cmd/api\r\n\r\nFROM scratch\r\nCOPY --from=compile /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\r\nCOPY --from=compile /app/bin/api /api\r\nUSER 65532:65532\r\nENTRYPOINT ["/api"]\r\nCMD ["serve"]\r\n',
    );
    lintClean(out!);
  });

  it('not offered when the start command is not the built binary, needs a shell, or the image has a HEALTHCHECK', () => {
    const base = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\n';
    assert.equal(refactor(`${base}CMD ["go", "run", "."]\n`), undefined);
    assert.equal(refactor(`${base}CMD /bin/app --port $PORT\n`), undefined);
    assert.equal(refactor(`${base}HEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["/bin/app"]\n`), undefined);
    assert.equal(refactor('FROM golang:1.22\nRUN go build -o /bin/$NAME .\nCMD ["/bin/app"]\n'), undefined);
    assert.equal(refactor('FROM golang:1.22\nRUN ["go", "build", "-o", "/bin/app", "."]\nCMD ["/bin/app"]\n'), undefined);
    assert.ok(refactor(`${base}CMD ["/bin/app"]\n`));
  });
});
