import { defineRule } from '../../engine/rule';
import { isTemplated } from '../../parse/kubernetes';
import { allCommands, basename, spanIn, type ShellWord } from '../../parse/shell';
import { effectiveArgv } from './start-command';

/** Programs whose job is to start and watch other processes. */
const SUPERVISORS = new Set(['supervisord', 'runsvdir', 's6-svscan', 'systemd', 'monit']);
/** Init systems known by their full path: a bare `init` could be the app's own script. */
const INIT_PATHS = new Set(['/init', '/sbin/init', '/usr/sbin/init', '/bin/init']);

export default defineRule({
  meta: {
    id: 'one-process-per-container',
    languages: ['dockerfile', 'kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'process',
    description: 'The start command runs a process supervisor (supervisord, s6, runit, systemd, monit, pm2) instead of one app.',
    fixes: [],
  },
  check(context) {
    const model = context.file;
    for (const container of context.containers()) {
      const start = container.startCommand;
      if (!start) continue;
      for (const visit of allCommands(start.script)) {
        // an ENTRYPOINT script receives `supervisord` as an argument: what it runs is not visible here
        const found = supervisor(effectiveArgv(visit.command));
        if (!found) continue;
        const span = spanIn(visit.script, found.words);
        if (model.kind === 'kubernetes' && isTemplated(model, span.start, span.end)) continue;
        context.report({
          ...span,
          message: `The start command runs ${found.what}, a process supervisor: ${container.language === 'compose' ? 'Docker' : 'Kubernetes'} sees only the supervisor, so crashes, restarts, ${container.language === 'compose' ? 'healthchecks' : 'probes'}, logs and scaling of the processes it manages escape it. Run one process per container and move the others to ${container.language === 'compose' ? 'services of their own' : 'sidecar containers of the pod'}.${found.hint}`,
        });
      }
    }
  },
});

interface Supervisor {
  words: { start: number; end: number };
  what: string;
  hint: string;
}

function supervisor(argv: ShellWord[]): Supervisor | undefined {
  const program = argv[0];
  if (!program || program.dynamic) return undefined;
  const name = basename(program.value);
  const words = { start: program.start, end: program.end };
  if (SUPERVISORS.has(name)) return { words, what: `\`${name}\``, hint: '' };
  if (program.value === '/init') return { words, what: '`/init` (s6-overlay)', hint: '' };
  if (INIT_PATHS.has(program.value)) return { words, what: `\`${program.value}\` (an init system)`, hint: '' };
  if (name === 'pm2') {
    // `pm2 start` daemonises and supervises; pm2-runtime is the container-friendly foreground mode
    const sub = argv.slice(1).find((a) => !a.value.startsWith('-'));
    if (sub?.value === 'start') return { words: { start: program.start, end: sub.end }, what: '`pm2 start`', hint: ' For a Node.js app, run `node` directly or use `pm2-runtime`.' };
  }
  return undefined;
}
