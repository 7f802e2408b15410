import { defineRule } from '../../engine/rule';
import { insertPath } from '../../parse/yaml-edit';
import { styleOf } from '../../parse/yaml-edit-pairs';
import { containerMayHideKeys, isTemplatedNode } from '../shared/helm-hidden';
import { containerRef } from '../shared/k8s-names';
import { editablePath } from '../shared/yaml-lookup';
import { quantityOf, resourceNode } from './resources';
import { isKustomizePatch } from '../shared/kustomize-patch';

const DEFAULT_LIMIT = '256Mi';

export default defineRule({
  meta: {
    id: 'memory-limit',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'workloads',
    description: 'A container lacks resources.limits.memory.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    if (isKustomizePatch(context)) return;
    const model = context.file;
    if (model.kind !== 'kubernetes') return;
    const text = model.source.text;
    for (const container of context.containers()) {
      const k8s = container.k8s;
      if (!k8s || containerMayHideKeys(model, k8s) || resourceNode(k8s, 'limits', 'memory')) continue;
      const request = resourceNode(k8s, 'requests', 'memory');
      const value = (isTemplatedNode(model, request) ? undefined : quantityOf(request)) ?? DEFAULT_LIMIT;
      const path = ['resources', 'limits', 'memory'];
      context.report({
        ...container.anchor,
        message: `${containerRef(model, k8s)} has no memory limit: a leak grows until the node runs out of memory and the kernel kills other pods with it. Set resources.limits.memory (a CPU limit is not needed).`,
        fixes: editablePath(k8s.template.object.document.yaml, k8s.node, path)
          ? [{ title: `Add resources.limits.memory: ${value}`, kind: 'suggestion', edits: () => [insertPath(text, k8s.node, path, value, styleOf(text))] }]
          : [],
      });
    }
  },
});
