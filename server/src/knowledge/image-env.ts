// Variables that a Dockerfile uses without defining them: the ENV of official base images, and the
// variables of files that build scripts source. Only those that rules read (package lists, log paths).
import type { ImageRef } from './images';

interface ImageEnvEntry {
  /** Official image (Docker Hub library) name. */
  repository: string;
  /** Tags this entry applies to; every tag when absent. */
  tags?: RegExp;
  env: Record<string, string>;
}

// Dockerfile of docker-library/php at commit 445bf414f1d5866f7aef715f1203eae043710070
// (8.3/bookworm/apache/Dockerfile, 8.3/alpine3.23/fpm/Dockerfile): `ENV PHPIZE_DEPS …`, `ENV PHP_INI_DIR …`,
// `ENV APACHE_CONFDIR …` and `ENV APACHE_ENVVARS $APACHE_CONFDIR/envvars` (apache variants only).
const PHPIZE_DEPS_DEBIAN = 'autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c';
const PHPIZE_DEPS_ALPINE = 'autoconf dpkg-dev dpkg file g++ gcc libc-dev make pkgconf re2c';

const IMAGE_ENV: ImageEnvEntry[] = [
  { repository: 'php', tags: /alpine/, env: { PHPIZE_DEPS: PHPIZE_DEPS_ALPINE, PHP_INI_DIR: '/usr/local/etc/php' } },
  { repository: 'php', tags: /^(?!.*alpine)/, env: { PHPIZE_DEPS: PHPIZE_DEPS_DEBIAN, PHP_INI_DIR: '/usr/local/etc/php' } },
  { repository: 'php', tags: /apache/, env: { APACHE_CONFDIR: '/etc/apache2', APACHE_ENVVARS: '/etc/apache2/envvars' } },
  // Dockerfile of docker-library/httpd: `ENV HTTPD_PREFIX /usr/local/apache2`
  { repository: 'httpd', env: { HTTPD_PREFIX: '/usr/local/apache2' } },
];

/** The ENV an official base image sets, as far as the table knows it. */
export function imageEnv(ref: ImageRef): Record<string, string> {
  if (ref.registry && ref.registry !== 'docker.io') return {};
  const tag = ref.tag ?? 'latest';
  const out: Record<string, string> = {};
  for (const e of IMAGE_ENV) if (e.repository === ref.repository && (!e.tags || e.tags.test(tag))) Object.assign(out, e.env);
  return out;
}

/**
 * Debian's apache2 package: /etc/apache2/envvars exports these (`export APACHE_LOG_DIR=/var/log/apache2$SUFFIX`,
 * SUFFIX empty for the default instance), https://salsa.debian.org/apache-team/apache2/-/blob/master/debian/config-dir/envvars.
 * Scripts that source that file (`. "$APACHE_ENVVARS"`, as the php:*-apache Dockerfile does) see them.
 */
export const APACHE_ENVVARS: Record<string, string> = {
  APACHE_RUN_USER: 'www-data',
  APACHE_RUN_GROUP: 'www-data',
  APACHE_PID_FILE: '/var/run/apache2/apache2.pid',
  APACHE_RUN_DIR: '/var/run/apache2',
  APACHE_LOCK_DIR: '/var/lock/apache2',
  APACHE_LOG_DIR: '/var/log/apache2',
};

/** A shell command that sources Debian's apache2 envvars file. */
export const SOURCES_APACHE_ENVVARS = /(^|[\s;&|(])(\.|source)\s+["']?(\$\{?APACHE_ENVVARS\}?|\/etc\/apache2\/envvars)["']?(?=[\s;&|)]|$)/;
