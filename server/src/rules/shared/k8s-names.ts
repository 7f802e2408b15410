// How messages name containers and objects; a name printed by a Helm directive is masked filler, so it is left out.
import type { K8sContainer, K8sObject, KubernetesModel } from '../../parse/kubernetes';
import { getNode } from '../../parse/kubernetes';
import { isTemplatedNode } from './helm-hidden';

/** "Container `app`", or "This container" when the name is unknown. */
export function containerRef(model: KubernetesModel, c: K8sContainer): string {
  return c.name && !isTemplatedNode(model, c.nameNode) ? `Container \`${c.name}\`` : 'This container';
}

/** "Deployment `web`", or just "Deployment" when the name is unknown. */
export function objectRef(model: KubernetesModel, o: K8sObject): string {
  return o.name && !isTemplatedNode(model, getNode(o.metadata, 'name')) ? `${o.kind} \`${o.name}\`` : o.kind;
}
