import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUPERVISOR_NAMES } from '../../server/src/knowledge/supervisors';
import { ruleTable, type InvalidCase, type ValidCase } from '../helpers/rule-table';

/** Every supervisor of rule 4, by path or through a wrapper: [CMD, the reported words, message part]. */
const SUPERVISORS: [string, string, string][] = [
  ['CMD ["/usr/bin/supervisord", "-n"]', '/usr/bin/supervisord', '`supervisord`'],
  ['CMD exec gosu app supervisord -c /etc/supervisord.conf', 'supervisord', '`supervisord`'],
  ['CMD ["runsvdir", "-P", "/etc/service"]', 'runsvdir', '`runsvdir` (runit)'],
  ['CMD ["/usr/sbin/runsvdir-start"]', '/usr/sbin/runsvdir-start', '`runsvdir-start` (runit)'],
  ['CMD ["/sbin/runit"]', '/sbin/runit', '`runit` (runit)'],
  ['CMD ["/sbin/my_init"]', '/sbin/my_init', '`my_init` (phusion baseimage)'],
  ['CMD ["/sbin/my_init", "--", "bash", "-l"]', '/sbin/my_init', '`my_init` (phusion baseimage)'],
  ['ENTRYPOINT ["/command/s6-svscan", "/etc/services.d"]', '/command/s6-svscan', '`s6-svscan` (s6)'],
  ['ENTRYPOINT ["/init"]', '/init', '`/init` (s6-overlay)'],
  ['CMD ["/sbin/init"]', '/sbin/init', '`/sbin/init` (an init system)'],
  ['CMD ["/usr/sbin/init"]', '/usr/sbin/init', '`/usr/sbin/init` (an init system)'],
  ['CMD /bin/init', '/bin/init', '`/bin/init` (an init system)'],
  ['CMD ["/lib/systemd/systemd"]', '/lib/systemd/systemd', '`systemd`'],
  ['CMD monit -I', 'monit', '`monit`'],
  ['CMD ["circusd", "/etc/circus.ini"]', 'circusd', '`circusd` (circus)'],
  ['CMD honcho start', 'honcho start', '`honcho start` (a Procfile runner)'],
  ['CMD ["foreman", "start", "-f", "Procfile"]', 'foreman", "start', '`foreman start` (a Procfile runner)'],
  ['CMD forego start web', 'forego start', '`forego start` (a Procfile runner)'],
  ['CMD overmind start', 'overmind start', '`overmind start` (a Procfile runner)'],
  ['CMD overmind s -f Procfile', 'overmind s', '`overmind s` (a Procfile runner)'],
  ['CMD sudo -u node pm2 start app.js', 'pm2 start', '`pm2 start`'],
];

const NOT_SUPERVISORS = ['CMD ["pm2-runtime", "app.js"]', 'CMD ["pm2-docker", "app.js"]', 'CMD honcho run web', 'CMD foreman check', 'CMD ["./my_init.sh"]', 'CMD ["./init"]', 'CMD ["systemctl", "status"]', 'CMD ["circus"]'];

const supervisorCases: InvalidCase[] = SUPERVISORS.map(([cmd, words, message]) => {
  const line = cmd;
  const at = line.indexOf(words);
  return {
    name: `supervisor: ${cmd}`,
    code: `FROM debian:12-slim\n${cmd}\n`,
    errors: [`2:${at + 1}-2:${at + words.length + 1}`],
    messages: [`The start command runs ${message}, a process supervisor`],
    noFix: true,
  };
});


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
    ...NOT_SUPERVISORS.map((cmd): ValidCase => ({ name: `not a supervisor: ${cmd}`, code: `FROM debian:12-slim\n${cmd}\n` })),
    { name: 'args only: flags for an image program', filename: 'pod.yaml', code: pod('      args: ["--supervisord"]\n') },
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
    ...supervisorCases,
    {
      name: 'kubernetes args only: unknown image, a supervisor as the first word',
      filename: 'pod.yaml',
      code: pod('      args: ["/sbin/my_init"]\n'),
      errors: ['9:15-9:28'],
    },
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

describe('one-process-per-container supervisor table', () => {
  it('every supervisor of the knowledge table has a case', () => {
    for (const name of SUPERVISOR_NAMES) assert.ok(SUPERVISORS.some(([cmd]) => cmd.includes(name)), `a case for ${name}`);
  });
});
