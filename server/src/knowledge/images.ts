// What Herd knows about common container images: the distribution under each tag, approximate
// sizes, and the lean variant to suggest. No network: written from the registries' tag schemes.
// Sizes are APPROXIMATE compressed linux/amd64 sizes in MB (what a registry lists); they drift
// with every release and are only meant to show the order of magnitude in a hover.

export type DistroFamily = 'debian' | 'ubuntu' | 'alpine' | 'rhel' | 'suse' | 'distroless' | 'scratch' | 'wolfi' | 'busybox' | 'windows';

/** `repository` carries no registry; Docker Hub's `library/` prefix is dropped (`library/python` → `python`). */
export interface ImageRef {
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export type LeanSuggestion =
  | { kind: 'lean'; tag: string; image: string; sizeMB?: number; leanSizeMB?: number }
  | { kind: 'toolchain'; hint: string; sizeMB?: number };

// ---------------------------------------------------------------------------------------------
// Image references

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** `[registry/]repository[:tag][@digest]`; `${…}` variables are kept as text but never split. */
export function parseImageRef(text: string): ImageRef | undefined {
  const ref = text.trim();
  if (!ref || /\s/.test(ref)) return undefined;
  const masked = ref.replace(/\$\{[^}]*\}/g, (v) => 'x'.repeat(v.length)); // `${A:-b:c}` holds no separator
  const at = masked.indexOf('@');
  const nameEnd = at < 0 ? ref.length : at;
  const colon = masked.lastIndexOf(':', nameEnd - 1);
  const hasTag = colon > masked.lastIndexOf('/', nameEnd - 1);
  const pathEnd = hasTag ? colon : nameEnd;
  const tag = hasTag ? ref.slice(colon + 1, nameEnd) : undefined;
  const digest = at < 0 ? undefined : ref.slice(at + 1);
  const firstSlash = masked.indexOf('/');
  const first = firstSlash > 0 && firstSlash < pathEnd ? masked.slice(0, firstSlash) : undefined;
  const hasRegistry = first !== undefined && (/[.:]/.test(first) || first === 'localhost');
  let registry = hasRegistry ? ref.slice(0, firstSlash).toLowerCase() : undefined;
  let repository = ref.slice(hasRegistry ? firstSlash + 1 : 0, pathEnd);
  if (tag === '' || digest === '' || !repository || repository.split('/').some((part) => !part)) return undefined;
  if (registry && DOCKER_HUB_HOSTS.has(registry)) registry = 'docker.io';
  if ((!registry || registry === 'docker.io') && repository.startsWith('library/')) repository = repository.slice('library/'.length);
  return { ...(registry && { registry }), repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** Docker Hub written out in full is spelled canonically: `docker.io/library/python`. */
export function formatImageRef(ref: ImageRef): string {
  const repository = ref.registry === 'docker.io' && !ref.repository.includes('/') ? `library/${ref.repository}` : ref.repository;
  return `${ref.registry ? `${ref.registry}/` : ''}${repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Tag vocabulary

const DEBIAN_CODENAMES = 'jessie|stretch|buster|bullseye|bookworm|trixie|forky';

/** Words in a tag that name its distribution, checked family by family in this order. */
const DISTRO_WORDS: { family: DistroFamily; word: RegExp }[] = [
  { family: 'alpine', word: /^alpine/ },
  { family: 'windows', word: /^(windows|windowsservercore|nanoserver|ltsc\d{4})$/ },
  { family: 'debian', word: new RegExp(`^(debian\\d*|${DEBIAN_CODENAMES}|sid)$`) },
  { family: 'ubuntu', word: /^(ubuntu|xenial|bionic|focal|jammy|noble|oracular|plucky|questing|resolute)$/ },
  { family: 'rhel', word: /^(ubi\d*|oracle|oraclelinux\d*|al2|al2023|amazonlinux\d*|amazoncorretto|corretto|centos\d*|rockylinux\d*|almalinux\d*)$/ },
];

const tagWords = (tag: string) => tag.toLowerCase().split('-');
const isVariable = (tag: string) => tag.includes('$');

function distroInTag(tag: string): DistroFamily | undefined {
  const words = tagWords(tag);
  return DISTRO_WORDS.find(({ word }) => words.some((w) => word.test(w)))?.family;
}

/** The distribution a tag names, else the image's default (unless the tag is a variable). */
const byTag =
  (fallback: DistroFamily) =>
  (tag: string): DistroFamily | undefined =>
    distroInTag(tag) ?? (isVariable(tag) ? undefined : fallback);

const major = (tag: string) => Number(/^\d+/.exec(tag)?.[0] ?? NaN);

// ---------------------------------------------------------------------------------------------
// Lean variants

interface LeanTag {
  repository?: string;
  tag: string;
}

/** Official tags of the form `VERSION[-CODENAME]`, `CODENAME` or `latest`. */
function debianTagParts(tag: string, version: string): { version?: string; codename?: string } | undefined {
  if (tag === 'latest') return {};
  const m = new RegExp(`^(?:(${version})(?:-(${DEBIAN_CODENAMES}))?|(${DEBIAN_CODENAMES}))$`).exec(tag);
  return m ? { version: m[1], codename: m[2] ?? m[3] } : undefined;
}

/** python, ruby: `3.12-bookworm` → `3.12-slim-bookworm`. */
const slimBeforeCodename = (version: string) => (tag: string): LeanTag | undefined => {
  const parts = debianTagParts(tag, version);
  return parts && { tag: [parts.version, 'slim', parts.codename].filter(Boolean).join('-') };
};

/** node: `20-bookworm` → `20-bookworm-slim`. */
const slimAfterCodename = (version: string) => (tag: string): LeanTag | undefined => {
  const parts = debianTagParts(tag, version);
  return parts && { tag: [parts.version, parts.codename, 'slim'].filter(Boolean).join('-') };
};

function debianSlim(tag: string): LeanTag | undefined {
  if (tag === 'latest') return { tag: 'stable-slim' }; // there is no `debian:slim`
  const suite = `\\d+(?:\\.\\d+)?|${DEBIAN_CODENAMES}|sid|stable|oldstable|oldoldstable|testing|unstable`;
  return new RegExp(`^(?:${suite})(?:-\\d{8})?$`).test(tag) ? { tag: `${tag}-slim` } : undefined;
}

/** Java feature releases published as `eclipse-temurin:<N>-jre`. */
const TEMURIN_JRE = new Set([8, 11, 17, 21, 22, 23, 24, 25]);
const JAVA_VERSION = '(\\d+)(?:u\\d+-b\\d+|(?:\\.\\d+)*(?:_\\d+)?)';

/** `21-jdk-noble` → `21-jre-noble`, `21` → `21-jre`; Windows variants are left alone. */
function temurinJre(tag: string): LeanTag | undefined {
  const m = new RegExp(`^(${JAVA_VERSION})(?:-jdk)?(-(?:focal|jammy|noble|resolute|alpine(?:-3\\.\\d+)?|ubi\\d+-minimal))?$`).exec(tag);
  return m && TEMURIN_JRE.has(Number(m[2])) ? { tag: `${m[1]}-jre${m[3] ?? ''}` } : undefined;
}

/** The official openjdk image is deprecated: its JDK tags move to the Temurin JRE. */
function openjdkToTemurin(tag: string): LeanTag | undefined {
  const m = /^(\d+)(?:\.\d+)*(?:-jdk)?(?:-(?:oracle|oraclelinux\d+|buster|bullseye|bookworm))?$/.exec(tag);
  return m && TEMURIN_JRE.has(Number(m[1])) ? { repository: 'eclipse-temurin', tag: `${m[1]}-jre` } : undefined;
}

/** Corretto's Alpine tags exist for these majors (`amazoncorretto:17-alpine`). */
function correttoAlpine(tag: string): LeanTag | undefined {
  return /^(8|11|17|21)$/.test(tag) ? { tag: `${tag}-alpine` } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Toolchain hints

const SHIP = 'build in a stage, ship scratch/distroless';

function jreFor(tag: string | undefined): string {
  const n = Number(/(?:temurin|corretto|openjdk|jdk|sapmachine|semeru)-?(\d+)/.exec(tag ?? '')?.[1]);
  return TEMURIN_JRE.has(n) ? `eclipse-temurin:${n}-jre` : 'a JRE image (eclipse-temurin:<version>-jre)';
}

/** The runtime tag matching an SDK tag: `8.0.204-alpine3.19` → `8.0-alpine3.19`. */
function dotnetRuntimeTag(tag: string | undefined): string {
  if (tag === undefined || isVariable(tag)) return '';
  const m = /^(\d+\.\d+)(?:\.\d+)?(-.+)?$/.exec(tag);
  if (m) return `:${m[1]}${m[2] ?? ''}`;
  return tag === 'latest' ? ':latest' : '';
}

const TOOLCHAIN_HINTS: Record<string, (tag: string | undefined) => string> = {
  golang: () => `golang is the Go toolchain: ${SHIP} (a CGO_ENABLED=0 binary on scratch or gcr.io/distroless/static).`,
  rust: () => `rust is the Rust toolchain: ${SHIP} (gcr.io/distroless/cc, or scratch for a *-musl target).`,
  gcc: () => `gcc is a C/C++ toolchain: ${SHIP} (a -static binary on scratch, or gcr.io/distroless/cc).`,
  maven: (tag) => `maven is a build tool with a full JDK: ${SHIP}, or a JRE such as ${jreFor(tag)}.`,
  gradle: (tag) => `gradle is a build tool with a full JDK: ${SHIP}, or a JRE such as ${jreFor(tag)}.`,
  dotnetSdk: (tag) =>
    `mcr.microsoft.com/dotnet/sdk is the .NET SDK: build in a stage, ship mcr.microsoft.com/dotnet/aspnet${dotnetRuntimeTag(tag)} (web apps) or mcr.microsoft.com/dotnet/runtime${dotnetRuntimeTag(tag)}.`,
};

// ---------------------------------------------------------------------------------------------
// The table

interface ImageEntry {
  /** Docker Hub repositories (`python`) or `registry/repository`; `*` matches within one path segment. */
  names: string[];
  title: string;
  /** A fixed family, or one read from the tag. */
  family: DistroFamily | ((tag: string) => DistroFamily | undefined);
  /** Approximate MB by variant: `full` is the default; other keys are tag words that must all appear. */
  sizes?: Record<string, number>;
  lean?: (tag: string) => LeanTag | undefined;
  toolchain?: (tag: string | undefined) => string;
}

const redHat = (...repos: string[]) => ['registry.access.redhat.com', 'registry.redhat.io', 'redhat'].flatMap((r) => repos.map((repo) => `${r}/${repo}`));

function openjdkFamily(tag: string): DistroFamily | undefined {
  const named = distroInTag(tag) ?? (tagWords(tag).includes('slim') ? 'debian' : undefined);
  if (named || isVariable(tag)) return named;
  const n = major(tag);
  return Number.isNaN(n) ? undefined : n >= 12 ? 'rhel' : 'debian'; // Oracle Linux from 12 on
}

function javaBuildFamily(tag: string): DistroFamily | undefined {
  return distroInTag(tag) ?? (isVariable(tag) || /openjdk|ibmjava/.test(tag) ? undefined : 'ubuntu');
}

function dotnetFamily(tag: string): DistroFamily | undefined {
  const named = distroInTag(tag);
  if (named || isVariable(tag) || /azurelinux|cbl-mariner/.test(tag)) return named;
  const n = major(tag);
  return Number.isNaN(n) ? undefined : n >= 10 ? 'ubuntu' : 'debian'; // .NET 10 moved to Ubuntu
}

const IMAGES: ImageEntry[] = [
  // Distributions and bare bases
  { names: ['scratch'], title: 'Empty image: only what you copy in', family: 'scratch', sizes: { full: 0 } },
  { names: ['debian'], title: 'Debian', family: 'debian', sizes: { full: 49, slim: 28 }, lean: debianSlim },
  { names: ['ubuntu'], title: 'Ubuntu', family: 'ubuntu', sizes: { full: 29 } },
  { names: ['alpine'], title: 'Alpine Linux (musl libc, apk)', family: 'alpine', sizes: { full: 3.5 } },
  { names: ['busybox'], title: 'BusyBox', family: 'busybox', sizes: { full: 2 } },
  { names: ['centos', 'quay.io/centos/centos'], title: 'CentOS', family: 'rhel', sizes: { full: 70 } },
  { names: ['fedora', 'quay.io/fedora/fedora'], title: 'Fedora', family: 'rhel', sizes: { full: 65 } },
  { names: ['rockylinux', 'rockylinux/rockylinux'], title: 'Rocky Linux', family: 'rhel', sizes: { full: 65, minimal: 40 } },
  { names: ['almalinux', 'almalinux/*'], title: 'AlmaLinux', family: 'rhel', sizes: { full: 70, minimal: 35 } },
  { names: ['amazonlinux'], title: 'Amazon Linux', family: 'rhel', sizes: { full: 55 } },
  { names: ['oraclelinux'], title: 'Oracle Linux', family: 'rhel', sizes: { full: 90, slim: 45 } },
  { names: redHat('ubi*-micro', 'ubi*/ubi-micro'), title: 'Red Hat UBI micro (no package manager)', family: 'rhel', sizes: { full: 9 } },
  { names: redHat('ubi*-minimal', 'ubi*/ubi-minimal'), title: 'Red Hat UBI minimal (microdnf)', family: 'rhel', sizes: { full: 38 } },
  { names: redHat('ubi*', 'ubi*/ubi'), title: 'Red Hat Universal Base Image', family: 'rhel', sizes: { full: 80 } },
  { names: redHat('ubi*/*'), title: 'Red Hat UBI-based image', family: 'rhel' },
  { names: ['opensuse/leap', 'opensuse/tumbleweed', 'registry.suse.com/bci/*', 'registry.suse.com/suse/*'], title: 'SUSE', family: 'suse' },
  { names: ['mcr.microsoft.com/windows', 'mcr.microsoft.com/windows/*'], title: 'Windows', family: 'windows' },
  { names: ['gcr.io/distroless/static*'], title: 'Distroless static: CA certificates, tzdata and /etc/passwd; no libc, no shell', family: 'distroless', sizes: { full: 1 } },
  { names: ['gcr.io/distroless/base*'], title: 'Distroless base: glibc and OpenSSL; no shell', family: 'distroless', sizes: { full: 9 } },
  { names: ['gcr.io/distroless/cc*'], title: 'Distroless cc: glibc and libstdc++; no shell', family: 'distroless', sizes: { full: 10 } },
  { names: ['gcr.io/distroless/java*'], title: 'Distroless Java runtime; no shell', family: 'distroless', sizes: { full: 80 } },
  { names: ['gcr.io/distroless/python3*'], title: 'Distroless Python 3; no shell', family: 'distroless', sizes: { full: 20 } },
  { names: ['gcr.io/distroless/nodejs*'], title: 'Distroless Node.js; no shell', family: 'distroless', sizes: { full: 45 } },
  { names: ['gcr.io/distroless/*'], title: 'Distroless image; no shell', family: 'distroless' },
  { names: ['cgr.dev/chainguard/static', 'chainguard/static'], title: 'Chainguard static (Wolfi); no shell', family: 'wolfi', sizes: { full: 1 } },
  { names: ['cgr.dev/chainguard/*', 'chainguard/*'], title: 'Chainguard image (Wolfi)', family: 'wolfi' },
  { names: ['buildpack-deps'], title: 'buildpack-deps: a distribution plus common build dependencies', family: byTag('debian') },

  // Language runtimes
  { names: ['python'], title: 'Python', family: byTag('debian'), sizes: { full: 390, slim: 45, alpine: 18 },
    lean: slimBeforeCodename('\\d+(?:\\.\\d+){0,2}(?:(?:a|b|rc)\\d+)?(?:-rc)?') },
  { names: ['node'], title: 'Node.js', family: byTag('debian'), sizes: { full: 390, slim: 70, alpine: 45 },
    lean: slimAfterCodename('\\d+(?:\\.\\d+){0,2}|lts|current|argon|boron|carbon|dubnium|erbium|fermium|gallium|hydrogen|iron|jod|krypton') },
  { names: ['ruby'], title: 'Ruby', family: byTag('debian'), sizes: { full: 370, slim: 65, alpine: 35 }, lean: slimBeforeCodename('\\d+(?:\\.\\d+){0,2}') },
  { names: ['php'], title: 'PHP', family: byTag('debian'), sizes: { full: 175, alpine: 35 } },
  { names: ['perl'], title: 'Perl', family: byTag('debian'), sizes: { full: 340, slim: 60 } },
  { names: ['eclipse-temurin'], title: 'Eclipse Temurin (OpenJDK build)', family: byTag('ubuntu'),
    sizes: { full: 190, jre: 95, alpine: 160, 'jre alpine': 65 }, lean: temurinJre },
  { names: ['openjdk'], title: 'OpenJDK (deprecated official image: use eclipse-temurin)', family: openjdkFamily,
    sizes: { full: 240, slim: 210, alpine: 100 }, lean: openjdkToTemurin },
  { names: ['amazoncorretto'], title: 'Amazon Corretto (OpenJDK build)', family: byTag('rhel'), sizes: { full: 200, alpine: 145 }, lean: correttoAlpine },
  { names: ['mcr.microsoft.com/dotnet/aspnet'], title: '.NET ASP.NET Core runtime', family: dotnetFamily, sizes: { full: 90, alpine: 48, chiseled: 45 } },
  { names: ['mcr.microsoft.com/dotnet/runtime'], title: '.NET runtime', family: dotnetFamily, sizes: { full: 78, alpine: 40, chiseled: 35 } },
  { names: ['mcr.microsoft.com/dotnet/runtime-deps'], title: '.NET runtime dependencies (for self-contained apps)', family: dotnetFamily,
    sizes: { full: 45, alpine: 5, chiseled: 6 } },

  // Toolchains: fine in a build stage, heavy as a final base
  { names: ['golang'], title: 'Go toolchain', family: byTag('debian'), sizes: { full: 290, alpine: 80 }, toolchain: TOOLCHAIN_HINTS.golang },
  { names: ['rust'], title: 'Rust toolchain', family: byTag('debian'), sizes: { full: 540, slim: 260, alpine: 290 }, toolchain: TOOLCHAIN_HINTS.rust },
  { names: ['gcc'], title: 'GCC toolchain', family: byTag('debian'), sizes: { full: 540 }, toolchain: TOOLCHAIN_HINTS.gcc },
  { names: ['maven'], title: 'Apache Maven with a JDK', family: javaBuildFamily, sizes: { full: 230, alpine: 190 }, toolchain: TOOLCHAIN_HINTS.maven },
  { names: ['gradle'], title: 'Gradle with a JDK', family: javaBuildFamily, sizes: { full: 320, alpine: 280 }, toolchain: TOOLCHAIN_HINTS.gradle },
  { names: ['mcr.microsoft.com/dotnet/sdk'], title: '.NET SDK', family: dotnetFamily, sizes: { full: 270, alpine: 220 }, toolchain: TOOLCHAIN_HINTS.dotnetSdk },

  // Servers
  { names: ['nginx'], title: 'nginx', family: byTag('debian'), sizes: { full: 70, alpine: 20, 'alpine slim': 5 } },
  { names: ['httpd'], title: 'Apache httpd', family: byTag('debian'), sizes: { full: 60, alpine: 22 } },
  { names: ['postgres'], title: 'PostgreSQL', family: byTag('debian'), sizes: { full: 150, alpine: 100 } },
  { names: ['redis'], title: 'Redis', family: byTag('debian'), sizes: { full: 45, alpine: 17 } },
];

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
const MATCHERS = IMAGES.map((entry) => ({ entry, patterns: entry.names.map(globToRegExp) }));

/** The name the table uses: the bare repository on Docker Hub, `registry/repository` elsewhere. */
const tableName = (ref: ImageRef) => (!ref.registry || ref.registry === 'docker.io' ? ref.repository : `${ref.registry}/${ref.repository}`);

function findEntry(ref: ImageRef): ImageEntry | undefined {
  const name = tableName(ref);
  return MATCHERS.find(({ patterns }) => patterns.some((p) => p.test(name)))?.entry;
}

/** The tag in effect: `latest` when none is written; unknown when only a digest pins the image. */
const effectiveTag = (ref: ImageRef) => ref.tag ?? (ref.digest ? undefined : 'latest');

function sizeOf(entry: ImageEntry, tag: string | undefined): number | undefined {
  if (!entry.sizes || tag === undefined) return undefined;
  const words = tagWords(tag);
  let best: { size: number; matched: number } | undefined;
  for (const [key, size] of Object.entries(entry.sizes)) {
    if (key === 'full') continue;
    const keyWords = key.split(' ');
    if (keyWords.every((k) => words.some((w) => w.startsWith(k))) && keyWords.length > (best?.matched ?? 0)) best = { size, matched: keyWords.length };
  }
  if (best) return best.size;
  return isVariable(tag) ? undefined : entry.sizes.full;
}

function familyOf(entry: ImageEntry, tag: string | undefined): DistroFamily | undefined {
  if (typeof entry.family === 'string') return entry.family;
  return tag === undefined ? undefined : entry.family(tag);
}

// ---------------------------------------------------------------------------------------------
// Public API

export function imageInfo(ref: ImageRef): { family: DistroFamily | undefined; sizeMB?: number; description: string } | undefined {
  const entry = findEntry(ref);
  if (!entry) return undefined;
  const tag = effectiveTag(ref);
  const family = familyOf(entry, tag);
  const sizeMB = family === 'windows' ? undefined : sizeOf(entry, tag);
  return { family, ...(sizeMB !== undefined && { sizeMB }), description: entry.title };
}

export function distributionFamily(ref: ImageRef): DistroFamily | undefined {
  return imageInfo(ref)?.family;
}

/**
 * The lean variant of a full image, or a toolchain warning; undefined when the image is already
 * lean, unknown, or its tag is a variable or absent behind a digest. A digest pins the full
 * variant, so the suggested `image` drops it.
 */
export function leanVariant(ref: ImageRef): LeanSuggestion | undefined {
  const entry = findEntry(ref);
  if (!entry) return undefined;
  const tag = effectiveTag(ref);
  const sizeMB = imageInfo(ref)?.sizeMB;
  // A toolchain is a toolchain whatever its variant or tag.
  if (entry.toolchain) return { kind: 'toolchain', hint: entry.toolchain(tag), ...(sizeMB !== undefined && { sizeMB }) };
  if (!entry.lean || tag === undefined || isVariable(tag)) return undefined;
  const next = entry.lean(tag);
  if (!next) return undefined;
  const leanRef: ImageRef = { ...(ref.registry && { registry: ref.registry }), repository: next.repository ?? ref.repository, tag: next.tag };
  const leanSizeMB = imageInfo(leanRef)?.sizeMB;
  return {
    kind: 'lean',
    tag: next.tag,
    image: formatImageRef(leanRef),
    ...(sizeMB !== undefined && { sizeMB }),
    ...(leanSizeMB !== undefined && { leanSizeMB }),
  };
}

/** Stateful stores: a Deployment running one of these should be a StatefulSet. */
const DATABASE_IMAGES: { engine: string; names: string[] }[] = [
  { engine: 'postgres', names: ['postgres', 'postgresql', 'postgresql-repmgr', 'postgis', 'timescaledb'] },
  { engine: 'mysql', names: ['mysql', 'mysql-server', 'percona-server'] },
  { engine: 'mariadb', names: ['mariadb', 'mariadb-galera'] },
  { engine: 'mongo', names: ['mongo', 'mongodb', 'mongodb-community-server', 'mongodb-enterprise-server'] },
  { engine: 'cassandra', names: ['cassandra'] },
  { engine: 'elasticsearch', names: ['elasticsearch'] },
  { engine: 'opensearch', names: ['opensearch'] },
  { engine: 'etcd', names: ['etcd'] },
  { engine: 'zookeeper', names: ['zookeeper', 'cp-zookeeper'] },
  { engine: 'kafka', names: ['kafka', 'kafka-native', 'cp-kafka', 'cp-server'] },
  { engine: 'couchdb', names: ['couchdb'] },
  { engine: 'neo4j', names: ['neo4j'] },
  { engine: 'influxdb', names: ['influxdb'] },
  { engine: 'clickhouse', names: ['clickhouse', 'clickhouse-server'] },
  { engine: 'cockroach', names: ['cockroach', 'cockroachdb'] },
];
const DATABASE_NAMES = new Set(DATABASE_IMAGES.flatMap((d) => d.names));

/** Judged on the last path segment, so `bitnami/kafka` and `confluentinc/cp-kafka` count. */
export function isDatabaseImage(ref: ImageRef): boolean {
  const last = ref.repository.split('/').pop() ?? '';
  return DATABASE_NAMES.has(last.toLowerCase());
}
