// Go to definition in a Compose file: from a `depends_on` name to that service, from `build` to the Dockerfile stage
// the service runs (its `target`, else the final stage).
import type { Location, LocationLink } from 'vscode-languageserver';
import { linkedStage } from '../engine/lint';
import type { WorkspaceView } from '../engine/workspace';
import type { ComposeModel } from '../parse/compose';
import { offsets } from '../parse/dockerfile';

interface Target {
  uri: string;
  start: number;
  end: number;
  /** Ranges in the target document, when it is not this one. */
  range?: Location['range'];
}

export function composeDefinition(model: ComposeModel, offset: number, workspace: WorkspaceView | undefined, links: boolean): Location[] | LocationLink[] {
  const found = targetAt(model, offset, workspace);
  if (!found) return [];
  const { origin, target } = found;
  const range = target.range ?? model.source.rangeOf(target.start, target.end);
  if (!links) return [{ uri: target.uri, range }];
  return [{ originSelectionRange: model.source.rangeOf(origin.start, origin.end), targetUri: target.uri, targetRange: range, targetSelectionRange: range }];
}

function targetAt(model: ComposeModel, offset: number, workspace: WorkspaceView | undefined): { origin: { start: number; end: number }; target: Target } | undefined {
  for (const service of model.services) {
    for (const d of service.dependsOn) {
      if (offset < d.span.start || offset > d.span.end) continue;
      const other = model.services.find((s) => s.name === d.name);
      const r = other?.key.range;
      return r ? { origin: d.span, target: { uri: model.source.uri, start: r[0], end: r[1] } } : undefined;
    }
    const build = service.build?.node.range;
    if (!build || offset < build[0] || offset > build[1]) continue;
    const linked = linkedStage(model, service, workspace);
    if (!linked) return undefined;
    const from = offsets(linked.model, linked.stage.from.getRange());
    const target = { uri: linked.model.source.uri, start: from.start, end: from.end, range: linked.model.source.rangeOf(from.start, from.end) };
    return { origin: { start: build[0], end: build[1] }, target };
  }
  return undefined;
}
