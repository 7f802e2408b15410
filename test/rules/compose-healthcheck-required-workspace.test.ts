// compose-healthcheck-required with `build` linked to a Dockerfile: the image's HEALTHCHECK (of the `target` stage,
// inherited through `FROM <stage>`) counts as the service's healthcheck (RULES.md, rule 42).
import { ruleTable } from '../helpers/workspace-table';

const compose = (build: string) => `services:\n  app:\n    image: acme/app:1\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: ${build}\n    ports:\n      - "8080:8080"\n`;
const targeted = (target: string) => compose(`\n      context: ./api\n      target: ${target}`);

ruleTable('compose-healthcheck-required', {
  valid: [
    {
      name: 'the final stage declares a HEALTHCHECK',
      files: { 'api/Dockerfile': 'FROM node:20-slim\nHEALTHCHECK --interval=10s CMD wget -qO- http://localhost:8080/ || exit 1\nCMD ["node", "server.js"]\n', 'compose.yaml': compose('./api') },
    },
    {
      name: 'the target stage inherits the HEALTHCHECK of the stage it is built FROM',
      files: {
        'api/Dockerfile': 'FROM node:20-slim AS base\nHEALTHCHECK CMD curl -f http://localhost:8080/\nFROM base AS prod\nCMD ["node", "server.js"]\nFROM node:20-slim AS test\nCMD ["npm", "test"]\n',
        'compose.yaml': targeted('prod'),
      },
    },
    {
      name: 'a base image from outside the official library may declare one',
      files: { 'api/Dockerfile': 'FROM ghcr.io/openzipkin/zipkin:3\nCOPY conf /conf\n', 'compose.yaml': compose('./api') },
    },
    {
      name: 'a Dockerfile that is not in the workspace',
      files: { 'compose.yaml': compose('./elsewhere') },
    },
  ],
  invalid: [
    {
      name: 'no HEALTHCHECK in the Dockerfile, an official base image',
      files: { 'api/Dockerfile': 'FROM node:20-slim\nCMD ["node", "server.js"]\n', 'compose.yaml': compose('./api') },
      errors: ['compose.yaml 7:3-7:6'],
      messages: [
        '`app` waits for `api` to be healthy (condition: service_healthy), but it has no healthcheck, nor does its image (`api/Dockerfile`, linked by `build`, has no `HEALTHCHECK`): `docker compose up` fails. Add a healthcheck to the service or the Dockerfile.',
      ],
      exactMessages: true,
      fix: {
        file: 'compose.yaml',
        output: `${compose('./api')}    healthcheck:\n      test:\n        - CMD-SHELL\n        - wget -qO- http://localhost:8080/ || exit 1\n      interval: 10s\n      timeout: 5s\n      retries: 5\n`,
      },
    },
    {
      name: "the target stage has none, though the final stage has one",
      files: {
        'api/Dockerfile': 'FROM python:3.12-slim AS dev\nCMD ["flask", "run"]\nFROM python:3.12-slim\nHEALTHCHECK CMD python -c "import urllib.request as u; u.urlopen(\'http://localhost:8080/\')"\n',
        'compose.yaml': targeted('dev'),
      },
      errors: ['compose.yaml 7:3-7:6'],
    },
    {
      name: 'HEALTHCHECK NONE turns off the inherited one',
      files: {
        'api/Dockerfile': 'FROM node:20-slim AS base\nHEALTHCHECK CMD curl -f http://localhost:8080/\nFROM base\nHEALTHCHECK NONE\n',
        'compose.yaml': compose('./api'),
      },
      errors: ['compose.yaml 7:3-7:6'],
      messages: ['but its image is built with `HEALTHCHECK NONE` (`api/Dockerfile`, linked by `build`)'],
    },
    {
      name: 'FROM scratch declares none',
      files: { 'api/Dockerfile': 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', 'compose.yaml': compose('./api') },
      errors: ['compose.yaml 7:3-7:6'],
    },
  ],
});
