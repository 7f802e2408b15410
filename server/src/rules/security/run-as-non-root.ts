import { isScalar, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { getMap, getNode, getString, type K8sContainer, type KubernetesModel } from '../../parse/kubernetes';
import { insertPath, replaceScalar } from '../../parse/yaml-edit';
import { styleOf } from '../../parse/yaml-edit-pairs';
import { containerMayHideKeys, mayHideKeys, valueMayBeHidden } from '../shared/helm-hidden';
import { containerRef } from '../shared/k8s-names';
import { deref, editablePath, lookupMap, lookupPair } from '../shared/yaml-lookup';
import { isKustomizePatch } from '../shared/kustomize-patch';

type Setting = { level: 'container' | 'pod'; node: Scalar; value: unknown } | 'unknown' | undefined;

/** A securityContext key of one level: its scalar, `unknown` when a Helm directive may set it, else undefined. */
function settingOf(model: KubernetesModel, doc: Document, context: YAMLMap | undefined, key: string, level: 'container' | 'pod'): Setting {
  const pair = lookupPair(doc, context, key) as Pair<Scalar, Node> | undefined;
  if (!pair) return context && mayHideKeys(model, context) ? 'unknown' : undefined;
  if (valueMayBeHidden(model, pair)) return 'unknown';
  const node = deref(doc, pair.value);
  if (!node || (isScalar(node) && node.value === null)) return undefined; // `runAsNonRoot:` sets nothing
  if (!isScalar(node)) return 'unknown';
  return { level, node, value: node.value };
}

/** The pod's securityContext map, or `unknown` when a directive may print it. */
function podContext(model: KubernetesModel, doc: Document, spec: YAMLMap): YAMLMap | 'unknown' | undefined {
  const pair = lookupPair(doc, spec, 'securityContext');
  if (!pair) return mayHideKeys(model, spec) ? 'unknown' : undefined;
  if (valueMayBeHidden(model, pair)) return 'unknown';
  return lookupMap(doc, spec, 'securityContext');
}

/** Container settings win over the pod's, as the kubelet resolves them. */
function effective(container: Setting, pod: Setting): Setting {
  return container ?? pod;
}

function isRootUser(s: Setting): s is Exclude<Setting, 'unknown' | undefined> {
  return typeof s === 'object' && Number(s.value) === 0;
}

function fixFor(text: string, c: K8sContainer, nonRoot: Setting, user: Setting): FixProposal | undefined {
  // runAsNonRoot: true next to an explicit uid 0 keeps the pod from starting
  if (isRootUser(user)) return undefined;
  const title = 'Set securityContext.runAsNonRoot: true';
  if (typeof nonRoot === 'object' && nonRoot.level === 'container') {
    const node = nonRoot.node;
    // only the container's own text: a value shared through an anchor would change for every user
    if (getNode(getMap(c.node, 'securityContext'), 'runAsNonRoot') !== node) return undefined;
    return { title, kind: 'suggestion', edits: () => [replaceScalar(text, node, true)] };
  }
  const path = ['securityContext', 'runAsNonRoot'];
  if (!editablePath(c.template.object.document.yaml, c.node, path)) return undefined;
  return { title, kind: 'suggestion', edits: () => [insertPath(text, c.node, path, true, styleOf(text))] };
}

export default defineRule({
  meta: {
    id: 'run-as-non-root',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'security',
    description: 'Neither the pod nor the container securityContext sets runAsNonRoot: true or a non-zero runAsUser.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    if (isKustomizePatch(context)) return;
    const model = context.file;
    if (model.kind !== 'kubernetes') return;
    const text = model.source.text;
    for (const container of context.containers()) {
      const k8s = container.k8s;
      if (!k8s || containerMayHideKeys(model, k8s)) continue;
      const spec = k8s.template.spec;
      // Windows containers run as a Windows user name; runAsNonRoot/runAsUser do not describe them
      if (getString(spec, 'os', 'name') === 'windows') continue;
      const doc = k8s.template.object.document.yaml;
      const own = lookupMap(doc, k8s.node, 'securityContext');
      const pod = podContext(model, doc, spec);
      const podSetting = (key: string): Setting => (pod === 'unknown' ? 'unknown' : settingOf(model, doc, pod, key, 'pod'));
      const nonRoot = effective(settingOf(model, doc, own, 'runAsNonRoot', 'container'), podSetting('runAsNonRoot'));
      const user = effective(settingOf(model, doc, own, 'runAsUser', 'container'), podSetting('runAsUser'));
      if (typeof nonRoot === 'object' && nonRoot.value === true) continue;
      if (typeof user === 'object' && Number.isInteger(Number(user.value)) && Number(user.value) > 0) continue;
      if (nonRoot === 'unknown' || user === 'unknown') continue;
      const label = containerRef(model, k8s);
      let where = container.anchor;
      let message = `${label} may run as root: neither it nor its pod sets securityContext.runAsNonRoot: true or a non-zero runAsUser, so a process that breaks out of the app is root on the node's kernel. Set runAsNonRoot: true (and a numeric USER in the image).`;
      if (isRootUser(user)) {
        if (user.level === 'container') where = span(user.node);
        message = `${label} runs as root (runAsUser: 0${user.level === 'pod' ? ' on the pod' : ''}): a process that breaks out of the app is root on the node's kernel. Run it as a non-zero uid and set runAsNonRoot: true.`;
      } else if (typeof nonRoot === 'object') {
        if (nonRoot.level === 'container') where = span(nonRoot.node);
        message = `${label} allows running as root (runAsNonRoot: ${String(nonRoot.value)}${nonRoot.level === 'pod' ? ' on the pod' : ''}) and sets no non-zero runAsUser: a process that breaks out of the app is root on the node's kernel. Set runAsNonRoot: true.`;
      }
      const fix = fixFor(text, k8s, nonRoot, user);
      context.report({ ...where, message, fixes: fix ? [fix] : [] });
    }
  },
});

function span(node: Scalar): { start: number; end: number } {
  const r = node.range!;
  return { start: r[0], end: r[1] };
}
