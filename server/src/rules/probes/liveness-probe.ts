import { defineRule } from '../../engine/rule';
import { containerMayHideKeys } from '../shared/helm-hidden';
import { isLogStreamingSidecar } from '../shared/log-sidecar';
import { containerLabel, hasKey, probeFix } from './probe-fix';

export default defineRule({
  meta: {
    id: 'liveness-probe',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'probes',
    description: 'A container of a long-running workload has no livenessProbe.',
    fixes: ['suggestion'],
  },
  check(context) {
    const text = context.file.source.text;
    for (const container of context.containers()) {
      const k8s = container.k8s;
      if (!k8s || !k8s.template.longRunning || k8s.role === 'init' || context.file.kind !== 'kubernetes') continue;
      // in a Helm template the probe may come from the values
      if (containerMayHideKeys(context.file, k8s)) continue;
      if (hasKey(k8s, 'livenessProbe') || isLogStreamingSidecar(container)) continue;
      const fix = probeFix(k8s, 'livenessProbe', '/healthz', text);
      context.report({
        ...container.anchor,
        message: `${containerLabel(container.name)} has no livenessProbe: if the app hangs without exiting, Kubernetes never restarts it.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
