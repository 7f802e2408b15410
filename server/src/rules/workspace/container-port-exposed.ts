import { defineRule } from '../../engine/rule';
import type { DockerfileFacts } from '../../engine/dockerfile-facts';
import { getNode, scalarString } from '../../parse/kubernetes';
import { isTemplatedNode } from '../shared/helm-hidden';
import { containerImage, linkHow, linkedImages, shown } from './linked-images';

/** Whether the image exposes the port: an EXPOSE of the Dockerfile (ranges included) or of its base image. */
function exposes(facts: DockerfileFacts, port: number, protocol: string): boolean {
  if (facts.exposed === 'unknown') return true;
  if (facts.exposed.some((e) => e.protocol === protocol && e.port <= port && port <= e.endPort)) return true;
  return protocol === 'TCP' && (facts.baseExposed ?? []).includes(port);
}

function exposedText(facts: DockerfileFacts): string {
  const own = facts.exposed === 'unknown' ? [] : facts.exposed.map((e) => `${e.port}${e.endPort !== e.port ? `-${e.endPort}` : ''}${e.protocol !== 'TCP' ? `/${e.protocol.toLowerCase()}` : ''}`);
  const all = [...own, ...(facts.baseExposed ?? []).map(String)];
  return all.length ? `it EXPOSEs ${all.join(', ')}` : 'it EXPOSEs no port';
}

export default defineRule({
  meta: {
    id: 'container-port-exposed',
    languages: ['kubernetes'],
    defaultSeverity: 'info',
    category: 'workspace',
    description: 'A containerPort that the Dockerfile of the image does not EXPOSE.',
    fixes: [],
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
      if (!c || !image || !c.ports.length) continue;
      const links = linkedImages(context.workspace, image.text, model.source.uri);
      // an EXPOSE with a variable, or a base image whose own ports are not known: nothing can be said
      if (!links.length || links.some((l) => l.facts.exposed === 'unknown' || l.facts.baseExposed === undefined)) continue;
      for (const p of c.ports) {
        const node = getNode(p.node, 'containerPort');
        const protocol = (scalarString(getNode(p.node, 'protocol')) ?? 'TCP').toUpperCase();
        if (p.containerPort === undefined || !node?.range || isTemplatedNode(model, node) || isTemplatedNode(model, getNode(p.node, 'protocol'))) continue;
        if (links.some((l) => exposes(l.facts, p.containerPort!, protocol))) continue;
        const link = links[0];
        const port = `${p.containerPort}${protocol !== 'TCP' ? `/${protocol.toLowerCase()}` : ''}`;
        context.report({
          start: node.range[0],
          end: node.range[1],
          message: `Port ${port} is not EXPOSEd by the image's Dockerfile ${shown(link.path)} (${linkHow(link).trim() ? `linked${linkHow(link)}; ` : ''}${exposedText(link.facts)}): the app may listen on another port, and then probes and Services aimed at ${p.containerPort} fail. Check the port, and EXPOSE it in the Dockerfile to document it.`,
        });
      }
    }
  },
});
