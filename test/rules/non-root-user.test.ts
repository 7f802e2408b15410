import { ruleTable } from '../helpers/rule-table';

ruleTable('non-root-user', {
  valid: [
    'FROM debian:12-slim\nRUN useradd --system app\nUSER app\nCMD ["./app"]\n',
    { name: 'USER in a parent stage', code: 'FROM alpine:3.20 AS base\nUSER 10001\nFROM base\nCMD ["./app"]\n' },
    { name: 'distroless nonroot tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'nginx-unprivileged', code: 'FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY site /usr/share/nginx/html\n' },
    { name: 'USER root then back to a user', code: 'FROM node:20-slim\nUSER root\nRUN apt-get install -y curl\nUSER node\n' },
    { name: 'the start command drops privileges with gosu', code: 'FROM debian:12-slim\nCMD ["gosu", "app", "./server"]\n' },
    { name: 'a variable user is not judged', code: 'FROM alpine:3.20\nARG APP_USER=app\nUSER ${APP_USER}\n' },
    { name: 'a variable base image is not judged', code: 'ARG BASE=alpine:3.20\nFROM ${BASE}\nCMD ["./app"]\n' },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe"]\n' },
    { name: 'root in a build stage only', code: 'FROM golang:1.22 AS build\nUSER root\nFROM scratch\nUSER 65532:65532\n' },
  ],
  invalid: [
    {
      name: 'Debian: create a system user before CMD',
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      errors: ['1:6-1:22'],
      messages: ['sets no USER'],
      output: 'FROM python:3.12-slim\nCOPY . /app\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nCMD ["python", "/app/main.py"]\n',
    },
    {
      name: 'Alpine: adduser -S',
      code: 'FROM alpine:3.20\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: ['1:6-1:17'],
      output: 'FROM alpine:3.20\nCOPY app /app\nRUN adduser -S -u 10001 app\nUSER 10001\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'scratch: USER 65532:65532 before ENTRYPOINT',
      code: 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      errors: ['2:6-2:13'],
      output: 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /out/app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'distroless without the nonroot tag, no CMD: at the end',
      code: 'FROM gcr.io/distroless/java21-debian12\nCOPY app.jar /app.jar',
      errors: ['1:6-1:39'],
      output: 'FROM gcr.io/distroless/java21-debian12\nCOPY app.jar /app.jar\nUSER 65532:65532',
    },
    {
      name: 'last USER is root: reported on the argument',
      code: 'FROM node:20-slim\nUSER node\nRUN npm ci\nUSER root\nCMD ["node", "server.js"]\n',
      errors: ['4:6-4:10'],
      messages: ['`root`'],
      output: 'FROM node:20-slim\nUSER node\nRUN npm ci\nUSER root\nUSER node\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'USER 0:0 after CMD: the user goes at the end',
      code: 'FROM ubuntu:24.04\nCMD ["./app"]\nUSER 0:0\n',
      errors: ['3:6-3:9'],
      output: 'FROM ubuntu:24.04\nCMD ["./app"]\nUSER 0:0\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\n',
    },
    {
      name: 'distroless with USER root: replaced',
      code: 'FROM gcr.io/distroless/base-debian12\nUSER root\n',
      errors: ['2:6-2:10'],
      output: 'FROM gcr.io/distroless/base-debian12\nUSER 65532:65532\n',
    },
    {
      name: 'a user created but never switched to',
      code: 'FROM alpine:3.20\nRUN addgroup -S web && adduser -S -G web -h /srv web\nCMD ["./web"]\n',
      errors: ['1:6-1:17'],
      output: 'FROM alpine:3.20\nRUN addgroup -S web && adduser -S -G web -h /srv web\nUSER web\nCMD ["./web"]\n',
    },
    {
      name: 'unknown base: a numeric USER only; CRLF',
      code: 'FROM registry.example.com/team/base:2\r\nCMD ["./app"]\r\n',
      errors: ['1:6-1:38'],
      output: 'FROM registry.example.com/team/base:2\r\nUSER 10001\r\nCMD ["./app"]\r\n',
    },
  ],
});
