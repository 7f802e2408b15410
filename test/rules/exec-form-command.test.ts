import { ruleTable } from '../helpers/rule-table';

ruleTable('exec-form-command', {
  valid: [
    'FROM alpine:3.20\nCMD ["./app", "--port", "80"]\n',
    { name: 'exec form ENTRYPOINT and CMD', code: 'FROM alpine:3.20\nENTRYPOINT ["tini", "--"]\nCMD ["./app"]\n' },
    { name: 'shell form that ends in exec', code: 'FROM alpine:3.20\nCMD exec java $JAVA_OPTS -jar /app.jar\n' },
    { name: 'setup, then exec', code: 'FROM alpine:3.20\nCMD cd /srv && ./migrate; exec ./app\n' },
    { name: 'build stage is not shipped', code: 'FROM golang:1.22 AS build\nCMD go test ./...\nFROM alpine:3.20\nCMD ["./app"]\n' },
    { name: 'overridden CMD of an earlier stage', code: 'FROM alpine:3.20 AS base\nCMD ./old\nFROM base\nCMD ["./app"]\n' },
    { name: 'CMD is ignored under a shell-form ENTRYPOINT', code: 'FROM alpine:3.20\nENTRYPOINT exec ./app\nCMD --verbose\n' },
    { name: 'no start command at all', code: 'FROM alpine:3.20\nRUN echo hi\n' },
  ],
  invalid: [
    {
      name: 'simple CMD: safe fix to JSON',
      code: 'FROM alpine:3.20\nCMD ./app --port 80\n',
      errors: ['2:1-2:4'],
      messages: ['/bin/sh -c'],
      output: 'FROM alpine:3.20\nCMD ["./app", "--port", "80"]\n',
    },
    {
      name: 'line continuation: one JSON line',
      code: 'FROM node:20-slim\nENTRYPOINT node \\\n    server.js \\\n    --port=8080\n',
      errors: ['2:1-2:11'],
      output: 'FROM node:20-slim\nENTRYPOINT ["node", "server.js", "--port=8080"]\n',
    },
    {
      name: 'quotes are removed and JSON-escaped',
      code: 'FROM python:3.12-slim\nCMD python -c \'print("hi")\' "a b"\n',
      errors: ['2:1-2:4'],
      output: 'FROM python:3.12-slim\nCMD ["python", "-c", "print(\\"hi\\")", "a b"]\n',
    },
    {
      name: 'inherited from the parent stage: reported where it is written',
      code: 'FROM alpine:3.20 AS base\nCMD ./app\nFROM base\nRUN true\n',
      errors: ['2:1-2:4'],
      output: 'FROM alpine:3.20 AS base\nCMD ["./app"]\nFROM base\nRUN true\n',
    },
    {
      name: 'operators: reported, no fix',
      code: 'FROM alpine:3.20\nCMD ./migrate && ./app\n',
      errors: ['2:1-2:4'],
      noFix: true,
    },
    {
      name: 'expansion: no fix (exec form does not expand $PORT)',
      code: 'FROM alpine:3.20\nCMD ./app --port $PORT\n',
      errors: ['2:1-2:4'],
      noFix: true,
    },
    {
      name: 'glob and tilde: no fix',
      code: 'FROM alpine:3.20\nCMD ./app ~/conf *.yaml\n',
      errors: ['2:1-2:4'],
      noFix: true,
    },
    {
      name: 'redirect: no fix',
      code: 'FROM alpine:3.20\nCMD ./app > /tmp/out\n',
      errors: ['2:1-2:4'],
      noFix: true,
    },
    {
      name: '& inside quotes is text: still one simple command',
      code: 'FROM alpine:3.20\nCMD ./app "a & b"\n',
      errors: ['2:1-2:4'],
      output: 'FROM alpine:3.20\nCMD ["./app", "a & b"]\n',
    },
    {
      name: 'shell-form CMD under an exec ENTRYPOINT: suggestion',
      code: 'FROM postgres:16\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD postgres -c max_connections=200\n',
      errors: ['3:1-3:4'],
      messages: ['/bin/sh -c "…"'],
      output: 'FROM postgres:16\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres", "-c", "max_connections=200"]\n',
    },
    {
      name: 'shell ENTRYPOINT with a CMD in effect: both reported only once, suggestion',
      code: 'FROM alpine:3.20\nENTRYPOINT ./app\nCMD ["--verbose"]\n',
      errors: ['2:1-2:11'],
      output: 'FROM alpine:3.20\nENTRYPOINT ["./app"]\nCMD ["--verbose"]\n',
    },
    {
      name: 'a SHELL instruction: no fix',
      code: 'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nCMD ./app\n',
      errors: ['3:1-3:4'],
      noFix: true,
    },
    {
      name: 'a comment inside the continuation: no fix',
      code: 'FROM alpine:3.20\nCMD ./app \\\n# the port\n  --port 80\n',
      errors: ['2:1-2:4'],
      noFix: true,
    },
    {
      name: 'shell builtin: no fix',
      code: 'FROM alpine:3.20\nCMD source /env\n',
      errors: ['2:1-2:4'],
      noFix: true,
    },
    {
      name: 'CRLF',
      code: 'FROM alpine:3.20\r\nCMD ./app \\\r\n  --port 80\r\n',
      errors: ['2:1-2:4'],
      output: 'FROM alpine:3.20\r\nCMD ["./app", "--port", "80"]\r\n',
    },
  ],
});
