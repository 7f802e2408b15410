import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../parse/dockerfile';
import { isSystemInstall, packageCommand, type Manager, type PackageCommand } from '../shared/package-managers';
import { appendToRun, hasCacheMount, removesUnder, shippedRuns, wordsSpan, type RunCommand, type RunFacts } from '../shared/run-commands';

type Family = 'rpm' | 'zypper';

const FAMILY: Partial<Record<Manager, Family>> = { yum: 'rpm', dnf: 'rpm', microdnf: 'rpm', tdnf: 'rpm', zypper: 'zypper' };
/** Where each family keeps its metadata and packages. */
const CACHE_DIRS: Record<Family, string[]> = { rpm: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/tdnf'], zypper: ['/var/cache/zypp'] };

export default defineRule({
  meta: {
    id: 'rpm-clean-cache',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'cache',
    description: 'yum/dnf/microdnf/zypper install in a RUN without the matching clean: the package cache ships.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    for (const run of shippedRuns(model)) {
      for (const family of ['rpm', 'zypper'] as Family[]) {
        const install = firstInstall(run, family);
        if (!install || cleans(run, family)) continue;
        const [command, pc] = install;
        // the arguments of `zypper clean` are repository names; --all cleans metadata and packages
        const clean = pc.manager === 'zypper' ? 'zypper clean --all' : `${pc.program.value.split('/').pop()} clean all`;
        const append = appendToRun(model, run, command.top, clean);
        context.report({
          ...wordsSpan(command, pc.program, pc.action),
          message: `\`${pc.manager} ${pc.action?.value}\` leaves its metadata and package cache in this layer (often 50–150 MB), and the image ships it. End the same RUN with \`${clean}\`.`,
          fixes: append ? [{ title: `Append \`&& ${clean}\` to this RUN`, kind: 'safe', edits: () => [append] }] : [],
        });
      }
    }
  },
});

function firstInstall(run: RunFacts, family: Family): [RunCommand, PackageCommand] | undefined {
  for (const command of run.commands) {
    const pc = packageCommand(command.command);
    if (pc && FAMILY[pc.manager] === family && isSystemInstall(pc)) return [command, pc];
  }
  return undefined;
}

/** `yum|dnf|microdnf clean all` (they share one cache on RHEL 8+), `zypper clean|cc`, rm of the cache, or a cache mount. */
function cleans(run: RunFacts, family: Family): boolean {
  const dirs = CACHE_DIRS[family];
  if (hasCacheMount(run, dirs) || dirs.some((d) => removesUnder(run, d))) return true;
  return run.commands.some((c) => {
    const pc = packageCommand(c.command);
    if (!pc || FAMILY[pc.manager] !== family) return false;
    const action = pc.action?.value;
    if (family === 'zypper') return action === 'clean' || action === 'cc';
    return action === 'clean' && pc.operands.some((o) => o.value === 'all');
  });
}
