// compose-shell-operators with `build` linked to a Dockerfile: a string `command` is passed to the ENTRYPOINT in
// effect for the `target` stage (RULES.md, Compose), which may be a shell, a wrapper that runs it, or a program.
import { ruleTable } from '../helpers/workspace-table';

const service = (build: string, command: string) => `services:\n  api:\n    build: ${build}\n    command: ${command}\n`;

ruleTable('compose-shell-operators', {
  valid: [
    {
      name: 'the linked ENTRYPOINT is a shell with -c',
      files: { 'api/Dockerfile': 'FROM debian:12-slim\nENTRYPOINT ["/bin/bash", "-lc"]\n', 'compose.yaml': service('./api', 'migrate && serve') },
    },
    {
      name: 'a shell-form ENTRYPOINT never reads the command',
      files: { 'api/Dockerfile': 'FROM debian:12-slim\nENTRYPOINT exec /app/server\n', 'compose.yaml': service('./api', 'migrate && serve') },
    },
    {
      name: 'the shell ENTRYPOINT is inherited from the stage the target is built FROM',
      files: {
        'api/Dockerfile': 'FROM alpine:3.20 AS base\nENTRYPOINT ["sh", "-c"]\nFROM base AS dev\nRUN apk add make\nFROM base AS prod\nENTRYPOINT ["/app/server"]\n',
        'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n      target: dev\n    command: make watch | tee build.log\n',
      },
    },
    {
      name: 'a list is an argv whatever the entrypoint',
      files: { 'api/Dockerfile': 'FROM debian:12-slim\nENTRYPOINT ["/app/server"]\n', 'compose.yaml': service('./api', '["--", "a", "&&", "b"]') },
    },
  ],
  invalid: [
    {
      name: 'an exec ENTRYPOINT that is the app: the words are its arguments, no wrap fix',
      files: { 'api/Dockerfile': 'FROM debian:12-slim\nENTRYPOINT ["/app/server"]\n', 'compose.yaml': service('./api', '--migrate && --serve') },
      errors: ['compose.yaml 4:24-4:26'],
      messages: [
        '`&&` is shell syntax, but Compose runs this command without a shell: its words are the arguments of the ENTRYPOINT `/app/server` of `api/Dockerfile` (linked by `build`), which receives `&&` as an argument, and what follows it never runs as a command. Run the start command through a shell in `entrypoint` (["sh", "-c", "…"]).',
      ],
      exactMessages: true,
      noFix: true,
    },
    {
      name: 'ENTRYPOINT ["tini", "--"] runs the command without a shell: the wrap fix works through it',
      files: { 'api/Dockerfile': 'FROM debian:12-slim\nENTRYPOINT ["tini", "--"]\n', 'compose.yaml': service('./api', 'migrate && serve') },
      errors: ['compose.yaml 4:22-4:24'],
      messages: [
        '`&&` is shell syntax, but Compose runs this command without a shell: `migrate` receives `&&` as an argument, and what follows it never runs as a command. It runs through the ENTRYPOINT `tini --` of `api/Dockerfile` (linked by `build`), which does not run a shell either. Run it through a shell: ["sh", "-c", "…"].',
      ],
      exactMessages: true,
      fix: { file: 'compose.yaml', output: service('./api', '["sh", "-c", "migrate && serve"]') },
    },
    {
      name: "docker-entrypoint.sh runs a command; a first word that is a flag goes to the image's program",
      files: {
        'api/Dockerfile': 'FROM node:20-slim\nCOPY . /app\nENTRYPOINT ["docker-entrypoint.sh"]\n',
        'compose.yaml': 'services:\n  a:\n    build: ./api\n    command: npm run migrate; npm start\n  b:\n    build: ./api\n    command: --inspect > /tmp/out\n',
      },
      errors: ['compose.yaml 4:22-4:30', 'compose.yaml 7:24-7:25'],
      messages: ['It runs through the ENTRYPOINT `docker-entrypoint.sh` of `api/Dockerfile`', 'its words are the arguments of the ENTRYPOINT `docker-entrypoint.sh` of `api/Dockerfile`'],
      fix: { file: 'compose.yaml', output: 'services:\n  a:\n    build: ./api\n    command: ["sh", "-c", "npm run migrate; npm start"]\n  b:\n    build: ./api\n    command: --inspect > /tmp/out\n' },
    },
    {
      name: "the target stage's ENTRYPOINT decides, not the final stage's shell",
      files: {
        'api/Dockerfile': 'FROM golang:1.22 AS build\nENTRYPOINT ["/go/bin/app"]\nFROM alpine:3.20\nENTRYPOINT ["sh", "-c"]\n',
        'compose.yaml': 'services:\n  api:\n    build:\n      context: api\n      dockerfile: Dockerfile\n      target: build\n    command: serve || exit 1\n',
      },
      errors: ['compose.yaml 7:20-7:22'],
      messages: ['the ENTRYPOINT `/go/bin/app` of `api/Dockerfile`'],
      noFix: true,
    },
    {
      name: "no ENTRYPOINT in the Dockerfile: the base image's known entrypoint (distroless python3 runs python3)",
      files: { 'api/Dockerfile': 'FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app.py\n', 'compose.yaml': service('./api', '/app.py && echo up') },
      errors: ['compose.yaml 4:22-4:24'],
      messages: ["its words are the arguments of the image's entrypoint `python3`"],
      noFix: true,
    },
    {
      name: 'no ENTRYPOINT and a base image that runs commands: the command is the program, fixed by the wrap',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\n', 'compose.yaml': service('./api', 'python manage.py migrate && gunicorn app') },
      errors: ['compose.yaml 4:39-4:41'],
      fix: { file: 'compose.yaml', output: service('./api', '["sh", "-c", "python manage.py migrate && gunicorn app"]') },
    },
    {
      name: "the service's own entrypoint is a program: no wrap fix (it would run `sh` as its argument)",
      files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    entrypoint: ["/app/server"]\n    command: --a && --b\n' },
      errors: ['compose.yaml 5:18-5:20'],
      messages: ["the service's entrypoint `/app/server`"],
      noFix: true,
    },
    {
      name: 'a Dockerfile that is not in the workspace: the command is taken as the program',
      files: { 'compose.yaml': service('./missing', 'a && b') },
      errors: ['compose.yaml 4:16-4:18'],
      fix: { file: 'compose.yaml', output: service('./missing', '["sh", "-c", "a && b"]') },
    },
  ],
});
