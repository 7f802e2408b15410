import { ruleTable } from '../helpers/rule-table';

const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: web:1.0
${container}`;

ruleTable('one-process-per-container', {
  valid: [
    'FROM node:20-slim\nCMD ["node", "server.js"]\n',
    { name: 'pm2-runtime is the container mode', code: 'FROM node:20-slim\nCMD ["pm2-runtime", "ecosystem.config.js"]\n' },
    { name: 'supervisor installed at build time only', code: 'FROM debian:12-slim\nRUN apt-get install -y supervisor && supervisord --version\nCMD ["./app"]\n' },
    { name: 'an ENTRYPOINT script gets supervisord as an argument: not analysable', code: 'FROM debian:12-slim\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["supervisord", "-n"]\n' },
    { name: 'supervisord inside quotes is text', code: 'FROM debian:12-slim\nCMD echo "run supervisord" && exec ./app\n' },
    { name: 'a bare init of the app is not /sbin/init', code: 'FROM alpine:3.20\nCMD ["./init", "--serve"]\n' },
    { name: 'pm2 with another subcommand', code: 'FROM node:20-slim\nCMD ["pm2", "logs"]\n' },
    { name: 'manifest running the app', filename: 'pod.yaml', code: pod('      command: ["node", "server.js"]\n') },
    { name: 'helm value in the command is not judged', filename: 'templates/pod.yaml', code: pod('      command: ["{{ .Values.cmd }}"]\n') },
  ],
  invalid: [
    {
      name: 'Compose: a service',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: acme/app:1\n    entrypoint: ["/usr/bin/supervisord", "-n"]\n',
      errors: ['4:19-4:39'],
    },
    {
      name: 'supervisord in exec form',
      code: 'FROM debian:12-slim\nCMD ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisor/supervisord.conf"]\n',
      errors: ['2:7-2:27'],
      messages: ['`supervisord`'],
      noFix: true,
    },
    {
      name: 's6-overlay /init as ENTRYPOINT',
      code: 'FROM alpine:3.20\nENTRYPOINT ["/init"]\n',
      errors: ['2:14-2:19'],
      messages: ['s6-overlay'],
    },
    {
      name: '/sbin/init (systemd) in shell form',
      code: 'FROM ubuntu:24.04\nCMD /sbin/init\n',
      errors: ['2:5-2:15'],
      messages: ['init system'],
    },
    {
      name: 'systemd by full path, after a wrapper',
      code: 'FROM fedora:40\nENTRYPOINT ["tini", "--", "/usr/lib/systemd/systemd"]\n',
      errors: ['2:28-2:52'],
    },
    {
      name: 'runsvdir',
      code: 'FROM alpine:3.20\nCMD runsvdir -P /etc/service\n',
      errors: ['2:5-2:13'],
    },
    {
      name: 'monit in the foreground, on a continuation line',
      code: 'FROM debian:12-slim\nCMD ./setup.sh && \\\n    exec monit -I\n',
      errors: ['3:10-3:15'],
    },
    {
      name: 'pm2 start: range covers the subcommand',
      code: 'FROM node:20-slim\nCMD pm2 start app.js --no-daemon\n',
      errors: ['2:5-2:14'],
      messages: ['pm2-runtime'],
    },
    {
      name: 'sh -c string parsed recursively',
      code: 'FROM alpine:3.20\nCMD ["sh", "-c", "./prepare && exec s6-svscan /etc/s6"]\n',
      errors: ['2:37-2:46'],
    },
    {
      name: 'kubernetes: supervisord in args after sh -c',
      filename: 'pod.yaml',
      code: pod('      command: ["/bin/sh", "-c"]\n      args:\n        - |\n          ./init-config.sh\n          exec supervisord -n\n'),
      errors: ['13:16-13:27'],
    },
    {
      name: 'kubernetes: block sequence command',
      filename: 'pod.yaml',
      code: pod('      command:\n        - supervisord\n        - -n\n'),
      errors: ['10:11-10:22'],
    },
  ],
});
