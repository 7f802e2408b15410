import { isScalar, type Document, type YAMLMap } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { getString, type K8sContainer, type KubernetesModel } from '../../parse/kubernetes';
import { insertPath } from '../../parse/yaml-edit';
import { styleOf } from '../../parse/yaml-edit-pairs';
import { containerMayHideKeys, mayHideKeys, valueMayBeHidden } from '../shared/helm-hidden';
import { insertAfter, insertBefore } from '../shared/instruction-lines';
import { containerRef } from '../shared/k8s-names';
import { deref, editablePath, lookupMap, lookupPair } from '../shared/yaml-lookup';
import { containerImage, linkedImages, linkedTo, shown, type LinkedImage } from './linked-images';

/** The uid a new numeric USER gets (the same as non-root-user's suggestion). */
const NEW_UID = 10001;

type Setting = { value: unknown } | 'unknown' | undefined;

/** A securityContext key: its value, `unknown` when a Helm directive may set it, undefined when absent. */
function settingOf(model: KubernetesModel, doc: Document, context: YAMLMap | 'unknown' | undefined, key: string): Setting {
  if (context === 'unknown') return 'unknown';
  const pair = lookupPair(doc, context, key);
  if (!pair) return context && mayHideKeys(model, context) ? 'unknown' : undefined;
  if (valueMayBeHidden(model, pair)) return 'unknown';
  const node = deref(doc, pair.value);
  if (!node || (isScalar(node) && node.value === null)) return undefined;
  return isScalar(node) ? { value: node.value } : 'unknown';
}

function podContext(model: KubernetesModel, doc: Document, spec: YAMLMap): YAMLMap | 'unknown' | undefined {
  const pair = lookupPair(doc, spec, 'securityContext');
  if (!pair) return mayHideKeys(model, spec) ? 'unknown' : undefined;
  if (valueMayBeHidden(model, pair)) return 'unknown';
  return lookupMap(doc, spec, 'securityContext');
}

/** What the kubelet objects to in the image's user, if anything. */
function problemOf(link: LinkedImage): 'root' | 'name' | undefined {
  const user = link.facts.user;
  if (user.root === true) return 'root';
  if (user.root === false && user.name !== undefined) return 'name';
  return undefined;
}

/** "USER root", "no USER (base `python:3.12`)". */
function userText(link: LinkedImage): string {
  const { user, base } = link.facts;
  if (user.text !== undefined) return `USER \`${user.text}\``;
  if (user.name !== undefined && base) return `the user \`${user.name}\` of its base \`${base.text}\``;
  return base ? `no USER, and its base \`${base.text}\` runs as root` : 'no USER';
}

function runAsUserFix(model: KubernetesModel, c: K8sContainer, uid: number, link: LinkedImage): FixProposal | undefined {
  const path = ['securityContext', 'runAsUser'];
  if (!editablePath(c.template.object.document.yaml, c.node, path)) return undefined;
  const text = model.source.text;
  return { title: `Set runAsUser: ${uid} (the uid of \`${link.facts.user.name}\` in ${link.path})`, kind: 'suggestion', edits: () => [insertPath(text, c.node, path, uid, styleOf(text))] };
}

/** A numeric USER in the Dockerfile: the root USER replaced, or one added before the start command. */
function numericUserFix(link: LinkedImage): FixProposal | undefined {
  const { model, facts } = link;
  const final = model.finalStage;
  if (!final) return undefined;
  const title = `Run the image as USER ${NEW_UID} (in ${link.path})`;
  const span = facts.user.span;
  if (span) return { title, kind: 'suggestion', uri: link.uri, edits: () => [{ ...span, newText: String(NEW_UID) }] };
  const own = final.instructions;
  const start = own.find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
  const line = [`USER ${NEW_UID}`];
  return { title, kind: 'suggestion', uri: link.uri, edits: () => [start ? insertBefore(model, start, line) : insertAfter(model, own[own.length - 1] ?? final.from, line)] };
}

export default defineRule({
  meta: {
    id: 'image-user-verifiable',
    languages: ['kubernetes'],
    defaultSeverity: 'error',
    category: 'workspace',
    description: 'runAsNonRoot: true without runAsUser, on an image whose Dockerfile runs as root or as a named user: the kubelet refuses to start it.',
    fixes: ['suggestion'],
    workspace: true,
    // per container: the document and the workspace's answers about its image (recorded, checked on reuse)
    scope: 'document',
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'kubernetes' || !context.workspace) return;
    for (const container of context.containers()) {
      const c = container.k8s;
      const image = c && containerImage(model, c);
      if (!c || !image || containerMayHideKeys(model, c)) continue;
      const spec = c.template.spec;
      if (getString(spec, 'os', 'name') === 'windows') continue;
      const doc = c.template.object.document.yaml;
      const own = lookupMap(doc, c.node, 'securityContext');
      const pod = podContext(model, doc, spec);
      const nonRoot = settingOf(model, doc, own, 'runAsNonRoot') ?? settingOf(model, doc, pod, 'runAsNonRoot');
      const user = settingOf(model, doc, own, 'runAsUser') ?? settingOf(model, doc, pod, 'runAsUser');
      if (typeof nonRoot !== 'object' || nonRoot.value !== true || user !== undefined) continue;
      const links = linkedImages(context.workspace, image.text, model.source.uri);
      const problems = links.map(problemOf);
      // several Dockerfiles build this image (profiles, variants): only when every one would be refused
      if (!links.length || problems.some((p) => p !== problems[0]) || !problems[0]) continue;
      const link = links[0];
      const who = containerRef(model, c);
      const from = `its image (${linkedTo(link)})`;
      let message: string;
      const fixes: FixProposal[] = [];
      if (problems[0] === 'name') {
        message = `${who} sets runAsNonRoot: true without runAsUser, and ${from} runs as ${userText(link)}, a name: the kubelet cannot check that a name is not root and refuses to start the container (CreateContainerConfigError). Set runAsUser to the user's uid, or use a numeric USER in the Dockerfile.`;
        const uid = link.facts.user.uid;
        const fix = uid !== undefined && links.length === 1 ? runAsUserFix(model, c, uid, link) : undefined;
        if (fix) fixes.push(fix);
      } else {
        message = `${who} sets runAsNonRoot: true, but ${from} runs as root (${userText(link)}): the kubelet refuses to start the container (CreateContainerConfigError). Give the image a numeric non-root USER.`;
        const fix = links.length === 1 ? numericUserFix(link) : undefined;
        if (fix) fixes.push(fix);
      }
      context.report({ start: image.start, end: image.end, message, fixes });
    }
  },
});
