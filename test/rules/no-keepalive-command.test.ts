import { ruleTable } from '../helpers/rule-table';

const pod = (container: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
${container}${extra}`;

const sidecarPod = (tailCommand: string, sharedMount = true) =>
  pod(
    `    - name: app
      image: app:1.0
      volumeMounts:
        - name: logs
          mountPath: /var/log/app
    - name: log-tail
      image: busybox:1.36
      command: ${tailCommand}
      volumeMounts:
        - name: ${sharedMount ? 'logs' : 'other'}
          mountPath: /var/log/app
`,
    '  volumes:\n    - name: logs\n      emptyDir: {}\n',
  );

ruleTable('no-keepalive-command', {
  valid: [
    'FROM alpine:3.20\nCMD ["./app"]\n',
    { name: 'a sleep below one hour is a delay, not a keep-alive', code: 'FROM alpine:3.20\nCMD sleep 30 && exec ./app\n' },
    { name: 'a loop that works between sleeps is the app', code: 'FROM alpine:3.20\nCMD while true; do ./sync; sleep 60; done\n' },
    { name: 'tail without follow', code: 'FROM alpine:3.20\nCMD tail -n 100 /etc/hosts\n' },
    { name: 'tail -f in quotes is text', code: 'FROM alpine:3.20\nCMD echo "tail -f /dev/null" && exec ./app\n' },
    { name: 'RUN is build time', code: 'FROM alpine:3.20\nRUN sleep infinity\nCMD ["./app"]\n' },
    { name: 'streaming sidecar on a shared volume', filename: 'pod.yaml', code: sidecarPod('["/bin/sh", "-c", "tail -n+1 -F /var/log/app/access.log"]') },
    { name: 'streaming sidecar, plain argv', filename: 'pod.yaml', code: sidecarPod('["tail", "-n+1", "-F", "/var/log/app/a.log", "/var/log/app/b.log"]') },
  ],
  invalid: [
    {
      name: 'Compose: a service',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: busybox:1.36\n    command: sleep infinity\n',
      errors: ['4:14-4:28'],
    },
    {
      name: 'tail -f /dev/null after a backgrounded app',
      code: 'FROM alpine:3.20\nCMD ./app & tail -f /dev/null\n',
      errors: ['2:13-2:30'],
      messages: ['`tail -f /dev/null`'],
      output: 'FROM alpine:3.20\nCMD ["./app"]\n',
    },
    { name: 'sleep infinity, exec form', code: 'FROM alpine:3.20\nCMD ["sleep", "infinity"]\n', errors: ['2:7-2:24'], noFix: true },
    { name: 'sleep 1d', code: 'FROM alpine:3.20\nENTRYPOINT ./setup.sh && sleep 1d\n', errors: ['2:26-2:34'] },
    { name: 'exec tail -F', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "./a; exec tail -F /var/log/a.log"]\n', errors: ['2:24-2:51'] },
    { name: 'while true sleep loop', code: 'FROM alpine:3.20\nCMD ./start.sh; while true; do sleep 5; done\n', errors: ['2:17-2:45'], messages: ['a loop that only sleeps'] },
    { name: 'while : with continuation lines', code: 'FROM alpine:3.20\nCMD ./start.sh && \\\n    while :; do \\\n      sleep 3600; \\\n    done\n', errors: ['3:5-5:9'] },
    {
      name: 'tail -f of a file not on a shared volume is a keep-alive',
      filename: 'pod.yaml',
      code: sidecarPod('["tail", "-F", "/var/log/app/a.log"]', false),
      errors: ['14:18-14:50'],
    },
    {
      name: 'kubernetes sleep loop in a block scalar',
      filename: 'pod.yaml',
      code: pod('    - name: app\n      image: app:1.0\n      command: ["sh", "-c"]\n      args:\n        - |\n          ./migrate\n          while true; do sleep 3600; done\n'),
      errors: ['13:11-13:42'],
    },
  ],
});
