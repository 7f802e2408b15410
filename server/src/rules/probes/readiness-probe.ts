import { defineRule } from '../../engine/rule';
import { containerLabel, containersLackingProbe, probeFix } from './probe-fix';
import { isKustomizePatch } from '../shared/kustomize-patch';

export default defineRule({
  meta: {
    id: 'readiness-probe',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'probes',
    description: 'A serving container of a long-running workload has no readinessProbe.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    if (isKustomizePatch(context)) return;
    const text = context.file.source.text;
    for (const { container, k8s } of containersLackingProbe(context, 'readinessProbe')) {
      // only containers that serve traffic need to say when they are ready: a declared port or a Service
      if (!k8s.ports.length && !context.workspace?.isSelectedByService?.(k8s)) continue;
      const fix = probeFix(k8s, 'readinessProbe', '/ready', text);
      context.report({
        ...container.anchor,
        message: `${containerLabel(container.name)} serves traffic but has no readinessProbe: it receives requests before it is ready and while it is overloaded.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
