import { defineRule } from '../../engine/rule';
import { containerLabel, containersLackingProbe, probeFix } from './probe-fix';
import { isKustomizePatch } from '../shared/kustomize-patch';

export default defineRule({
  meta: {
    id: 'liveness-probe',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'probes',
    description: 'A container of a long-running workload has no livenessProbe.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    if (isKustomizePatch(context)) return;
    const text = context.file.source.text;
    for (const { container, k8s } of containersLackingProbe(context, 'livenessProbe')) {
      const fix = probeFix(k8s, 'livenessProbe', '/healthz', text);
      context.report({
        ...container.anchor,
        message: `${containerLabel(container.name)} has no livenessProbe: if the app hangs without exiting, Kubernetes never restarts it.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
