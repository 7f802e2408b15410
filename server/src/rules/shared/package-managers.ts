// Package-manager commands read from a RUN: which tool, which action (install, add, purge, clean…), its
// options and its operands, each a shell word with its document position. Options are parsed per tool so
// that an option's value (`-o Foo=bar`, `--virtual .deps`) is never mistaken for a package.
import { effectiveArgv } from '../process/start-command';
import { basename, type ShellWord, type SimpleCommand } from '../../parse/shell';

export type Manager = 'apt-get' | 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'tdnf' | 'zypper' | 'pip';

export interface PackageOption {
  /** `--no-cache`, `-t` (one letter of a `-yq` group each). */
  name: string;
  word: ShellWord;
  /** `--virtual .x` / `--virtual=.x` / `-t.x`: the value's text. */
  value?: string;
}

export interface PackageCommand {
  manager: Manager;
  /** The tool's first word (`apt-get`, `python3` of `python3 -m pip`). */
  program: ShellWord;
  /** install, add, del, purge, clean…; undefined when only options were given. */
  action?: ShellWord;
  options: PackageOption[];
  /** Words after the action that are not options: packages, or `all` of `yum clean all`. */
  operands: ShellWord[];
}

/** Options that take the next word as their value, per tool. */
const VALUE_OPTIONS: Record<Manager, Set<string>> = {
  'apt-get': new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']),
  apt: new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']),
  apk: new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--keys-dir', '--arch', '--cache-dir', '--repositories-file', '--cache-max-age']),
  yum: new Set(['-x', '--exclude', '--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever', '-c', '--config', '--repo', '--repoid', '-d', '--debuglevel', '-e', '--errorlevel', '--downloaddir', '--destdir', '--forcearch']),
  dnf: new Set(['-x', '--exclude', '--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever', '-c', '--config', '--repo', '--repoid', '-d', '--debuglevel', '-e', '--errorlevel', '--downloaddir', '--destdir', '--forcearch']),
  tdnf: new Set(['--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever', '-c', '--config', '--exclude']),
  microdnf: new Set(['--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever', '--config']),
  zypper: new Set(['--root', '-R', '--config', '-c', '--reposd-dir', '-D', '--cache-dir', '-C', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-t', '--type', '-r', '--repo', '--from']),
  pip: new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy', '--platform', '--python-version', '--implementation', '--abi', '--no-binary', '--only-binary', '--progress-bar', '--trusted-host', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '-C', '--config-settings', '--global-option', '--report', '--python', '--use-feature', '--use-deprecated', '--root-user-action', '--keyring-provider']),
};

const SIMPLE_MANAGERS: Record<string, Manager> = {
  'apt-get': 'apt-get',
  apt: 'apt',
  apk: 'apk',
  yum: 'yum',
  dnf: 'dnf',
  dnf5: 'dnf',
  microdnf: 'microdnf',
  tdnf: 'tdnf',
  zypper: 'zypper',
};

/** `sudo [-u user] [-E] cmd`: the command sudo runs. */
function withoutSudo(argv: ShellWord[]): ShellWord[] {
  if (!argv.length || basename(argv[0].value) !== 'sudo') return argv;
  let i = 1;
  while (i < argv.length && argv[i].value.startsWith('-')) {
    if (argv[i].value === '--') {
      i++;
      break;
    }
    if (['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T'].includes(argv[i].value)) i++;
    i++;
  }
  return argv.slice(i);
}

/** The program that really runs, past exec/env/nohup wrappers and sudo. */
export function programArgv(cmd: SimpleCommand): ShellWord[] {
  let argv = effectiveArgv(cmd);
  for (let guard = 0; guard < 3; guard++) {
    const next = withoutSudo(argv);
    if (next === argv) break;
    argv = effectiveArgv({ ...cmd, name: next[0], args: next.slice(1) });
  }
  return argv;
}

const PIP = /^pip(\d+(\.\d+)?)?$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;

export function packageCommand(cmd: SimpleCommand): PackageCommand | undefined {
  const argv = programArgv(cmd);
  if (!argv.length || argv[0].dynamic) return undefined;
  const name = basename(argv[0].value);
  const simple = SIMPLE_MANAGERS[name];
  if (simple) return parseArgs(simple, argv[0], argv.slice(1));
  if (PIP.test(name)) return parseArgs('pip', argv[0], argv.slice(1));
  // python -m pip …
  if (PYTHON.test(name)) {
    const m = argv.findIndex((w) => w.value === '-m' || w.value === '-mpip');
    if (m < 0) return undefined;
    if (argv[m].value === '-mpip') return parseArgs('pip', argv[0], argv.slice(m + 1));
    if (argv[m + 1]?.value !== 'pip') return undefined;
    return parseArgs('pip', argv[0], argv.slice(m + 2));
  }
  return undefined;
}

function parseArgs(manager: Manager, program: ShellWord, args: ShellWord[]): PackageCommand {
  const valueOptions = VALUE_OPTIONS[manager];
  const result: PackageCommand = { manager, program, options: [], operands: [] };
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (endOfOptions || w.dynamic || !v.startsWith('-') || v === '-') {
      // a dynamic action (`apt-get $CMD`) is kept as written: it matches no action name
      if (!result.action) result.action = w;
      else result.operands.push(w);
      continue;
    }
    if (v === '--') {
      endOfOptions = true;
      continue;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq > 0) result.options.push({ name: v.slice(0, eq), word: w, value: v.slice(eq + 1) });
      else if (valueOptions.has(v)) {
        result.options.push({ name: v, word: w, value: args[i + 1]?.value });
        i++;
      } else result.options.push({ name: v, word: w });
      continue;
    }
    // a group of short options: the first one that takes a value takes the rest of the word, or the next word
    for (let k = 1; k < v.length; k++) {
      const short = `-${v[k]}`;
      if (!valueOptions.has(short)) {
        result.options.push({ name: short, word: w });
        continue;
      }
      const rest = v.slice(k + 1);
      if (rest) result.options.push({ name: short, word: w, value: rest });
      else {
        result.options.push({ name: short, word: w, value: args[i + 1]?.value });
        i++;
      }
      break;
    }
  }
  return result;
}

export function hasOption(pc: PackageCommand, ...names: string[]): boolean {
  return pc.options.some((o) => names.includes(o.name));
}

export function optionValue(pc: PackageCommand, ...names: string[]): string | undefined {
  return pc.options.find((o) => names.includes(o.name))?.value;
}

export function isApt(pc: PackageCommand): boolean {
  return pc.manager === 'apt-get' || pc.manager === 'apt';
}

/** `apt-get install -s …` only prints what would happen. */
function isAptSimulation(pc: PackageCommand): boolean {
  return hasOption(pc, '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act');
}

/** An `apt-get|apt install` that really installs. */
export function isAptInstall(pc: PackageCommand): boolean {
  return isApt(pc) && pc.action?.value === 'install' && !isAptSimulation(pc);
}

/** Install actions of every tool, pip excepted. */
export function isSystemInstall(pc: PackageCommand): boolean {
  const action = pc.action?.value;
  switch (pc.manager) {
    case 'apt-get':
    case 'apt':
      return isAptInstall(pc);
    case 'apk':
      return action === 'add';
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf':
      return action === 'install' || action === 'groupinstall' || action === 'localinstall' || action === 'reinstall';
    case 'zypper':
      return action === 'install' || action === 'in';
    default:
      return false;
  }
}

/** A package operand without its version pin: `gcc=4:12.2.0-3`, `gcc~12`, `gcc>=12` → `gcc`. */
export function packageName(word: ShellWord): string {
  return word.value.split(/[=~<>]/)[0].toLowerCase();
}
