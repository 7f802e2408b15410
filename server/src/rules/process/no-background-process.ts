import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { isLogStreamingSidecar } from '../shared/log-sidecar';
import { daemonFlagFix } from './daemon-fix';
import { foregroundFix } from './foreground-fix';
import { backgroundUses, daemonContext, linkNote, type BackgroundUse } from './start-command';

/** What is lost, in the words of the tool that restarts containers. */
const lost = (language: string) => `when it dies, the container keeps running and ${language === 'compose' ? 'its restart policy' : 'Kubernetes'} never restarts it`;
const MOVE = 'Run the app in the foreground as PID 1 and move other processes to their own containers.';

export default defineRule({
  meta: {
    id: 'no-background-process',
    languages: ['dockerfile', 'kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'process',
    description: 'The start command puts a process in the background, where its crash goes unseen.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    const text = context.file.source.text;
    for (const container of context.containers()) {
      const start = container.startCommand;
      if (!start || isLogStreamingSidecar(container)) continue;
      const fix = foregroundFix(start, text);
      for (const use of backgroundUses(start, daemonContext(container))) {
        const fixes: FixProposal[] = [];
        if (use.kind === 'daemon') {
          const flag = use.main ? daemonFlagFix(use, start, text) : undefined;
          if (flag) fixes.push(flag);
        } else if (use.kind !== 'foreground-nohup' && fix) fixes.push(fix);
        context.report({ ...use.span, message: messageOf(use, container.language) + linkNote(start), fixes });
      }
    }
  },
});

function messageOf(use: BackgroundUse, language: string): string {
  const program = use.program ? `\`${use.program}\`` : 'a process';
  switch (use.kind) {
    case 'operator':
    case 'wrapper':
      return `The start command puts ${program} in the background with ${use.what}: ${lost(language)}. ${MOVE}`;
    case 'service':
      return `The start command starts a background service with ${use.what}: ${lost(language)}. ${MOVE}`;
    case 'foreground-nohup':
      if (use.execForm) {
        const amp = use.ampersandArgument ? ` and receives \`&\` as an argument (in exec form there is no shell to read it)` : '';
        return `\`nohup\` puts nothing in the background here: ${program} runs in the foreground as PID 1${amp}; nohup only makes it ignore SIGHUP. Remove \`nohup\`${use.ampersandArgument ? ' and `&`' : ''}; a process meant to run beside the app belongs in its own container.`;
      }
      return `\`nohup\` without \`&\` puts nothing in the background: ${program} runs in the foreground and only ignores SIGHUP, which nothing sends in a container. Remove \`nohup\`; a process meant to run beside the app belongs in its own container.`;
    case 'daemon': {
      const d = use.daemon!;
      if (d.behaviour) return `${use.what} ${d.behaviour}. Instead, ${d.remedy}.`;
      if (use.main) {
        return `${use.what} forks into the background and its first process exits at once: the container's main process ends, so the container stops (or restarts in a loop) while the daemon is killed with it. To keep it in the foreground, ${d.remedy}.`;
      }
      return `${use.what} forks into the background: ${lost(language)}. To keep it in the foreground, ${d.remedy}, and run it in a container of its own.`;
    }
  }
}
