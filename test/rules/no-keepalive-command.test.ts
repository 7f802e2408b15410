import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WRAPPER_NAMES } from '../../server/src/knowledge/wrappers';
import { ruleTable, type InvalidCase, type ValidCase } from '../helpers/rule-table';

/** Every wrapper of the Terms ("the program of a command"), written as people write it, before `sleep infinity`. */
const WRAPPED = [
  'exec', 'exec -a keepalive', 'command', 'nohup', 'setsid -w', 'time -p', 'env', 'env -u HOME A=1 B=2', 'env -i PATH=/bin',
  'nice', 'nice -n 10', 'nice -10', 'ionice -c3', 'ionice -c 2 -n 7', 'stdbuf -oL', 'stdbuf -o L -e 0', 'timeout 1000000',
  'timeout -s KILL -k 5 1000000', 'sudo', 'sudo -u app', 'sudo -E -u app --', 'sudo -Eu app', 'sudo --user=app HOME=/app',
  'doas -u app', 'runuser -u app --', 'gosu app', 'su-exec app:app', 'chpst -u app', 'chpst -u app:app -/ /srv',
  's6-setuidgid app', 's6-envuidgid app', 's6-applyuidgid -u 1000 -g 1000', 'with-contenv', 'setpriv --reuid=1000 --regid=1000 --init-groups',
  'setpriv --reuid 1000 --clear-groups', 'tini --', 'tini -s -p SIGTERM --', '/sbin/tini -g --', 'tini-static --', 'dumb-init',
  'dumb-init -c --rewrite 15:2', 'catatonit --', 'catatonit -g', 'wait-for-it.sh db:5432 --', './wait-for-it.sh db:5432 -t 30 --',
  'wait-for-it db:5432 --', 'exec gosu app tini --',
];

/** Wrappers whose options or operands leave `sleep` as a value, or that run nothing. */
const NOT_RUN = ['command -v', 'sudo -l', 'sudo -u', 'gosu', 'timeout', 'ionice -p 1', 'setpriv -d', 'wait-for-it.sh db:5432'];

const wrapperCases: InvalidCase[] = WRAPPED.map((w) => {
  const code = `FROM debian:12-slim\nCMD ${w} sleep infinity\n`;
  // the keep-alive's range is the whole command, its wrappers included
  const end = 5 + w.length + 1 + 'sleep infinity'.length;
  return { name: `wrapper: ${w}`, code, errors: [`2:5-2:${end}`], messages: ['`sleep infinity`'] };
});


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
    ...NOT_RUN.map((w): ValidCase => ({ name: `not run by the wrapper: ${w}`, code: `FROM debian:12-slim\nCMD ${w} sleep infinity\n` })),
    { name: 'args only: flags for the image program', filename: 'pod.yaml', code: pod('    - name: db\n      image: postgres:16\n      args: ["-c", "max_connections=200"]\n') },
    { name: 'args only: unknown image, a program Herd does not name', filename: 'pod.yaml', code: pod('    - name: a\n      image: example.com/tool:1\n      args: ["serve", "sleep"]\n') },
    { name: 'args only: a fixed-program entrypoint', filename: 'pod.yaml', code: pod('    - name: a\n      image: alpine/git:2.45.2\n      args: ["sleep", "infinity"]\n') },
    { name: 'a sleep below one hour is a delay, not a keep-alive', code: 'FROM alpine:3.20\nCMD sleep 30 && exec ./app\n' },
    { name: 'a loop that works between sleeps is the app', code: 'FROM alpine:3.20\nCMD while true; do ./sync; sleep 60; done\n' },
    { name: 'tail without follow', code: 'FROM alpine:3.20\nCMD tail -n 100 /etc/hosts\n' },
    { name: 'tail -f in quotes is text', code: 'FROM alpine:3.20\nCMD echo "tail -f /dev/null" && exec ./app\n' },
    { name: 'RUN is build time', code: 'FROM alpine:3.20\nRUN sleep infinity\nCMD ["./app"]\n' },
    { name: 'streaming sidecar on a shared volume', filename: 'pod.yaml', code: sidecarPod('["/bin/sh", "-c", "tail -n+1 -F /var/log/app/access.log"]') },
    { name: 'streaming sidecar, plain argv', filename: 'pod.yaml', code: sidecarPod('["tail", "-n+1", "-F", "/var/log/app/a.log", "/var/log/app/b.log"]') },
  ],
  invalid: [
    ...wrapperCases,
    {
      name: 'su -c script',
      code: "FROM debian:12-slim\nCMD su app -c 'sleep infinity'\n",
      errors: ['2:16-2:30'],
    },
    {
      name: 'runuser -l user -c script',
      code: 'FROM debian:12-slim\nCMD ["runuser", "-l", "app", "-c", "./start && sleep infinity"]\n',
      errors: ['2:48-2:62'],
    },
    {
      name: 'sudo -u U sh -c script',
      code: 'FROM debian:12-slim\nCMD sudo -u app sh -c "./start; tail -f /dev/null"\n',
      errors: ['2:33-2:50'],
    },
    {
      name: 'args only: ubuntu has no entrypoint',
      filename: 'pod.yaml',
      code: pod('    - name: a\n      image: ubuntu:24.04\n      args: [sleep, infinity]\n'),
      errors: ['9:14-9:29'],
    },
    {
      name: 'args only: busybox from registry.k8s.io, block sequence',
      filename: 'pod.yaml',
      code: pod('    - name: a\n      image: registry.k8s.io/busybox:1.27\n      args:\n        - /bin/sh\n        - -c\n        - ./setup; while true; do sleep 30; done\n'),
      errors: ['12:20-12:49'],
    },
    {
      name: 'args only: official image entrypoint runs a command that is not a flag',
      filename: 'pod.yaml',
      code: pod('    - name: a\n      image: node:20-slim\n      args: ["tail", "-f", "/dev/null"]\n'),
      errors: ['9:15-9:38'],
    },
    {
      name: 'args only: unknown image, first word a shell with -c',
      filename: 'pod.yaml',
      code: pod('    - name: a\n      image: example.com/tool:1\n      args: ["sh", "-c", "./tool & sleep infinity"]\n'),
      errors: ['9:36-9:50'],
    },
    {
      name: 'args only: unknown image, first word a named program',
      filename: 'pod.yaml',
      code: pod('    - name: a\n      image: example.com/tool:1\n      args: ["sleep", "86400"]\n'),
      errors: ['9:15-9:29'],
    },
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

describe('no-keepalive-command wrapper table', () => {
  it('every wrapper of the knowledge table has a case', () => {
    // su runs a script: its cases are 'su -c script' above
    const first = [...WRAPPED.map((w) => w.split(' ')[0].replace(/^.*\//, '')), 'su'];
    for (const name of WRAPPER_NAMES) assert.ok(first.includes(name), `a case for ${name}`);
  });
});
