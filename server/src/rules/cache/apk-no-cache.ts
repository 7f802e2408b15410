import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../parse/dockerfile';
import { hasOption, packageCommand } from '../shared/package-managers';
import { hasCacheMount, insertFlagAfter, removesUnder, shippedRuns, wordsSpan } from '../shared/run-commands';

export default defineRule({
  meta: {
    id: 'apk-no-cache',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'cache',
    description: 'apk add without --no-cache leaves the package index in /var/cache/apk.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    for (const run of shippedRuns(model)) {
      // the cache is removed in the same layer, or never written to it
      if (removesUnder(run, '/var/cache/apk') || hasCacheMount(run, ['/var/cache/apk', '/etc/apk/cache'])) continue;
      for (const command of run.commands) {
        const pc = packageCommand(command.command);
        // `--no-network` installs only what is already on disk: nothing is fetched, nothing cached
        if (!pc || pc.manager !== 'apk' || pc.action?.value !== 'add' || hasOption(pc, '--no-cache', '--no-network')) continue;
        const action = pc.action;
        context.report({
          ...wordsSpan(command, pc.program, action),
          message: '`apk add` without `--no-cache` stores the package index in /var/cache/apk, and the image ships it. Use `apk add --no-cache`.',
          fixes: [{ title: 'Insert `--no-cache`', kind: 'safe', edits: () => [insertFlagAfter(model, run, command, action, '--no-cache')] }],
        });
      }
    }
  },
});
