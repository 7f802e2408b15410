import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../parse/dockerfile';
import { isAptInstall, packageCommand, hasOption, type PackageCommand } from '../shared/package-managers';
import { insertFlagAfter, shippedRuns, wordsSpan, type RunFacts } from '../shared/run-commands';

const FLAG = '--no-install-recommends';

export default defineRule({
  meta: {
    id: 'apt-no-install-recommends',
    languages: ['dockerfile'],
    defaultSeverity: 'info',
    category: 'cache',
    description: 'apt-get install without --no-install-recommends pulls in packages the image does not need.',
    fixes: ['suggestion'],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    const runs = shippedRuns(model);
    // `APT::Install-Recommends "false";` written to /etc/apt/apt.conf.d turns recommends off for later RUNs
    const configuredAt = runs.findIndex(disablesRecommends);
    for (const [index, run] of runs.entries()) {
      if (configuredAt >= 0 && configuredAt <= index) continue;
      for (const command of run.commands) {
        const pc = packageCommand(command.command);
        if (!pc || !isAptInstall(pc) || !pc.operands.length || keepsRecommendsOff(pc)) continue;
        const action = pc.action!;
        context.report({
          ...wordsSpan(command, pc.program, action),
          message: `\`${pc.manager} install\` without \`${FLAG}\` also installs every recommended package, often doubling the image's size and its attack surface. Add \`${FLAG}\` and list what the app needs.`,
          fixes: [{ title: `Insert \`${FLAG}\``, kind: 'suggestion', edits: () => [insertFlagAfter(model, run, command, action, FLAG)] }],
        });
      }
    }
  },
});

const FALSE = /^["']?(false|0|no|off)["']?;?$/i;

function keepsRecommendsOff(pc: PackageCommand): boolean {
  if (hasOption(pc, FLAG)) return true;
  return pc.options.some((o) => {
    const m = (o.name === '-o' || o.name === '--option') && o.value ? /^APT::Install-Recommends=(.*)$/i.exec(o.value) : null;
    return !!m && FALSE.test(m[1]);
  });
}

/** A RUN that writes `APT::Install-Recommends "0|false"` into apt's configuration. */
function disablesRecommends(run: RunFacts): boolean {
  return run.commands.some(({ command }) => {
    const words = [command.name, ...command.args].filter((w) => !!w).map((w) => w!.value);
    const targets = [...command.redirects.map((r) => r.target?.value ?? ''), ...words];
    const setting = words.join(' ').match(/APT::Install-Recommends\s*"?(\w+)"?/i);
    return !!setting && FALSE.test(setting[1]) && targets.some((t) => t.startsWith('/etc/apt/apt.conf'));
  });
}
