import { defineRule } from '../../engine/rule';
import { isTemplated } from '../../parse/kubernetes';
import { supervisorOf } from '../../knowledge/supervisors';
import { allCommands, spanIn, type ShellWord } from '../../parse/shell';
import { effectiveArgv, linkNote } from './start-command';

export default defineRule({
  meta: {
    id: 'one-process-per-container',
    languages: ['dockerfile', 'kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'process',
    description: 'The start command runs a process supervisor (supervisord, s6, runit, my_init, systemd, monit, circus, a Procfile runner, pm2) instead of one app.',
    fixes: [],
    scope: 'document',
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
          message: `The start command runs ${found.what}, a process supervisor: ${container.language === 'compose' ? 'Docker' : 'Kubernetes'} sees only the supervisor, so crashes, restarts, ${container.language === 'compose' ? 'healthchecks' : 'probes'}, logs and scaling of the processes it manages escape it. Run one process per container and move the others to ${container.language === 'compose' ? 'services of their own' : 'sidecar containers of the pod'}.${found.hint}${linkNote(start)}`,
        });
      }
    }
  },
});

function supervisor(argv: ShellWord[]): { words: { start: number; end: number }; what: string; hint: string } | undefined {
  if (!argv.length || argv[0].dynamic) return undefined;
  const found = supervisorOf(argv.map((a) => a.value));
  if (!found) return undefined;
  return { words: { start: argv[0].start, end: argv[found.words - 1].end }, what: found.what, hint: found.hint };
}
