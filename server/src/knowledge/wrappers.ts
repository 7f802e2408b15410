// Wrappers: programs that run another program (often after changing its user, priority or signals).
// "The program of a command" (RULES.md, Terms) is found by looking through them. Works on plain strings,
// so that every language (Dockerfile, Kubernetes, Compose) shares it.

interface WrapperSpec {
  /** Options that take the next word as their value (also glued: `-uapp`, `--user=app`). */
  valued?: string[];
  /** Options after which the wrapper runs nothing (`command -v`, `sudo -l`, `ionice -p`). */
  runsNothing?: string[];
  /** Options that run the program in the background (`sudo -b`). */
  background?: string[];
  /** Operands before the program: `gosu USER prog`, `timeout 10 prog`. */
  operands?: number;
  /** `NAME=VALUE` words may come before the program (`env A=1 prog`, `sudo A=1 prog`). */
  assignments?: boolean;
  /** The program comes only after `--` (`wait-for-it.sh host:port -- prog`). */
  afterDoubleDash?: boolean;
  /** su-style: `-c SCRIPT` runs a shell script; without it an interactive shell (nothing to look through). */
  suStyle?: boolean;
  /** Where the behaviour is documented. */
  source: string;
}

const WRAPPERS: Record<string, WrapperSpec> = {
  exec: { valued: ['-a'], source: 'https://pubs.opengroup.org/onlinepubs/9799919799/utilities/exec.html (bash: help exec, -a NAME -c -l)' },
  command: { runsNothing: ['-v', '-V'], source: 'https://pubs.opengroup.org/onlinepubs/9799919799/utilities/command.html' },
  nohup: { source: 'https://man7.org/linux/man-pages/man1/nohup.1.html' },
  setsid: { source: 'https://man7.org/linux/man-pages/man1/setsid.1.html' },
  time: { valued: ['-f', '-o', '--format', '--output'], source: 'https://man7.org/linux/man-pages/man1/time.1.html' },
  env: { valued: ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'], assignments: true, source: 'https://man7.org/linux/man-pages/man1/env.1.html' },
  nice: { valued: ['-n', '--adjustment'], source: 'https://man7.org/linux/man-pages/man1/nice.1.html' },
  ionice: { valued: ['-c', '-n', '--class', '--classdata'], runsNothing: ['-p', '-P', '-u', '--pid', '--pgid', '--uid'], source: 'https://man7.org/linux/man-pages/man1/ionice.1.html' },
  stdbuf: { valued: ['-i', '-o', '-e', '--input', '--output', '--error'], source: 'https://man7.org/linux/man-pages/man1/stdbuf.1.html' },
  timeout: { valued: ['-s', '-k', '--signal', '--kill-after'], operands: 1, source: 'https://man7.org/linux/man-pages/man1/timeout.1.html' },
  sudo: {
    valued: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '-R', '--user', '--group', '--host', '--prompt', '--close-from', '--chdir', '--role', '--type', '--other-user', '--command-timeout', '--chroot'],
    runsNothing: ['-l', '--list', '-v', '--validate', '-K', '--remove-timestamp', '-V', '--version', '-e', '--edit'],
    background: ['-b', '--background'],
    assignments: true,
    source: 'https://www.sudo.ws/docs/man/sudo.man/',
  },
  doas: { valued: ['-u', '-C'], source: 'https://man.openbsd.org/doas' },
  su: { suStyle: true, source: 'https://man7.org/linux/man-pages/man1/su.1.html' },
  // `runuser -u USER -- prog` runs a program; `runuser USER -c 'script'` is su-style
  runuser: { valued: ['-u', '-g', '-G', '--user', '--group', '--supp-group'], source: 'https://man7.org/linux/man-pages/man1/runuser.1.html' },
  gosu: { operands: 1, source: 'https://github.com/tianon/gosu (README: gosu user-spec command [args])' },
  'su-exec': { operands: 1, source: 'https://github.com/ncopa/su-exec (README: su-exec user-spec command [args])' },
  chpst: {
    valued: ['-u', '-U', '-e', '-/', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c', '-t'],
    source: 'https://smarden.org/runit/chpst.8',
  },
  's6-setuidgid': { operands: 1, source: 'https://skarnet.org/software/s6/s6-setuidgid.html' },
  's6-envuidgid': { valued: ['-u', '-g', '-B'], operands: 1, source: 'https://skarnet.org/software/s6/s6-envuidgid.html' },
  's6-applyuidgid': { valued: ['-u', '-g', '-G'], source: 'https://skarnet.org/software/s6/s6-applyuidgid.html' },
  'with-contenv': { source: 'https://github.com/just-containers/s6-overlay (README: with-contenv)' },
  setpriv: {
    valued: ['--reuid', '--regid', '--groups', '--inh-caps', '--ambient-caps', '--bounding-set', '--securebits', '--pdeathsig', '--selinux-label', '--apparmor-profile', '--landlock-access', '--landlock-rule', '--seccomp-filter'],
    runsNothing: ['-d', '--dump'],
    source: 'https://man7.org/linux/man-pages/man1/setpriv.1.html',
  },
  tini: { valued: ['-p', '-e'], source: 'https://github.com/krallin/tini (README: tini [-s] [-p SIG] [-e CODE] -- prog)' },
  'tini-static': { valued: ['-p', '-e'], source: 'https://github.com/krallin/tini (release asset tini-static)' },
  'dumb-init': { valued: ['-r', '--rewrite'], source: 'https://github.com/Yelp/dumb-init (README: dumb-init [-c] [-r s:r] prog)' },
  catatonit: { source: 'https://github.com/openSUSE/catatonit (catatonit [-g] [-P] -- prog)' },
  'wait-for-it': { afterDoubleDash: true, source: 'https://github.com/vishnubob/wait-for-it (README: wait-for-it.sh host:port -- command args)' },
  'wait-for-it.sh': { afterDoubleDash: true, source: 'https://github.com/vishnubob/wait-for-it (README: wait-for-it.sh host:port -- command args)' },
};

export function basenameOf(program: string): string {
  const slash = program.lastIndexOf('/');
  return slash >= 0 ? program.slice(slash + 1) : program;
}

export function isWrapper(program: string): boolean {
  return Object.prototype.hasOwnProperty.call(WRAPPERS, basenameOf(program));
}

/** Names of every wrapper the table knows (for tests and docs). */
export const WRAPPER_NAMES: readonly string[] = Object.keys(WRAPPERS);

export interface Unwrapped {
  /** Index in argv of the wrapped program; argv.length when the wrapper runs nothing. */
  program: number;
  /** `su -c SCRIPT`: index of the shell script the wrapper runs. */
  script?: number;
  /** `sudo -b`: the wrapper itself puts the program in the background. */
  background?: number;
}

/** When argv[0] is a wrapper: where the program it runs starts. */
export function unwrap(argv: readonly string[]): Unwrapped | undefined {
  if (!argv.length) return undefined;
  const name = basenameOf(argv[0]);
  if (!Object.prototype.hasOwnProperty.call(WRAPPERS, name)) return undefined;
  const spec = WRAPPERS[name];
  if (spec.suStyle || (name === 'runuser' && !hasUserOption(argv))) return suStyle(argv);
  if (spec.afterDoubleDash) {
    const dd = argv.indexOf('--');
    return { program: dd < 0 ? argv.length : dd + 1 };
  }
  const out: Unwrapped = { program: argv.length };
  let i = 1;
  while (i < argv.length) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    // `nice -10 prog`: a number is the adjustment
    if (!a.startsWith('-') || (a.length > 1 && /^-\d+$/.test(a) && name !== 'nice')) break;
    if (spec.runsNothing?.includes(a)) return out;
    if (spec.background?.includes(a)) out.background = i;
    if (a.startsWith('--')) {
      i += !a.includes('=') && spec.valued?.includes(a) ? 2 : 1;
      continue;
    }
    if (spec.valued?.includes(a)) {
      i += 2;
      continue;
    }
    // a cluster of short options (`-Eu` `-oL`): a valued letter takes the rest of the word, or the next word
    i += clusterWidth(a, spec, out, i);
  }
  if (spec.assignments) while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i])) i++;
  i += spec.operands ?? 0;
  // a cluster held an option that runs nothing (`sudo -lU app`)
  if (out.program !== -1) out.program = Math.min(i, argv.length);
  else out.program = argv.length;
  return out;
}

function clusterWidth(word: string, spec: WrapperSpec, out: Unwrapped, at: number): number {
  for (let k = 1; k < word.length; k++) {
    const option = `-${word[k]}`;
    if (spec.runsNothing?.includes(option)) out.program = -1;
    if (spec.background?.includes(option)) out.background = at;
    if (spec.valued?.includes(option)) return k === word.length - 1 ? 2 : 1;
  }
  return 1;
}

function hasUserOption(argv: readonly string[]): boolean {
  return argv.some((a) => a === '-u' || a === '--user' || a.startsWith('--user='));
}

/** `su [-] [-l] [user] -c 'script'`, `runuser -l user -c 'script'`. */
function suStyle(argv: readonly string[]): Unwrapped {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c' || a === '--command') return { program: argv.length, script: i + 1 < argv.length ? i + 1 : undefined };
    if (/^-[a-zA-Z]*c$/.test(a) && !a.startsWith('--')) return { program: argv.length, script: i + 1 < argv.length ? i + 1 : undefined };
    if (['-s', '-g', '-G', '-w', '--shell', '--group', '--supp-group', '--whitelist-environment'].includes(a)) i++;
  }
  return { program: argv.length };
}
