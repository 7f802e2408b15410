// What the Dockerfile ↔ manifest rules share: a container's image, the Dockerfiles it links to and
// what those Dockerfiles build, and how messages name them.
import { dockerfileFacts, type DockerfileFacts } from '../../engine/dockerfile-facts';
import type { WorkspaceView } from '../../engine/workspace';
import type { DockerfileModel } from '../../parse/dockerfile';
import { isTemplated, scalarString, type K8sContainer, type KubernetesModel } from '../../parse/kubernetes';

export interface LinkedImage {
  uri: string;
  model: DockerfileModel;
  facts: DockerfileFacts;
  /** The Dockerfile's path as users see it. */
  path: string;
}

/** The image text of a container, unless a Helm directive writes it. */
export function containerImage(model: KubernetesModel, c: K8sContainer): { text: string; start: number; end: number } | undefined {
  const range = c.image?.range;
  const text = scalarString(c.image);
  if (!range || !text || isTemplated(model, range[0], range[1])) return undefined;
  return { text, start: range[0], end: range[1] };
}

/** The Dockerfiles of the workspace that build this image, with their facts. */
export function linkedImages(view: WorkspaceView | undefined, image: string): LinkedImage[] {
  if (!view) return [];
  return view.dockerfilesForImage(image).flatMap((f) => {
    if (f.model.kind !== 'dockerfile') return [];
    const facts = view.dockerfileFacts?.(f.uri) ?? dockerfileFacts(f.uri, f.model);
    return [{ uri: f.uri, model: f.model, facts, path: view.displayPath?.(f.uri) ?? f.uri }];
  });
}

/** "`web/Dockerfile`" for messages. */
export function shown(path: string): string {
  return `\`${path}\``;
}
