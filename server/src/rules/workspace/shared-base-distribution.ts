import { baseFact, type BaseFact } from '../../engine/dockerfile-facts';
import { defineRule } from '../../engine/rule';

/**
 * The distribution family a final image is patched and debugged as. Images without a distribution
 * (scratch, distroless static, BusyBox) and Windows images (another OS, not a choice of distribution) are not counted.
 */
export function familyOf(base: BaseFact | undefined): string | undefined {
  if (!base || base.libcFree) return undefined;
  switch (base.family) {
    case 'debian':
    case 'ubuntu':
    case 'distroless': // distroless base, cc, java … are built from Debian packages
      return 'debian/ubuntu';
    case 'rhel':
      return 'rhel-like';
    case 'alpine':
    case 'suse':
    case 'wolfi':
      return base.family;
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    id: 'shared-base-distribution',
    languages: ['dockerfile'],
    defaultSeverity: 'info',
    category: 'workspace',
    description: "The workspace's final images use more than one distribution family.",
    fixes: [],
    workspace: true,
  },
  check(context) {
    const model = context.file;
    const view = context.workspace;
    if (model.kind !== 'dockerfile' || !view) return;
    const base = baseFact(model);
    const own = familyOf(base);
    if (!base || !own) return;
    const counts = new Map<string, number>([[own, 1]]);
    // the index keeps every Dockerfile's base, so that a workspace of n Dockerfiles is not n² parses of FROM
    const others = view.dockerfileBases?.() ?? view.files().flatMap((f) => (f.model.kind === 'dockerfile' ? [{ uri: f.uri, base: baseFact(f.model) }] : []));
    for (const other of others) {
      const family = other.uri === model.source.uri ? undefined : familyOf(other.base);
      if (family) counts.set(family, (counts.get(family) ?? 0) + 1);
    }
    if (counts.size < 2) return;
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const top = ranked.filter(([, n]) => n === ranked[0][1]).map(([f]) => f);
    if (top.length === 1 && top[0] === own) return;
    const tally = ranked.map(([f, n]) => `${f} ${n}`).join(', ');
    const why = 'every extra distribution is another libc, package manager and security feed to follow, and no base layers are shared';
    const message =
      top.length === 1
        ? `This final image is based on ${own} (\`${base.text}\`), while the workspace's final images mostly use ${top[0]} (${tally}): ${why}. Base it on ${top[0]} if you can.`
        : `The final images of the workspace are split between distribution families (${tally}); this one is based on ${own} (\`${base.text}\`): ${why}. Settle on one family.`;
    context.report({ start: base.start, end: base.end, message });
  },
});
