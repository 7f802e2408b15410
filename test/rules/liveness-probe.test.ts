import { ruleTable } from '../helpers/rule-table';

const deployment = (containers: string, kind = 'Deployment', apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
spec:
  template:
    spec:
      containers:
${containers}`;

ruleTable('liveness-probe', {
  valid: [
    deployment('        - name: web\n          image: web:1.0\n          livenessProbe:\n            tcpSocket: {port: 80}\n'),
    { name: 'Job pods run to completion', code: deployment('        - name: task\n          image: task:1.0\n', 'Job', 'batch/v1') },
    { name: 'plain init containers are not checked', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n  containers:\n    - name: app\n      image: app:1\n      livenessProbe: {exec: {command: [true]}}\n' },
    { name: 'a CRD with a pod-like shape is not a workload', code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: a:1\n' },
    { name: 'Helm-templated probe', filename: 'templates/deploy.yaml', code: deployment('        - name: web\n          image: web:1.0\n          {{- with .Values.livenessProbe }}\n          livenessProbe: {{ toYaml . | nindent 12 }}\n          {{- end }}\n') },
    {
      name: 'a log-streaming sidecar written with args only (busybox runs them) is skipped',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: counter}\nspec:\n  containers:\n    - name: count\n      image: busybox:1.36\n      args: [/bin/sh, -c, \'while true; do date >> /var/log/1.log; sleep 1; done\']\n      livenessProbe: {exec: {command: [true]}}\n      volumeMounts: [{name: varlog, mountPath: /var/log}]\n    - name: count-log-1\n      image: busybox:1.36\n      args: [/bin/sh, -c, \'tail -n+1 -F /var/log/1.log\']\n      volumeMounts: [{name: varlog, mountPath: /var/log}]\n  volumes: [{name: varlog, emptyDir: {}}]\n',
    },
    { name: 'not Kubernetes YAML', filename: 'docker-compose.yaml', code: 'services:\n  web:\n    image: web:1.0\n' },
  ],
  invalid: [
    {
      name: 'http port → httpGet /healthz, block style, 2-space sequence indent',
      code: deployment('        - name: web\n          image: web:1.0\n          ports:\n            - name: http\n              containerPort: 8080\n'),
      errors: ['9:17-9:20'],
      messages: ['Container `web` has no livenessProbe'],
      output: deployment('        - name: web\n          image: web:1.0\n          ports:\n            - name: http\n              containerPort: 8080\n          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n'),
    },
    {
      name: 'unnamed port → tcpSocket; sequence not indented under its key; 4-space indent',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: db\nspec:\n    containers:\n    - name: db\n      image: db:1\n      ports:\n      - containerPort: 5432\n',
      errors: ['7:13-7:15'],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: db\nspec:\n    containers:\n    - name: db\n      image: db:1\n      ports:\n      - containerPort: 5432\n      livenessProbe:\n          tcpSocket:\n              port: 5432\n',
    },
    {
      name: 'flow-style container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: app, image: "app:1", ports: [{name: http, containerPort: 80}]}\n',
      errors: ['6:14-6:17'],
      output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: app, image: "app:1", ports: [{name: http, containerPort: 80}], livenessProbe: {httpGet: {path: /healthz, port: http}}}\n',
    },
    {
      name: 'second document, CRLF, comments kept',
      code: 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: c}\r\n---\r\napiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata: {name: s}\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - name: s # the store\r\n          image: s:1\r\n          ports: [{name: grpc, containerPort: 9000}]\r\n          # end of container\r\n',
      errors: ['12:17-12:18'],
      output: 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: c}\r\n---\r\napiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata: {name: s}\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - name: s # the store\r\n          image: s:1\r\n          ports: [{name: grpc, containerPort: 9000}]\r\n          livenessProbe:\r\n            tcpSocket:\r\n              port: grpc\r\n          # end of container\r\n',
    },
    { name: 'no port: no fix', code: deployment('        - name: worker\n          image: w:1\n'), errors: ['9:17-9:23'], noFix: true },
    { name: 'native sidecar is checked', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: proxy\n      image: envoy:1\n      restartPolicy: Always\n  containers:\n    - name: app\n      image: app:1\n      livenessProbe: {exec: {command: [true]}}\n', errors: ['6:13-6:18'] },
    { name: 'CronJob is not long-running but DaemonSet is', code: deployment('        - name: agent\n          image: agent:1\n', 'DaemonSet'), errors: ['9:17-9:22'] },
  ],
});
