// Services and the pods they select, across the files of a workspace: pod template labels and Service
// selectors, with what Helm directives may hide marked unknown rather than guessed.
import { isMap, type Node, type YAMLMap } from 'yaml';
import { getMap, getNode, scalarString, type K8sObject, type KubernetesModel } from '../parse/kubernetes';
import { isTemplatedNode, mayHideKeys, valueMayBeHidden } from '../rules/shared/helm-hidden';
import { objectRef } from '../rules/shared/k8s-names';

export interface PodLabelSet {
  uri: string;
  /** How messages name the object: "Deployment `web`". */
  ref: string;
  namespace?: string;
  labels: Record<string, string>;
  /** False when a Helm directive may add or change labels: the set may match any selector. */
  known: boolean;
}

export interface ServiceSelector {
  uri: string;
  model: KubernetesModel;
  object: K8sObject;
  namespace?: string;
  /** The `spec.selector` map; absent for Services without one (endpoints managed by hand). */
  node?: YAMLMap;
  /** The `selector` key, where findings about it go. */
  key?: { start: number; end: number };
  selector: Record<string, string>;
  known: boolean;
}

/** Pod templates of the core workloads, and of custom resources that carry one (`spec.template` with containers). */
export function podLabelSets(uri: string, model: KubernetesModel): PodLabelSet[] {
  const out: PodLabelSet[] = [];
  for (const object of model.objects) {
    let metadata: YAMLMap | undefined;
    let holder: YAMLMap | undefined;
    if (object.podTemplate) {
      metadata = object.podTemplate.metadata;
      holder = object.kind === 'Pod' ? object.node : undefined;
    } else {
      const template = getMap(object.node, 'spec', 'template');
      if (getNode(getMap(template, 'spec'), 'containers') === undefined) continue;
      metadata = getMap(template, 'metadata');
      holder = template;
    }
    const labelsNode = getMap(metadata, 'labels');
    const labels = stringMap(labelsNode);
    const known = labelsKnown(model, metadata, labelsNode, holder) && !substituted(labels);
    out.push({ uri, ref: objectRef(model, object), namespace: object.namespace, labels, known });
  }
  return out;
}

function labelsKnown(model: KubernetesModel, metadata: YAMLMap | undefined, labels: YAMLMap | undefined, holder: YAMLMap | undefined): boolean {
  if (!model.templates.length) return true;
  if (labels) return !mayHideKeys(model, labels) && !labels.items.some((p) => isTemplatedNode(model, p.value as Node) || isTemplatedNode(model, p.key as Node));
  const labelsPair = metadata?.items.find((p) => scalarString(p.key) === 'labels');
  if (labelsPair) return false; // `labels:` followed by a directive
  if (metadata) return !mayHideKeys(model, metadata);
  return !holder || !mayHideKeys(model, holder);
}

/** Every `v1` Service of the file with its selector. ExternalName Services select nothing by design and are left out. */
export function serviceSelectors(uri: string, model: KubernetesModel): ServiceSelector[] {
  const out: ServiceSelector[] = [];
  for (const object of model.objects) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') continue;
    const spec = getMap(object.node, 'spec');
    if (scalarString(getNode(spec, 'type')) === 'ExternalName') continue;
    const selectorPair = spec?.items.find((p) => scalarString(p.key) === 'selector');
    const node = isMap(selectorPair?.value) ? selectorPair.value : undefined;
    let known: boolean;
    if (node) known = !mayHideKeys(model, node) && !node.items.some((p) => isTemplatedNode(model, p.value as Node) || isTemplatedNode(model, p.key as Node));
    // `selector:` then a directive that prints it
    else if (selectorPair) known = !valueMayBeHidden(model, selectorPair);
    else known = !(spec && mayHideKeys(model, spec));
    const keyNode = selectorPair?.key as Node | undefined;
    const key = keyNode?.range ? { start: keyNode.range[0], end: keyNode.range[1] } : undefined;
    const selector = stringMap(node);
    out.push({ uri, model, object, namespace: object.namespace, node, key, selector, known: known && !substituted(selector) });
  }
  return out;
}

/** Label keys and values cannot hold `$` or braces: such text is a placeholder (envsubst, a template) filled in later. */
function substituted(labels: Record<string, string>): boolean {
  return Object.entries(labels).some(([k, v]) => /[${}]/.test(k) || /[${}]/.test(v));
}

/** Every selector entry is among the labels (an empty selector selects nothing: Kubernetes leaves its endpoints alone). */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** An object without a namespace lands in whichever namespace it is applied to: it may be the other's. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function stringMap(map: YAMLMap | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of map?.items ?? []) {
    const k = scalarString(pair.key);
    const v = scalarString(pair.value);
    if (k !== undefined && v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Services by the first entry of their selector (`app=web`): the services that may select a set of labels are
 * among those filed under one of its pairs, so matching every pod template against every Service (quadratic in
 * a large workspace or file) becomes a lookup per label.
 */
export class ServiceIndex {
  private readonly byFirstPair = new Map<string, Pick<ServiceSelector, 'namespace' | 'selector' | 'known'>[]>();

  constructor(services: readonly Pick<ServiceSelector, 'namespace' | 'selector' | 'known'>[]) {
    for (const s of services) {
      const first = Object.entries(s.selector)[0];
      if (!s.known || !first) continue;
      const key = pairKey(first[0], first[1]);
      const list = this.byFirstPair.get(key);
      if (list) list.push(s);
      else this.byFirstPair.set(key, [s]);
    }
  }

  /** Whether a known Service of a compatible namespace selects these labels. */
  selectsAny(labels: Record<string, string>, namespace: string | undefined): boolean {
    for (const [k, v] of Object.entries(labels)) {
      for (const s of this.byFirstPair.get(pairKey(k, v)) ?? []) if (sameNamespace(s.namespace, namespace) && selects(s.selector, labels)) return true;
    }
    return false;
  }
}

/** Pod label sets by label pair and by namespace, for the Service rules' per-Service questions. */
export class PodIndex {
  private readonly byPair = new Map<string, PodLabelSet[]>();
  private readonly byKey = new Map<string, PodLabelSet[]>();
  /** Namespaces with a pod template, and whether one has none (it may be applied to any). */
  private readonly namespaces = new Set<string>();
  private readonly unknownIn = new Set<string>();
  private anyWithoutNamespace = false;
  private unknownWithoutNamespace = false;
  readonly size: number;

  constructor(pods: readonly PodLabelSet[]) {
    this.size = pods.length;
    for (const p of pods) {
      if (p.namespace === undefined) this.anyWithoutNamespace = true;
      else this.namespaces.add(p.namespace);
      if (!p.known) {
        if (p.namespace === undefined) this.unknownWithoutNamespace = true;
        else this.unknownIn.add(p.namespace);
      }
      for (const [k, v] of Object.entries(p.labels)) {
        push(this.byPair, pairKey(k, v), p);
        push(this.byKey, k, p);
      }
    }
  }

  /** Whether the workspace defines pod templates where a Service of this namespace looks (see service-selects-pods). */
  definesNamespace(namespace: string | undefined): boolean {
    return namespace === undefined ? this.size > 0 : this.namespaces.has(namespace);
  }

  /** Whether a pod template of a compatible namespace matches the selector, or may (its labels are templated). */
  maySelect(selector: Record<string, string>, namespace: string | undefined): boolean {
    if (this.unknownWithoutNamespace || (namespace === undefined ? this.unknownIn.size > 0 : this.unknownIn.has(namespace))) return true;
    const first = Object.entries(selector)[0];
    if (!first) return false;
    return (this.byPair.get(pairKey(first[0], first[1])) ?? []).some((p) => sameNamespace(namespace, p.namespace) && selects(selector, p.labels));
  }

  /** Pod templates of a compatible namespace that carry one of these label keys, among the first `limit` examined. */
  withKeys(keys: readonly string[], namespace: string | undefined, limit: number): PodLabelSet[] {
    const out = new Set<PodLabelSet>();
    let examined = 0;
    for (const k of keys) {
      for (const p of this.byKey.get(k) ?? []) {
        if (examined++ >= limit) return [...out];
        if (sameNamespace(namespace, p.namespace)) out.add(p);
      }
    }
    return [...out];
  }
}

function pairKey(k: string, v: string): string {
  return `${k}\u0000${v}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
