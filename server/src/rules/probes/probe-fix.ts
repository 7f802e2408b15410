// "Add livenessProbe/readinessProbe": a probe on the container's first declared port, inserted with the
// indentation and style of the container's other keys.
import type { K8sContainer } from '../../parse/kubernetes';
import { insertMapPair } from '../../parse/yaml-edit';
import type { FixProposal } from '../../engine/types';

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
  return {
    title: `Add ${key} (${kind} on port ${String(Object.values(probe)[0] && (Object.values(probe)[0] as { port: unknown }).port)})`,
    kind: 'suggestion',
    edits: () => [insertMapPair(text, container.node, key, probe)],
  };
}

export function hasKey(container: K8sContainer, key: string): boolean {
  return container.node.items.some((p) => (p.key as { value?: unknown } | null)?.value === key);
}

export function containerLabel(name: string | undefined): string {
  return name ? `Container \`${name}\`` : 'This container';
}
