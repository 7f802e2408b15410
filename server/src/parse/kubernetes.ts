// Kubernetes YAML: every document of a file, the objects (apiVersion + kind), their pod templates and containers.
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SourceText } from './source';
import { cutDeepNesting, MAX_YAML_DEPTH } from './yaml-depth';
import { parseYamlStream } from './yaml-stream';

export interface KubernetesModel {
  kind: 'kubernetes';
  source: SourceText;
  documents: KubernetesDocument[];
  objects: K8sObject[];
  /** Offsets of Helm/Go template directives (`{{ … }}`), masked before parsing. */
  templates: { start: number; end: number }[];
}

export interface KubernetesDocument {
  index: number;
  yaml: Document.Parsed;
  object?: K8sObject;
  /** YAML syntax errors in this document. */
  errors: { message: string; start: number; end: number }[];
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  node: YAMLMap;
  document: KubernetesDocument;
  metadata?: YAMLMap;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  /** The pod template of a workload (Pod: the object itself). */
  podTemplate?: PodTemplate;
}

/** Kinds whose pods run forever: they need probes. Job and CronJob pods run to completion. */
export const LONG_RUNNING_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'PodTemplate']);

export const WORKLOAD_KINDS = new Set([...LONG_RUNNING_KINDS, 'Job', 'CronJob']);

export interface PodTemplate {
  object: K8sObject;
  /** The pod spec map. */
  spec: YAMLMap;
  /** The pod template's metadata (Pod: the object's metadata). */
  metadata?: YAMLMap;
  labels: Record<string, string>;
  longRunning: boolean;
  containers: K8sContainer[];
  /** All containers: app containers, init containers and native sidecars. */
  allContainers: K8sContainer[];
  /** Volume names declared by the pod. */
  volumes: { name: string; node: YAMLMap }[];
}

export interface K8sContainer {
  node: YAMLMap;
  /** `containers`, plain `initContainers`, or native sidecars (`initContainers` with `restartPolicy: Always`). */
  role: 'container' | 'init' | 'sidecar';
  name?: string;
  nameNode?: Scalar;
  /** The sequence item's start (`- ` excluded): where findings about a nameless container go. */
  start: number;
  end: number;
  image?: Scalar;
  ports: { name?: string; containerPort?: number; node: YAMLMap }[];
  volumeMounts: { name: string; mountPath: string }[];
  template: PodTemplate;
  /** True when a template directive sits inside the container: its content is not fully known. */
  templated: boolean;
}

const TEMPLATE = /\{\{[\s\S]*?\}\}/g;

/** Helm templates: directives are masked with same-length filler so that offsets stay exact. */
function maskTemplates(text: string): { masked: string; templates: { start: number; end: number }[] } {
  if (!text.includes('{{')) return { masked: text, templates: [] };
  const templates: { start: number; end: number }[] = [];
  let previousEnd = 0;
  const masked = text.replace(TEMPLATE, (m: string, offset: number) => {
    const end = offset + m.length;
    templates.push({ start: offset, end });
    // a directive alone on its line (`{{- if … }}`) vanishes; one inside a value becomes a plain word. Only the
    // blanks next to it are read (not its whole line), so a long line of directives stays linear.
    let b = offset - 1;
    while (b >= previousEnd && (text[b] === ' ' || text[b] === '\t')) b--;
    // stopped at the line's start, or at a character: the previous directive's last one when only blanks lie between
    const aloneBefore = b < 0 || text[b] === '\n' || text[b] === '\r';
    let a = end;
    while (a < text.length && (text[a] === ' ' || text[a] === '\t' || (text[a] === '\r' && text[a + 1] === '\n'))) a++;
    const aloneAfter = a >= text.length || text[a] === '\n' || text.startsWith('{{', a);
    previousEnd = end;
    return m.replace(/[^\r\n]/g, aloneBefore && aloneAfter ? ' ' : 'x');
  });
  return { masked, templates };
}

/** yaml makes an Error per syntax error, one per line of a broken file: their stack traces cost more than the parse. */
function parseYaml(text: string, uri?: string) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // by `---` section, reusing the sections of the last parse of this uri that the edit did not touch
    return parseYamlStream(text, { uniqueKeys: false, strict: false, prettyErrors: false }, uri);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// the last file parsed: the fixes of a lint measure its style from the same documents instead of parsing it again
let lastParsed: { text: string; docs: ReturnType<typeof parseYaml> } | undefined;

/** The YAML documents of a text, Helm directives masked as for a lint, for reading only (they may be the lint's own). */
export function yamlDocuments(text: string): ReturnType<typeof parseYaml> {
  const masked = cutDeepNesting(maskTemplates(text).masked).text;
  if (lastParsed?.text !== masked) lastParsed = { text: masked, docs: parseYaml(masked) };
  return lastParsed.docs;
}

export function parseKubernetes(source: SourceText): KubernetesModel {
  const templated = maskTemplates(source.text);
  // what lies too deep for the parser's recursion is blanked out (offsets kept) and reported as an error there
  const { text: masked, cuts } = cutDeepNesting(templated.masked);
  const templates = templated.templates;
  const docs = parseYaml(masked, source.uri);
  lastParsed = { text: masked, docs };
  const list = Array.isArray(docs) ? docs : [];
  const model: KubernetesModel = { kind: 'kubernetes', source, documents: [], objects: [], templates };
  let nextCut = 0;
  list.forEach((yaml, index) => {
    const errors: KubernetesDocument['errors'] = [];
    const end = index + 1 < list.length ? list[index + 1].range[0] : Infinity;
    for (; nextCut < cuts.length && cuts[nextCut].start < end; nextCut++) {
      errors.push({ message: `YAML nested deeper than ${MAX_YAML_DEPTH} levels: Herd did not read below this point`, start: cuts[nextCut].start, end: cuts[nextCut].start + 1 });
    }
    for (const e of yaml.errors) errors.push({ message: e.message, start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) });
    errors.sort((a, b) => a.start - b.start);
    const doc: KubernetesDocument = { index, yaml, errors };
    model.documents.push(doc);
    resolveAliases(yaml);
    const object = objectOf(yaml.contents, doc, model);
    if (object) {
      doc.object = object;
      model.objects.push(object);
      // `kind: List` (what `kubectl get -o yaml` prints): its items are the objects
      if (/^(?:\w+)?List$/.test(object.kind) && object.apiVersion === 'v1') {
        for (const item of getSeq(object.node, 'items')?.items ?? []) {
          const inner = objectOf(resolved(item), doc, model);
          if (inner) model.objects.push(inner);
        }
      }
    }
  });
  return model;
}

/** Each alias of a parsed document and the node it names: filled once per parse, read in O(1). */
const aliasTargets = new WeakMap<Alias, Node>();

/**
 * One pre-order walk of a document in source order: an alias names the last node anchored before it. Aliases
 * are looked up, never expanded, so an alias bomb costs one visit per node written in the file.
 */
export function resolveAliases(doc: Document.Parsed): void {
  const anchors = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) aliasTargets.set(node, target);
      continue;
    }
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
}

/** A node with its alias followed (a few hops, in case an alias names an alias), else the node itself. */
export function resolved(node: unknown): Node | undefined {
  let cur = node;
  for (let i = 0; i < 8 && isAlias(cur); i++) cur = aliasTargets.get(cur);
  return isAlias(cur) ? undefined : ((cur ?? undefined) as Node | undefined);
}

/** Whether an alias of a parsed document was resolved by the table (else yaml's own resolve applies). */
export function aliasTarget(alias: Alias): Node | undefined {
  return aliasTargets.get(alias);
}

/** True when the text of a YAML file holds at least one Kubernetes object (apiVersion + kind at top level). */
export function looksLikeKubernetes(text: string): boolean {
  // a byte order mark would hide the first line's `apiVersion:` from the line-start patterns
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/^["']?apiVersion["']?\s*:/m.test(text) && /^["']?kind["']?\s*:/m.test(text)) return true;
  // a flow-style document: `{apiVersion: v1, kind: Pod, …}` or its JSON spelling
  const starts = [0];
  const separator = /^---[^\n]*\n/gm;
  for (let m = separator.exec(text); m && starts.length < 1000; m = separator.exec(text)) starts.push(m.index + m[0].length);
  return starts.some((start) => {
    const head = /^(?:\s|#[^\n]*)*/.exec(text.slice(start, start + 4096))?.[0].length ?? 0;
    if (text[start + head] !== '{') return false;
    const window = text.slice(start + head, start + head + 4096);
    return /["']?apiVersion["']?\s*:/.test(window) && /["']?kind["']?\s*:/.test(window);
  });
}

/** Aliases a node may expand to as plain data: a "billion laughs" document would otherwise fill the memory. */
export const MAX_ALIAS_EXPANSIONS = 100;

/** A node as plain data, or undefined when its aliases expand too far or dangle (yaml throws a ReferenceError). */
export function plainValue(node: Node, doc: Document): unknown {
  try {
    return node.toJS(doc, { maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    if (error instanceof ReferenceError) return undefined;
    throw error;
  }
}

export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return v === null || v === undefined ? undefined : String(v);
}

/** The value of `key`: the map's own, else from a map merged in with `<<` (YAML 1.1, honoured by kubectl); aliases followed. */
export function getNode(map: YAMLMap | undefined, key: string): Node | undefined {
  const pair = mergedPair(map, key, 0);
  return pair ? resolved(pair.value) : undefined;
}

/** Whether `key` is set on the map, by its own pair or through a merge key. */
export function hasKey(map: YAMLMap | undefined, key: string): boolean {
  return mergedPair(map, key, 0) !== undefined;
}

function mergedPair(map: YAMLMap | undefined, key: string, depth: number): Pair | undefined {
  if (!map || depth > 8) return undefined;
  let merges = false;
  for (const pair of map.items) {
    const k = scalarString(pair.key);
    if (k === key) return pair;
    if (k === '<<') merges = true;
  }
  if (!merges) return undefined;
  for (const pair of map.items) {
    if (scalarString(pair.key) !== '<<') continue;
    const value = resolved(pair.value);
    for (const source of isSeq(value) ? value.items : [value]) {
      const merged = resolved(source);
      const found = isMap(merged) ? mergedPair(merged, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

export function getPair(map: YAMLMap | undefined, key: string): Pair<Scalar, Node> | undefined {
  if (!map) return undefined;
  return map.items.find((p) => scalarString(p.key) === key) as Pair<Scalar, Node> | undefined;
}

export function getMap(map: YAMLMap | undefined, ...path: string[]): YAMLMap | undefined {
  let cur: YAMLMap | undefined = map;
  for (const key of path) {
    const next = getNode(cur, key);
    cur = isMap(next) ? next : undefined;
  }
  return cur;
}

export function getSeq(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  const n = getNode(map, key);
  return isSeq(n) ? n : undefined;
}

export function getString(map: YAMLMap | undefined, ...path: string[]): string | undefined {
  const parent = getMap(map, ...path.slice(0, -1));
  return scalarString(getNode(parent, path[path.length - 1]));
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

/** Where each kind keeps its pod spec. */
function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return [];
    case 'PodTemplate':
      return ['template'];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
      return ['spec', 'template'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template'];
    default:
      return undefined;
  }
}

function objectOf(root: unknown, doc: KubernetesDocument, model: KubernetesModel): K8sObject | undefined {
  if (!isMap(root)) return undefined;
  const apiVersion = scalarString(getNode(root, 'apiVersion'));
  const kind = scalarString(getNode(root, 'kind'));
  if (!apiVersion || !kind) return undefined;
  const metadata = getMap(root, 'metadata');
  const object: K8sObject = {
    apiVersion,
    kind,
    name: scalarString(getNode(metadata, 'name')),
    namespace: scalarString(getNode(metadata, 'namespace')),
    node: root,
    document: doc,
    metadata,
    annotations: stringMap(getMap(metadata, 'annotations')),
    labels: stringMap(getMap(metadata, 'labels')),
  };
  // workload kinds only in the core API groups: a CRD that reuses a name (e.g. Argo's Workflow) is not one
  const path = podSpecPath(kind);
  if (path && isCoreWorkloadApi(apiVersion)) {
    const templateHolder = path.length ? getMap(root, ...path) : root;
    const spec = getMap(templateHolder, 'spec');
    if (templateHolder && spec) object.podTemplate = podTemplateOf(object, templateHolder, spec, model);
  }
  return object;
}

function isCoreWorkloadApi(apiVersion: string): boolean {
  return apiVersion === 'v1' || /^(apps|batch|extensions)\/v\d/.test(apiVersion);
}

function podTemplateOf(object: K8sObject, holder: YAMLMap, spec: YAMLMap, model: KubernetesModel): PodTemplate {
  const metadata = object.kind === 'Pod' ? object.metadata : getMap(holder, 'metadata');
  const template: PodTemplate = {
    object,
    spec,
    metadata,
    labels: stringMap(getMap(metadata, 'labels')),
    longRunning: LONG_RUNNING_KINDS.has(object.kind),
    containers: [],
    allContainers: [],
    volumes: [],
  };
  for (const entry of getSeq(spec, 'volumes')?.items ?? []) {
    const item = resolved(entry);
    const name = isMap(item) ? scalarString(getNode(item, 'name')) : undefined;
    if (name && isMap(item)) template.volumes.push({ name, node: item });
  }
  const add = (key: string) => {
    for (const entry of getSeq(spec, key)?.items ?? []) {
      // `- *app`: a container written once under an anchor
      const item = resolved(entry);
      if (!isMap(item)) continue;
      const restart = scalarString(getNode(item, 'restartPolicy'));
      const role = key === 'containers' ? 'container' : restart === 'Always' ? 'sidecar' : 'init';
      const c = containerOf(item, role, template, model);
      template.allContainers.push(c);
      if (role === 'container') template.containers.push(c);
    }
  };
  add('containers');
  add('initContainers');
  return template;
}

function containerOf(node: YAMLMap, role: K8sContainer['role'], template: PodTemplate, model: KubernetesModel): K8sContainer {
  const nameNode = getNode(node, 'name');
  const image = getNode(node, 'image');
  const [start, , end] = node.range ?? [0, 0, 0];
  const ports: K8sContainer['ports'] = [];
  for (const entry of getSeq(node, 'ports')?.items ?? []) {
    const p = resolved(entry);
    if (!isMap(p)) continue;
    const cp = Number(scalarString(getNode(p, 'containerPort')));
    ports.push({ name: scalarString(getNode(p, 'name')), containerPort: Number.isFinite(cp) ? cp : undefined, node: p });
  }
  const volumeMounts: K8sContainer['volumeMounts'] = [];
  for (const entry of getSeq(node, 'volumeMounts')?.items ?? []) {
    const m = resolved(entry);
    if (!isMap(m)) continue;
    const name = scalarString(getNode(m, 'name'));
    const mountPath = scalarString(getNode(m, 'mountPath'));
    if (name && mountPath) volumeMounts.push({ name, mountPath });
  }
  return {
    node,
    role,
    name: scalarString(nameNode),
    nameNode: isScalar(nameNode) ? nameNode : undefined,
    start,
    end,
    image: isScalar(image) ? image : undefined,
    ports,
    volumeMounts,
    template,
    templated: isTemplated(model, start, end),
  };
}

/** Whether a Helm directive overlaps [start, end). */
export function isTemplated(model: KubernetesModel, start: number, end: number): boolean {
  return model.templates.some((t) => t.start < end && t.end > start);
}

/** Where findings about a container go: its name's value, else the start of its map. */
export function containerAnchor(c: K8sContainer): { start: number; end: number } {
  const r = c.nameNode?.range;
  return r ? { start: r[0], end: r[1] } : { start: c.start, end: c.start + 1 };
}

export function nodeSpan(node: Node | undefined | null): { start: number; end: number } | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}
