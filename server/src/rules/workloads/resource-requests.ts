import { isMap } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { getMap, getNode, type K8sContainer } from '../../parse/kubernetes';
import { insertPath } from '../../parse/yaml-edit';
import { insertMapPairs, styleOf } from '../../parse/yaml-edit-pairs';
import { containerMayHideKeys, isTemplatedNode } from '../shared/helm-hidden';
import { containerRef } from '../shared/k8s-names';
import { editablePath, lookup, lookupMap } from '../shared/yaml-lookup';
import { quantityOf, resourceNode, type Resource } from './resources';
import { isKustomizePatch } from '../shared/kustomize-patch';

const DEFAULTS: Record<Resource, string> = { cpu: '100m', memory: '128Mi' };
const LABEL: Record<Resource, string> = { cpu: 'CPU', memory: 'memory' };

/** What a missing request does, named for what is missing (a CPU request alone still reserves CPU). */
const CONSEQUENCE: Record<Resource | 'both', string> = {
  both: 'the scheduler places it as if it needed nothing, overcommits the node, and it is among the first evicted under pressure.',
  memory: 'the scheduler reserves no memory for it, so it can land on a node without room for it, and it is among the first evicted under memory pressure.',
  cpu: 'the scheduler reserves no CPU for it, so it can land on a busy node, and under contention it gets the smallest share of CPU.',
};

const what = (rs: Resource[]) => rs.map((r) => LABEL[r]).join(' and ');

/** Without a limit the request is zero; with one, Kubernetes copies the limit into the request. */
function messageOf(ref: string, missing: Resource[], hasLimit: (r: Resource) => boolean): string {
  const keys = missing.map((r) => `resources.requests.${r}`).join(' and ');
  const copied = missing.filter(hasLimit);
  const none = missing.filter((r) => !hasLimit(r));
  if (!none.length) return `${ref} sets no ${what(copied)} request, so Kubernetes copies the limit: what the scheduler reserves silently changes with the limit. Set ${keys} explicitly.`;
  const also = copied.length ? ` (its ${what(copied)} request silently follows the limit)` : '';
  return `${ref} has no ${what(none)} request${also}: ${CONSEQUENCE[none.length === 2 ? 'both' : none[0]]} Set ${keys}.`;
}

/** Inserts the missing requests; where a limit exists the request copies it (what Kubernetes would default to). */
function requestsFix(text: string, container: K8sContainer, missing: Resource[], isTemplated: (n: ReturnType<typeof getNode>) => boolean): FixProposal | undefined {
  const node = container.node;
  const doc = container.template.object.document.yaml;
  if (!editablePath(doc, node, ['resources', 'requests'])) return undefined;
  // a key that is present but empty (`cpu:`) is not worth a fix of its own
  if (missing.some((r) => getNode(getMap(node, 'resources', 'requests'), r) !== undefined)) return undefined;
  const entries: [string, string | number][] = missing.map((r) => {
    const limit = lookup(doc, lookupMap(doc, node, 'resources', 'limits'), r);
    const copied = isTemplated(limit) ? undefined : quantityOf(limit);
    return [r, copied ?? DEFAULTS[r]];
  });
  return {
    title: `Add resources.requests (${entries.map(([k, v]) => `${k}: ${v}`).join(', ')})`,
    kind: 'suggestion',
    edits: () => {
      const requests = getMap(node, 'resources', 'requests');
      if (isMap(requests)) return [insertMapPairs(text, requests, entries)];
      return [insertPath(text, node, ['resources', 'requests'], Object.fromEntries(entries), styleOf(text))];
    },
  };
}

export default defineRule({
  meta: {
    id: 'resource-requests',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'workloads',
    description: 'A container lacks resources.requests.cpu or resources.requests.memory.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    if (isKustomizePatch(context)) return;
    const model = context.file;
    if (model.kind !== 'kubernetes') return;
    for (const container of context.containers()) {
      const k8s = container.k8s;
      if (!k8s || containerMayHideKeys(model, k8s)) continue;
      const missing = (['cpu', 'memory'] as Resource[]).filter((r) => !resourceNode(k8s, 'requests', r));
      if (!missing.length) continue;
      const fix = requestsFix(model.source.text, k8s, missing, (n) => isTemplatedNode(model, n));
      context.report({
        ...container.anchor,
        message: messageOf(containerRef(model, k8s), missing, (r) => resourceNode(k8s, 'limits', r) !== undefined),
        fixes: fix ? [fix] : [],
      });
    }
  },
});
