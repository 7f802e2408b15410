import { ruleTable } from '../helpers/rule-table';

ruleTable('apt-clean-lists', {
  valid: [
    { name: 'rm -rf in the same RUN', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'apt-get dist-clean (trixie images)', code: 'FROM debian:13-slim\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean\n' },
    {
      name: 'cache mounts on /var/cache/apt and /var/lib/apt',
      code: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
    { name: 'tmpfs mount on the lists', code: 'FROM debian:12-slim\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'heredoc that cleans', code: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends curl\nrm -rf /var/lib/apt/lists/*\nEOF\n' },
    { name: 'rm inside sh -c', code: "FROM debian:12-slim\nRUN sh -c 'apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'\n" },
    { name: 'quoted path, find -delete', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && find /var/lib/apt/lists -type f -delete\n' },
    { name: 'build stage used through COPY --from', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /out /out\n' },
    { name: 'a simulated install installs nothing', code: 'FROM debian:12-slim\nRUN apt-get install -s curl\n' },
  ],
  invalid: [
    {
      name: 'one line',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      errors: ['2:23-2:38'],
      messages: ['/var/lib/apt/lists'],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'continuation lines and a trailing shell comment: exact line, appended before the comment',
      code: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n# the tools\n       curl \\\n       git # tools\nUSER 1000\n',
      errors: ['3:8-3:23'],
      output: 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n# the tools\n       curl \\\n       git && rm -rf /var/lib/apt/lists/* # tools\nUSER 1000\n',
    },
    {
      name: 'heredoc: the cleanup is a new line of the body',
      code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\napt-get update\n  apt-get install -y --no-install-recommends curl\nEOF\n',
      errors: ['5:3-5:18'],
      output: 'FROM debian:12-slim\nRUN <<EOF\nset -e\napt-get update\n  apt-get install -y --no-install-recommends curl\n  rm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'a cache mount on /var/cache/apt alone keeps the lists in the layer',
      code: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y --no-install-recommends curl\n',
      errors: ['2:64-2:79'],
      output: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'install inside sh -c: range in the string, cleanup after the command',
      code: 'FROM debian:12-slim\nRUN sh -c "apt-get update && apt-get install -y --no-install-recommends curl"\n',
      errors: ['2:30-2:45'],
      output: 'FROM debian:12-slim\nRUN sh -c "apt-get update && apt-get install -y --no-install-recommends curl" && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'semicolon list and sudo',
      code: 'FROM ubuntu:24.04\nRUN set -eux; sudo apt-get update; sudo apt-get install -y --no-install-recommends curl; echo done\n',
      errors: ['2:41-2:56'],
      output: 'FROM ubuntu:24.04\nRUN set -eux; sudo apt-get update; sudo apt-get install -y --no-install-recommends curl; echo done && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt, and a parent stage that ships',
      code: 'FROM debian:12-slim AS base\nRUN apt update && apt install -y --no-install-recommends curl\nFROM base\nCMD ["curl"]\n',
      errors: ['2:19-2:30'],
      messages: ["apt's package lists"],
    },
    {
      name: 'CRLF',
      code: 'FROM debian:12-slim\r\nRUN apt-get update && \\\r\n    apt-get install -y --no-install-recommends curl\r\nUSER 1000\r\n',
      errors: ['3:5-3:20'],
      output: 'FROM debian:12-slim\r\nRUN apt-get update && \\\r\n    apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\r\nUSER 1000\r\n',
    },
    {
      name: 'exec form: reported, no fix',
      code: 'FROM debian:12-slim\nRUN ["apt-get", "install", "-y", "--no-install-recommends", "curl"]\n',
      errors: ['2:7-2:25'],
      noFix: true,
    },
    {
      name: 'apt-get update alone: its lists ship even if a later RUN cleans',
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      errors: ['2:5-2:19'],
      output: 'FROM debian:12-slim\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'one finding per RUN',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get install -y --no-install-recommends git\n',
      errors: ['2:23-2:38'],
    },
  ],
});
