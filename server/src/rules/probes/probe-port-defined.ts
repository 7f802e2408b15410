import { isScalar, type Scalar } from 'yaml';
import { defineRule } from '../../engine/rule';
import { getMap, getNode, getString, scalarString } from '../../parse/kubernetes';
import { replaceScalar } from '../../parse/yaml-edit';
import { containerMayHideKeys, isTemplatedNode } from '../shared/helm-hidden';
import { containerRef } from '../shared/k8s-names';
import { lookup, lookupMap } from '../shared/yaml-lookup';
import { isKustomizePatch } from '../shared/kustomize-patch';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'];

export default defineRule({
  meta: {
    id: 'probe-port-defined',
    languages: ['kubernetes'],
    defaultSeverity: 'error',
    category: 'probes',
    description: "A probe's port is a name that the container's ports do not define.",
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
      // a templated container may declare ports we cannot see
      if (!k8s || containerMayHideKeys(model, k8s)) continue;
      const names = [...new Set(k8s.ports.map((p) => p.name).filter((n): n is string => !!n))];
      // probes connect over TCP: a name that only a UDP/SCTP port carries is no better than an unknown one
      const tcpNames = names.filter((n) => k8s.ports.some((p) => p.name === n && (getString(p.node, 'protocol') ?? 'TCP') === 'TCP'));
      const doc = k8s.template.object.document.yaml;
      for (const probeKey of PROBES) {
        for (const handler of HANDLERS) {
          const port = lookup(doc, lookupMap(doc, k8s.node, probeKey, handler), 'port');
          if (!isScalar(port) || !port.range || isTemplatedNode(model, port)) continue;
          const value = scalarString(port);
          // numbers (and numeric strings, which the kubelet also accepts) need no name
          if (value === undefined || typeof port.value !== 'string' || /^\d+$/.test(value) || tcpNames.includes(value)) continue;
          const defined = names.includes(value)
            ? `\`${value}\` is a ${getString(k8s.ports.find((p) => p.name === value)?.node, 'protocol')} port`
            : names.length
              ? `it defines ${names.map((n) => `\`${n}\``).join(', ')}`
              : 'it names no ports';
          // the fix edits this container's own text only, not a probe shared through an anchor
          const own = getNode(getMap(k8s.node, probeKey, handler), 'port') === port;
          const only = tcpNames.length === 1 && own ? tcpNames[0] : undefined;
          context.report({
            start: port.range[0],
            end: port.range[1],
            message: `The ${probeKey} port \`${value}\` is not the name of a TCP port of ${containerRef(model, k8s).replace(/^\w/, (c) => c.toLowerCase())} (${defined}): the probe can never connect, so the container is restarted or never becomes ready. Use a defined port name or the port number.`,
            fixes: only ? [{ title: `Use port name '${only}'`, kind: 'suggestion', edits: () => [replaceScalar(text, port as Scalar, only)] }] : [],
          });
        }
      }
    }
  },
});
