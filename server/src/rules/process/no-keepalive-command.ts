import { defineRule } from '../../engine/rule';
import { isLogStreamingSidecar } from '../shared/log-sidecar';
import { foregroundFix } from './foreground-fix';
import { keepAlive, linkNote } from './start-command';

export default defineRule({
  meta: {
    id: 'no-keepalive-command',
    languages: ['dockerfile', 'kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'process',
    description: 'The start command ends in a keep-alive (tail -f, sleep infinity, an idle loop) that outlives the app.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    const text = context.file.source.text;
    for (const container of context.containers()) {
      const start = container.startCommand;
      // a development container idles on purpose while an editor attaches to it
      if (!start || isLogStreamingSidecar(container) || container.idlesByDesign) continue;
      const found = keepAlive(start);
      if (!found) continue;
      const fix = foregroundFix(start, text);
      context.report({
        ...found.span,
        message: `The container's main process is ${found.what}, a keep-alive: the app can die while the container stays up and looks healthy. Make the app itself the foreground process.${linkNote(start)}`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
