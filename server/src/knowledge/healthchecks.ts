// Compose healthchecks by image family, and the services an app waits for (databases and brokers).
import { isDatabaseImage, parseImageRef } from './images';

export interface HealthcheckTemplate {
  family: string;
  /** The healthcheck `test`, exec form. */
  test: string[];
}

/** Brokers and caches that accept connections some time after their container starts (rule 43, beside rule 32's stores). */
const BROKERS = new Set(['redis', 'redis-stack', 'redis-stack-server', 'valkey', 'rabbitmq', 'nats']);

/** The last path segment of an image, lower case: `bitnami/postgresql:16` → `postgresql`. */
function imageName(image: string): string | undefined {
  const ref = parseImageRef(image);
  return ref?.repository.split('/').pop()?.toLowerCase();
}

/** A database or broker: a service that depends on it should wait until it is healthy. */
export function isBackingService(image: string): boolean {
  const ref = parseImageRef(image);
  if (!ref) return false;
  return isDatabaseImage(ref) || BROKERS.has(imageName(image) ?? '');
}

/**
 * The healthcheck test for an image family; undefined when none is known (the caller then probes the port).
 * Sources, per family:
 * - postgres: `pg_isready`, https://www.postgresql.org/docs/current/app-pg-isready.html
 * - mysql/mariadb: `mysqladmin ping`, https://dev.mysql.com/doc/refman/8.0/en/mysqladmin.html
 * - redis: `redis-cli ping`, https://redis.io/docs/latest/commands/ping/
 * - rabbitmq: `rabbitmq-diagnostics -q ping`, https://www.rabbitmq.com/docs/monitoring#health-checks
 */
export function healthcheckFor(image: string | undefined, env: Record<string, string>): HealthcheckTemplate | undefined {
  const name = image ? imageName(image) : undefined;
  if (!name) return undefined;
  if (['postgres', 'postgresql', 'postgis', 'timescaledb'].includes(name)) {
    const user = env.POSTGRES_USER && !env.POSTGRES_USER.includes('$') ? env.POSTGRES_USER : 'postgres';
    return { family: 'postgres', test: ['CMD', 'pg_isready', '-U', user] };
  }
  if (['mysql', 'mysql-server', 'percona-server', 'mariadb'].includes(name)) return { family: name === 'mariadb' ? 'mariadb' : 'mysql', test: ['CMD', 'mysqladmin', 'ping', '-h', 'localhost'] };
  if (['redis', 'redis-stack', 'redis-stack-server', 'valkey'].includes(name)) return { family: 'redis', test: ['CMD', name === 'valkey' ? 'valkey-cli' : 'redis-cli', 'ping'] };
  if (name === 'rabbitmq') return { family: 'rabbitmq', test: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'] };
  return undefined;
}

/** The container port of a Compose `ports` entry: `8080:80/tcp` → 80, `127.0.0.1:5432:5432` → 5432, `3000` → 3000. */
export function containerPortOf(entry: string): number | undefined {
  const last = entry.split('/')[0].split(':').pop() ?? '';
  const n = Number(last.split('-')[0]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * An image of Docker's official library (`postgres:16`, `docker.io/library/redis`): none of them declares a HEALTHCHECK
 * (https://github.com/docker-library/faq#why-doesnt-the-official-image-include-a-healthcheck).
 */
export function isOfficialImage(image: string | undefined): boolean {
  const ref = image ? parseImageRef(image) : undefined;
  if (!ref || image!.includes('$')) return false;
  const registry = ref.registry;
  if (registry && registry !== 'docker.io' && registry !== 'index.docker.io') return false;
  return !ref.repository.includes('/') || ref.repository.startsWith('library/');
}
