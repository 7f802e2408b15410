import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAEMON_SOURCES } from '../../server/src/knowledge/daemons';
import { ruleTable, type InvalidCase, type ValidCase } from '../helpers/rule-table';

const deployment = (command: string, image = 'app:1.0') => `apiVersion: apps/v1
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
          image: ${image}
${command}`;

const D = (cmd: string) => `FROM debian:12-slim\n${cmd}\n`;
/** The 1-based range of `part` on line 2 of a two-line Dockerfile. */
const on2 = (code: string, part: string, from = 0) => {
  const line = code.split('\n')[1];
  const at = line.indexOf(part, from);
  assert.ok(at >= 0, `${part} in ${line}`);
  return `2:${at + 1}-2:${at + part.length + 1}`;
};

/** Self-daemonizing programs (RULES.md, Terms): [CMD, the reported words, the fixed CMD or null when no fix]. */
const DAEMONS: [string, string, string | null][] = [
  ['CMD ["/usr/sbin/sshd"]', '/usr/sbin/sshd', 'CMD ["/usr/sbin/sshd", "-D"]'],
  ['CMD sshd -p 2222', 'sshd -p 2222', 'CMD sshd -D -p 2222'],
  ['CMD cron', 'cron', 'CMD cron -f'],
  ['CMD ["crond", "-l", "8"]', 'crond", "-l", "8', 'CMD ["crond", "-f", "-l", "8"]'],
  ['CMD ["nginx"]', 'nginx', 'CMD ["nginx", "-g", "daemon off;"]'],
  ['CMD nginx -c /etc/nginx/app.conf', 'nginx -c /etc/nginx/app.conf', "CMD nginx -g 'daemon off;' -c /etc/nginx/app.conf"],
  ['CMD nginx -g "worker_processes 2;"', 'nginx -g "worker_processes 2;"', null],
  ['CMD apachectl start', 'apachectl start', null],
  ['CMD apache2ctl -k start', 'apache2ctl -k start', null],
  ['CMD ["httpd", "-k", "start"]', 'httpd", "-k", "start', null],
  ['CMD ["apache2"]', 'apache2', 'CMD ["apache2", "-DFOREGROUND"]'],
  ['CMD httpd -p 8080 -h /www', 'httpd -p 8080 -h /www', 'CMD httpd -f -p 8080 -h /www'],
  ['CMD pg_ctl -D /var/lib/postgresql/data start', 'pg_ctl -D /var/lib/postgresql/data start', null],
  ['CMD pg_ctlcluster 15 main start', 'pg_ctlcluster 15 main start', 'CMD pg_ctlcluster --foreground 15 main start'],
  ['CMD redis-server /etc/redis.conf --daemonize yes', 'redis-server /etc/redis.conf --daemonize yes', 'CMD redis-server /etc/redis.conf --daemonize no'],
  ['CMD ["php-fpm", "-D"]', 'php-fpm", "-D', 'CMD ["php-fpm", "-F"]'],
  ['CMD ["php-fpm8.2"]', 'php-fpm8.2', 'CMD ["php-fpm8.2", "-F"]'],
  ['CMD php-fpm82', 'php-fpm82', 'CMD php-fpm82 -F'],
  ['CMD rsyslogd', 'rsyslogd', 'CMD rsyslogd -n'],
  ['CMD syslog-ng', 'syslog-ng', 'CMD syslog-ng -F'],
  ['CMD memcached -d -u nobody', 'memcached -d -u nobody', null],
  ['CMD mongod --fork --logpath /var/log/mongod.log', 'mongod --fork --logpath /var/log/mongod.log', null],
  ['CMD gunicorn -D app:app', 'gunicorn -D app:app', null],
  ['CMD busybox crond', 'busybox crond', null],
];

/** The same programs kept in the foreground, or running nothing. */
const FOREGROUND: string[] = [
  'CMD ["/usr/sbin/sshd", "-D"]',
  'CMD ["/usr/sbin/sshd", "-De"]',
  'CMD sshd -t',
  'CMD cron -f',
  'CMD ["crond", "-f", "-l", "2"]',
  'CMD crond -n',
  'CMD ["nginx", "-g", "daemon off;"]',
  'CMD nginx -g "daemon off; worker_processes 2;"',
  'CMD nginx -t',
  'CMD apachectl -D FOREGROUND',
  'CMD ["httpd", "-DFOREGROUND"]',
  'CMD ["httpd-foreground"]',
  'CMD ["httpd", "-f", "-p", "8080"]',
  'CMD busybox httpd -f -v -p 80',
  'CMD ["postgres", "-D", "/data"]',
  'CMD pg_ctlcluster --foreground 15 main start',
  'CMD redis-server --daemonize no',
  'CMD ["redis-server", "/etc/redis.conf"]',
  'CMD ["php-fpm"]',
  'CMD ["php-fpm8.2", "-F"]',
  'CMD php-fpm82 --nodaemonize',
  'CMD rsyslogd -n',
  'CMD syslog-ng -F',
  'CMD memcached -u nobody',
  'CMD ["mongod", "--bind_ip_all"]',
  'CMD gunicorn app:app',
  'CMD ["mysqld"]',
  'CMD busybox crond -f',
];

const daemonCases: InvalidCase[] = DAEMONS.map(([cmd, words, fixed]) => {
  const code = D(cmd);
  return {
    name: `self-daemonizing: ${cmd}`,
    code,
    errors: [on2(code, words)],
    messages: ['forks into the background and its first process exits at once'],
    ...(fixed ? { output: D(fixed) } : { noFix: true }),
  };
});

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
    { name: 'args only: flags for redis-server', filename: 'deploy.yaml', code: deployment('          args: ["--appendonly", "yes"]\n', 'redis:7.2') },
    { name: 'args only: distroless python runs python3 with them', filename: 'deploy.yaml', code: deployment('          args: ["nginx"]\n', 'gcr.io/distroless/python3-debian12') },
    { name: 'nginx configured with daemon off; by a RUN', code: 'FROM debian:12-slim\nRUN apt-get install -y nginx && echo "daemon off;" >> /etc/nginx/nginx.conf\nCMD ["nginx"]\n' },
    { name: 'nginx with its main config copied in (it may say daemon off;)', code: 'FROM debian:12-slim\nRUN apt-get install -y nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\nCMD ["nginx"]\n' },
    { name: 'nginx on a base image Herd does not know', code: 'FROM gcr.io/acme/nginx-base:1.0\nCOPY site.conf /etc/nginx/conf.d/\nCMD ["nginx"]\n' },
    { name: 'kubernetes: nginx in an unknown image (its config is unknown)', filename: 'deploy.yaml', code: deployment('          command: ["nginx"]\n') },
    { name: 'a daemon named as an argument of an ENTRYPOINT script', code: 'FROM debian:12-slim\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["nginx"]\n' },
    { name: 'sudo without -b', code: D('CMD sudo -u app ./app') },
    ...FOREGROUND.map((cmd): ValidCase => ({ name: `foreground: ${cmd}`, code: D(cmd) })),
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
      name: 'nohup … &: one finding from nohup to &, exec form fix',
      code: 'FROM alpine:3.20\nCMD nohup ./app & tail -f /dev/null\n',
      errors: ['2:5-2:18'],
      messages: ['The start command puts `./app` in the background with `nohup … &`: when it dies'],
      output: 'FROM alpine:3.20\nCMD ["./app"]\n',
    },
    {
      name: 'setsid … &: one finding',
      code: 'FROM alpine:3.20\nCMD setsid ./worker & exec ./app\n',
      errors: ['2:5-2:22'],
      messages: ['`setsid … &`'],
    },
    {
      name: 'exec form nohup with "&": says what really happens',
      code: 'FROM alpine:3.20\nCMD ["nohup", "./app", "&"]\n',
      errors: ['2:7-2:26'],
      messages: ['`nohup` puts nothing in the background here: `./app` runs in the foreground as PID 1 and receives `&` as an argument'],
      noFix: true,
    },
    {
      name: 'exec form nohup without &',
      code: 'FROM alpine:3.20\nCMD ["nohup", "./app"]\n',
      errors: ['2:7-2:12'],
      messages: ['`./app` runs in the foreground as PID 1; nohup only makes it ignore SIGHUP'],
    },
    {
      name: 'shell form nohup without &',
      code: 'FROM alpine:3.20\nCMD nohup ./app\n',
      errors: ['2:5-2:10'],
      messages: ['`nohup` without `&` puts nothing in the background'],
    },
    {
      name: 'the fix keeps a wrapper that changes the user',
      code: D('CMD gosu app ./worker & tail -f /dev/null'),
      errors: ['2:23-2:24'],
      output: D('CMD ["gosu", "app", "./worker"]'),
    },
    {
      name: 'the fix drops nohup and keeps gosu',
      code: D('CMD nohup gosu app ./worker & tail -f /dev/null'),
      errors: ['2:5-2:30'],
      output: D('CMD ["gosu", "app", "./worker"]'),
    },
    {
      name: 'a backgrounded daemon: the fix adds its foreground flag',
      code: D('CMD /usr/sbin/sshd & tail -f /dev/null'),
      errors: ['2:20-2:21'],
      output: D('CMD ["/usr/sbin/sshd", "-D"]'),
    },
    {
      name: 'a backgrounded nginx in sh -c: exec with daemon off',
      code: D('CMD ["sh", "-c", "nginx & sleep infinity"]'),
      errors: ['2:25-2:26'],
      output: D('CMD ["sh", "-c", "exec nginx -g \'daemon off;\'"]'),
    },
    {
      name: 'redirects kept with exec',
      code: 'FROM python:3.12-slim\nCMD python worker.py > /var/log/w.log 2>&1 & tail -f /dev/null\n',
      errors: ['2:44-2:45'],
      messages: ['puts `python` in the background with the `&` operator'],
      output: 'FROM python:3.12-slim\nCMD exec python worker.py > /var/log/w.log 2>&1\n',
    },
    {
      name: 'exec form sh -c: exact ranges inside the JSON string',
      code: 'FROM nginx:1.27\nCMD ["sh", "-c", "nginx & exec tail -F /var/log/x.log"]\n',
      errors: ['2:25-2:26'],
      // nginx run in the foreground keeps its `daemon off;`, else it would fork away again
      output: 'FROM nginx:1.27\nCMD ["sh", "-c", "exec nginx -g \'daemon off;\'"]\n',
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
      messages: ['with `service cron start`', 'with the init script `/etc/init.d/nginx start`'],
    },
    {
      name: 'sudo -u postgres /etc/init.d/postgresql start: looked through',
      code: D('CMD sudo -u postgres /etc/init.d/postgresql start && sleep infinity'),
      errors: ['2:22-2:50'],
    },
    {
      name: 'su -c script: parsed as a shell script',
      code: D("CMD su postgres -c '/usr/lib/postgresql/15/bin/pg_ctl -D /data start' && tail -f /dev/null"),
      errors: ['2:21-2:69'],
      messages: ['`pg_ctl start` forks into the background: when it dies'],
      noFix: true,
    },
    {
      name: 'sshd before the main process: reported, no flag fix (adding -D would block the script)',
      code: D("CMD /usr/sbin/sshd && exec nginx -g 'daemon off;'"),
      errors: ['2:5-2:19'],
      messages: ['`sshd` forks into the background: when it dies, the container keeps running and Kubernetes never restarts it. To keep it in the foreground, start it with `-D`, and run it in a container of its own.'],
      noFix: true,
    },
    {
      name: 'cron && tail -f',
      code: D('CMD cron && tail -f /var/log/cron.log'),
      errors: ['2:5-2:9'],
      messages: ['start it with `-f`'],
      noFix: true,
    },
    {
      name: 'nginx with only a site config copied: the main config keeps daemon on',
      code: 'FROM nginx:1.27\nCOPY site.conf /etc/nginx/conf.d/default.conf\nCMD ["nginx"]\n',
      errors: ['3:7-3:12'],
      output: 'FROM nginx:1.27\nCOPY site.conf /etc/nginx/conf.d/default.conf\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'a daemon through wrappers: gosu, exec, tini',
      code: D('ENTRYPOINT ["tini", "--", "gosu", "www-data", "php-fpm8.3"]'),
      errors: ['2:48-2:58'],
      output: D('ENTRYPOINT ["tini", "--", "gosu", "www-data", "php-fpm8.3", "-F"]'),
    },
    {
      name: 'sudo -b puts the program in the background',
      code: D('CMD sudo -b ./worker; exec ./app'),
      errors: ['2:10-2:12'],
      messages: ['puts `./worker` in the background with `sudo -b`'],
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
      name: 'kubernetes: sshd in a block sequence, the flag as a new item',
      filename: 'deploy.yaml',
      code: deployment('          command:\n            - /usr/sbin/sshd\n'),
      errors: ['16:15-16:29'],
      output: deployment('          command:\n            - /usr/sbin/sshd\n            - "-D"\n'),
    },
    {
      name: 'kubernetes args only on the redis image: a command, not flags',
      filename: 'deploy.yaml',
      code: deployment('          args: ["redis-server", "--daemonize", "yes"]\n', 'redis:7.2'),
      errors: ['15:19-15:53'],
      output: deployment('          args: ["redis-server", "--daemonize", "no"]\n', 'redis:7.2'),
    },
    {
      name: 'kubernetes args only, unknown image, first word a wrapper',
      filename: 'deploy.yaml',
      code: deployment('          args: ["nohup", "./app", "&"]\n'),
      errors: ['15:19-15:38'],
      messages: ['receives `&` as an argument'],
    },
    {
      name: 'kubernetes nginx in a single-quoted sh -c script: no fix that would break the quotes',
      filename: 'deploy.yaml',
      code: deployment("          command: [sh, -c, 'nginx']\n", 'nginx:1.27'),
      errors: ['15:30-15:35'],
      noFix: true,
    },
    {
      name: 'nested sh -c inside a shell script',
      code: 'FROM alpine:3.20\nCMD sh -c \'./a & ./b\'\n',
      errors: ['2:16-2:17'],
    },
    ...daemonCases,
    {
      name: 'mysqld_safe stays in the foreground but keeps mysqld as its own background child',
      code: D('CMD mysqld_safe --user=mysql'),
      errors: ['2:5-2:29'],
      messages: ['`mysqld_safe` runs `mysqld` as a background child and restarts it itself, so Kubernetes never sees the database die or restart. Instead, run `mysqld` itself in the foreground.'],
      noFix: true,
    },
  ],
});

describe('no-background-process tables', () => {
  it('every self-daemonizing program of the knowledge table has a positive case', () => {
    const names = Object.keys(DAEMON_SOURCES);
    const covered = [...DAEMONS.map(([cmd]) => cmd), 'mysqld_safe'];
    for (const name of names) assert.ok(covered.some((c) => c.includes(name)), `a case for ${name}`);
  });
});
