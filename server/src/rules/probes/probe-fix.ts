// "Add livenessProbe/readinessProbe": a probe on the container's first declared port, inserted with the
// indentation and style of the container's other keys.
import type { RuleContext } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { Container } from '../../parse/container';
import { hasKey as hasMapKey, type K8sContainer } from '../../parse/kubernetes';
import { insertMapPair } from '../../parse/yaml-edit';
import { containerMayHideKeys } from '../shared/helm-hidden';
import { isLogStreamingSidecar } from '../shared/log-sidecar';

export type ProbeKey = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** The probe a container's ports suggest: httpGet when the port is named like http, else tcpSocket. */
export function suggestedProbe(container: K8sContainer, path: string): Record<string, unknown> | undefined {
  const port = container.ports.find((p) => p.name || p.containerPort !== undefined);
  if (!port) return undefined;
  const portRef = port.name ?? port.containerPort;
  const httpLike = port.name !== undefined && /http|web|api|metrics/i.test(port.name);
  if (httpLike) {
    const httpGet: Record<string, unknown> = { path, port: portRef };
    if (/https/i.test(port.name ?? '')) httpGet.scheme = 'HTTPS';
    return { httpGet };
  }
  return { tcpSocket: { port: portRef } };
}

export function probeFix(container: K8sContainer, key: ProbeKey, path: string, text: string): FixProposal | undefined {
  const probe = suggestedProbe(container, path);
  if (!probe) return undefined;
  const kind = 'httpGet' in probe ? `httpGet ${path}` : 'tcpSocket';
  const port = (Object.values(probe)[0] as { port: unknown }).port;
  return {
    title: `Add ${key} (${kind} on port ${String(port)})`,
    kind: 'suggestion',
    edits: () => [insertMapPair(text, container.node, key, probe)],
  };
}

/** Set on the container, by its own key or through a merge key (`<<: *probes`). */
export function hasKey(container: K8sContainer, key: string): boolean {
  return hasMapKey(container.node, key);
}

export function containerLabel(name: string | undefined): string {
  return name ? `Container \`${name}\`` : 'This container';
}

/**
 * Containers that should answer a probe and have no `key`: app containers and native sidecars of long-running
 * workloads; not init containers, log-streaming sidecars, or Helm containers whose keys may come from the values.
 */
export function containersLackingProbe(context: RuleContext, key: ProbeKey): { container: Container; k8s: K8sContainer }[] {
  const file = context.file;
  if (file.kind !== 'kubernetes') return [];
  const out: { container: Container; k8s: K8sContainer }[] = [];
  for (const container of context.containers()) {
    const k8s = container.k8s;
    if (!k8s || !k8s.template.longRunning || k8s.role === 'init') continue;
    if (containerMayHideKeys(file, k8s) || hasKey(k8s, key) || isLogStreamingSidecar(container)) continue;
    out.push({ container, k8s });
  }
  return out;
}
