import { isMap, type Node } from 'yaml';
import { defineRule } from '../../engine/rule';
import { plainValue, type K8sContainer } from '../../parse/kubernetes';
import { isTemplatedNode } from '../shared/helm-hidden';
import { containerRef } from '../shared/k8s-names';
import { deref, lookupPair } from '../shared/yaml-lookup';
import { isKustomizePatch } from '../shared/kustomize-patch';

/** A probe field left out means its default: writing the default out does not make two probes differ. */
const PROBE_DEFAULTS: Record<string, string> = {
  initialDelaySeconds: '0',
  periodSeconds: '10',
  timeoutSeconds: '1',
  successThreshold: '1',
  failureThreshold: '3',
};

/** Order-independent text of a probe, with defaults filled in and scalars compared as text (`8080` = `"8080"`). */
function canonical(value: unknown, top = false): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
    const map = new Map(entries.map(([k, v]) => [k, canonical(v)]));
    if (top) for (const [k, d] of Object.entries(PROBE_DEFAULTS)) if (!map.has(k)) map.set(k, canonical(d));
    return `{${[...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}:${v}`).join(',')}}`;
  }
  return JSON.stringify(String(value));
}

function probesOf(c: K8sContainer) {
  const doc = c.template.object.document.yaml;
  const liveness = lookupPair(doc, c.node, 'livenessProbe');
  const readiness = lookupPair(doc, c.node, 'readinessProbe');
  const live = deref(doc, liveness?.value);
  const ready = deref(doc, readiness?.value);
  return liveness && readiness && isMap(live) && isMap(ready) ? { live, ready, readinessKey: readiness.key as Node } : undefined;
}

export default defineRule({
  meta: {
    id: 'distinct-probes',
    languages: ['kubernetes'],
    defaultSeverity: 'info',
    category: 'probes',
    description: 'The livenessProbe and readinessProbe of a container are identical.',
    fixes: [],
    scope: 'document',
  },
  check(context) {
    if (isKustomizePatch(context)) return;
    const model = context.file;
    if (model.kind !== 'kubernetes') return;
    for (const container of context.containers()) {
      const k8s = container.k8s;
      const probes = k8s && probesOf(k8s);
      if (!k8s || !probes) continue;
      const { live, ready, readinessKey: key } = probes;
      if (isTemplatedNode(model, live) || isTemplatedNode(model, ready)) continue;
      const doc = k8s.template.object.document.yaml;
      // an alias bomb or a dangling alias: the probes cannot be compared
      const [liveValue, readyValue] = [plainValue(live, doc), plainValue(ready, doc)];
      if (liveValue === undefined || readyValue === undefined) continue;
      const same = canonical(liveValue, true) === canonical(readyValue, true);
      if (!same || !key.range) continue;
      context.report({
        start: key.range[0],
        end: key.range[1],
        message: `${containerRef(model, k8s)} has identical liveness and readiness probes: when it is slow, both fail together and Kubernetes restarts it instead of only taking it out of the Service. Make liveness more tolerant (higher failureThreshold or a cheaper endpoint).`,
      });
    }
  },
});
