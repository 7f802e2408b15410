// Images that a workspace pulls rather than builds: Docker Official Images and images of public registries.
// The folder-name link never points such an image at a Dockerfile of the workspace (RULES.md, "Dockerfile ↔ manifest").
import type { ImageRef } from './images';

// Docker Official Images, https://github.com/docker-library/official-images/tree/master/library (the file names
// of that folder: each is an image of Docker Hub's `library/` namespace).
export const OFFICIAL_IMAGES = new Set([
  'adminer', 'aerospike', 'almalinux', 'alpine', 'alt', 'amazoncorretto', 'amazonlinux', 'api-firewall', 'arangodb',
  'archlinux', 'backdrop', 'bash', 'bonita', 'buildpack-deps', 'busybox', 'caddy', 'cassandra', 'chronograf', 'cirros',
  'clearlinux', 'clickhouse', 'clojure', 'composer', 'couchbase', 'couchdb', 'crate', 'dart', 'debian', 'docker',
  'drupal', 'eclipse-mosquitto', 'eclipse-temurin', 'eggdrop', 'elasticsearch', 'elixir', 'emqx', 'erlang', 'fedora',
  'flink', 'fluentd', 'friendica', 'gazebo', 'gcc', 'geonetwork', 'ghost', 'golang', 'gradle', 'groovy', 'haproxy',
  'haskell', 'haxe', 'hello-world', 'hitch', 'httpd', 'hylang', 'ibm-semeru-runtimes', 'ibmjava', 'influxdb', 'irssi',
  'jetty', 'joomla', 'jruby', 'julia', 'kapacitor', 'kibana', 'kong', 'krakend', 'lightstreamer', 'liquibase',
  'logstash', 'mageia', 'mariadb', 'matomo', 'maven', 'mediawiki', 'memcached', 'mongo', 'mongo-express', 'monica',
  'mono', 'mysql', 'nats', 'neo4j', 'neurodebian', 'nextcloud', 'nginx', 'node', 'notary', 'odoo', 'open-liberty',
  'openjdk', 'oraclelinux', 'orientdb', 'percona', 'perl', 'photon', 'php', 'php-zendserver', 'phpmyadmin', 'plone',
  'postfixadmin', 'postgres', 'pypy', 'python', 'r-base', 'rabbitmq', 'rakudo-star', 'redis', 'redmine', 'registry',
  'rethinkdb', 'rocket.chat', 'rockylinux', 'ruby', 'rust', 'sapmachine', 'satosa', 'silverpeas', 'solr', 'sonarqube',
  'spiped', 'storm', 'swift', 'swipl', 'teamspeak', 'telegraf', 'tomcat', 'tomee', 'traefik', 'ubuntu', 'unit',
  'varnish', 'websphere-liberty', 'wordpress', 'xwiki', 'yourls', 'znc', 'zookeeper', 'valkey', 'mysql', 'opensearch',
  'scratch', 'centos', 'consul', 'vault', 'convertigo', 'express-gateway', 'sl', 'jobber', 'nuxeo', 'known',
]);

/**
 * Registries (and registry paths) that publish other people's images: a Kubernetes release's images
 * (https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/), distroless
 * (https://github.com/GoogleContainerTools/distroless), Quay, Microsoft's and Amazon's public registries.
 */
const PUBLIC_REGISTRIES: RegExp[] = [
  /^registry\.k8s\.io\//,
  /^k8s\.gcr\.io\//,
  /^gcr\.io\/(distroless|google[-_]containers|k8s-artifacts-prod|kaniko-project|cadvisor)\//,
  /^quay\.io\//,
  /^mcr\.microsoft\.com\//,
  /^public\.ecr\.aws\//,
  /^cgr\.dev\//,
  /^docker\.elastic\.co\//,
  /^registry\.access\.redhat\.com\//,
  /^registry\.redhat\.io\//,
  /^nvcr\.io\//,
];

/**
 * Why an image is not one the workspace builds, for the folder-name rule: pinned by digest, on a public
 * registry, a Docker Official Image, or on ghcr.io under an owner the workspace's own builds do not use.
 * `ownGhcrOwners`: the ghcr.io owners of images that skaffold, compose or kustomize of the workspace name.
 */
export function upstreamReason(ref: ImageRef, ownGhcrOwners: ReadonlySet<string> = new Set()): string | undefined {
  if (ref.digest) return 'pinned by digest';
  const registry = ref.registry;
  const name = registry ? `${registry}/${ref.repository}` : ref.repository;
  if ((!registry || registry === 'docker.io') && !ref.repository.includes('/')) {
    return OFFICIAL_IMAGES.has(ref.repository) ? 'a Docker Official Image' : undefined;
  }
  if (PUBLIC_REGISTRIES.some((r) => r.test(`${name}/`))) return 'on a public registry';
  if (registry === 'ghcr.io') {
    const owner = ref.repository.split('/')[0].toLowerCase();
    if (!ownGhcrOwners.has(owner)) return 'on ghcr.io under another owner';
  }
  return undefined;
}
