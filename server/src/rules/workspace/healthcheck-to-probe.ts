import { healthcheckFact } from '../../engine/dockerfile-facts';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { DeployedContainer } from '../../engine/workspace';
import { insertMapPair } from '../../parse/yaml-edit';
import { styleOf } from '../../parse/yaml-edit-pairs';
import { containerMayHideKeys } from '../shared/helm-hidden';
import { containerRef, objectRef } from '../shared/k8s-names';
import { hasMergeKey, lookupPair } from '../shared/yaml-lookup';
import { probeOf, probeSummary, type Probe } from './healthcheck-probe';

/** App containers and native sidecars of long-running workloads: the ones a livenessProbe restarts. */
function needsProbe(d: DeployedContainer): boolean {
  const c = d.container;
  if (!c.template.longRunning || c.role === 'init' || containerMayHideKeys(d.model, c)) return false;
  return !lookupPair(c.template.object.document.yaml, c.node, 'livenessProbe');
}

/** "container `web`", or "a container of Deployment `web`" when it has no name. */
function containerName(d: DeployedContainer): string {
  const ref = containerRef(d.model, d.container);
  return ref.startsWith('Container ') ? `container ${ref.slice('Container '.length)}` : `a container of ${objectRef(d.model, d.container.template.object)}`;
}

function probeFix(d: DeployedContainer, probe: Probe, where: string): FixProposal | undefined {
  const node = d.container.node;
  // an anchored or merged container map is shared text: adding a key there changes other containers too
  if (node.anchor || hasMergeKey(node)) return undefined;
  const text = d.model.source.text;
  return {
    title: `Add livenessProbe (${probeSummary(probe)}) to ${containerName(d)} in ${where}`,
    kind: 'suggestion',
    uri: d.uri,
    edits: () => [insertMapPair(text, node, 'livenessProbe', probe, styleOf(text))],
  };
}

export default defineRule({
  meta: {
    id: 'healthcheck-to-probe',
    languages: ['dockerfile'],
    defaultSeverity: 'info',
    category: 'workspace',
    description: 'A HEALTHCHECK in an image whose manifest containers have no livenessProbe: Kubernetes ignores HEALTHCHECK.',
    fixes: ['suggestion'],
    workspace: true,
  },
  check(context) {
    const model = context.file;
    const view = context.workspace;
    if (model.kind !== 'dockerfile' || !view?.containersDeploying) return;
    const check = healthcheckFact(model);
    if (!check) return;
    const lacking = view.containersDeploying(model.source.uri).filter(needsProbe);
    if (!lacking.length) return;
    const pathOf = (uri: string) => view.displayPath?.(uri) ?? uri;
    const how = { skaffold: 'by skaffold.yaml', compose: 'by a compose file', folder: 'by folder name' } as const;
    // the link decides the finding: a guess by folder name is named as such
    const names = lacking.map((d) => `${containerName(d)} (${pathOf(d.uri)}${d.via ? `, linked ${how[d.via]}` : ''})`);
    const who = lacking.length === 1 ? `${names[0]}, which runs this image, has` : `${names.join(', ')}, which run this image, have`;
    const probe = probeOf(model, check);
    const fixes = probe ? lacking.map((d) => probeFix(d, probe, pathOf(d.uri))).filter((f): f is FixProposal => !!f) : [];
    context.report({
      ...check.keyword,
      message: `Kubernetes ignores HEALTHCHECK, and ${who} no livenessProbe: a hung app is never restarted. Add the equivalent livenessProbe to the manifest.`,
      fixes,
    });
  },
});
