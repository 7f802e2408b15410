import { ruleTable } from '../helpers/workspace-table';

/** A Deployment with one container `web` of image `web:1`; `container` adds keys under it. */
const deployment = (container = '', kind = 'Deployment', name = 'web') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: web:1
${container}`;

const dockerfile = (healthcheck: string) => `FROM python:3.12-slim\nCOPY . /app\n${healthcheck}\nCMD ["python", "/app/main.py"]\n`;
const CURL = 'HEALTHCHECK --interval=30s --timeout=3s --start-period=1m30s --retries=5 CMD curl -fsS http://localhost:8080/healthz || exit 1';

ruleTable('healthcheck-to-probe', {
  valid: [
    {
      name: 'the container has a livenessProbe',
      files: { 'web/Dockerfile': dockerfile(CURL), 'k8s/web.yaml': deployment('          livenessProbe:\n            httpGet: {path: /healthz, port: 8080}\n') },
    },
    {
      name: 'no manifest deploys the image',
      files: { 'web/Dockerfile': dockerfile(CURL), 'k8s/api.yaml': deployment('', 'Deployment', 'api').replace('web:1', 'api:1') },
    },
    {
      name: 'HEALTHCHECK NONE, and a HEALTHCHECK of a build stage only',
      files: {
        'web/Dockerfile': 'FROM python:3.12 AS test\nHEALTHCHECK CMD curl -f http://localhost/\nFROM python:3.12-slim\nHEALTHCHECK NONE\n',
        'k8s/web.yaml': deployment(),
      },
    },
    {
      name: 'a Job runs to completion: no livenessProbe needed',
      files: { 'web/Dockerfile': dockerfile(CURL), 'k8s/web.yaml': deployment('', 'Job').replace('apps/v1', 'batch/v1') },
    },
    {
      name: 'a Helm directive may print the probe',
      files: { 'web/Dockerfile': dockerfile(CURL), 'chart/templates/web.yaml': deployment('          {{- include "web.probes" . | nindent 10 }}\n') },
    },
  ],
  invalid: [
    {
      name: 'curl -f on localhost → httpGet, with the timings',
      files: { 'web/Dockerfile': dockerfile(CURL), 'k8s/web.yaml': deployment() },
      errors: ['web/Dockerfile 3:1-3:12'],
      messages: ['Kubernetes ignores HEALTHCHECK, and container `web` (k8s/web.yaml, linked by folder name), which runs this image, has no livenessProbe: a hung app is never restarted. Add the equivalent livenessProbe to the manifest.'],
      fix: {
        title: 'Add livenessProbe (httpGet /healthz on port 8080) to container `web` in k8s/web.yaml',
        file: 'k8s/web.yaml',
        output: deployment(
          '          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n            initialDelaySeconds: 90\n            periodSeconds: 30\n            timeoutSeconds: 3\n            failureThreshold: 5\n',
        ),
      },
    },
    {
      name: 'wget -qO- of a quoted URL on 127.0.0.1 without a port → port 80',
      files: { 'web/Dockerfile': dockerfile("HEALTHCHECK CMD wget -qO- 'http://127.0.0.1/ready?full=1' || exit 1"), 'k8s/web.yaml': deployment() },
      errors: ['web/Dockerfile 3:1-3:12'],
      fix: { file: 'k8s/web.yaml', output: deployment('          livenessProbe:\n            httpGet:\n              path: /ready?full=1\n              port: 80\n') },
    },
    {
      name: 'https: scheme HTTPS, port 443',
      files: { 'web/Dockerfile': dockerfile('HEALTHCHECK CMD ["curl", "--fail", "--insecure", "https://localhost/health"]'), 'k8s/web.yaml': deployment() },
      errors: ['web/Dockerfile 3:1-3:12'],
      fix: { file: 'k8s/web.yaml', output: deployment('          livenessProbe:\n            httpGet:\n              path: /health\n              port: 443\n              scheme: HTTPS\n') },
    },
    {
      name: 'exec form that is not HTTP → exec with the same argv',
      files: { 'web/Dockerfile': dockerfile('HEALTHCHECK --interval=10s CMD ["/bin/grpc_health_probe", "-addr=:50051"]'), 'k8s/web.yaml': deployment() },
      errors: ['web/Dockerfile 3:1-3:12'],
      fix: {
        title: 'Add livenessProbe (exec)',
        file: 'k8s/web.yaml',
        output: deployment('          livenessProbe:\n            exec:\n              command:\n                - /bin/grpc_health_probe\n                - -addr=:50051\n            periodSeconds: 10\n'),
      },
    },
    {
      name: 'curl without -f succeeds on HTTP 500: exec, through /bin/sh -c like Docker; a continuation line',
      files: { 'web/Dockerfile': dockerfile('HEALTHCHECK --timeout=500ms \\\n  CMD curl -s http://localhost:8080/ || exit 1'), 'k8s/web.yaml': deployment() },
      errors: ['web/Dockerfile 3:1-3:12'],
      fix: { file: 'k8s/web.yaml', output: deployment('          livenessProbe:\n            exec:\n              command:\n                - /bin/sh\n                - -c\n                - curl -s http://localhost:8080/ || exit 1\n            timeoutSeconds: 1\n') },
    },
    {
      name: 'a request to another host is not the container’s own health: exec',
      files: { 'web/Dockerfile': dockerfile('HEALTHCHECK CMD curl -f http://db:5432/'), 'k8s/web.yaml': deployment() },
      errors: ['web/Dockerfile 3:1-3:12'],
      fix: { file: 'k8s/web.yaml', output: deployment('          livenessProbe:\n            exec:\n              command:\n                - /bin/sh\n                - -c\n                - curl -f http://db:5432/\n') },
    },
    {
      name: 'two manifests deploy the image: one fix each (flow style, 4-space indents, CRLF)',
      files: {
        'web/Dockerfile': dockerfile('HEALTHCHECK CMD sh -c "wget --spider -q http://localhost:3000/health"'),
        'k8s/a.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: web, image: web}\n',
        'k8s/b.yaml': 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n    name: b\r\nspec:\r\n    template:\r\n        spec:\r\n            containers:\r\n            -   name: web\r\n                image: "web:2"\r\n',
      },
      errors: ['web/Dockerfile 3:1-3:12'],
      messages: ['and container `web` (k8s/a.yaml, linked by folder name), container `web` (k8s/b.yaml, linked by folder name), which run this image, have no livenessProbe'],
      fix: {
        title: 'in k8s/b.yaml',
        file: 'k8s/b.yaml',
        output:
          'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n    name: b\r\nspec:\r\n    template:\r\n        spec:\r\n            containers:\r\n            -   name: web\r\n                image: "web:2"\r\n                livenessProbe:\r\n                    httpGet:\r\n                        path: /health\r\n                        port: 3000\r\n',
      },
    },
    {
      name: 'the flow-style container',
      files: {
        'web/Dockerfile': dockerfile('HEALTHCHECK CMD sh -c "wget --spider -q http://localhost:3000/health"'),
        'k8s/a.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: web, image: web}\n',
      },
      errors: ['web/Dockerfile 3:1-3:12'],
      fix: { file: 'k8s/a.yaml', output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: web, image: web, livenessProbe: {httpGet: {path: /health, port: 3000}}}\n' },
    },
  ],
});
