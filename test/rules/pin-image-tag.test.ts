import type { WorkspaceView } from '../../server/src/engine/workspace';
import { parseDockerfile } from '../../server/src/parse/dockerfile';
import { sourceText } from '../../server/src/parse/source';
import { ruleTable } from '../helpers/rule-table';

const pod = (containers: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
${containers}`;

ruleTable('pin-image-tag', {
  valid: [
    'FROM python:3.12-slim\n',
    { name: 'scratch and stage names are not images', code: 'FROM golang:1.22 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /a /a\n' },
    { name: 'a digest pins', code: 'FROM alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n' },
    { name: 'latest with a digest', code: 'FROM alpine:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n' },
    { name: 'variables are not judged', code: 'ARG BASE=alpine\nFROM ${BASE}\nFROM python:${PY}\n' },
    { name: 'registry with a port', code: 'FROM localhost:5000/team/app:1.4\n' },
    { name: 'pinned container', filename: 'pod.yaml', code: pod('    - name: web\n      image: nginx:1.27\n') },
    { name: 'Helm-templated image', filename: 'pod.yaml', code: pod('    - name: web\n      image: {{ .Values.image }}\n') },
    { name: 'Helm-templated tag', filename: 'pod.yaml', code: pod('    - name: web\n      image: "nginx:{{ .Values.tag }}"\n') },
    { name: 'placeholder', filename: 'pod.yaml', code: pod('    - name: web\n      image: <YOUR-IMAGE>\n') },
  ],
  invalid: [
    {
      name: 'Compose: a service',
      filename: 'compose.yaml',
      code: 'services:\n  db:\n    image: "postgres:latest"\n  cache:\n    image: redis\n',
      errors: ['3:22-3:28', '5:12-5:17'],
    },
    {
      name: ':latest: the tag',
      code: 'FROM alpine:latest\n',
      errors: ['1:13-1:19'],
      messages: ['`latest` tag'],
      noFix: true,
    },
    {
      name: 'no tag: the image, every stage',
      code: 'FROM --platform=$BUILDPLATFORM golang AS build\nFROM docker.io/library/alpine\n',
      errors: ['1:32-1:38', '2:6-2:30'],
      messages: ['no tag', 'no tag'],
    },
    {
      name: 'kubernetes: plain, quoted, init container',
      filename: 'pod.yaml',
      code: pod('    - name: web\n      image: nginx\n    - name: side\n      image: "busybox:latest"\n  initContainers:\n    - name: init\n      image: registry.example.com:5000/tools\n'),
      errors: ['8:14-8:19', '10:23-10:29', '13:14-13:45'],
    },
    {
      name: 'kubernetes: flow map, second document',
      filename: 'pod.yaml',
      code: `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n${pod('  - {name: web, image: "redis:latest"}\n')}`,
      errors: ['12:31-12:37'],
    },
  ],
});

// An untagged image that the workspace builds itself (skaffold, compose, folder name) gets its tag from the build tool.
const workspace: WorkspaceView = {
  files: () => [],
  dockerfilesForImage: (image) => (image === 'adservice' ? [{ uri: 'file:///work/src/adservice/Dockerfile', model: parseDockerfile(sourceText('file:///work/src/adservice/Dockerfile', 'FROM scratch\n')) }] : []),
};

ruleTable('pin-image-tag', {
  workspace,
  valid: [{ name: 'built by the workspace', filename: 'pod.yaml', code: pod('    - name: ad\n      image: adservice\n') }],
  invalid: [
    {
      name: 'latest is still latest, and other images still need a tag',
      filename: 'pod.yaml',
      code: pod('    - name: ad\n      image: adservice:latest\n    - name: cache\n      image: redis\n'),
      errors: ['8:24-8:30', '10:14-10:19'],
    },
  ],
});
