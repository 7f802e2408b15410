import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../parse/dockerfile';
import { isApt, isAptInstall, packageCommand, type PackageCommand } from '../shared/package-managers';
import { appendToRun, hasCacheMount, removedPaths, removesUnder, shippedRuns, wordsSpan, type RunCommand, type RunFacts } from '../shared/run-commands';

const CLEAN = 'rm -rf /var/lib/apt/lists/*';

export default defineRule({
  meta: {
    id: 'apt-clean-lists',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'cache',
    description: 'apt-get install (or update) in a RUN that leaves the package lists (/var/lib/apt/lists) in the image.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    for (const run of shippedRuns(model)) {
      const install = firstInstall(run);
      if (!install || cleansLists(run)) continue;
      const [command, pc] = install;
      const append = appendToRun(model, run, command.top, CLEAN);
      context.report({
        ...wordsSpan(command, pc.program, pc.action),
        message: `This RUN leaves apt's package lists (/var/lib/apt/lists, often 20–50 MB) in its layer, and the image ships them. Remove them in the same RUN: \`&& ${CLEAN}\`.`,
        fixes: append ? [{ title: `Append \`&& ${CLEAN}\` to this RUN`, kind: 'safe', edits: () => [append] }] : [],
      });
    }
  },
});

/** The first `apt-get install`; else the first `apt-get update`, whose lists ship even when a later RUN installs. */
function firstInstall(run: RunFacts): [RunCommand, PackageCommand] | undefined {
  let update: [RunCommand, PackageCommand] | undefined;
  for (const command of run.commands) {
    const pc = packageCommand(command.command);
    if (pc && isAptInstall(pc)) return [command, pc];
    if (pc && isApt(pc) && pc.action?.value === 'update') update ??= [command, pc];
  }
  return update;
}

/** `rm -rf /var/lib/apt/lists/*`, `apt-get dist-clean` (Debian trixie images), or a cache/tmpfs mount on the lists. */
function cleansLists(run: RunFacts): boolean {
  if (hasCacheMount(run, ['/var/lib/apt', '/var/lib/apt/lists'])) return true;
  if (removedPaths(run).includes('/var/lib/apt') || removesUnder(run, '/var/lib/apt/lists')) return true;
  return run.commands.some((c) => {
    const pc = packageCommand(c.command);
    return !!pc && isApt(pc) && pc.action?.value === 'dist-clean';
  });
}
