// A kustomize patch is part of an object, not an object: the "missing X" rules (24–30) skip it.
import type { RuleContext } from '../../engine/rule';

/** Whether a kustomization of the workspace names the linted file under `patches`, `patchesStrategicMerge` or `patchesJson6902`. */
export function isKustomizePatch(context: RuleContext): boolean {
  return context.file.kind === 'kubernetes' && !!context.workspace?.isKustomizePatch?.(context.file.source.uri);
}
