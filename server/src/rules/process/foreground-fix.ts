// The fix shared by no-background-process and no-keepalive-command: `A & tail -f /dev/null` → run A itself
// in the foreground, as PID 1, so that its exit ends the container.
import type { StartCommand } from '../../parse/container';
import { spanIn, type SimpleCommand } from '../../parse/shell';
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
  // keep the command's own text (quotes, escapes, redirects) from its real program to its end
  const programStart = spanIn(script, argv[0]).start;
  const commandEnd = spanIn(script, { start: cmd.start, end: cmd.end }).end;
  const assignments = cmd.assignments.map((a) => text.slice(spanIn(script, a).start, spanIn(script, a).end));
  const body = text.slice(programStart, commandEnd).trimEnd();
  const simple = !cmd.redirects.length && !assignments.length && argv.every((w) => !w.dynamic) && script.depth === 0 && start.form === 'shell';
  const topLevel = script.statements.length === 2 && script.depth === 0;
  const program = argv[0].value;
  if (simple && topLevel && wrappers.every((w) => w.value !== 'exec')) {
    // a Dockerfile shell-form CMD whose whole script is `A & keepalive`: exec form, no shell at all
    const json = JSON.stringify(argv.map((w) => w.value)).replace(/","/g, '", "');
    return { title: `Run \`${program}\` in the foreground (exec form)`, kind: 'suggestion', edits: () => [{ ...region, newText: json }] };
  }
  const env = assignments.length ? `env ${assignments.join(' ')} ` : '';
  return { title: `Run \`${program}\` in the foreground with exec`, kind: 'suggestion', edits: () => [{ ...region, newText: `exec ${env}${body}` }] };
}
