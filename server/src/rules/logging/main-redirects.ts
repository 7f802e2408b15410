// Where the main process's stdout and stderr go: the redirections on the path from the start command
// to its foreground process (`app > f`, `(app) > f`, `sh -c 'app' > f`), and `exec > f` before it.
import type { StartCommand } from '../../parse/container';
import { docOffset } from '../../parse/mapped-text';
import { nestedScript, type Redirect, type ShellNode, type ShellScript, type Statement } from '../../parse/shell';
import { effectiveArgv, keepAliveKind } from '../process/start-command';

export interface OutputRedirect {
  redirect: Redirect;
  /**
   * Whose output: the main process; an app started in the background while the foreground is a keep-alive
   * (`app > f & tail -f f`); or a command of the loop that is the main process.
   */
  role: 'main' | 'background' | 'loop';
  /** role 'background': the app's program, and whether the keep-alive `tail -f` follows this very file. */
  program?: string;
  tailed?: boolean;
  script: ShellScript;
  /** Which streams leave for the file. */
  streams: 'stdout' | 'stderr' | 'stdout and stderr';
  /** The file, after quote removal. */
  target: string;
  /** Document span of the redirection (`2> /var/log/app.log`). */
  span: { start: number; end: number };
  /** Document span that removing the redirection deletes (with its blank and a `2>&1` that follows it). */
  removal: { start: number; end: number };
}

/** Not files: the container's own output streams. */
const STREAMS = new Set(['/dev/stdout', '/dev/stderr', '/proc/self/fd/1', '/proc/self/fd/2', '/dev/fd/1', '/dev/fd/2', '/proc/1/fd/1', '/proc/1/fd/2']);

export function isDiscarded(target: string): boolean {
  return target === '/dev/null';
}

/** Every redirection that sends the main process's stdout or stderr to a file or to /dev/null. */
export function mainOutputRedirects(start: StartCommand): OutputRedirect[] {
  const out: OutputRedirect[] = [];
  walkScript(start.script, out);
  return out;
}

function walkScript(script: ShellScript, out: OutputRedirect[], role: OutputRedirect['role'] = 'main'): void {
  const statements = script.statements;
  const mainIndex = lastMainStatement(statements);
  if (mainIndex < 0) {
    // `nohup app > f 2>&1 &` and nothing after it: the backgrounded command is the only app there is
    const only = [...statements].reverse().find((s) => s.background && !isSetup(s.node));
    if (only) walkNode(script, only.node, out, role);
    return;
  }
  // `exec >/var/log/app.log 2>&1` redirects every later command of this shell
  for (let i = 0; i < mainIndex; i++) {
    const s = statements[i];
    if (!s.background && isBareExec(s.node)) collect(script, s.node, out, role, statementRemoval(script, statements, i));
  }
  const main = statements[mainIndex].node;
  walkNode(script, main, out, role);
  // `app > f 2>&1 & tail -f f`: the foreground only keeps the container alive, the backgrounded command is the app
  const last = lastCommandOf(main);
  if (!last || !keepAliveKind(last)) return;
  const followed = last.type === 'command' ? effectiveArgv(last).slice(1).map((w) => w.value) : [];
  for (const s of statements.slice(0, mainIndex)) {
    if (!s.background) continue;
    const from = out.length;
    walkNode(script, s.node, out, 'background');
    const program = s.node.type === 'command' ? effectiveArgv(s.node)[0]?.value : undefined;
    for (const r of out.slice(from)) {
      r.program = program;
      r.tailed = followed.includes(r.target);
    }
  }
}

/** The command a statement ends in: the last of an `&&` chain or a pipeline. */
function lastCommandOf(node: ShellNode): ShellNode | undefined {
  if (node.type === 'and-or') return node.items.length ? lastCommandOf(node.items[node.items.length - 1]) : undefined;
  if (node.type === 'pipeline') return node.commands.length ? lastCommandOf(node.commands[node.commands.length - 1]) : undefined;
  return node;
}

function walkNode(script: ShellScript, node: ShellNode, out: OutputRedirect[], role: OutputRedirect['role']): void {
  collect(script, node, out, role);
  switch (node.type) {
    case 'command': {
      const inner = nestedScript(script, node);
      if (inner) walkScript(inner, out, role);
      return;
    }
    case 'and-or': {
      const items = node.items;
      items.slice(0, -1).forEach((item, i) => {
        if (isBareExec(item)) collect(script, item, out, role, documentSpan(script, item.start, items[i + 1].start));
      });
      if (items.length) walkNode(script, items[items.length - 1], out, role);
      return;
    }
    case 'pipeline':
      // every stage runs for the container's life; earlier stages write into the pipe unless redirected
      node.commands.forEach((c, i) => (i === node.commands.length - 1 ? walkNode(script, c, out, role) : collect(script, c, out, role)));
      return;
    case 'subshell':
    case 'group': {
      const index = lastMainStatement(node.body);
      if (index >= 0) walkNode(script, node.body[index].node, out, role);
      return;
    }
    case 'loop':
      // `while true; do date >> /data/ticks.log; sleep 5; done`: a loop that is the main process is the app
      if (role !== 'main') return;
      for (const s of node.body) {
        if (s.background) continue;
        const from = out.length;
        walkNode(script, s.node, out, 'loop');
        // a loop that writes `index.html` or a data file produces content; its log is what it writes to a log file
        const kept = out.splice(from).filter((r) => r.role !== 'loop' || isLogFile(r.target));
        out.push(...kept);
      }
      return;
    default:
  }
}

/** `ticks.log`, `/var/log/x`, `out.txt`, `app.err`: a file named for output, not data (`index.html`, `db.json`). */
function isLogFile(target: string): boolean {
  return /log/i.test(target) || /\.(out|err|txt)$/i.test(target);
}

/** The last foreground statement that does more than configure the shell (mirrors `mainProcess`). */
function lastMainStatement(statements: Statement[]): number {
  for (let i = statements.length - 1; i >= 0; i--) {
    const s = statements[i];
    if (s.background || isSetup(s.node)) continue;
    return i;
  }
  return -1;
}

const SETUP = new Set(['set', 'export', 'cd', 'trap', 'umask', 'ulimit', 'source', '.', 'shopt', 'declare', 'local', 'readonly', 'unset']);

function isSetup(node: ShellNode): boolean {
  if (node.type !== 'command') return false;
  if (isBareExec(node)) return true;
  if (!node.name) return node.redirects.length === 0;
  return SETUP.has(node.name.value);
}

/** `exec` with only redirections: it changes the shell's own streams and runs nothing. */
function isBareExec(node: ShellNode): boolean {
  return node.type === 'command' && node.name?.value === 'exec' && node.args.length === 0 && node.redirects.length > 0;
}

function collect(script: ShellScript, node: ShellNode, out: OutputRedirect[], role: OutputRedirect['role'], wholeStatement?: { start: number; end: number }): void {
  const redirects = node.redirects;
  redirects.forEach((r, i) => {
    const streams = streamsOf(r);
    if (!streams || !r.target || r.target.dynamic) return;
    const target = r.target.value;
    if (STREAMS.has(target) || (/^\/dev\/[^/]+$/.test(target) && !isDiscarded(target))) return;
    // `> f 2>&1`: the duplication only served the file and goes with it
    const next = redirects[i + 1];
    const dup = next && streams !== 'stdout and stderr' && isDupInto(next, streams === 'stdout' ? 1 : 2);
    const both = dup ? 'stdout and stderr' : streams;
    const end = dup ? next.end : r.end;
    out.push({
      redirect: r,
      role,
      script,
      streams: both,
      target,
      span: documentSpan(script, r.start, r.end),
      removal: wholeStatement ?? removalSpan(script, r.start, end),
    });
  });
}

/** `>`, `>>`, `>|` (fd 1 unless written), `&>`, `&>>`, `>&file`. */
function streamsOf(r: Redirect): OutputRedirect['streams'] | undefined {
  if (r.op === '&>' || r.op === '&>>') return 'stdout and stderr';
  if (r.op === '>&') {
    const t = r.target?.value ?? '';
    if (/^\d+-?$|^-$/.test(t)) return undefined; // 2>&1 duplicates, it opens no file
    return r.fd === undefined ? 'stdout and stderr' : fdStream(r.fd);
  }
  if (r.op === '>' || r.op === '>>' || r.op === '>|') return fdStream(r.fd ?? 1);
  return undefined;
}

function fdStream(fd: number): OutputRedirect['streams'] | undefined {
  return fd === 1 ? 'stdout' : fd === 2 ? 'stderr' : undefined;
}

/** `2>&1` after a stdout redirect, `1>&2` / `>&2` after a stderr one. */
function isDupInto(r: Redirect, fd: 1 | 2): boolean {
  if (r.op !== '>&' || r.target?.value !== String(fd)) return false;
  const from = r.fd ?? 1;
  return from === (fd === 1 ? 2 : 1);
}

/** Document offsets of script positions; a position at the script's end maps just past its last character. */
function documentSpan(script: ShellScript, start: number, end: number): { start: number; end: number } {
  return { start: position(script, start), end: position(script, end) };
}

function position(script: ShellScript, at: number): number {
  const length = script.source.text.length;
  if (at < length) return docOffset(script.source, at);
  return length ? docOffset(script.source, length - 1) + 1 : docOffset(script.source, 0);
}

/** The redirection with the blanks before it (or after it, when it opens the command). */
function removalSpan(script: ShellScript, start: number, end: number): { start: number; end: number } {
  const text = script.source.text;
  let from = start;
  while (from > 0 && /[ \t]/.test(text[from - 1])) from--;
  // a line continuation before the redirection goes too
  while (from > 1 && text[from - 1] === '\n' && text[from - 2] === '\\') {
    from -= 2;
    while (from > 0 && /[ \t]/.test(text[from - 1])) from--;
  }
  if (from === start || from === 0 || /[;&|(\n]/.test(text[from - 1])) {
    from = start;
    let to = end;
    while (to < text.length && /[ \t]/.test(text[to])) to++;
    return documentSpan(script, from, to);
  }
  return documentSpan(script, from, end);
}

/** A whole `exec > f` statement with what separates it from the next one. */
function statementRemoval(script: ShellScript, statements: Statement[], i: number): { start: number; end: number } {
  const next = statements[i + 1];
  return documentSpan(script, statements[i].start, next ? next.start : statements[i].end);
}
