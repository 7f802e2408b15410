import { ruleTable } from '../helpers/rule-table';

ruleTable('apk-no-cache', {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    { name: 'global option before add', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n' },
    { name: 'cache removed in the same RUN', code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n' },
    { name: 'cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: '/etc/apk/cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache,sharing=locked apk add curl\n' },
    { name: '--no-network fetches nothing', code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps\n' },
    { name: 'build stage', code: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM scratch\nCOPY --from=build /a /a\n' },
    { name: 'apk del is not add', code: 'FROM alpine:3.20\nRUN apk del curl\n' },
    { name: 'variables: the flag comes from an ARG default', code: 'FROM alpine:3.20\nARG APK_FLAGS=--no-cache\nRUN apk add $APK_FLAGS curl\n' },
  ],
  invalid: [
    {
      name: 'variables: an ARG default without --no-cache',
      code: 'FROM alpine:3.20\nARG APK_FLAGS="--quiet"\nRUN apk add $APK_FLAGS curl\n',
      errors: ['3:5-3:12'],
    },
    {
      name: 'safe fix inserts --no-cache after add',
      code: 'FROM alpine:3.20\nRUN apk add curl\n',
      errors: ['2:5-2:12'],
      messages: ['/var/cache/apk'],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'continuation lines with --virtual',
      code: 'FROM python:3.12-alpine\nRUN set -eux \\\n    && apk add --virtual .build-deps \\\n        gcc musl-dev \\\n    && pip install --no-cache-dir x \\\n    && apk del .build-deps\n',
      errors: ['3:8-3:15'],
      output: 'FROM python:3.12-alpine\nRUN set -eux \\\n    && apk add --no-cache --virtual .build-deps \\\n        gcc musl-dev \\\n    && pip install --no-cache-dir x \\\n    && apk del .build-deps\n',
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk update\napk add curl\nEOF\n',
      errors: ['4:1-4:8'],
      output: 'FROM alpine:3.20\nRUN <<EOF\napk update\napk add --no-cache curl\nEOF\n',
    },
    {
      name: 'inside sh -c, --update is not --no-cache',
      code: 'FROM alpine:3.20\nRUN sh -c "apk add --update curl"\n',
      errors: ['2:12-2:19'],
      output: 'FROM alpine:3.20\nRUN sh -c "apk add --no-cache --update curl"\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n',
      errors: ['2:7-2:17'],
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
    {
      name: 'a mount on another directory does not count',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add curl\n',
      errors: ['2:44-2:51'],
    },
  ],
});
