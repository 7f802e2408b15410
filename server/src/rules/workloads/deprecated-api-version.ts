import { isScalar, type Scalar } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { removedApi, type RemovedApi } from '../../knowledge/removed-apis';
import { getMap, getNode, scalarString, type K8sObject } from '../../parse/kubernetes';
import { replaceScalar } from '../../parse/yaml-edit';
import { isTemplatedNode } from '../shared/helm-hidden';

/** What besides the apiVersion must change; empty when swapping the apiVersion alone gives a valid object. */
function blockers(removed: RemovedApi, object: K8sObject): string[] {
  if (removed.fix === 'manual') return [removed.note ?? 'its fields changed'];
  const spec = getMap(object.node, 'spec');
  const out = (removed.dropped ?? []).filter((f) => getNode(spec, f) !== undefined).map((f) => `remove \`spec.${f}\`, which it dropped`);
  if (removed.fix === 'needs-selector' && getNode(spec, 'selector') === undefined) out.push('add `spec.selector` matching the template labels (it is required there)');
  return out;
}

function messageOf(removed: RemovedApi, todo: string[]): string {
  const head = `\`${removed.apiVersion}\` ${removed.kind} was removed in Kubernetes ${removed.removedIn}: the API server rejects this manifest.`;
  if (!removed.replacement) return `${head} ${sentence(removed.note ?? 'it has no replacement')}.`;
  return todo.length ? `${head} Move to \`${removed.replacement}\`: ${todo.join('; ')}.` : `${head} Use \`${removed.replacement}\`.`;
}

function sentence(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

export default defineRule({
  meta: {
    id: 'deprecated-api-version',
    languages: ['kubernetes'],
    defaultSeverity: 'error',
    category: 'workloads',
    description: 'An apiVersion that Kubernetes no longer serves for that kind.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'kubernetes') return;
    const text = model.source.text;
    for (const object of model.objects) {
      // Helm charts pick among apiVersions by cluster version: alternatives are fine while one is served
      const alternatives = object.node.items.filter((p) => scalarString(p.key) === 'apiVersion').map((p) => p.value);
      const nodes = alternatives.filter((n): n is Scalar => isScalar(n) && !isTemplatedNode(model, n));
      if (nodes.length !== alternatives.length) continue;
      const removals = nodes.map((n) => ({ node: n, removed: removedApi(String(n.value ?? ''), object.kind) }));
      if (removals.some((r) => !r.removed)) continue;
      for (const { node, removed } of removals) {
        if (!removed || !node.range) continue;
        const todo = blockers(removed, object);
        const replacement = removed.replacement;
        const fix: FixProposal | undefined =
          !todo.length && replacement ? { title: `Use apiVersion ${replacement}`, kind: 'suggestion', edits: () => [replaceScalar(text, node, replacement)] } : undefined;
        context.report({ start: node.range[0], end: node.range[1], message: messageOf(removed, todo), fixes: fix ? [fix] : [] });
      }
    }
  },
});
