// "The program of a command" (RULES.md, Terms): wrappers (`exec`, `sudo -u U`, `gosu U`, `tini --`, …)
// looked through to what really runs, and the shell script a command runs (`sh -c S`, `su -c S`).
import { unwrap } from '../knowledge/wrappers';
import type { ShellWord, SimpleCommand } from './shell';

export interface ProgramOf {
  /** The program word and its arguments; empty when the wrappers run nothing (or only a script). */
  argv: ShellWord[];
  /** Every wrapper word before the program, in order. */
  wrappers: ShellWord[];
  /** The shell script the command runs: `sh -c SCRIPT`, `su -c SCRIPT`, through any wrapper. */
  script?: ShellWord;
  /** `sudo -b`: a wrapper option that puts the program in the background. */
  background?: ShellWord;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

function base(program: string): string {
  const slash = program.lastIndexOf('/');
  return slash >= 0 ? program.slice(slash + 1) : program;
}

/** Index of the script argument when `argv` is `sh -c SCRIPT` (also `-ec`, `-xc`, `-c -e`…), else -1. */
export function shellScriptIndex(argv: readonly string[]): number {
  if (argv.length < 2 || !SHELLS.has(base(argv[0]))) return -1;
  let sawC = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'sh' && base(argv[0]) === 'busybox' && i === 1) continue;
    if (/^-[a-zA-Z]+$/.test(a) || /^\+[a-zA-Z]+$/.test(a)) {
      if (a.startsWith('-') && a.includes('c')) sawC = true;
      continue;
    }
    if (a === '-o' || a === '+o') {
      i++;
      continue;
    }
    return sawC ? i : -1;
  }
  return -1;
}

const memo = new WeakMap<SimpleCommand, ProgramOf>();

/** The program a simple command runs, wrappers looked through. */
export function programOf(cmd: SimpleCommand): ProgramOf {
  let found = memo.get(cmd);
  if (!found) memo.set(cmd, (found = programOfWords(cmd.name ? [cmd.name, ...cmd.args] : [])));
  return found;
}

export function programOfWords(words: ShellWord[]): ProgramOf {
  const out: ProgramOf = { argv: words, wrappers: [] };
  let argv = words;
  for (let guard = 0; guard < 8 && argv.length && !argv[0].dynamic; guard++) {
    const u = unwrap(argv.map((w) => w.value));
    if (!u) break;
    out.wrappers.push(argv[0]);
    if (u.background !== undefined) out.background ??= argv[u.background];
    if (u.script !== undefined) {
      out.script = argv[u.script];
      argv = [];
      break;
    }
    argv = argv.slice(u.program);
  }
  out.argv = argv;
  if (!out.script) {
    const i = shellScriptIndex(argv.map((w) => w.value));
    if (i >= 0) out.script = argv[i];
  }
  return out;
}

/** Wrappers looked through on plain strings: the index where the program starts, or -1 when none runs. */
export function programIndex(argv: readonly string[]): number {
  let at = 0;
  for (let guard = 0; guard < 8 && at < argv.length; guard++) {
    const u = unwrap(argv.slice(at));
    if (!u) return at;
    if (u.script !== undefined) return -1;
    at += u.program;
  }
  return at < argv.length ? at : -1;
}

/** Index of the shell script an argv runs (`sh -c S`, `tini -- sh -c S`, `su app -c S`), or -1. */
export function scriptIndex(argv: readonly string[]): number {
  let at = 0;
  for (let guard = 0; guard < 8 && at < argv.length; guard++) {
    const u = unwrap(argv.slice(at));
    if (!u) break;
    if (u.script !== undefined) return at + u.script;
    at += u.program;
  }
  const i = shellScriptIndex(argv.slice(at));
  return i < 0 ? -1 : at + i;
}
