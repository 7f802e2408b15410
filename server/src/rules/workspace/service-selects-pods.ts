import { defineRule } from '../../engine/rule';
import { serviceSelectors, type PodLabelSet } from '../../engine/workspace-selection';

/** Pod templates the "closest is" hint looks at per Service. */
const MAX_HINT_CANDIDATES = 1000;
import { objectRef } from '../shared/k8s-names';

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** Values a typo apart: one contains the other, or they differ by at most two edits. */
function near(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] <= 2;
}

/**
 * The pod template that looks meant: it shares a selector entry, or has a selector key with a value a typo
 * away; fewest differences first. Undefined when no template looks related.
 */
function closest(selector: Record<string, string>, pods: PodLabelSet[]): { pod: PodLabelSet; missing: string[] } | undefined {
  let best: { pod: PodLabelSet; missing: string[] } | undefined;
  for (const pod of pods) {
    const entries = Object.entries(selector);
    const related = entries.some(([k, v]) => pod.labels[k] !== undefined && (pod.labels[k] === v || near(pod.labels[k], v)));
    if (!related) continue;
    const missing = entries.filter(([k, v]) => pod.labels[k] !== v).map(([k]) => k);
    if (!best || missing.length < best.missing.length) best = { pod, missing };
  }
  return best;
}

export default defineRule({
  meta: {
    id: 'service-selects-pods',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'workspace',
    description: 'A Service selector matches no pod template of its namespace in the workspace.',
    fixes: [],
    workspace: true,
  },
  check(context) {
    const model = context.file;
    const view = context.workspace;
    if (model.kind !== 'kubernetes' || !view?.podIndex) return;
    const index = view.podIndex();
    for (const service of serviceSelectors(model.source.uri, model)) {
      const entries = Object.keys(service.selector);
      const key = service.key;
      if (!service.known || !entries.length || !key) continue;
      // only where the workspace defines the namespace's workloads can it say that none matches; a workload
      // without namespace may be applied to any, so it is a candidate but does not define the Service's namespace
      if (!index.definesNamespace(service.namespace) || index.maySelect(service.selector, service.namespace)) continue;
      const where = service.namespace ? `in namespace \`${service.namespace}\`` : 'of its namespace';
      // the hint weighs the templates that share a selector key, a bounded number of them: linear in the workspace
      const near = closest(service.selector, index.withKeys(entries, service.namespace, MAX_HINT_CANDIDATES));
      const hint = near
        ? ` The closest is ${near.pod.ref} (${view.displayPath?.(near.pod.uri) ?? near.pod.uri}), whose pods have ${near.missing.map((k) => (near.pod.labels[k] === undefined ? `no ${k}` : `${k}=${near.pod.labels[k]}`)).join(', ')}.`
        : '';
      context.report({
        ...key,
        message: `${objectRef(model, service.object)} selects ${labelText(service.selector)}, but no pod template ${where} in the workspace has these labels: the Service has no endpoints and its traffic goes nowhere. Fix the selector or the pod labels.${hint}`,
      });
    }
  },
});

