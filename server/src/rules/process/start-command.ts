// What a start command does as a process tree: what it backgrounds, what stays in the foreground,
// whether that foreground process is only a keep-alive. Shared by the process and logging rules.
import { daemonizing, type DaemonContext, type Daemonizing } from '../../knowledge/daemons';
import { imageEntrypoint } from '../../knowledge/image-entrypoints';
import { distributionFamily, parseImageRef } from '../../knowledge/images';
import type { Container, StartCommand } from '../../parse/container';
import { programOf } from '../../parse/program';
import { allCommands, backgroundOperators, basename, mainProcess, spanIn, type ShellNode, type ShellScript, type ShellWord, type SimpleCommand, type Statement } from '../../parse/shell';
import { stageChain } from './start-instructions';

export interface Span {
  start: number;
  end: number;
}

/** The argv that really runs: `exec nohup env A=1 tini -- app x` → `app x` (RULES.md, "the program of a command"). */
export function effectiveArgv(cmd: SimpleCommand): ShellWord[] {
  return programOf(cmd).argv;
}

/** Every wrapper word before the real program (`exec`, `nohup`, `sudo`…), in order. */
export function wrapperWords(cmd: SimpleCommand): ShellWord[] {
  return programOf(cmd).wrappers;
}

export type BackgroundKind = 'operator' | 'wrapper' | 'foreground-nohup' | 'service' | 'daemon';

export interface BackgroundUse {
  span: Span;
  kind: BackgroundKind;
  /** What puts the process in the background, for the message: "the `&` operator", "`nohup … &`". */
  what: string;
  /** The program that goes to the background, when one simple command is concerned. */
  program?: string;
  /** kind 'foreground-nohup': the start command is an exec-form argv (no shell); `&` is one of its arguments. */
  execForm?: boolean;
  ampersandArgument?: boolean;
  /** kind 'daemon': the table entry, whether it is the main process, and where its fix goes. */
  daemon?: Daemonizing;
  main?: boolean;
  command?: { script: ShellScript; cmd: SimpleCommand; argv: ShellWord[] };
}

/** What the model knows about the image that changes whether a program daemonizes. */
export function daemonContext(container: Container): DaemonContext {
  const stage = container.stage;
  if (!stage) return { nginxDaemonOff: !isKnownImage(container.image?.text) };
  const chain = stageChain(stage);
  // the `daemon` directive lives in the main nginx.conf: a RUN that writes `daemon off;`, a copied main config,
  // or a base image Herd does not know may all have set it
  const nginxDaemonOff =
    !isKnownImage(chain[0].baseImage) ||
    chain.some((s) =>
      s.instructions.some((i) => {
        const keyword = i.getKeyword();
        if (keyword === 'RUN') return /daemon\s+off/.test(i.getTextContent());
        if (keyword !== 'COPY' && keyword !== 'ADD') return false;
        const args = i.getArguments();
        const destination = args[args.length - 1]?.getValue() ?? '';
        return /^\/etc\/nginx\/?$|^\/etc\/nginx\/nginx\.conf$/.test(destination);
      }),
    );
  return { nginxDaemonOff };
}

/** An official or distribution image whose configuration Herd knows (a custom base may have changed it). */
function isKnownImage(image: string | undefined): boolean {
  const ref = image ? parseImageRef(image) : undefined;
  return !!ref && (imageEntrypoint(ref) !== undefined || distributionFamily(ref) !== undefined);
}

/**
 * `&`, nohup, setsid, `sudo -b`, start-stop-daemon --background, service X start, /etc/init.d/X start,
 * systemctl start, and self-daemonizing programs, through any wrapper. One use per backgrounded command.
 */
export function backgroundUses(start: StartCommand, context: DaemonContext = {}): BackgroundUse[] {
  const script = start.script;
  const uses: BackgroundUse[] = [];
  if (!isSignalForwardingWrapper(script)) {
    for (const { script: sc, statement } of backgroundOperators(script)) {
      if (!statement.background) continue;
      const cmd = statement.node.type === 'command' ? statement.node : undefined;
      const program = cmd ? programOf(cmd) : undefined;
      // `nohup app &`: one finding, from the wrapper to the `&`
      const wrapper = program?.wrappers.find((w) => ['nohup', 'setsid'].includes(basename(w.value)));
      const from = wrapper ?? statement.background;
      uses.push({
        span: spanIn(sc, { start: from.start, end: statement.background.end }),
        kind: 'operator',
        what: wrapper ? `\`${basename(wrapper.value)} … &\`` : 'the `&` operator',
        program: program?.argv[0]?.value,
      });
    }
  }
  const main = mainProcess(script);
  for (const visit of allCommands(script)) {
    // a backgrounded command has its finding on its `&`
    if (visit.inBackground) continue;
    const cmd = visit.command;
    const program = programOf(cmd);
    const argv = program.argv;
    const name = argv.length ? basename(argv[0].value) : undefined;
    const argvForm = start.form === 'exec' && visit.script === script && script.depth === 0;
    for (const w of program.wrappers) {
      const wrapper = basename(w.value);
      if (wrapper === 'setsid') uses.push({ span: spanIn(visit.script, w), kind: 'wrapper', what: '`setsid`', program: argv[0]?.value });
      if (wrapper !== 'nohup') continue;
      const amp = argvForm ? argv.find((a) => a.value === '&') : undefined;
      uses.push({
        span: spanIn(visit.script, { start: w.start, end: (amp ?? w).end }),
        kind: 'foreground-nohup',
        what: '`nohup`',
        program: argv[0]?.value,
        execForm: argvForm,
        ampersandArgument: !!amp,
      });
    }
    if (program.background) {
      uses.push({ span: spanIn(visit.script, program.background), kind: 'wrapper', what: `\`${basename(program.wrappers[0]?.value ?? 'sudo')} ${program.background.value}\``, program: argv[0]?.value });
    }
    if (!argv.length || argv[0].dynamic) continue;
    const args = argv.slice(1).map((a) => a.value);
    const whole = spanIn(visit.script, { start: argv[0].start, end: argv[argv.length - 1].end });
    if (name === 'start-stop-daemon') {
      const flag = argv.find((a) => a.value === '--background' || a.value === '-b' || (/^-[a-zA-Z]*b[a-zA-Z]*$/.test(a.value) && a.value.includes('S')));
      if (flag) uses.push({ span: spanIn(visit.script, flag), kind: 'service', what: '`start-stop-daemon --background`' });
    } else if (name === 'service' && args[1] === 'start') {
      uses.push({ span: whole, kind: 'service', what: `\`service ${args[0]} start\`` });
    } else if (/^\/etc\/(rc\.d\/)?init\.d\//.test(argv[0].value) && args[0] === 'start') {
      uses.push({ span: whole, kind: 'service', what: `the init script \`${argv[0].value} start\`` });
    } else if (name === 'systemctl' && args.includes('start')) {
      uses.push({ span: whole, kind: 'service', what: '`systemctl start`' });
    } else {
      const daemon = daemonizing(argv.map((a) => a.value), context);
      if (daemon) {
        const isMain = main?.node === cmd;
        uses.push({ span: whole, kind: 'daemon', what: `\`${daemon.what}\``, program: argv[0].value, daemon, main: isMain, command: { script: visit.script, cmd, argv } });
      }
    }
  }
  return dedupe(uses);
}

/**
 * `trap 'kill $pid' TERM; app & pid=$!; wait $pid`: one background job that the shell waits for while
 * forwarding signals is the documented way to keep a shell as PID 1; it is not a lost process.
 */
function isSignalForwardingWrapper(script: ShellScript): boolean {
  const top = script.statements;
  const backgrounded = top.filter((s) => s.background);
  if (backgrounded.length !== 1 || hasNestedBackground(top)) return false;
  const names = top.filter((s) => !s.background).map((s) => (s.node.type === 'command' ? s.node.name?.value : undefined));
  const bgIndex = top.indexOf(backgrounded[0]);
  const waitsAfter = top.slice(bgIndex + 1).some((s) => s.node.type === 'command' && s.node.name?.value === 'wait');
  return names.includes('trap') && waitsAfter;
}

function hasNestedBackground(statements: Statement[]): boolean {
  return statements.some((s) => (s.node.type === 'subshell' || s.node.type === 'group') && s.node.body.some((b) => b.background));
}

function dedupe(uses: BackgroundUse[]): BackgroundUse[] {
  const seen = new Set<string>();
  return uses
    .filter((u) => {
      const key = `${u.span.start}:${u.span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.span.start - b.span.start);
}

export interface KeepAlive {
  span: Span;
  /** `tail -f /dev/null`, `sleep infinity`, `a sleep loop` … for the message. */
  what: string;
  statement: Statement;
  script: ShellScript;
}

const HOUR = 3600;

/** The start command's foreground process, when it is only a keep-alive that outlives the app. */
export function keepAlive(start: StartCommand): KeepAlive | undefined {
  const main = mainProcess(start.script);
  if (!main) return undefined;
  const what = keepAliveKind(main.node);
  if (!what) return undefined;
  const node = main.node;
  const span = node.type === 'command' ? commandSpan(main.script, node) : spanIn(main.script, node);
  return { span, what, statement: main.statement, script: main.script };
}

/** The command from its program word to its last argument, redirects excluded. */
function commandSpan(script: ShellScript, cmd: SimpleCommand): Span {
  const words = [cmd.name, ...cmd.args].filter((w): w is ShellWord => !!w);
  if (!words.length) return spanIn(script, cmd);
  return spanIn(script, { start: words[0].start, end: words[words.length - 1].end });
}

export function keepAliveKind(node: ShellNode): string | undefined {
  if (node.type === 'command') return keepAliveCommand(node);
  if (node.type === 'loop' && isIdleLoop(node.condition, node.body)) return 'a loop that only sleeps';
  return undefined;
}

function keepAliveCommand(cmd: SimpleCommand): string | undefined {
  const argv = effectiveArgv(cmd);
  if (!argv.length) return undefined;
  const program = basename(argv[0].value);
  const args = argv.slice(1).map((a) => a.value);
  if (program === 'tail' && isFollow(args)) return `\`tail ${args.join(' ')}\``;
  if (program === 'sleep' && isLongSleep(args)) return `\`sleep ${args.join(' ')}\``;
  return undefined;
}

/** `tail -f`, `-F`, `--follow[=…]`, or `-f` inside a flag group such as `-qf`. */
export function isFollow(args: string[]): boolean {
  return args.some((a) => a === '--follow' || a.startsWith('--follow=') || /^-[a-zA-Z]*[fF][a-zA-Z]*$/.test(a));
}

function isLongSleep(args: string[]): boolean {
  if (!args.length) return false;
  if (args.some((a) => a === 'infinity' || a === 'inf')) return true;
  const total = args.reduce((sum, a) => sum + seconds(a), 0);
  return total >= HOUR;
}

function seconds(arg: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** `while true; do sleep 30; done`, `while :; …`, `while sleep 1000; do :; done`: nothing but waiting. */
function isIdleLoop(condition: Statement[], body: Statement[]): boolean {
  const idle = (s: Statement) => s.node.type === 'command' && isIdleCommand(s.node);
  if (!body.every(idle) || !condition.every(idle)) return false;
  return [...condition, ...body].some((s) => s.node.type === 'command' && basename(effectiveArgv(s.node)[0]?.value ?? '') === 'sleep');
}

function isIdleCommand(cmd: SimpleCommand): boolean {
  if (cmd.redirects.length) return false;
  const argv = effectiveArgv(cmd);
  if (!argv.length) return cmd.assignments.length === 0;
  const program = basename(argv[0].value);
  if (program === 'sleep' || program === 'true' || program === ':' || program === 'wait') return true;
  // `[ 1 ]`, `test 1` used as an always-true condition
  return (program === '[' || program === 'test') && argv.length <= 3;
}

/** The script is exactly `[setup;] A & B` where B is a keep-alive: the fix runs A in the foreground. */
export function foregroundFixTarget(start: StartCommand): { background: Statement; last: Statement; script: ShellScript } | undefined {
  const main = mainProcess(start.script);
  if (!main) return undefined;
  const script = main.script;
  const statements = script.statements;
  const last = statements[statements.length - 1];
  if (!last || last !== main.statement || last.background || !keepAliveKind(main.node)) return undefined;
  const backgrounded = statements.filter((s) => s.background);
  if (backgrounded.length !== 1) return undefined;
  const bg = backgrounded[0];
  if (statements.indexOf(bg) !== statements.length - 2 || bg.node.type !== 'command') return undefined;
  return { background: bg, last, script };
}

/** A finding that depends on a workspace link names it (RULES.md, "Dockerfile ↔ manifest"). */
export function linkNote(start: StartCommand): string {
  return start.linkedDockerfile ? ` The \`args\` run through the image built from \`${start.linkedDockerfile}\` (linked to this image).` : '';
}
