// What an image's ENTRYPOINT does with the arguments a container gives it (Kubernetes `args` without
// `command`, Compose `command` without `entrypoint`). RULES.md, Terms, "start command".
import type { ImageRef } from './images';

export type ImageEntrypoint =
  /** No ENTRYPOINT, or a script that runs its arguments as a command (`exec "$@"`). */
  | { kind: 'runs-args'; flagsFor?: string }
  /** ENTRYPOINT is a fixed program: the arguments are its arguments, never a command. */
  | { kind: 'program'; program: string };

const NONE: ImageEntrypoint = { kind: 'runs-args' };
/** The official images' docker-entrypoint.sh: a first argument that starts with `-` is a flag for `program`. */
const flagsFor = (program: string): ImageEntrypoint => ({ kind: 'runs-args', flagsFor: program });
const program = (name: string): ImageEntrypoint => ({ kind: 'program', program: name });

interface Entry {
  entrypoint: ImageEntrypoint;
  source: string;
}

const LIBRARY = 'https://github.com/docker-library';

/** Docker Hub repositories (official images without `library/`). */
const HUB: Record<string, Entry> = {
  // base distributions: CMD only
  busybox: { entrypoint: NONE, source: `${LIBRARY}/busybox (Dockerfile: CMD ["sh"], no ENTRYPOINT)` },
  alpine: { entrypoint: NONE, source: 'https://github.com/alpinelinux/docker-alpine (Dockerfile: CMD ["/bin/sh"])' },
  debian: { entrypoint: NONE, source: 'https://github.com/debuerreotype/docker-debian-artifacts (Dockerfile: CMD ["bash"])' },
  ubuntu: { entrypoint: NONE, source: 'https://git.launchpad.net/cloud-images/+oci/ubuntu-base (Dockerfile: CMD ["/bin/bash"])' },
  fedora: { entrypoint: NONE, source: 'https://github.com/fedora-cloud/docker-brew-fedora (Dockerfile: CMD ["/bin/bash"])' },
  centos: { entrypoint: NONE, source: 'https://github.com/CentOS/sig-cloud-instance-images (Dockerfile: CMD ["/bin/bash"])' },
  rockylinux: { entrypoint: NONE, source: 'https://github.com/rocky-linux/sig-cloud-instance-images (Dockerfile: CMD ["/bin/bash"])' },
  almalinux: { entrypoint: NONE, source: 'https://github.com/AlmaLinux/docker-images (Dockerfile: CMD ["/bin/bash"])' },
  amazonlinux: { entrypoint: NONE, source: 'https://github.com/amazonlinux/container-images (Dockerfile: CMD ["/bin/bash"])' },
  oraclelinux: { entrypoint: NONE, source: 'https://github.com/oracle/container-images (Dockerfile: CMD ["/bin/bash"])' },
  archlinux: { entrypoint: NONE, source: 'https://gitlab.archlinux.org/archlinux/archlinux-docker (Dockerfile: CMD ["/usr/bin/bash"])' },
  // language images: CMD only
  python: { entrypoint: NONE, source: `${LIBRARY}/python (Dockerfile: CMD ["python3"], no ENTRYPOINT)` },
  pypy: { entrypoint: NONE, source: `${LIBRARY}/pypy (Dockerfile: CMD ["pypy3"])` },
  ruby: { entrypoint: NONE, source: `${LIBRARY}/ruby (Dockerfile: CMD ["irb"])` },
  golang: { entrypoint: NONE, source: `${LIBRARY}/golang (Dockerfile: no ENTRYPOINT, no CMD)` },
  rust: { entrypoint: NONE, source: 'https://github.com/rust-lang/docker-rust (Dockerfile: no ENTRYPOINT)' },
  gcc: { entrypoint: NONE, source: `${LIBRARY}/gcc (Dockerfile: CMD ["bash"])` },
  perl: { entrypoint: NONE, source: `${LIBRARY}/perl (Dockerfile: CMD ["perl5…", "-de0"])` },
  openjdk: { entrypoint: NONE, source: `${LIBRARY}/openjdk (Dockerfile: CMD ["jshell"])` },
  httpd: { entrypoint: NONE, source: `${LIBRARY}/httpd (Dockerfile: CMD ["httpd-foreground"], no ENTRYPOINT)` },
  // an entrypoint script that ends in exec "$@"
  'eclipse-temurin': { entrypoint: NONE, source: 'https://github.com/adoptium/containers (ENTRYPOINT ["/__cacert_entrypoint.sh"], which ends in exec "$@")' },
  nginx: { entrypoint: NONE, source: `${LIBRARY}/nginx (docker-entrypoint.sh: exec "$@")` },
  'nginxinc/nginx-unprivileged': { entrypoint: NONE, source: 'https://github.com/nginxinc/docker-nginx-unprivileged (docker-entrypoint.sh: exec "$@")' },
  wordpress: { entrypoint: NONE, source: `${LIBRARY}/wordpress (docker-entrypoint.sh: exec "$@")` },
  nextcloud: { entrypoint: NONE, source: 'https://github.com/nextcloud/docker (entrypoint.sh: exec "$@")' },
  // docker-entrypoint.sh: `if [ "${1#-}" != "$1" ]; then set -- <program> "$@"; fi … exec "$@"`
  redis: { entrypoint: flagsFor('redis-server'), source: `${LIBRARY}/redis (docker-entrypoint.sh: first arg -* or *.conf → redis-server)` },
  postgres: { entrypoint: flagsFor('postgres'), source: `${LIBRARY}/postgres (docker-entrypoint.sh: first arg -* → postgres)` },
  mysql: { entrypoint: flagsFor('mysqld'), source: `${LIBRARY}/mysql (docker-entrypoint.sh: first arg -* → mysqld)` },
  mariadb: { entrypoint: flagsFor('mariadbd'), source: 'https://github.com/MariaDB/mariadb-docker (docker-entrypoint.sh: first arg -* → mariadbd)' },
  mongo: { entrypoint: flagsFor('mongod'), source: `${LIBRARY}/mongo (docker-entrypoint.sh: first arg -* → mongod)` },
  memcached: { entrypoint: flagsFor('memcached'), source: `${LIBRARY}/memcached (docker-entrypoint.sh: first arg -* → memcached)` },
  rabbitmq: { entrypoint: flagsFor('rabbitmq-server'), source: `${LIBRARY}/rabbitmq (docker-entrypoint.sh: first arg -* → rabbitmq-server)` },
  cassandra: { entrypoint: flagsFor('cassandra'), source: `${LIBRARY}/cassandra (docker-entrypoint.sh: first arg -* → cassandra -f)` },
  couchdb: { entrypoint: flagsFor('couchdb'), source: 'https://github.com/apache/couchdb-docker (docker-entrypoint.sh: first arg -* → couchdb)' },
  influxdb: { entrypoint: flagsFor('influxd'), source: 'https://github.com/influxdata/influxdata-docker (entrypoint.sh: first arg -* → influxd)' },
  telegraf: { entrypoint: flagsFor('telegraf'), source: 'https://github.com/influxdata/influxdata-docker (telegraf entrypoint.sh: first arg -* → telegraf)' },
  node: { entrypoint: flagsFor('node'), source: 'https://github.com/nodejs/docker-node (docker-entrypoint.sh: first arg -* or not a command → node)' },
  php: { entrypoint: flagsFor('php'), source: `${LIBRARY}/php (docker-php-entrypoint: first arg -* → php, php-fpm or apache2-foreground)` },
  haproxy: { entrypoint: flagsFor('haproxy'), source: `${LIBRARY}/haproxy (docker-entrypoint.sh: first arg -* → haproxy)` },
  traefik: { entrypoint: flagsFor('traefik'), source: 'https://github.com/traefik/traefik-library-image (entrypoint.sh: first arg -* → traefik)' },
  bash: { entrypoint: flagsFor('bash'), source: 'https://github.com/tianon/docker-bash (docker-entrypoint.sh: first arg -* → bash)' },
  docker: { entrypoint: flagsFor('docker'), source: 'https://github.com/docker-library/docker (docker-entrypoint.sh: first arg -* → docker; dind: dockerd)' },
  elasticsearch: { entrypoint: flagsFor('elasticsearch'), source: 'https://github.com/elastic/dockerfiles (docker-entrypoint.sh: first arg -* → elasticsearch)' },
  'jenkins/jenkins': { entrypoint: flagsFor('jenkins'), source: 'https://github.com/jenkinsci/docker (jenkins.sh: first arg --* → java -jar jenkins.war, else exec "$@")' },
  'curlimages/curl': { entrypoint: flagsFor('curl'), source: 'https://github.com/curl/curl-container (entrypoint.sh: first arg -* or not a command → curl)' },
  // a fixed program
  'alpine/git': { entrypoint: program('git'), source: 'https://github.com/alpine-docker/git (Dockerfile: ENTRYPOINT ["git"])' },
  'bitnami/kubectl': { entrypoint: program('kubectl'), source: 'https://github.com/bitnami/containers/tree/main/bitnami/kubectl (ENTRYPOINT ["kubectl"])' },
  'hashicorp/terraform': { entrypoint: program('terraform'), source: 'https://github.com/hashicorp/terraform (Dockerfile: ENTRYPOINT ["/bin/terraform"])' },
  'amazon/aws-cli': { entrypoint: program('aws'), source: 'https://github.com/aws/aws-cli (docker: ENTRYPOINT ["/usr/local/bin/aws"])' },
  'grafana/k6': { entrypoint: program('k6'), source: 'https://github.com/grafana/k6 (Dockerfile: ENTRYPOINT ["k6"])' },
  'prom/prometheus': { entrypoint: program('prometheus'), source: 'https://github.com/prometheus/prometheus (Dockerfile: ENTRYPOINT ["/bin/prometheus"])' },
  'prom/node-exporter': { entrypoint: program('node_exporter'), source: 'https://github.com/prometheus/node_exporter (Dockerfile: ENTRYPOINT ["/bin/node_exporter"])' },
  'fluent/fluent-bit': { entrypoint: program('fluent-bit'), source: 'https://github.com/fluent/fluent-bit (dockerfiles: ENTRYPOINT ["/fluent-bit/bin/fluent-bit"])' },
};

/** gcr.io/distroless/<name>[-debianN]: https://github.com/GoogleContainerTools/distroless (each image's BUILD rules). */
const DISTROLESS: Record<string, ImageEntrypoint> = {
  static: NONE,
  base: NONE,
  'base-nossl': NONE,
  cc: NONE,
  python3: program('python3'),
  java: program('java'),
  nodejs: program('node'),
};

/** Registries that mirror Docker Hub's official images under the same names. */
const MIRRORS: Record<string, string> = {
  'public.ecr.aws': 'docker/library/',
  'mirror.gcr.io': 'library/',
};

/** What the image's entrypoint does with arguments; undefined for an image Herd does not know. */
export function imageEntrypoint(ref: ImageRef): ImageEntrypoint | undefined {
  let repository = ref.repository.toLowerCase();
  const registry = ref.registry;
  if (registry === 'gcr.io' && repository.startsWith('distroless/')) {
    const name = repository.slice('distroless/'.length).replace(/-debian\d+$/, '');
    return DISTROLESS[name];
  }
  // the Kubernetes project's busybox copies
  if ((registry === 'registry.k8s.io' || registry === 'k8s.gcr.io' || registry === 'gcr.io') && /(^|\/)busybox$/.test(repository)) return NONE;
  if (registry && registry !== 'docker.io') {
    const prefix = MIRRORS[registry];
    if (!prefix || !repository.startsWith(prefix)) return undefined;
    repository = repository.slice(prefix.length);
  }
  return Object.prototype.hasOwnProperty.call(HUB, repository) ? HUB[repository].entrypoint : undefined;
}

/** The source of each entry, for tests and docs. */
export const IMAGE_ENTRYPOINT_SOURCES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(HUB).map(([k, v]) => [k, v.source]));
