// Container resources as the scheduler sees them: a container's own requests/limits (anchors and merge
// keys resolved), or the pod-level `spec.resources` that newer clusters accept instead.
import { isScalar, type Node } from 'yaml';
import type { K8sContainer } from '../../parse/kubernetes';
import { lookup, lookupMap } from '../shared/yaml-lookup';

export type Section = 'requests' | 'limits';
export type Resource = 'cpu' | 'memory';

/** The value node of `resources.<section>.<resource>`, undefined when absent or empty. */
export function resourceNode(container: K8sContainer, section: Section, resource: Resource): Node | undefined {
  const doc = container.template.object.document.yaml;
  const own = setValue(lookup(doc, lookupMap(doc, container.node, 'resources', section), resource));
  return own ?? setValue(lookup(doc, lookupMap(doc, container.template.spec, 'resources', section), resource));
}

function setValue(node: Node | undefined): Node | undefined {
  return !node || (isScalar(node) && (node.value === null || node.value === '')) ? undefined : node;
}

/** A quantity to copy into a new key: numbers stay numbers, text stays text. */
export function quantityOf(node: Node | undefined): string | number | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.value === 'number' || typeof node.value === 'string' ? node.value : undefined;
}
