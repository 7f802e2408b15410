// "Add a logging sidecar": the app keeps writing its file, now on an emptyDir volume that a second
// container of the pod streams to stdout with `tail -n+1 -F` (the Kubernetes streaming-sidecar pattern).
import { isSeq, type YAMLMap } from 'yaml';
import type { FixProposal, OffsetEdit } from '../../engine/types';
import { getNode, isTemplated, type K8sContainer, type KubernetesModel } from '../../parse/kubernetes';
import { appendSeqItem, insertMapPair, insertPath } from '../../parse/yaml-edit';

export const SIDECAR_IMAGE = 'busybox:1.36';

export function loggingSidecarFix(model: KubernetesModel, container: K8sContainer, file: string): FixProposal | undefined {
  if (!/^\/[^*?[\]{}$]*[^/]$/.test(file) || container.templated) return undefined;
  const template = container.template;
  const spec = template.spec;
  const containers = getNode(spec, 'containers');
  if (!isSeq(containers) || !spec.range || isTemplated(model, spec.range[0], spec.range[2])) return undefined;
  const text = model.source.text;
  const base = container.name ?? 'app';
  const existing = coveringMount(container, file);
  const directory = file.slice(0, file.lastIndexOf('/')) || '/';
  if (!existing && directory === '/') return undefined;
  const volume = existing?.name ?? unique(`${base}-logs`, template.volumes.map((v) => v.name));
  const mountPath = existing?.mountPath ?? directory;
  const sidecarName = unique(`${base}-log`, template.allContainers.map((c) => c.name ?? ''));
  const sidecar = {
    name: sidecarName,
    image: SIDECAR_IMAGE,
    command: ['tail', '-n+1', '-F', file],
    volumeMounts: [{ name: volume, mountPath }],
  };
  return {
    title: `Add a logging sidecar that streams ${file} to stdout`,
    kind: 'suggestion',
    edits: () => {
      const edits: OffsetEdit[] = [];
      if (!existing) edits.push(appendTo(text, container.node, 'volumeMounts', { name: volume, mountPath }));
      edits.push(appendSeqItem(text, containers, sidecar));
      if (!existing) edits.push(appendTo(text, spec, 'volumes', { name: volume, emptyDir: {} }));
      return mergeInsertions(edits);
    },
  };
}

/** The container's mount that holds the file (the deepest one). */
export function coveringMount(container: K8sContainer, file: string): { name: string; mountPath: string } | undefined {
  const under = container.volumeMounts.filter((m) => file.startsWith(m.mountPath.endsWith('/') ? m.mountPath : `${m.mountPath}/`));
  return under.sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
}

function unique(name: string, taken: string[]): string {
  if (!taken.includes(name)) return name;
  for (let i = 2; ; i++) if (!taken.includes(`${name}-${i}`)) return `${name}-${i}`;
}

/** Appends to the list under `key`, creating the key when absent or empty. */
function appendTo(text: string, map: YAMLMap, key: string, item: unknown): OffsetEdit {
  const value = getNode(map, key);
  if (isSeq(value) && (value.items.length || value.flow)) return appendSeqItem(text, value, item);
  if (map.has(key)) return insertPath(text, map, [key], [item]);
  return insertMapPair(text, map, key, [item]);
}

/** Insertions at one offset become one edit, in the order given (mount, sidecar, volume: the file's order). */
function mergeInsertions(edits: OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of edits) {
    const same = e.start === e.end && out.find((o) => o.start === e.start && o.end === e.end);
    if (same) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}
