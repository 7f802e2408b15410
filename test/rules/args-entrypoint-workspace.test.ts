// `args` without `command`: a workspace-linked Dockerfile's ENTRYPOINT composes with them (RULES.md, Terms, "start command").
import { ruleTable } from '../helpers/workspace-table';

const deployment = (image: string, args: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: ${image}
          args: ${args}
`;

ruleTable('no-keepalive-command', {
  valid: [
    {
      name: 'the linked ENTRYPOINT is the app: args are its arguments',
      files: { 'api/Dockerfile': 'FROM debian:12-slim\nENTRYPOINT ["/app/server"]\n', 'deploy/api.yaml': deployment('api:1', '[sleep, infinity]') },
    },
    {
      name: 'a shell-form ENTRYPOINT ignores args',
      files: { 'api/Dockerfile': 'FROM debian:12-slim\nENTRYPOINT exec /app/server\n', 'deploy/api.yaml': deployment('api:1', '[sleep, infinity]') },
    },
    {
      name: 'no ENTRYPOINT: the base image decides (redis takes flags)',
      files: { 'api/Dockerfile': 'FROM redis:7.2\nCOPY redis.conf /etc/redis.conf\n', 'deploy/api.yaml': deployment('api:1', '["--appendonly", "yes"]') },
    },
  ],
  invalid: [
    {
      name: 'ENTRYPOINT ["tini", "--"] composes with args',
      files: { 'api/Dockerfile': 'FROM debian:12-slim\nENTRYPOINT ["tini", "--"]\n', 'deploy/api.yaml': deployment('api:1', '[sleep, infinity]') },
      errors: ['deploy/api.yaml 11:11-11:33'],
      messages: ['The container\'s main process is `sleep infinity`, a keep-alive: the app can die while the container stays up and looks healthy. Make the app itself the foreground process. The `args` run through the image built from `api/Dockerfile` (linked to this image).'],
      exactMessages: true,
    },
    {
      name: 'ENTRYPOINT inherited from a parent stage',
      files: { 'api/Dockerfile': 'FROM debian:12-slim AS base\nENTRYPOINT ["dumb-init", "--"]\nFROM base\nCOPY app /app\n', 'deploy/api.yaml': deployment('api:1', '[tail, -f, /dev/null]') },
      errors: ['deploy/api.yaml 11:11-11:37'],
    },
    {
      name: 'no ENTRYPOINT on a base without one: args are the command',
      files: { 'api/Dockerfile': 'FROM ubuntu:24.04\nCOPY app /app\n', 'deploy/api.yaml': deployment('api:1', '["sleep", "infinity"]') },
      errors: ['deploy/api.yaml 11:19-11:36'],
    },
  ],
});
