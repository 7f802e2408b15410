// The fix shared by no-background-process and no-keepalive-command: `A & tail -f /dev/null` → run A itself
// in the foreground, as PID 1, so that its exit ends the container.
import type { StartCommand } from '../../parse/container';
import { docOffset } from '../../parse/mapped-text';
import { daemonizing } from '../../knowledge/daemons';
import { basename, spanIn, type ShellWord, type SimpleCommand } from '../../parse/shell';
import type { FixProposal } from '../../engine/types';
import { effectiveArgv, foregroundFixTarget, wrapperWords } from './start-command';

export function foregroundFix(start: StartCommand, text: string): FixProposal | undefined {
  const target = foregroundFixTarget(start);
  if (!target) return undefined;
  const { background, last, script } = target;
  const cmd = background.node as SimpleCommand;
  const argv = effectiveArgv(cmd);
  if (!argv.length) return undefined;
  const region = { start: spanIn(script, background).start, end: spanIn(script, last).end };
  const wrappers = wrapperWords(cmd);
  // `nohup`, `setsid` and `exec` go; a wrapper that changes the user or the signals (`gosu app`, `tini --`) stays
  const dropped = (w: ShellWord) => ['nohup', 'setsid', 'exec'].includes(basename(w.value));
  const kept = wrappers.findIndex((w) => !dropped(w));
  if (kept >= 0 && wrappers.slice(kept).some(dropped)) return undefined;
  const words = cmd.name ? [cmd.name, ...cmd.args] : [];
  const from = kept >= 0 ? wrappers[kept] : argv[0];
  const keptArgv = words.slice(words.indexOf(from));
  // keep the command's own text (quotes, escapes, redirects) from its first kept word to its end
  const programStart = spanIn(script, from).start;
  const commandEnd = spanIn(script, { start: cmd.start, end: cmd.end }).end;
  const assignments = cmd.assignments.map((a) => text.slice(spanIn(script, a).start, spanIn(script, a).end));
  // a self-daemonizing program would fork away again: its foreground flag goes with it (`sshd &` → `sshd -D`)
  const daemon = daemonizing(argv.map((w) => w.value));
  const flag = daemon?.change && 'insert' in daemon.change ? daemon.change.insert : [];
  const afterProgram = spanIn(script, argv[0]).end;
  const body = text.slice(programStart, afterProgram) + flag.map((f) => ` ${shellQuote(f)}`).join('') + text.slice(afterProgram, commandEnd).trimEnd();
  const simple = !cmd.redirects.length && !assignments.length && keptArgv.every((w) => !w.dynamic) && script.depth === 0 && start.form === 'shell';
  const topLevel = script.statements.length === 2 && script.depth === 0;
  const program = argv[0].value;
  if (simple && topLevel && wrappers.every((w) => w.value !== 'exec')) {
    // a Dockerfile shell-form CMD whose whole script is `A & keepalive`: exec form, no shell at all
    const values = keptArgv.map((w) => w.value);
    values.splice(values.indexOf(program) + 1, 0, ...flag);
    const json = JSON.stringify(values).replace(/","/g, '", "');
    return { title: `Run \`${program}\` in the foreground (exec form)`, kind: 'suggestion', edits: () => [{ ...region, newText: json }] };
  }
  // a quoted flag inside an `sh -c '…'` string could end its quotes
  if (flag.some((f) => shellQuote(f).includes("'")) && script.depth > 0 && text[docOffset(script.source, 0) - 1] === "'") return undefined;
  const env = assignments.length ? `env ${assignments.join(' ')} ` : '';
  return { title: `Run \`${program}\` in the foreground with exec`, kind: 'suggestion', edits: () => [{ ...region, newText: `exec ${env}${body}` }] };
}

const shellQuote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w}'`);
