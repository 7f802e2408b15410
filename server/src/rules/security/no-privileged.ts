import { isScalar } from 'yaml';
import { defineRule } from '../../engine/rule';
import { isTemplatedNode } from '../shared/helm-hidden';
import { containerRef } from '../shared/k8s-names';
import { lookup, lookupMap } from '../shared/yaml-lookup';

export default defineRule({
  meta: {
    id: 'no-privileged',
    languages: ['kubernetes', 'compose'],
    defaultSeverity: 'error',
    category: 'security',
    description: 'A container sets securityContext.privileged: true.',
    fixes: [],
    scope: 'document',
  },
  check(context) {
    const model = context.file;
    for (const container of context.containers()) {
      if (container.privileged) {
        context.report({
          ...container.privileged,
          message: `Service \`${container.name}\` runs privileged: it gets every capability and the host's devices, so whoever takes over the container owns the host. Remove privileged: true and add only the capabilities it needs (cap_add).`,
        });
      }
      const k8s = container.k8s;
      if (!k8s || model.kind !== 'kubernetes') continue;
      const doc = k8s.template.object.document.yaml;
      const node = lookup(doc, lookupMap(doc, k8s.node, 'securityContext'), 'privileged');
      if (!isScalar(node) || node.value !== true || !node.range || isTemplatedNode(model, node)) continue;
      context.report({
        start: node.range[0],
        end: node.range[1],
        message: `${containerRef(model, k8s)} runs privileged: it gets every capability and the host's devices, so whoever takes over the container owns the node. Remove privileged: true and add only the capabilities it needs (securityContext.capabilities.add).`,
      });
    }
  },
});
