// The knowledge tables behind "what runs as PID 1": image entrypoints, wrappers, supervisors, daemons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAEMON_SOURCES, daemonizing, isDaemonName } from '../../server/src/knowledge/daemons';
import { IMAGE_ENTRYPOINT_SOURCES, imageEntrypoint } from '../../server/src/knowledge/image-entrypoints';
import { parseImageRef } from '../../server/src/knowledge/images';
import { supervisorOf } from '../../server/src/knowledge/supervisors';
import { unwrap } from '../../server/src/knowledge/wrappers';
import { programIndex, scriptIndex } from '../../server/src/parse/program';

const entrypointOf = (image: string) => imageEntrypoint(parseImageRef(image)!);

describe('image entrypoints', () => {
  it('every entry names its source', () => {
    for (const [name, source] of Object.entries(IMAGE_ENTRYPOINT_SOURCES)) assert.match(source, /https?:\/\//, name);
  });
  const cases: [string, ReturnType<typeof imageEntrypoint>][] = [
    ['busybox', { kind: 'runs-args' }],
    ['busybox:1.36', { kind: 'runs-args' }],
    ['alpine:3.20', { kind: 'runs-args' }],
    ['debian:bookworm-slim', { kind: 'runs-args' }],
    ['ubuntu:24.04', { kind: 'runs-args' }],
    ['docker.io/library/ubuntu:24.04', { kind: 'runs-args' }],
    ['public.ecr.aws/docker/library/alpine:3.20', { kind: 'runs-args' }],
    ['registry.k8s.io/busybox:1.27', { kind: 'runs-args' }],
    ['gcr.io/google-containers/busybox', { kind: 'runs-args' }],
    ['python:3.12-slim', { kind: 'runs-args' }],
    ['redis:7.2', { kind: 'runs-args', flagsFor: 'redis-server' }],
    ['postgres:16', { kind: 'runs-args', flagsFor: 'postgres' }],
    ['node:20-slim', { kind: 'runs-args', flagsFor: 'node' }],
    ['php:8.3-fpm', { kind: 'runs-args', flagsFor: 'php' }],
    ['nginx:1.27', { kind: 'runs-args' }],
    ['gcr.io/distroless/static-debian12', { kind: 'runs-args' }],
    ['gcr.io/distroless/base', { kind: 'runs-args' }],
    ['gcr.io/distroless/python3-debian12', { kind: 'program', program: 'python3' }],
    ['gcr.io/distroless/java17-debian12', undefined],
    ['gcr.io/distroless/java', { kind: 'program', program: 'java' }],
    ['gcr.io/distroless/nodejs20-debian12', undefined],
    ['alpine/git', { kind: 'program', program: 'git' }],
    ['example.com/team/app:1', undefined],
    ['myco/app:1', undefined],
    ['quay.io/someone/redis', undefined],
  ];
  for (const [image, expected] of cases) it(image, () => assert.deepEqual(entrypointOf(image), expected));
});

describe('wrappers', () => {
  const cases: [string, number][] = [
    ['exec app', 1],
    ['exec -a name app', 3],
    ['sudo -u postgres app start', 3],
    ['sudo -E -u app -- app', 5],
    ['sudo -Eu app app', 3],
    ['sudo --preserve-env=PATH app', 2],
    ['sudo -l', -1],
    ['runuser -u app -- app', 4],
    ['gosu app:app app', 2],
    ['su-exec app app', 2],
    ['chpst -u app -/ /srv app', 5],
    ['s6-setuidgid app app', 2],
    ['setpriv --reuid=1 --regid 1 --init-groups app', 5],
    ['tini -- app', 2],
    ['tini -s -p SIGTERM -- app', 5],
    ['dumb-init --rewrite 15:2 app', 3],
    ['catatonit -- app', 2],
    ['env -u HOME A=1 app', 4],
    ['nice -n 5 app', 3],
    ['nice -5 app', 2],
    ['ionice -c3 app', 2],
    ['ionice -p 1', -1],
    ['stdbuf -oL -e0 app', 3],
    ['timeout -s KILL 10 app', 4],
    ['command -v app', -1],
    ['wait-for-it.sh db:5432 -- app', 3],
    ['wait-for-it.sh db:5432', -1],
    ['exec gosu app tini -- app', 5],
    ['app --flag', 0],
  ];
  for (const [command, index] of cases) {
    it(command, () => {
      const argv = command.split(' ');
      const at = programIndex(argv);
      assert.equal(at, index === -1 ? -1 : index);
      if (index > 0) assert.equal(argv[at], 'app');
    });
  }
  it('su -c and runuser -l … -c run a shell script', () => {
    assert.equal(scriptIndex(['su', 'postgres', '-c', 'pg_ctl start']), 3);
    assert.equal(scriptIndex(['su', '-', 'postgres', '-c', 'x']), 4);
    assert.equal(scriptIndex(['runuser', '-l', 'app', '-c', 'x']), 4);
    assert.equal(scriptIndex(['gosu', 'app', 'sh', '-c', 'x']), 4);
    assert.equal(scriptIndex(['su', 'postgres']), -1);
    assert.equal(unwrap(['su', 'postgres'])?.program, 2);
  });
  it('sudo -b backgrounds', () => assert.equal(unwrap(['sudo', '-b', 'app'])?.background, 1));
});

describe('supervisors', () => {
  const positive: [string, number][] = [
    ['/usr/bin/supervisord -n', 1],
    ['/sbin/my_init', 1],
    ['runsvdir-start', 1],
    ['/init', 1],
    ['circusd circus.ini', 1],
    ['honcho start', 2],
    ['foreman start -f Procfile', 2],
    ['overmind start', 2],
    ['pm2 --no-color start app.js', 3],
  ];
  for (const [command, words] of positive) it(command, () => assert.equal(supervisorOf(command.split(' '))?.words, words));
  for (const command of ['pm2-runtime app.js', 'honcho run web', './init', 'init', 'supervisorctl status', 'pm2 logs']) {
    it(`not: ${command}`, () => assert.equal(supervisorOf(command.split(' ')), undefined));
  }
});

describe('self-daemonizing programs', () => {
  it('every entry names its source', () => {
    for (const [name, source] of Object.entries(DAEMON_SOURCES)) assert.match(source, /https?:\/\//, name);
  });
  const positive: [string, string][] = [
    ['sshd', 'sshd'],
    ['/usr/sbin/sshd -p 22', 'sshd'],
    ['cron', 'cron'],
    ['crond -l 8', 'crond'],
    ['nginx', 'nginx'],
    ['apachectl start', 'apachectl start'],
    ['apache2ctl -k start', 'apache2ctl -k start'],
    ['httpd -k start', 'httpd -k start'],
    ['pg_ctl -D /data start', 'pg_ctl start'],
    ['pg_ctlcluster 15 main start', 'pg_ctlcluster … start'],
    ['mysqld_safe', 'mysqld_safe'],
    ['redis-server --daemonize yes', 'redis-server --daemonize yes'],
    ['php-fpm -D', 'php-fpm -D'],
    ['php-fpm8.2', 'php-fpm8.2'],
    ['rsyslogd', 'rsyslogd'],
  ];
  for (const [command, what] of positive) it(command, () => assert.equal(daemonizing(command.split(' '))?.what, what));
  const negative = ['sshd -D', 'sshd -De', 'cron -f', 'crond -n', 'nginx -g daemon_off', 'apachectl configtest', 'pg_ctl stop', 'redis-server --daemonize no', 'php-fpm', 'php-fpm8.2 -F', 'rsyslogd -n', 'postgres'];
  for (const command of negative) {
    it(`not: ${command}`, () => {
      const argv = command === 'nginx -g daemon_off' ? ['nginx', '-g', 'daemon off;'] : command.split(' ');
      assert.equal(daemonizing(argv), undefined);
    });
  }
  it('knows its names', () => {
    assert.ok(isDaemonName('/usr/sbin/sshd'));
    assert.ok(isDaemonName('php-fpm81'));
    assert.ok(!isDaemonName('python'));
  });
});
