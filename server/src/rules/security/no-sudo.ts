import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../parse/dockerfile';
import { basename, spanIn } from '../../parse/shell';
import { effectiveArgv, wrapperWords } from '../process/start-command';
import { runsOf } from '../shared/run-commands';

export default defineRule({
  meta: {
    id: 'no-sudo',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'security',
    description: 'sudo in a RUN: build steps switch users with USER, not sudo.',
    fixes: [],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    for (const run of runsOf(model, model.stages)) {
      for (const { command, script } of run.commands) {
        // sudo is a wrapper: the program of the command is what it runs
        const program = [...wrapperWords(command), ...effectiveArgv(command).slice(0, 1)].find((w) => basename(w.value) === 'sudo');
        if (!program) continue;
        context.report({
          ...spanIn(script, program),
          message: '`sudo` in a RUN behaves unpredictably in a build (no TTY, reset environment, PAM) and needs a setuid-root binary in the image. Put the steps that need root after `USER root` and switch back with `USER`; use `gosu` or `su-exec` to drop privileges at run time.',
        });
      }
    }
  },
});
