// Self-daemonizing programs (RULES.md, Terms): they fork into the background unless told not to, and
// the flag that keeps each in the foreground. Works on the program of a command (wrappers looked through).
import { basenameOf } from './wrappers';

/** The change that keeps the program in the foreground, when it is that simple. */
export type ForegroundChange =
  /** Insert these words right after the program word. */
  | { insert: string[] }
  /** Replace the word at this argv index. */
  | { replace: number; with: string };

export interface Daemonizing {
  /** The program as written in the message (`sshd`, `pg_ctl start`). */
  what: string;
  /** How to keep it in the foreground, for the message: "start it with `-D`". */
  remedy: string;
  /** The change that is the whole fix, when there is one. */
  change?: ForegroundChange;
  /** What it does instead of forking away, when that differs (`mysqld_safe` stays and restarts its child). */
  behaviour?: string;
}

export interface DaemonContext {
  /** The image's main nginx.conf may say `daemon off;` (a RUN writes it, a COPY replaces it, an unknown base). */
  nginxDaemonOff?: boolean;
}

type Check = (argv: readonly string[], context: DaemonContext) => Daemonizing | undefined;

/** Single-letter flags of an argv, options with a value skipped (`-p 22` is not `-p` then `2`). */
function shortFlags(args: readonly string[], valued: string): Set<string> {
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!/^-[^-]/.test(a)) continue;
    for (let k = 1; k < a.length; k++) {
      flags.add(a[k]);
      if (valued.includes(a[k])) {
        if (k === a.length - 1) i++;
        break;
      }
    }
  }
  return flags;
}

const has = (args: readonly string[], ...words: string[]) => args.some((a) => words.includes(a) || words.some((w) => w.startsWith('--') && a.startsWith(`${w}=`)));
const firstOperand = (args: readonly string[]) => args.find((a) => !a.startsWith('-'));

const CHECKS: Record<string, { check: Check; source: string }> = {
  sshd: {
    check: (argv) => {
      const f = shortFlags(argv.slice(1), 'bcCEfghkoOp');
      if (f.has('D') || f.has('d') || f.has('t') || f.has('T') || f.has('V')) return undefined;
      return { what: 'sshd', remedy: 'start it with `-D`', change: { insert: ['-D'] } };
    },
    source: 'https://man.openbsd.org/sshd (-D: sshd will not detach and does not become a daemon)',
  },
  cron: {
    check: (argv) => {
      const f = shortFlags(argv.slice(1), 'lL');
      if (f.has('f') || f.has('n')) return undefined;
      return { what: basenameOf(argv[0]), remedy: 'start it with `-f`', change: { insert: ['-f'] } };
    },
    source: 'https://manpages.debian.org/bookworm/cron/cron.8.en.html (-f: stay in foreground mode)',
  },
  crond: {
    check: (argv) => {
      // busybox crond: -f foreground, -d N logs to stderr and implies -f; cronie: -n (and -f) foreground
      const f = shortFlags(argv.slice(1), 'lLcdm');
      if (f.has('f') || f.has('n') || f.has('d')) return undefined;
      return { what: 'crond', remedy: 'start it with `-f` (cronie also accepts `-n`)', change: { insert: ['-f'] } };
    },
    source: 'https://man7.org/linux/man-pages/man8/cron.8.html (cronie -n) and busybox crond --help (-f Foreground)',
  },
  nginx: {
    check: (argv, context) => {
      const args = argv.slice(1);
      if (has(args, '-v', '-V', '-t', '-T', '-h', '-?', '-s')) return undefined;
      const g = args.indexOf('-g');
      const directives = g >= 0 ? args[g + 1] ?? '' : '';
      if (/(^|;)\s*daemon\s+off\s*;/.test(directives) || context.nginxDaemonOff) return undefined;
      return { what: 'nginx', remedy: "start it with `-g 'daemon off;'`", change: g >= 0 ? undefined : { insert: ['-g', 'daemon off;'] } };
    },
    source: 'https://nginx.org/en/docs/ngx_core_module.html#daemon; docker-library/nginx Dockerfile: CMD ["nginx", "-g", "daemon off;"]',
  },
  apachectl: { check: (argv) => apachectl(argv), source: 'https://httpd.apache.org/docs/2.4/programs/apachectl.html' },
  apache2ctl: { check: (argv) => apachectl(argv), source: 'https://manpages.debian.org/bookworm/apache2/apache2ctl.8.en.html' },
  httpd: { check: (argv) => httpd(argv), source: 'https://httpd.apache.org/docs/2.4/programs/httpd.html (-k start; -DFOREGROUND in docker-library/httpd httpd-foreground); busybox httpd --help (-f: do not daemonize)' },
  apache2: { check: (argv) => httpd(argv), source: 'https://manpages.debian.org/bookworm/apache2/apache2.8.en.html' },
  pg_ctl: {
    check: (argv) => (argv.slice(1).includes('start') ? { what: 'pg_ctl start', remedy: 'run `postgres -D <data directory>` itself in the foreground' } : undefined),
    source: 'https://www.postgresql.org/docs/current/app-pg-ctl.html (start launches the server in the background)',
  },
  pg_ctlcluster: {
    check: (argv) => {
      const args = argv.slice(1);
      if (!args.includes('start') || has(args, '--foreground')) return undefined;
      return { what: 'pg_ctlcluster … start', remedy: 'start it with `--foreground`', change: { insert: ['--foreground'] } };
    },
    source: 'https://manpages.debian.org/bookworm/postgresql-common/pg_ctlcluster.1.en.html (--foreground)',
  },
  mysqld_safe: {
    check: () => ({
      what: 'mysqld_safe',
      remedy: 'run `mysqld` itself in the foreground',
      behaviour: 'runs `mysqld` as a background child and restarts it itself, so Kubernetes never sees the database die or restart',
    }),
    source: 'https://dev.mysql.com/doc/refman/8.0/en/mysqld-safe.html (a startup script that runs mysqld in the background)',
  },
  'redis-server': {
    check: (argv) => {
      const i = argv.findIndex((a) => a === '--daemonize');
      if (i < 0 || argv[i + 1]?.toLowerCase() !== 'yes') return undefined;
      return { what: 'redis-server --daemonize yes', remedy: 'start it with `--daemonize no`', change: { replace: i + 1, with: 'no' } };
    },
    source: 'https://raw.githubusercontent.com/redis/redis/unstable/redis.conf (daemonize)',
  },
  rsyslogd: {
    check: (argv) => {
      const f = shortFlags(argv.slice(1), 'fiMx');
      if (f.has('n') || f.has('N') || f.has('v')) return undefined;
      return { what: 'rsyslogd', remedy: 'start it with `-n`', change: { insert: ['-n'] } };
    },
    source: 'https://www.rsyslog.com/doc/configuration/command-line/rsyslogd.html (-n: do not auto-background)',
  },
  'syslog-ng': {
    check: (argv) => {
      const args = argv.slice(1);
      if (has(args, '-F', '--foreground', '-V', '--version', '-s', '--syntax-only')) return undefined;
      return { what: 'syslog-ng', remedy: 'start it with `-F`', change: { insert: ['-F'] } };
    },
    source: 'https://manpages.debian.org/bookworm/syslog-ng-core/syslog-ng.8.en.html (-F, --foreground)',
  },
  memcached: {
    check: (argv) => (has(argv.slice(1), '-d', '--daemon') ? { what: 'memcached -d', remedy: 'start it without `-d`' } : undefined),
    source: 'https://manpages.debian.org/bookworm/memcached/memcached.1.en.html (-d: run as a daemon)',
  },
  mongod: {
    check: (argv) => (has(argv.slice(1), '--fork') ? { what: 'mongod --fork', remedy: 'start it without `--fork`' } : undefined),
    source: 'https://www.mongodb.com/docs/manual/reference/program/mongod/#std-option-mongod.--fork',
  },
  gunicorn: {
    check: (argv) => (has(argv.slice(1), '-D', '--daemon') ? { what: 'gunicorn --daemon', remedy: 'start it without `-D`/`--daemon`' } : undefined),
    source: 'https://docs.gunicorn.org/en/stable/settings.html#daemon',
  },
};

function apachectl(argv: readonly string[]): Daemonizing | undefined {
  const args = argv.slice(1);
  const k = args.indexOf('-k');
  const verb = k >= 0 ? args[k + 1] : firstOperand(args);
  if (!verb || !['start', 'restart', 'graceful'].includes(verb)) return undefined;
  return { what: `${basenameOf(argv[0])} ${k >= 0 ? '-k ' : ''}${verb}`, remedy: `run \`${basenameOf(argv[0])} -D FOREGROUND\` instead` };
}

function httpd(argv: readonly string[]): Daemonizing | undefined {
  const args = argv.slice(1);
  // busybox httpd (`httpd -f -p 8080`): `-f` keeps it in the foreground; Apache's `-f` names a config file
  const f = args.indexOf('-f');
  const busybox = args.includes('-p') || (f >= 0 && (f === args.length - 1 || args[f + 1].startsWith('-')));
  if (busybox) return f >= 0 ? undefined : { what: 'httpd', remedy: 'start it with `-f`', change: { insert: ['-f'] } };
  const defines = args.flatMap((a, i) => (a === '-D' ? [args[i + 1] ?? ''] : a.startsWith('-D') ? [a.slice(2)] : []));
  if (defines.includes('FOREGROUND') || defines.includes('NO_DETACH') || has(args, '-X')) return undefined;
  // -t, -v, -V, -S, -M, -l, -L, -h print and exit
  if (has(args, '-t', '-v', '-V', '-S', '-M', '-l', '-L', '-h', '-T')) return undefined;
  const k = args.indexOf('-k');
  if (k >= 0 && args[k + 1] !== 'start') return undefined;
  const name = basenameOf(argv[0]);
  return { what: k >= 0 ? `${name} -k start` : name, remedy: 'start it with `-DFOREGROUND`', change: k >= 0 ? undefined : { insert: ['-DFOREGROUND'] } };
}

/** php-fpm: `-D` daemonizes; a distribution's versioned php-fpm (php-fpm8.2, php-fpm82) reads a config that daemonizes. */
function phpFpm(argv: readonly string[]): Daemonizing | undefined {
  const args = argv.slice(1);
  if (has(args, '-t', '-tt', '--test', '-v', '--version', '-i', '--info', '-m', '--modules', '-h', '--help')) return undefined;
  if (has(args, '-F', '--nodaemonize')) return undefined;
  const name = basenameOf(argv[0]);
  const d = args.findIndex((a) => a === '-D' || a === '--daemonize');
  if (d >= 0) return { what: `${name} ${args[d]}`, remedy: 'start it with `-F` instead', change: { replace: d + 1, with: '-F' } };
  if (name === 'php-fpm') return undefined; // the official php image's config sets `daemonize = no`
  return { what: name, remedy: 'start it with `-F` (the distribution config says `daemonize = yes`)', change: { insert: ['-F'] } };
}
const PHP_FPM_SOURCE = 'https://www.php.net/manual/en/install.fpm.configuration.php (daemonize); docker-library/php zz-docker.conf sets daemonize = no';

/** The self-daemonizing program an argv runs, if any. `busybox crond` is `crond`. */
export function daemonizing(argv: readonly string[], context: DaemonContext = {}): Daemonizing | undefined {
  if (!argv.length) return undefined;
  if (basenameOf(argv[0]) === 'busybox' && argv.length > 1) {
    const inner = daemonizing(argv.slice(1), context);
    // the inserted flag goes after the applet name, one word later
    if (!inner?.change) return inner;
    return { ...inner, change: 'replace' in inner.change ? { ...inner.change, replace: inner.change.replace + 1 } : undefined };
  }
  const name = basenameOf(argv[0]);
  if (/^php(-fpm[\d.]*|[\d.]+-fpm)$/.test(name)) return phpFpm(argv);
  return Object.prototype.hasOwnProperty.call(CHECKS, name) ? CHECKS[name].check(argv, context) : undefined;
}

export const DAEMON_SOURCES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(CHECKS).map(([k, v]) => [k, v.source])),
  'php-fpm': PHP_FPM_SOURCE,
};

/** Names of every self-daemonizing program the table knows. */
export function isDaemonName(program: string): boolean {
  const name = basenameOf(program);
  return Object.prototype.hasOwnProperty.call(CHECKS, name) || /^php(-fpm[\d.]*|[\d.]+-fpm)$/.test(name);
}
