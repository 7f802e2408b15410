import { ruleTable } from '../helpers/rule-table';

const deployment = (containers: string, kind = 'Deployment') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
  template:
    spec:
      containers:
${containers}`;

ruleTable('readiness-probe', {
  valid: [
    deployment('        - name: web\n          image: web:1.0\n          ports: [{containerPort: 80}]\n          readinessProbe:\n            tcpSocket: {port: 80}\n'),
    { name: 'no port and no Service: serves nothing', code: deployment('        - name: worker\n          image: w:1\n') },
    { name: 'Job', code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers:\n        - name: j\n          image: j:1\n          ports: [{containerPort: 80}]\n' },
    {
      name: 'streaming sidecar',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: app:1\n      readinessProbe: {httpGet: {path: /, port: 80}}\n      ports: [{containerPort: 80}]\n      volumeMounts: [{name: logs, mountPath: /logs}]\n    - name: tail\n      image: busybox:1.36\n      command: [tail, -n+1, -F, /logs/app.log]\n      ports: [{containerPort: 9}]\n      volumeMounts: [{name: logs, mountPath: /logs}]\n  volumes: [{name: logs, emptyDir: {}}]\n',
    },
  ],
  invalid: [
    {
      name: 'http port → httpGet /ready',
      code: deployment('        - name: web\n          image: web:1.0\n          ports:\n            - name: http\n              containerPort: 8080\n'),
      errors: ['9:17-9:20'],
      messages: ['Container `web` serves traffic but has no readinessProbe'],
      output: deployment('        - name: web\n          image: web:1.0\n          ports:\n            - name: http\n              containerPort: 8080\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n'),
    },
    {
      name: 'https port → scheme HTTPS',
      code: deployment('        - name: web\n          image: web:1.0\n          ports: [{name: https, containerPort: 8443}]\n'),
      errors: ['9:17-9:20'],
      output: deployment('        - name: web\n          image: web:1.0\n          ports: [{name: https, containerPort: 8443}]\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: https\n              scheme: HTTPS\n'),
    },
    {
      name: 'numeric port → tcpSocket, liveness present',
      code: deployment('        - name: db\n          image: db:1\n          livenessProbe: {tcpSocket: {port: 5432}}\n          ports: [{containerPort: 5432}]\n', 'StatefulSet'),
      errors: ['9:17-9:19'],
      output: deployment('        - name: db\n          image: db:1\n          livenessProbe: {tcpSocket: {port: 5432}}\n          ports: [{containerPort: 5432}]\n          readinessProbe:\n            tcpSocket:\n              port: 5432\n', 'StatefulSet'),
    },
  ],
});
