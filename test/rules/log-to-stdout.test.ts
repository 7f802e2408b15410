import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits, initShellParser, lint, ruleById } from '../../server/src/engine';
import { ruleTable } from '../helpers/rule-table';

/** A Deployment in block style, 2-space indents, sequences indented under their key. */
const deployment = (container: string, podSpecTail = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
${container}${podSpecTail}`;

const redirected = '          command: ["sh", "-c", "exec ./server >> /var/log/web/app.log 2>&1"]\n';

const sidecarOutput = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
          command: ["sh", "-c", "exec ./server >> /var/log/web/app.log 2>&1"]
          volumeMounts:
            - name: web-logs
              mountPath: /var/log/web
        - name: web-log
          image: busybox:1.36
          command:
            - tail
            - -n+1
            - -F
            - /var/log/web/app.log
          volumeMounts:
            - name: web-logs
              mountPath: /var/log/web
      volumes:
        - name: web-logs
          emptyDir: {}
`;

/** 4-space indents, sequences at their key's column, a document before it, CRLF line breaks. */
const fourSpace = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '    name: other',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '    name: web',
  'spec:',
  '    volumes:',
  '    - name: config',
  '      configMap:',
  '          name: other',
  '    containers:',
  '    - name: web',
  '      image: web:1.0',
  '      command:',
  '      - /bin/sh',
  '      - -c',
  '      - ./server > /srv/logs/out.log',
  '      volumeMounts:',
  '      - name: config',
  '        mountPath: /etc/web',
  '',
].join('\r\n');

const fourSpaceOutput = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '    name: other',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '    name: web',
  'spec:',
  '    volumes:',
  '    - name: config',
  '      configMap:',
  '          name: other',
  '    - name: web-logs',
  '      emptyDir: {}',
  '    containers:',
  '    - name: web',
  '      image: web:1.0',
  '      command:',
  '      - /bin/sh',
  '      - -c',
  '      - ./server > /srv/logs/out.log',
  '      volumeMounts:',
  '      - name: config',
  '        mountPath: /etc/web',
  '      - name: web-logs',
  '        mountPath: /srv/logs',
  '    - name: web-log',
  '      image: busybox:1.36',
  '      command:',
  '      - tail',
  '      - -n+1',
  '      - -F',
  '      - /srv/logs/out.log',
  '      volumeMounts:',
  '      - name: web-logs',
  '        mountPath: /srv/logs',
  '',
].join('\r\n');

const flowStyle = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: web, image: "web:1.0", command: [sh, -c, "exec ./server &> /var/log/web.d/all.log"]}]
`;

const flowStyleOutput = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: web, image: "web:1.0", command: [sh, -c, "exec ./server &> /var/log/web.d/all.log"], volumeMounts: [{name: web-logs, mountPath: /var/log/web.d}]}, {name: web-log, image: busybox:1.36, command: [tail, -n+1, -F, /var/log/web.d/all.log], volumeMounts: [{name: web-logs, mountPath: /var/log/web.d}]}]
  volumes:
    - name: web-logs
      emptyDir: {}
`;

/** The log directory is already a volume of the container: the sidecar mounts that one. */
const mountedLogs = deployment(
  '          command: ["sh", "-c", "exec ./server > /data/logs/server.log"]\n          volumeMounts:\n            - name: data\n              mountPath: /data\n',
  '      volumes:\n        - name: data\n          emptyDir: {}\n',
);

const mountedLogsOutput = deployment(
  '          command: ["sh", "-c", "exec ./server > /data/logs/server.log"]\n          volumeMounts:\n            - name: data\n              mountPath: /data\n' +
    '        - name: web-log\n          image: busybox:1.36\n          command:\n            - tail\n            - -n+1\n            - -F\n            - /data/logs/server.log\n          volumeMounts:\n            - name: data\n              mountPath: /data\n',
  '      volumes:\n        - name: data\n          emptyDir: {}\n',
);

ruleTable('log-to-stdout', {
  valid: [
    { name: 'a backgrounded command whose foreground is the app, not a keep-alive', code: 'FROM alpine:3.20\nCMD ./helper > /tmp/h.log & exec ./app\n' },
    { name: 'a loop that is not the main process', code: 'FROM alpine:3.20\nCMD (while true; do date >> /tmp/t; sleep 5; done) & exec ./app\n' },
    { name: 'a keep-alive loop with no output', code: 'FROM alpine:3.20\nCMD while true; do sleep 5; done\n' },
    { name: 'a loop that writes content, not logs', code: 'FROM alpine:3.20\nCMD while true; do date > /mnt/index.html; hostname >> /data/outfile; sleep 5; done\n' },
    'FROM alpine:3.20\nCMD ["./app"]\n',
    { name: 'to the container streams', code: 'FROM alpine:3.20\nCMD ./app > /dev/stdout 2> /proc/self/fd/2\n' },
    { name: "cron-style: PID 1's stdout", code: 'FROM alpine:3.20\nCMD exec crond -f >> /proc/1/fd/1 2>&1\n' },
    { name: 'tee keeps stdout', code: 'FROM alpine:3.20\nCMD ./app 2>&1 | tee -a /var/log/app.log\n' },
    { name: 'RUN lines are build time', code: 'FROM alpine:3.20\nRUN make > /tmp/build.log 2>&1\nCMD ["./app"]\n' },
    { name: 'setup commands may write files', code: 'FROM alpine:3.20\nCMD echo "$CONFIG" > /etc/app.conf && exec ./app\n' },
    { name: '> inside quotes is text', code: 'FROM alpine:3.20\nCMD ./app --banner "a > /var/log/b"\n' },
    { name: 'exec form: > is an argument', code: 'FROM alpine:3.20\nCMD ["./app", ">", "/var/log/app.log"]\n' },
    { name: 'a variable target is not judged', code: 'FROM alpine:3.20\nCMD exec ./app >> "$LOG_FILE"\n' },
    { name: 'fd 3 is not stdout or stderr', code: 'FROM alpine:3.20\nCMD exec ./app 3> /var/log/trace.log\n' },
    { name: 'a backgrounded process is not the main one', code: 'FROM alpine:3.20\nCMD ./worker > /var/log/w.log & exec ./app\n' },
    { name: 'the file is tailed by a streaming sidecar', filename: 'deploy.yaml', code: sidecarOutput },
    {
      name: 'an init container writing a config file',
      filename: 'deploy.yaml',
      code: deployment('          command: ["./server"]\n', '      initContainers:\n        - name: config\n          image: busybox:1.36\n          command: ["sh", "-c", "sed s/X/$(hostname)/ /tpl/app.yaml > /conf/app.yaml"]\n'),
    },
    {
      name: 'helm: a templated target is not judged',
      filename: 'templates/deploy.yaml',
      code: deployment('          command: ["sh", "-c", "exec ./server > {{ .Values.logFile }}"]\n'),
    },
    {
      name: 'a Job whose output is data',
      filename: 'job.yaml',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: backup\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: dump\n          image: postgres:16\n          command: ["sh", "-c", "pg_dump -h db app > /backup/app.sql"]\n',
    },
    {
      name: 'a sidecar tailing the directory by glob, mounted elsewhere',
      filename: 'deploy.yaml',
      code: deployment(
        '          command: ["sh", "-c", "exec ./server > /logs/app.log"]\n          volumeMounts: [{name: logs, mountPath: /logs}]\n        - name: shipper\n          image: busybox:1.36\n          command: ["sh", "-c", "tail -n+1 -F /var/log/app/*.log"]\n          volumeMounts: [{name: logs, mountPath: /var/log/app}]\n',
        '      volumes: [{name: logs, emptyDir: {}}]\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a backgrounded app with nothing after it is the only app there is',
      code: 'FROM python:3.12-slim\nCMD nohup python bot.py > log.txt 2>&1 &\n',
      errors: ['2:25-2:34'],
      messages: ["The main process's stdout and stderr go to the file `log.txt`, not to the container log"],
      output: 'FROM python:3.12-slim\nCMD nohup python bot.py &\n',
    },
    {
      name: 'one stream: "goes"',
      code: 'FROM python:3.12-slim\nCMD python app.py > /var/log/app.log\n',
      errors: ['2:19-2:37'],
      messages: ["The main process's stdout goes to the file `/var/log/app.log`, not to the container log"],
    },
    {
      name: 'the backgrounded app behind a keep-alive that tails its file',
      code: 'FROM python:3.12-slim\nCMD nohup python bot.py > log.txt 2>&1 & tail -f log.txt\n',
      errors: ['2:25-2:34'],
      messages: ['The app `python` runs in the background behind a keep-alive, and its stdout and stderr go to the file `log.txt`, which the foreground `tail -f` copies to the container log'],
      output: 'FROM python:3.12-slim\nCMD nohup python bot.py & tail -f log.txt\n',
    },
    {
      name: 'the backgrounded app behind sleep infinity, through sudo',
      code: 'FROM debian:12-slim\nCMD sudo -u app ./worker >> /var/log/worker.log & sleep infinity\n',
      errors: ['2:26-2:48'],
      messages: ['The app `./worker` runs in the background behind a keep-alive, and its stdout goes to the file `/var/log/worker.log`, not to the container log'],
    },
    {
      name: 'a loop that is the main process writes to a file',
      code: 'FROM alpine:3.20\nCMD while true; do date >> /data/ticks.log; sleep 5; done\n',
      errors: ['2:25-2:43'],
      messages: ["The loop that is the container's main process writes its stdout to the file `/data/ticks.log`"],
      output: 'FROM alpine:3.20\nCMD while true; do date; sleep 5; done\n',
    },
    {
      name: 'kubernetes args only on busybox: the loop in sh -c',
      code: deployment("          args: [/bin/sh, -c, 'while true; do ./probe > /tmp/out.txt; sleep 10; done']\n").replace('image: web:1.0', 'image: busybox:1.36'),
      filename: 'deploy.yaml',
      errors: ['15:55-15:69'],
    },
    {
      name: 'Compose: a service',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: acme/app:1\n    command: ["sh", "-c", "exec ./app >> /var/log/app.log 2>&1"]\n',
      errors: ['4:39-4:58'],
      output: "services:\n  app:\n    image: acme/app:1\n    command: [\"sh\", \"-c\", \"exec ./app\"]\n",
    },
    {
      name: 'stdout to a file, 2>&1 removed with it',
      code: 'FROM python:3.12-slim\nCMD python app.py > /var/log/app.log 2>&1\n',
      errors: ['2:19-2:37'],
      messages: ['stdout and stderr go to the file `/var/log/app.log`'],
      output: 'FROM python:3.12-slim\nCMD python app.py\n',
    },
    {
      name: '/dev/null discards',
      code: 'FROM alpine:3.20\nCMD exec ./app 2>/dev/null\n',
      errors: ['2:16-2:27'],
      messages: ['stderr goes to /dev/null'],
      output: 'FROM alpine:3.20\nCMD exec ./app\n',
    },
    {
      name: 'exec > file before the main command: the statement goes',
      code: 'FROM alpine:3.20\nCMD exec >/var/log/app.log 2>&1; exec ./app\n',
      errors: ['2:10-2:27'],
      output: 'FROM alpine:3.20\nCMD exec ./app\n',
    },
    {
      name: 'continuation line: range on the exact line',
      code: 'FROM alpine:3.20\nCMD ./app \\\n    --port 80 \\\n    >> /var/log/app.log\n',
      errors: ['4:5-4:24'],
      output: 'FROM alpine:3.20\nCMD ./app \\\n    --port 80\n',
    },
    {
      name: 'sh -c in exec form, two files',
      code: 'FROM alpine:3.20\nCMD ["sh", "-c", "exec ./app 1>/var/log/out.log 2>>/var/log/err.log"]\n',
      errors: ['2:30-2:48', '2:49-2:68'],
      messages: ['stdout go', 'stderr go'],
      fixOf: 1,
      output: 'FROM alpine:3.20\nCMD ["sh", "-c", "exec ./app 1>/var/log/out.log"]\n',
    },
    {
      name: 'a subshell redirected as a whole',
      code: 'FROM alpine:3.20\nCMD (./migrate && ./app) &> /var/log/all.log\n',
      errors: ['2:26-2:45'],
      output: 'FROM alpine:3.20\nCMD (./migrate && ./app)\n',
    },
    {
      name: 'the redirected sh -c command',
      code: "FROM alpine:3.20\nCMD sh -c 'exec ./app' > /var/log/app.log\n",
      errors: ['2:24-2:42'],
    },
    {
      name: 'an earlier pipeline stage',
      code: 'FROM alpine:3.20\nCMD ./app 2>/var/log/err.log | ./filter\n',
      errors: ['2:11-2:29'],
    },
    {
      name: 'kubernetes: remove the redirection inside the JSON string',
      filename: 'deploy.yaml',
      code: deployment(redirected),
      errors: ['15:48-15:71'],
      output: deployment('          command: ["sh", "-c", "exec ./server"]\n'),
    },
    {
      name: 'kubernetes: add a logging sidecar (block style, 2 spaces)',
      filename: 'deploy.yaml',
      code: deployment(redirected),
      errors: ['15:48-15:71'],
      fixTitle: 'logging sidecar',
      output: sidecarOutput,
    },
    {
      name: 'kubernetes: sidecar with 4-space indents, unindented sequences, after ---, CRLF',
      filename: 'pod.yaml',
      code: fourSpace,
      errors: ['21:18-21:37'],
      fixTitle: 'logging sidecar',
      output: fourSpaceOutput,
    },
    {
      name: 'kubernetes: sidecar in flow style',
      filename: 'pod.yaml',
      code: flowStyle,
      errors: ['5:79-5:104'],
      fixTitle: 'logging sidecar',
      output: flowStyleOutput,
    },
    {
      name: 'kubernetes: the log directory is already on a volume',
      filename: 'deploy.yaml',
      code: mountedLogs,
      errors: ['15:48-15:71'],
      fixTitle: 'logging sidecar',
      output: mountedLogsOutput,
    },
    {
      name: 'kubernetes: /dev/null has no sidecar fix',
      filename: 'deploy.yaml',
      code: deployment('          command: ["sh", "-c", "exec ./server > /dev/null"]\n'),
      errors: ['15:48-15:59'],
      messages: ['discarded'],
    },
    {
      name: 'kubernetes: block scalar script',
      filename: 'deploy.yaml',
      code: deployment('          command: ["/bin/sh", "-c"]\n          args:\n            - |\n              exec > /var/log/web.log 2>&1\n              exec ./server\n'),
      errors: ['18:20-18:38'],
      output: deployment('          command: ["/bin/sh", "-c"]\n          args:\n            - |\n              exec ./server\n'),
    },
  ],
});

describe('log-to-stdout: the logging sidecar fix', () => {
  before(() => initShellParser());
  it('leaves a manifest clean of log-to-stdout, no-keepalive-command and the probe rules for the sidecar', () => {
    const ids = ['log-to-stdout', 'no-keepalive-command', 'no-background-process', 'liveness-probe', 'readiness-probe'];
    const rules = ids.map((id) => ruleById(id)!);
    const findings = lint({ uri: 'file:///w/deploy.yaml', text: sidecarOutput }, { rules }).findings;
    // only the app container's own missing probes remain (line 13: `- name: web`)
    assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`), ['liveness-probe@13']);
  });

  it('is not offered when Helm directives may add to the pod spec', () => {
    const helm = deployment(redirected, '      {{- with .Values.volumes }}\n      volumes: {{ toYaml . | nindent 8 }}\n      {{- end }}\n');
    const findings = lint({ uri: 'file:///w/templates/deploy.yaml', text: helm }, { rules: [ruleById('log-to-stdout')!] }).findings;
    assert.deepEqual(findings.map((f) => f.fixes.map((x) => x.title)), [['Remove the redirection `>> /var/log/web/app.log`']]);
  });

  it('applies to the manifest it was offered on: the fixed text lints clean of log-to-stdout', () => {
    const code = deployment(redirected);
    const [finding] = lint({ uri: 'file:///w/deploy.yaml', text: code }, { rules: [ruleById('log-to-stdout')!] }).findings;
    const fix = finding.fixes.find((f) => f.title.includes('sidecar'))!;
    const fixed = applyEdits(code, fix.edits());
    assert.deepEqual(lint({ uri: 'file:///w/deploy.yaml', text: fixed }, { rules: [ruleById('log-to-stdout')!] }).findings, []);
  });
});
