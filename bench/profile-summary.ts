// Summarises a .cpuprofile. Usage:
//   node --import tsx bench/profile-summary.ts FILE [top] [filter]   functions by self time and by total time
//   node --import tsx bench/profile-summary.ts FILE --modules BUNDLE [function]
//     time under `function` (default: every sample) by the module of the innermost bundle frame, and by rule
//     (the outermost frame in server/src/rules/<concern>/): the bundle's `// path` comments name the modules
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function load(path: string): { profile: Profile; byId: Map<number, ProfileNode>; parent: Map<number, number> } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { profile, byId, parent };
}

function rows(m: Map<string, number>, all: number, top: number, filter?: RegExp): string {
  return [...m]
    .filter(([l]) => !filter || filter.test(l))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([l, t]) => `${((100 * t) / all).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${l}`)
    .join('\n');
}

export function summarise(path: string, top = 25, filter?: RegExp): string {
  const { profile, byId, parent } = load(path);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|main)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const node = byId.get(id);
    if (!node) return;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    // each function once per stack, however deep its recursion
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  return `total ${(all / 1000).toFixed(0)} ms\n-- self --\n${rows(self, all, top, filter)}\n-- total --\n${rows(total, all, top, filter)}`;
}

export function byModule(path: string, bundle: string, under?: string, top = 20): string {
  const moduleAt: string[] = [];
  let current = '(bundle prelude)';
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^\/\/ (\S+\.(?:ts|js|cjs|mjs))$/.exec(line);
      if (m) current = m[1];
      moduleAt[i] = current;
    });
  const { profile, byId, parent } = load(path);
  const inner = new Map<string, number>();
  const rule = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    let innerModule: string | undefined;
    let ruleModule: string | undefined;
    let inside = under === undefined;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      if (frame.functionName === under) inside = true;
      if (!frame.url.endsWith(bundle.replace(/^.*\//, '/'))) continue;
      const m = moduleAt[frame.lineNumber];
      innerModule ??= m;
      if (/^server\/src\/rules\/(?!shared\/|index)/.test(m)) ruleModule = m;
    }
    if (!inside) return;
    all += dt;
    const key = innerModule ?? '(outside the bundle: WebAssembly, natives, GC)';
    inner.set(key, (inner.get(key) ?? 0) + dt);
    if (ruleModule) rule.set(ruleModule, (rule.get(ruleModule) ?? 0) + dt);
  });
  return `under ${under ?? 'everything'}: ${(all / 1000).toFixed(0)} ms\n-- innermost module --\n${rows(inner, all, top)}\n-- rule --\n${rows(rule, all, top)}`;
}

if (require.main === module) {
  const [path, ...rest] = process.argv.slice(2);
  if (rest[0] === '--modules') console.log(byModule(path, rest[1], rest[2]));
  else console.log(summarise(path, Number(rest[0] ?? 25), rest[1] ? new RegExp(rest[1]) : undefined));
}
