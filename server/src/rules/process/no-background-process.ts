import { defineRule } from '../../engine/rule';
import { isLogStreamingSidecar } from '../shared/log-sidecar';
import { foregroundFix } from './foreground-fix';
import { backgroundUses } from './start-command';

export default defineRule({
  meta: {
    id: 'no-background-process',
    languages: ['dockerfile', 'kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'process',
    description: 'The start command puts a process in the background, where its crash goes unseen.',
    fixes: ['suggestion'],
  },
  check(context) {
    const text = context.file.source.text;
    for (const container of context.containers()) {
      const start = container.startCommand;
      if (!start || isLogStreamingSidecar(container)) continue;
      const fix = foregroundFix(start, text);
      for (const use of backgroundUses(start)) {
        context.report({
          ...use.span,
          message: `The start command puts a process in the background with ${use.what}: when it dies, the container keeps running and ${container.language === 'compose' ? 'its restart policy' : 'Kubernetes'} never restarts it. Run the app in the foreground as PID 1 and move other processes to their own containers.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});
