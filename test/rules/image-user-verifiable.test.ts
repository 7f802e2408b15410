import { ruleTable } from '../helpers/workspace-table';

/** A Deployment with one container `web` of `image`; `container` adds keys under it, `pod` under the pod spec. */
const deployment = (image: string, container = '', pod = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
${pod}      containers:
        - name: web
          image: ${image}
${container}`;

const NON_ROOT = '          securityContext:\n            runAsNonRoot: true\n';
const POD_NON_ROOT = '      securityContext:\n        runAsNonRoot: true\n';
const NAMED_USER = 'FROM python:3.12-slim\nRUN useradd --system --uid 10001 app\nUSER app\nCMD ["python", "app.py"]\n';

ruleTable('image-user-verifiable', {
  valid: [
    {
      name: 'numeric USER: the kubelet can check it',
      files: { 'web/Dockerfile': 'FROM python:3.12-slim\nUSER 10001\n', 'k8s/web.yaml': deployment('registry.example.com/web:1.4', NON_ROOT) },
    },
    {
      name: 'named USER, runAsUser set on the container',
      files: { 'web/Dockerfile': NAMED_USER, 'k8s/web.yaml': deployment('web:1', '          securityContext:\n            runAsNonRoot: true\n            runAsUser: 10001\n') },
    },
    {
      name: 'named USER, runAsUser set on the pod',
      files: { 'web/Dockerfile': NAMED_USER, 'k8s/web.yaml': deployment('web:1', '', '      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n') },
    },
    {
      name: 'no runAsNonRoot: nothing for the kubelet to verify',
      files: { 'web/Dockerfile': NAMED_USER, 'k8s/web.yaml': deployment('web:1', '          securityContext:\n            runAsNonRoot: false\n') },
    },
    {
      name: 'unlinked: no folder named like the image',
      files: { 'api/Dockerfile': NAMED_USER, 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
    },
    {
      name: 'ambiguous: two folders named like the image',
      files: { 'a/web/Dockerfile': NAMED_USER, 'b/web/Dockerfile': NAMED_USER, 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
    },
    {
      name: 'ambiguous: two Dockerfiles in the folder',
      files: { 'web/Dockerfile': NAMED_USER, 'web/Dockerfile.debug': NAMED_USER, 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
    },
    {
      name: 'no USER on an unknown base: its user is not known',
      files: { 'web/Dockerfile': 'FROM registry.example.com/base/python:3\nCMD ["app"]\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
    },
    {
      name: 'no USER on distroless :nonroot (uid 65532)',
      files: { 'web/Dockerfile': 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
    },
    {
      name: 'no USER on a Bitnami image (uid 1001, from the knowledge table)',
      files: { 'web/Dockerfile': 'FROM bitnami/nginx:1.27\nCOPY site /app\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
    },
    {
      name: 'USER from a variable without a default',
      files: { 'web/Dockerfile': 'FROM alpine:3.20\nARG APP_USER\nUSER $APP_USER\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
    },
    {
      name: 'USER from an ARG default that is numeric: verifiable',
      files: { 'web/Dockerfile': 'FROM alpine:3.20\nARG APP_UID=10001\nUSER ${APP_UID}\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
    },
    {
      name: 'skaffold builds the image with jib: no Dockerfile, and no folder-name guess',
      files: {
        'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: web\n      jib: {}\n',
        'web/Dockerfile': NAMED_USER,
        'k8s/web.yaml': deployment('web', NON_ROOT),
      },
    },
  ],
  invalid: [
    {
      name: 'named USER with a known uid (folder link): runAsUser added beside runAsNonRoot',
      files: { 'web/Dockerfile': NAMED_USER, 'k8s/web.yaml': deployment('registry.example.com/team/web:1.4.2', NON_ROOT) },
      errors: ['k8s/web.yaml 10:18-10:53'],
      messages: ['Container `web` sets runAsNonRoot: true without runAsUser, and its image (linked to `web/Dockerfile` by folder name) runs as USER `app`, a name: the kubelet cannot check'],
      fix: { title: 'Set runAsUser: 10001 (the uid of `app` in web/Dockerfile)', file: 'k8s/web.yaml', output: deployment('registry.example.com/team/web:1.4.2', `${NON_ROOT}            runAsUser: 10001\n`) },
    },
    {
      name: 'runAsNonRoot on the pod: runAsUser goes to the container',
      files: { 'web/Dockerfile': 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -D -u 1000 -G app app\nUSER app:app\n', 'k8s/web.yaml': deployment('web:2', '', POD_NON_ROOT) },
      errors: ['k8s/web.yaml 12:18-12:23'],
      messages: ['runs as USER `app:app`, a name'],
      fix: { file: 'k8s/web.yaml', output: deployment('web:2', '          securityContext:\n            runAsUser: 1000\n', POD_NON_ROOT) },
    },
    {
      name: 'busybox adduser: grouped flags, the uid after the login name',
      files: { 'web/Dockerfile': 'FROM alpine:3.20\nRUN addgroup -g 666 -S svc && adduser -SHG svc svc -u 666\nUSER svc\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
      errors: ['k8s/web.yaml 10:18-10:23'],
      fix: { title: 'Set runAsUser: 666 (the uid of `svc` in web/Dockerfile)', file: 'k8s/web.yaml', output: deployment('web:1', `${NON_ROOT}            runAsUser: 666\n`) },
    },
    {
      name: 'named USER whose uid is not in the Dockerfile: no fix',
      files: { 'web/Dockerfile': 'FROM node:20-slim\nUSER node\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
      errors: ['k8s/web.yaml 10:18-10:23'],
      noFix: true,
    },
    {
      name: 'no USER on python: root; the fix adds a numeric USER to the Dockerfile',
      files: { 'web/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
      errors: ['k8s/web.yaml 10:18-10:23'],
      messages: ['runs as root (no USER, and its base `python:3.12-slim` runs as root): the kubelet refuses to start the container'],
      fix: { title: 'Run the image as USER 10001 (in web/Dockerfile)', file: 'web/Dockerfile', output: 'FROM python:3.12-slim\nCOPY . /app\nUSER 10001\nCMD ["python", "/app/main.py"]\n' },
    },
    {
      name: 'no USER on prom/prometheus: its base runs as the name nobody',
      files: { 'web/Dockerfile': 'FROM prom/prometheus:v2.54.1\nCOPY prometheus.yml /etc/prometheus/\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
      errors: ['k8s/web.yaml 10:18-10:23'],
      messages: ['runs as the user `nobody` of its base `prom/prometheus:v2.54.1`, a name'],
      noFix: true,
    },
    {
      name: 'USER from an ARG default that is a name',
      files: { 'web/Dockerfile': 'FROM alpine:3.20\nARG APP_USER=app\nUSER $APP_USER\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
      errors: ['k8s/web.yaml 10:18-10:23'],
      messages: ['runs as USER `$APP_USER`, a name'],
      noFix: true,
    },
    {
      name: 'USER root: replaced',
      files: { 'web/Dockerfile': 'FROM alpine:3.20\nUSER root\nENTRYPOINT ["/app"]\n', 'k8s/web.yaml': deployment('web:1', NON_ROOT) },
      errors: ['k8s/web.yaml 10:18-10:23'],
      messages: ['runs as root (USER `root`)'],
      fix: { file: 'web/Dockerfile', output: 'FROM alpine:3.20\nUSER 10001\nENTRYPOINT ["/app"]\n' },
    },
    {
      name: 'skaffold artifact: context and docker.dockerfile',
      files: {
        'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: gcr.io/acme/storefront\n      context: services/shop\n      docker:\n        dockerfile: build/Dockerfile.prod\n',
        'services/shop/build/Dockerfile.prod': NAMED_USER,
        'k8s/web.yaml': deployment('gcr.io/acme/storefront:v3', NON_ROOT),
      },
      errors: ['k8s/web.yaml 10:18-10:43'],
      messages: ['linked to `services/shop/build/Dockerfile.prod` by skaffold.yaml'],
    },
    {
      name: 'compose service: build {context, dockerfile} + image',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Containerfile\n    image: registry.example.com/shop/api:${TAG:-dev}\n',
        'api/Containerfile': 'FROM alpine:3.20\nRUN adduser -D -u 2000 svc\nUSER svc\n',
        'k8s/web.yaml': deployment('registry.example.com/shop/api:1.0', NON_ROOT),
      },
      errors: ['k8s/web.yaml 10:18-10:51'],
      messages: ['linked to `api/Containerfile` by a compose file'],
      fix: { file: 'k8s/web.yaml', output: deployment('registry.example.com/shop/api:1.0', `${NON_ROOT}            runAsUser: 2000\n`) },
    },
    {
      name: 'flow-style container',
      files: {
        'web/Dockerfile': NAMED_USER,
        'k8s/web.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: web, image: "web:1", securityContext: {runAsNonRoot: true}}\n',
      },
      errors: ['k8s/web.yaml 6:24-6:31'],
      fix: { file: 'k8s/web.yaml', output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: web, image: "web:1", securityContext: {runAsNonRoot: true, runAsUser: 10001}}\n' },
    },
    {
      name: '4-space indents, CRLF, second document after ---',
      files: {
        'web/Dockerfile': NAMED_USER,
        'k8s/web.yaml':
          'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: web\r\nspec:\r\n    containers:\r\n    -   name: web\r\n        image: web:1\r\n        securityContext:\r\n            runAsNonRoot: true\r\n',
      },
      errors: ['k8s/web.yaml 13:16-13:21'],
      fix: {
        file: 'k8s/web.yaml',
        output:
          'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: web\r\nspec:\r\n    containers:\r\n    -   name: web\r\n        image: web:1\r\n        securityContext:\r\n            runAsNonRoot: true\r\n            runAsUser: 10001\r\n',
      },
    },
  ],
});
