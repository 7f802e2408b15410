// Hover on a manifest container's `image:` that a Dockerfile of the workspace builds: that Dockerfile's
// path and what the image will be (final base image, user, exposed ports, HEALTHCHECK).
import { pathToFileURL } from 'node:url';
import type { DockerfileFacts } from '../engine/dockerfile-facts';
import type { LinkVia } from '../engine/workspace-index';
import type { HoverProvider } from './hover';

const VIA: Record<LinkVia, string> = {
  skaffold: 'a skaffold.yaml artifact',
  compose: 'a compose service',
  folder: 'its folder name',
};

export const imageLinkHover: HoverProvider = ({ uri, offset, index }) => {
  const at = index?.imageAt(uri, offset);
  if (!at?.links.length) return [];
  const source = index!.sourceOf(uri);
  const sections = at.links.map(({ file, via, kustomization }) => {
    const facts = index!.dockerfileFacts(file.uri);
    const path = index!.displayPath(file.uri);
    const line = facts?.finalFrom ? file.model.source.positionAt(facts.finalFrom.start).line + 1 : 1;
    const lines = [`**Herd** · built from [\`${path}\`](${file.uri}#L${line}) (linked by ${VIA[via]}${kustomization ? ` after the \`images:\` of \`${index!.displayPath(pathToFileURL(kustomization).href)}\`` : ''})`, ''];
    if (facts) for (const line of factLines(facts)) lines.push(line);
    return lines.join('\n');
  });
  return [{ markdown: sections.join('\n\n'), range: source?.rangeOf(at.start, at.end) }];
};

function factLines(facts: DockerfileFacts): string[] {
  const base = facts.base ? `\`${facts.base.text}\`${facts.base.resolved && facts.base.resolved !== facts.base.text ? ` (\`${facts.base.resolved}\`)` : ''}` : 'unknown';
  return [`- Final base image: ${base}`, `- User: ${userText(facts)}`, `- Exposed ports: ${portsText(facts)}`, `- HEALTHCHECK: ${facts.healthcheck ? 'yes (Kubernetes ignores it: use a livenessProbe)' : 'none'}`];
}

function userText({ user }: DockerfileFacts): string {
  if (user.text === undefined) return user.root ? 'root (no USER)' : user.uid !== undefined ? `${user.uid} (set by the base image)` : 'the base image’s (no USER)';
  if (user.name !== undefined && user.name !== 'root') return `\`${user.text}\`${user.uid !== undefined ? ` (uid ${user.uid})` : ''}`;
  return `\`${user.text}\`${user.root ? ' (root)' : ''}`;
}

function portsText({ exposed, baseExposed }: DockerfileFacts): string {
  if (exposed === 'unknown') return 'set by a variable';
  const own = exposed.map((e) => `${e.port}${e.endPort !== e.port ? `-${e.endPort}` : ''}${e.protocol !== 'TCP' ? `/${e.protocol.toLowerCase()}` : ''}`);
  const inherited = (baseExposed ?? []).map((p) => `${p} (base image)`);
  const all = [...own, ...inherited];
  return all.length ? all.join(', ') : 'none';
}
