// A generated set of Compose files for the throughput benchmark: the test corpus holds no Compose file yet, so the
// benchmark builds its own, deterministic (seeded), from the shapes of the repository's own Compose texts (test
// fixtures, the snippets, the rule tables): databases with and without healthchecks, apps built with `target`,
// string and list commands (`sh -c` scripts among them), `$$` and `${VAR:-default}`, anchors and merge keys,
// `depends_on` in both syntaxes, environment as map and as list, one-off tools, log sidecars, comments.
// Sizes vary from a 2-service file to a 30-service stack.

export interface ComposeBenchFile {
  name: string;
  text: string;
}

/** mulberry32: a small seeded generator, so that every run and every machine measures the same files. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;

interface Service {
  name: string;
  lines: string[];
  /** A database or broker others may wait for. */
  backing?: boolean;
}

const APP_COMMANDS = [
  'command: sh -c "python manage.py migrate && gunicorn -b 0.0.0.0:8000 shop.wsgi"',
  // the bug of rule 40, as it is found in the wild
  'command: npm run migrate && npm start',
  'command: ["gunicorn", "-b", "0.0.0.0:8000", "--workers", "4", "app:app"]',
  'command: npm run start',
  "command: ['node', 'server.js']",
  'command: bundle exec puma -C config/puma.rb',
  'command: >\n      sh -c "until nc -z db 5432; do sleep 1; done;\n      exec ./bin/server --port $${PORT:-8080}"',
  'command: ./bin/server --config /etc/app/config.yaml',
  'command: ["/bin/sh", "-c", "for f in /docker-init/*.sh; do . $$f; done; exec app"]',
  'command: uvicorn main:app --host 0.0.0.0 --port ${APP_PORT:-8000}',
];

const WORKER_COMMANDS = [
  'command: ["celery", "-A", "proj", "worker", "-l", "info"]',
  'command: bundle exec sidekiq -C config/sidekiq.yml',
  'command: python -m worker --queue ${QUEUE:-default}',
  'command: sh -c "./wait-for-it.sh rabbitmq:5672 -- python -m consumer"',
];

function database(p: Pick, r: () => number, name: string): Service {
  const kind = p(['postgres', 'postgres', 'mysql', 'mariadb', 'mongo', 'redis', 'rabbitmq'] as const);
  const lines: string[] = [];
  switch (kind) {
    case 'postgres':
      lines.push(`image: postgres:${p(['13', '14', '15-alpine', '16', '16.3'])}`);
      if (r() < 0.5) lines.push('environment:', '  POSTGRES_USER: ${DB_USER:-app}', '  POSTGRES_DB: shop', '  POSTGRES_PASSWORD_FILE: /run/secrets/db_password');
      else lines.push('environment:', '  - POSTGRES_USER=app', '  - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}', '  - PGDATA=/var/lib/postgresql/data/pgdata');
      lines.push('volumes:', `  - ${name}-data:/var/lib/postgresql/data`);
      if (r() < 0.6) lines.push('healthcheck:', '  test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-app}"]', '  interval: 10s', '  timeout: 5s', '  retries: 5');
      break;
    case 'mysql':
    case 'mariadb':
      lines.push(`image: ${kind}:${kind === 'mysql' ? p(['8.0', '8.4', '5.7']) : p(['10.11', '11.4'])}`);
      lines.push('environment:', '  MYSQL_DATABASE: app', '  MYSQL_USER: app', '  MYSQL_PASSWORD: ${MYSQL_PASSWORD:?set it in .env}');
      lines.push('command: --default-authentication-plugin=mysql_native_password --character-set-server=utf8mb4');
      if (r() < 0.5) lines.push('healthcheck:', '  test: ["CMD", "mysqladmin", "ping", "-h", "localhost"]', '  interval: 10s', '  retries: 10');
      break;
    case 'mongo':
      lines.push(`image: mongo:${p(['6', '7.0'])}`, 'volumes:', `  - ${name}-data:/data/db`);
      break;
    case 'redis':
      lines.push(`image: redis:${p(['7', '7.2-alpine', '6.2'])}`, `command: ${p(['redis-server --appendonly yes', '["redis-server", "--save", "60", "1"]', 'redis-server /usr/local/etc/redis/redis.conf'])}`);
      if (r() < 0.4) lines.push('healthcheck:', '  test: ["CMD", "redis-cli", "ping"]');
      break;
    case 'rabbitmq':
      lines.push('image: rabbitmq:3.13-management', 'ports:', '  - "15672:15672"');
      if (r() < 0.5) lines.push('healthcheck:', '  test: rabbitmq-diagnostics -q ping', '  interval: 30s');
      break;
  }
  lines.push(`restart: ${p(['unless-stopped', 'always', 'on-failure'])}`);
  return { name, lines, backing: true };
}

function app(p: Pick, r: () => number, name: string, backing: string[], anchored: boolean): Service {
  const lines: string[] = [];
  if (anchored) lines.push('<<: *common');
  if (r() < 0.6) {
    if (r() < 0.5) lines.push(`build: ./${name}`);
    else lines.push('build:', `  context: ./services/${name}`, `  dockerfile: ${p(['Dockerfile', 'Dockerfile.prod', 'docker/app.Dockerfile'])}`, `  target: ${p(['prod', 'runtime', 'dev'])}`, '  args:', '    - NODE_ENV=production');
    if (r() < 0.5) lines.push(`image: registry.example.com/shop/${name}:\${TAG:-latest}`);
  } else lines.push(`image: ${p(['ghcr.io/example/api', 'example/web', 'registry.example.com/shop/app', 'node', 'python'])}:${p(['1.4.2', '2', 'latest', '20-slim', '3.12-slim'])}`);
  if (r() < 0.8) lines.push(p(APP_COMMANDS));
  if (r() < 0.3) lines.push(`entrypoint: ${p(['["/docker-entrypoint.sh"]', '/usr/bin/tini --', '["dumb-init", "--"]'])}`);
  lines.push('ports:', `  - "${8000 + Math.floor(r() * 100)}:${p(['8000', '8080', '3000'])}"`);
  if (r() < 0.5) lines.push('environment:', '  DATABASE_URL: postgres://app@db:5432/shop', '  REDIS_URL: redis://cache:6379/0', `  LOG_LEVEL: \${LOG_LEVEL:-info}`, `  API_TOKEN: ${p(['${API_TOKEN}', 'changeme', 'tok-123'])}`);
  else lines.push('environment:', '  - NODE_ENV=production', '  - PORT=8080', '  - SECRET_KEY_FILE=/run/secrets/key');
  if (backing.length) {
    if (r() < 0.5) lines.push('depends_on:', ...backing.map((b) => `  - ${b}`));
    else lines.push('depends_on:', ...backing.flatMap((b) => [`  ${b}:`, `    condition: ${p(['service_healthy', 'service_started', 'service_healthy'])}`]));
  }
  if (r() < 0.3) lines.push('volumes:', `  - ./${name}:/app:cached`, '  - /app/node_modules');
  if (r() < 0.15) lines.push('privileged: true');
  if (r() < 0.1) lines.push('network_mode: host');
  if (r() < 0.2) lines.push('x-herd-ignore: "pin-image-tag"');
  return { name, lines };
}

function worker(p: Pick, r: () => number, name: string, backing: string[]): Service {
  const lines = [`image: registry.example.com/shop/worker:${p(['1.0.3', '2.1.0'])}`, p(WORKER_COMMANDS)];
  if (backing.length) lines.push('depends_on:', `  - ${p(backing)}`);
  if (r() < 0.3) lines.push('deploy:', '  replicas: 2', '  resources:', '    limits:', "      cpus: '0.50'", '      memory: 256M');
  return { name, lines };
}

function extras(p: Pick, r: () => number, i: number): Service {
  const kind = p(['proxy', 'sidecar', 'tool', 'monitor'] as const);
  if (kind === 'proxy')
    return { name: `proxy${i}`, lines: ['image: nginx:1.27-alpine', 'ports:', '  - "80:80"', '  - "443:443"', 'volumes:', '  - ./nginx/conf.d:/etc/nginx/conf.d:ro', '  - certs:/etc/nginx/certs:ro', 'depends_on:', '  - app0'] };
  if (kind === 'sidecar')
    return { name: `app0-log${i}`, lines: ['image: busybox:1.36', 'command: ["tail", "-n+1", "-F", "/var/log/app/app.log"]', 'volumes:', '  - app-logs:/var/log/app:ro', 'restart: unless-stopped'] };
  if (kind === 'tool')
    return { name: `migrate${i}`, lines: ['build: ./migrations', 'command: ./migrate up', 'profiles: ["tools"]', 'restart: "no"'] };
  return { name: `exporter${i}`, lines: [`image: prom/node-exporter:${p(['v1.8.1', 'latest'])}`, "command: --path.rootfs=/host", 'pid: host', 'volumes:', "  - '/:/host:ro,rslave'", r() < 0.5 ? 'network_mode: host' : 'restart: unless-stopped'] };
}

function composeFile(seed: number): string {
  const r = rng(seed);
  const p: Pick = (items) => items[Math.floor(r() * items.length)];
  const size = r() < 0.1 ? 12 + Math.floor(r() * 18) : 2 + Math.floor(r() * 6);
  const anchored = r() < 0.4;
  const out: string[] = [];
  if (r() < 0.5) out.push(`# ${p(['Local development stack', 'Production-like stack for the shop', 'Demo: app, worker and their backing services'])}`);
  if (r() < 0.3) out.push(`name: shop-${seed}`);
  if (anchored) out.push('x-common: &common', '  restart: unless-stopped', '  logging:', '    driver: json-file', '    options:', '      max-size: "10m"', '  env_file: .env', '');
  const services: Service[] = [];
  const backing: string[] = [];
  const dbCount = Math.max(1, Math.floor(size / 3));
  for (let i = 0; i < dbCount; i++) {
    const s = database(p, r, i === 0 ? 'db' : `db${i}`);
    services.push(s);
    backing.push(s.name);
  }
  for (let i = 0; services.length < size; i++) {
    const k = r();
    if (k < 0.55) services.push(app(p, r, `app${i}`, backing.slice(0, 1 + Math.floor(r() * Math.min(2, backing.length))), anchored));
    else if (k < 0.8) services.push(worker(p, r, `worker${i}`, backing));
    else services.push(extras(p, r, i));
  }
  out.push('services:');
  for (const s of services) {
    out.push(`  ${s.name}:`);
    for (const line of s.lines) out.push(...line.split('\n').map((l, j) => (j === 0 ? `    ${l}` : l)));
  }
  out.push('', 'volumes:', '  db-data:', '  app-logs:', '  certs:');
  if (r() < 0.4) out.push('', 'networks:', '  default:', '    name: shop');
  return `${out.join('\n')}\n`;
}

/** `count` Compose files, the same on every call. */
export function composeBenchFiles(count = 160): ComposeBenchFile[] {
  return Array.from({ length: count }, (_, i) => ({ name: `compose-${String(i).padStart(3, '0')}/compose.yaml`, text: composeFile(1000 + i) }));
}
