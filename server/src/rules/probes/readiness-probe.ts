import { defineRule } from '../../engine/rule';
import { containerMayHideKeys } from '../shared/helm-hidden';
import { isLogStreamingSidecar } from '../shared/log-sidecar';
import { containerLabel, hasKey, probeFix } from './probe-fix';

export default defineRule({
  meta: {
    id: 'readiness-probe',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'probes',
    description: 'A serving container of a long-running workload has no readinessProbe.',
    fixes: ['suggestion'],
  },
  check(context) {
    const text = context.file.source.text;
    for (const container of context.containers()) {
      const k8s = container.k8s;
      if (!k8s || !k8s.template.longRunning || k8s.role === 'init' || context.file.kind !== 'kubernetes') continue;
      // in a Helm template the probe may come from the values
      if (containerMayHideKeys(context.file, k8s)) continue;
      if (hasKey(k8s, 'readinessProbe') || isLogStreamingSidecar(container)) continue;
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
