// What the Dockerfile ↔ manifest rules share: a container's image, the Dockerfiles it links to and
// what those Dockerfiles build, and how messages name them.
import { pathToFileURL } from 'node:url';
import { dockerfileFacts, type DockerfileFacts } from '../../engine/dockerfile-facts';
import type { WorkspaceView } from '../../engine/workspace';
import type { DockerfileModel } from '../../parse/dockerfile';
import { isTemplated, scalarString, type K8sContainer, type KubernetesModel } from '../../parse/kubernetes';

export interface LinkedImage {
  uri: string;
  /** How the manifest's image was linked to this Dockerfile (undefined when the view does not say). */
  via?: 'skaffold' | 'compose' | 'folder';
  /** The kustomization file whose `images:` rewrite the link went through, as users see its path. */
  kustomization?: string;
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

/** The Dockerfiles of the workspace that build this image (deployed by the manifest `manifestUri`), with their facts. */
export function linkedImages(view: WorkspaceView | undefined, image: string, manifestUri?: string): LinkedImage[] {
  if (!view) return [];
  const links = view.imageLinks?.(image, manifestUri) ?? view.dockerfilesForImage(image, manifestUri).map((file) => ({ file, via: undefined, kustomization: undefined }));
  return links.flatMap(({ file: f, via, kustomization }) => {
    // the kind first: the index parses a linked Dockerfile's model again only when a rule reads it (a fix)
    if ((f.kind ?? f.model.kind) !== 'dockerfile') return [];
    const model = () => f.model as DockerfileModel;
    const facts = view.dockerfileFacts?.(f.uri) ?? dockerfileFacts(f.uri, model());
    const shownKustomization = kustomization && (view.displayPath?.(pathToFileURL(kustomization).href) ?? kustomization);
    const link: LinkedImage = {
      uri: f.uri,
      get model() {
        return model();
      },
      facts,
      path: view.displayPath?.(f.uri) ?? f.uri,
      via,
      ...(shownKustomization && { kustomization: shownKustomization }),
    };
    return [link];
  });
}

const VIA_TEXT = { skaffold: 'by skaffold.yaml', compose: 'by a compose file', folder: 'by folder name' } as const;

/** "linked to `jobs/redis/Dockerfile` by folder name": how a message names the link it relies on. */
export function linkedTo(link: LinkedImage): string {
  return `linked to ${shown(link.path)}${linkHow(link)}`;
}

/** " by folder name", " by skaffold.yaml after the `images:` of `k8s/prod/kustomization.yaml`". */
export function linkHow(link: LinkedImage): string {
  const how = link.via ? ` ${VIA_TEXT[link.via]}` : '';
  const through = link.kustomization ? ` after the \`images:\` of ${shown(link.kustomization)}` : '';
  return `${how}${through}`;
}

/** "`web/Dockerfile`" for messages. */
export function shown(path: string): string {
  return `\`${path}\``;
}
