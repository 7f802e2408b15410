// Process supervisors (rule 4): programs whose job is to start and watch other processes.
// Matched on the program of a command (wrappers looked through), by any path.
import { basenameOf } from './wrappers';

interface SupervisorEntry {
  /** Shown in the message. */
  label?: string;
  /** Only with this subcommand (`honcho start`); the first word that is not an option. */
  subcommands?: string[];
  hint?: string;
  source: string;
}

/** By program name, whatever its path. */
const BY_NAME: Record<string, SupervisorEntry> = {
  supervisord: { source: 'http://supervisord.org/running.html' },
  runsvdir: { label: 'runit', source: 'https://smarden.org/runit/runsvdir.8' },
  'runsvdir-start': { label: 'runit', source: 'https://github.com/phusion/baseimage-docker (image/runit: runsvdir-start)' },
  runit: { label: 'runit', source: 'https://smarden.org/runit/runit.8' },
  my_init: { label: 'phusion baseimage', source: 'https://github.com/phusion/baseimage-docker (README: /sbin/my_init starts runit)' },
  's6-svscan': { label: 's6', source: 'https://skarnet.org/software/s6/s6-svscan.html' },
  systemd: { source: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.html' },
  monit: { source: 'https://mmonit.com/monit/documentation/monit.html' },
  circusd: { label: 'circus', source: 'https://circus.readthedocs.io/en/latest/for-ops/command-line/' },
  honcho: { subcommands: ['start'], label: 'a Procfile runner', source: 'https://honcho.readthedocs.io/en/latest/using_procfiles.html' },
  foreman: { subcommands: ['start'], label: 'a Procfile runner', source: 'https://ddollar.github.io/foreman/' },
  forego: { subcommands: ['start'], label: 'a Procfile runner', source: 'https://github.com/ddollar/forego (README: forego start)' },
  overmind: { subcommands: ['start', 's'], label: 'a Procfile runner', source: 'https://github.com/DarthSim/overmind (README: overmind start, alias s)' },
  // `pm2 start` daemonises and supervises; `pm2-runtime` is its foreground container mode and is not listed
  pm2: { subcommands: ['start'], hint: ' For a Node.js app, run `node` directly or use `pm2-runtime`.', source: 'https://pm2.keymetrics.io/docs/usage/docker-pm2-nodejs/' },
};

/** Init systems known by their full path only: a bare `init` could be the app's own script. */
const BY_PATH: Record<string, SupervisorEntry> = {
  '/init': { label: 's6-overlay', source: 'https://github.com/just-containers/s6-overlay (README: ENTRYPOINT ["/init"])' },
  '/sbin/init': { label: 'an init system', source: 'https://man7.org/linux/man-pages/man1/init.1.html' },
  '/usr/sbin/init': { label: 'an init system', source: 'https://man7.org/linux/man-pages/man1/init.1.html' },
  '/bin/init': { label: 'an init system', source: 'https://man7.org/linux/man-pages/man1/init.1.html' },
};

export interface SupervisorMatch {
  /** How many words of argv name the supervisor (2 with a subcommand). */
  words: number;
  /** `supervisord`, `/sbin/my_init` (phusion baseimage), `honcho start` … */
  what: string;
  hint: string;
}

/** The supervisor an argv (the program of a command, then its arguments) runs, if any. */
export function supervisorOf(argv: readonly string[]): SupervisorMatch | undefined {
  const program = argv[0];
  if (!program) return undefined;
  const byPath = BY_PATH[program];
  if (byPath) return { words: 1, what: `\`${program}\` (${byPath.label})`, hint: '' };
  const name = basenameOf(program);
  if (!Object.prototype.hasOwnProperty.call(BY_NAME, name)) return undefined;
  const entry = BY_NAME[name];
  const label = entry.label ? ` (${entry.label})` : '';
  if (!entry.subcommands) return { words: 1, what: `\`${name}\`${label}`, hint: entry.hint ?? '' };
  const index = argv.findIndex((a, i) => i > 0 && !a.startsWith('-'));
  if (index < 0 || !entry.subcommands.includes(argv[index])) return undefined;
  return { words: index + 1, what: `\`${name} ${argv[index]}\`${label}`, hint: entry.hint ?? '' };
}

export const SUPERVISOR_NAMES: readonly string[] = [...Object.keys(BY_NAME), ...Object.keys(BY_PATH)];
