// Go to definition on a manifest container's `image:`: the final FROM of each Dockerfile that builds it.
import type { Location, LocationLink } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../engine/workspace-index';

/** LocationLinks when the client takes them (the origin is the whole image value), else Locations. */
export function imageDefinition(index: WorkspaceIndex, uri: string, offset: number, links: boolean): Location[] | LocationLink[] {
  const at = index.imageAt(uri, offset);
  const source = index.sourceOf(uri);
  if (!at || !source) return [];
  const targets = at.links.map(({ file }) => {
    const from = index.dockerfileFacts(file.uri)?.finalFrom ?? { start: 0, end: 0 };
    return { uri: file.uri, range: file.model.source.rangeOf(from.start, from.end) };
  });
  if (!links) return targets;
  const origin = source.rangeOf(at.start, at.end);
  return targets.map((t) => ({ originSelectionRange: origin, targetUri: t.uri, targetRange: t.range, targetSelectionRange: t.range }));
}
