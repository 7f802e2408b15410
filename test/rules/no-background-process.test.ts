import { ruleTable } from '../helpers/rule-table';

const deployment = (command: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
        - name: app
          image: app:1.0
${command}`;

ruleTable('no-background-process', {
  valid: [
    'FROM alpine:3.20\nCMD ["./app"]\n',
    { name: '& inside quotes is text', code: 'FROM alpine:3.20\nCMD echo "a & b" && exec ./app\n' },
    { name: 'RUN lines are build time', code: 'FROM alpine:3.20\nRUN ./setup & wait\nCMD ["./app"]\n' },
    { name: 'exec-form argv & is an argument', code: 'FROM alpine:3.20\nCMD ["./app", "&"]\n' },
    { name: 'signal-forwarding wrapper', code: 'FROM alpine:3.20\nCMD trap \'kill $pid\' TERM; ./app & pid=$!; wait $pid\n' },
    { name: 'build stage CMD does not ship', code: 'FROM alpine:3.20 AS build\nCMD ./a & tail -f /dev/null\nFROM alpine:3.20\nCMD ["./app"]\n' },
    { name: 'manifest without background', filename: 'deploy.yaml', code: deployment('          command: ["sh", "-c", "exec ./app"]\n') },
    { name: 'args only: unknown entrypoint', filename: 'deploy.yaml', code: deployment('          args: ["--port", "8080"]\n') },
  ],
  invalid: [
    {
      name: 'Compose: a service',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: busybox:1.36\n    command: ["sh", "-c", "./app & tail -f /dev/null"]\n',
      errors: ['4:34-4:35'],
      output: "services:\n  app:\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"exec ./app\"]\n",
    },
    {
      name: 'nohup, & and tail -f: exec form fix',
      code: 'FROM alpine:3.20\nCMD nohup ./app & tail -f /dev/null\n',
      errors: ['2:5-2:10', '2:17-2:18'],
      messages: ['`nohup`', 'the `&` operator'],
      fixOf: 1,
      output: 'FROM alpine:3.20\nCMD ["./app"]\n',
    },
    {
      name: 'redirects kept with exec',
      code: 'FROM python:3.12-slim\nCMD python worker.py > /var/log/w.log 2>&1 & tail -f /dev/null\n',
      errors: ['2:44-2:45'],
      output: 'FROM python:3.12-slim\nCMD exec python worker.py > /var/log/w.log 2>&1\n',
    },
    {
      name: 'exec form sh -c: exact ranges inside the JSON string',
      code: 'FROM nginx:1.27\nCMD ["sh", "-c", "nginx & exec tail -F /var/log/x.log"]\n',
      errors: ['2:25-2:26'],
      output: 'FROM nginx:1.27\nCMD ["sh", "-c", "exec nginx"]\n',
    },
    {
      name: 'inherited ENTRYPOINT from a parent stage',
      code: 'FROM alpine:3.20 AS base\nENTRYPOINT ./a & ./b\nFROM base\nRUN true\n',
      errors: ['2:16-2:17'],
    },
    {
      name: 'line continuation: & on the second line',
      code: 'FROM alpine:3.20\nCMD ./server --port 80 \\\n    & sleep infinity\n',
      errors: ['3:5-3:6'],
      output: 'FROM alpine:3.20\nCMD ["./server", "--port", "80"]\n',
    },
    {
      name: 'service start and init scripts',
      code: 'FROM debian:12-slim\nCMD service cron start && /etc/init.d/nginx start && exec ./app\n',
      errors: ['2:5-2:23', '2:27-2:50'],
    },
    {
      name: 'start-stop-daemon --background, setsid',
      code: 'FROM debian:12-slim\nENTRYPOINT start-stop-daemon --start --background --exec /usr/bin/a; setsid ./b\n',
      errors: ['2:38-2:50', '2:70-2:76'],
    },
    {
      name: 'kubernetes: & in sh -c args, block scalar',
      filename: 'deploy.yaml',
      code: deployment('          command: ["/bin/sh", "-c"]\n          args:\n            - |\n              ./worker &\n              exec ./app\n'),
      errors: ['18:24-18:25'],
    },
    {
      name: 'kubernetes: quoted script with fix',
      filename: 'deploy.yaml',
      code: deployment('          command: ["sh", "-c", "./app --port 80 & tail -f /dev/null"]\n'),
      errors: ['15:50-15:51'],
      output: deployment('          command: ["sh", "-c", "exec ./app --port 80"]\n'),
    },
    {
      name: 'nested sh -c inside a shell script',
      code: 'FROM alpine:3.20\nCMD sh -c \'./a & ./b\'\n',
      errors: ['2:16-2:17'],
    },
  ],
});
