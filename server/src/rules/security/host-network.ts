import { isScalar } from 'yaml';
import { defineRule } from '../../engine/rule';
import { isTemplatedNode } from '../shared/helm-hidden';
import { objectRef } from '../shared/k8s-names';
import { lookup } from '../shared/yaml-lookup';

export default defineRule({
  meta: {
    id: 'host-network',
    languages: ['kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'security',
    description: "A pod sets hostNetwork: true and leaves the cluster's pod network.",
    fixes: [],
    scope: 'document',
  },
  check(context) {
    const model = context.file;
    for (const container of context.containers()) {
      if (!container.hostNetwork) continue;
      context.report({
        ...container.hostNetwork,
        message: `Service \`${container.name}\` uses the host's network (network_mode: host): its ports collide with the host's and with other services, it can reach every host-local service, and published ports and network isolation no longer apply. Use the default bridge network and publish the ports it serves.`,
      });
    }
    if (model.kind !== 'kubernetes') return;
    for (const object of model.objects) {
      const node = lookup(object.document.yaml, object.podTemplate?.spec, 'hostNetwork');
      if (!isScalar(node) || node.value !== true || !node.range || isTemplatedNode(model, node)) continue;
      context.report({
        start: node.range[0],
        end: node.range[1],
        message: `${objectRef(model, object)} uses the node's network (hostNetwork: true): NetworkPolicies no longer apply, its ports collide with the node's and with other replicas on that node, and it can reach node-local services. Remove it unless this is a node agent.`,
      });
    }
  },
});
