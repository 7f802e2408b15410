// Base images that already run as a non-root user (their own Dockerfile ends with a USER), so an image
// built FROM them without a USER of its own does not run as root. Each entry names its source.
import type { ImageRef } from './images';

export interface ImageUser {
  /** The numeric uid, when the image's USER is numeric (the kubelet can verify runAsNonRoot). */
  uid?: number;
  /** The USER as a name, when the image sets it by name (`USER nobody`): not verifiable by the kubelet. */
  name?: string;
  source: string;
}

interface Entry extends ImageUser {
  /** `registry/repository` (Docker Hub without registry, `library/` dropped). */
  name_: RegExp;
  /** Tags that run as root instead (development variants). */
  rootTags?: RegExp;
  /** Only these tags run as non-root. */
  tags?: RegExp;
}

const TABLE: Entry[] = [
  // https://github.com/GoogleContainerTools/distroless#debug-images ("nonroot" tags run as 65532)
  { name_: /^gcr\.io\/distroless\//, tags: /nonroot/, uid: 65532, source: 'https://github.com/GoogleContainerTools/distroless (nonroot tags)' },
  // https://edu.chainguard.dev/chainguard/chainguard-images/overview/ : images run as nonroot 65532; -dev variants as root
  { name_: /^(cgr\.dev\/chainguard|chainguard)\//, rootTags: /(^|-)dev$|^latest-dev/, uid: 65532, source: 'https://edu.chainguard.dev/chainguard/chainguard-images/overview/' },
  // https://github.com/nginxinc/docker-nginx-unprivileged : Dockerfile ends with `USER $UID` (101)
  { name_: /^(docker\.io\/)?nginxinc\/nginx-unprivileged$/, uid: 101, source: 'https://github.com/nginxinc/docker-nginx-unprivileged' },
  // https://docs.bitnami.com/tutorials/work-with-non-root-containers/ : Bitnami application images run as 1001 (minideb, a base OS, as root)
  { name_: /^(docker\.io\/)?bitnami\/(?!minideb$)[^/]+$/, uid: 1001, source: 'https://docs.bitnami.com/tutorials/work-with-non-root-containers/' },
  // https://github.com/grafana/k6/blob/master/Dockerfile : `adduser -D -u 12345 -g 12345 k6` then `USER 12345`
  { name_: /^(docker\.io\/)?grafana\/k6$/, uid: 12345, source: 'https://github.com/grafana/k6/blob/master/Dockerfile' },
  // https://grafana.com/docs/grafana/latest/setup-grafana/installation/docker/ : "runs as user 472"
  { name_: /^(docker\.io\/)?grafana\/grafana(-oss|-enterprise)?$/, uid: 472, source: 'https://grafana.com/docs/grafana/latest/setup-grafana/installation/docker/' },
  // https://github.com/prometheus/prometheus/blob/main/Dockerfile : `USER nobody`
  { name_: /^((docker\.io\/)?prom|quay\.io\/prometheus)\/(prometheus|alertmanager|node-exporter|pushgateway)$/, name: 'nobody', source: 'https://github.com/prometheus/prometheus/blob/main/Dockerfile' },
  // https://github.com/keycloak/keycloak/blob/main/quarkus/container/Containerfile : `USER 1000`
  { name_: /^quay\.io\/keycloak\/keycloak$/, uid: 1000, source: 'https://github.com/keycloak/keycloak/blob/main/quarkus/container/Containerfile' },
  // https://github.com/sclorg/s2i-nodejs-container (and the python/php/ruby/perl siblings): `USER 1001`
  { name_: /^registry\.(access\.)?redhat\.(com|io)\/ubi\d+\/(nodejs|python|php|ruby|perl)-\d+(-minimal)?$/, uid: 1001, source: 'https://github.com/sclorg/s2i-nodejs-container' },
];

/** The non-root user a base image runs as, when the table knows it. */
export function imageNonRootUser(ref: ImageRef): ImageUser | undefined {
  const name = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
  const tag = ref.tag ?? 'latest';
  for (const e of TABLE) {
    if (!e.name_.test(name)) continue;
    if (e.tags && !e.tags.test(tag)) return undefined;
    if (e.rootTags?.test(tag)) return undefined;
    return { ...(e.uid !== undefined && { uid: e.uid }), ...(e.name !== undefined && { name: e.name }), source: e.source };
  }
  return undefined;
}
