import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { getNode, getPair, getSeq, scalarString, type K8sObject, type KubernetesModel } from '../../parse/kubernetes';
import { appendSeqItem, insertMapPair, insertPath } from '../../parse/yaml-edit';
import { styleOf } from '../../parse/yaml-edit-pairs';
import { isTemplatedNode, valueMayBeHidden } from '../shared/helm-hidden';
import { objectRef } from '../shared/k8s-names';

/** `tls: [{hosts: [<rule hosts>], secretName: <name>-tls}]`; none when a host or the name comes from a directive. */
function tlsFix(model: KubernetesModel, object: K8sObject, spec: Node): FixProposal | undefined {
  if (!isMap(spec) || (!spec.flow && spec.items.length === 0)) return undefined;
  const nameNode = getNode(object.metadata, 'name');
  if (isTemplatedNode(model, nameNode)) return undefined;
  const hosts: string[] = [];
  for (const rule of getSeq(spec, 'rules')?.items ?? []) {
    const host = isMap(rule) ? getNode(rule, 'host') : undefined;
    if (isTemplatedNode(model, host)) return undefined;
    const h = scalarString(host);
    if (h && !hosts.includes(h)) hosts.push(h);
  }
  const entry = { ...(hosts.length && { hosts }), secretName: `${object.name ?? 'ingress'}-tls` };
  const text = model.source.text;
  const tls = getNode(spec, 'tls');
  return {
    title: `Add tls (secretName: ${entry.secretName})`,
    kind: 'suggestion',
    edits: () => {
      if (isSeq(tls)) return [appendSeqItem(text, tls, entry, styleOf(text))];
      return [tls === undefined ? insertMapPair(text, spec, 'tls', [entry], styleOf(text)) : insertPath(text, spec, ['tls'], [entry], styleOf(text))];
    },
  };
}

/** `tls:` or `tls: []` protects nothing. */
function isEmptyTls(pair: Pair): boolean {
  const v = pair.value;
  return v === null || (isScalar(v) && v.value === null) || (isSeq(v) && v.flow === true && v.items.length === 0);
}

const INGRESS_API = /^(?:networking\.k8s\.io|extensions)\//;

export default defineRule({
  meta: {
    id: 'ingress-tls',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'security',
    description: 'An Ingress without tls serves its hosts over plain HTTP.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'kubernetes') return;
    for (const object of model.objects) {
      if (object.kind !== 'Ingress' || !INGRESS_API.test(object.apiVersion)) continue;
      const specPair = getPair(object.node, 'spec');
      const spec = specPair?.value;
      if (!specPair || !isMap(spec) || valueMayBeHidden(model, specPair)) continue;
      const tlsPair = getPair(spec, 'tls');
      if (tlsPair && (!isEmptyTls(tlsPair) || valueMayBeHidden(model, tlsPair))) continue;
      // a missing tls is reported on the `spec` key, an empty one on its own key
      const key = (tlsPair ?? specPair).key as Node;
      if (!key.range) continue;
      const fix = tlsFix(model, object, spec);
      context.report({
        start: key.range[0],
        end: key.range[1],
        message: `${objectRef(model, object)} has no tls section: its hosts are served over plain HTTP, so credentials and cookies cross the network in clear text. Add spec.tls with the hosts and a certificate Secret (cert-manager can issue it).`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
