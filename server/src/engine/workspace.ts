// What a cross-file rule may ask about the rest of the workspace. Filled by the workspace index.
import type { DockerfileModel } from '../parse/dockerfile';
import type { K8sContainer, KubernetesModel } from '../parse/kubernetes';
import type { ComposeModel } from '../parse/compose';
import type { BaseFact, DockerfileFacts } from './dockerfile-facts';
import type { PodIndex, PodLabelSet } from './workspace-selection';

export type { DockerfileFacts } from './dockerfile-facts';
export type { PodLabelSet } from './workspace-selection';

export interface WorkspaceFile {
  uri: string;
  /** The model's kind, known without parsing (the index parses a file's model again when it is asked for). */
  kind?: 'dockerfile' | 'kubernetes' | 'compose';
  model: DockerfileModel | KubernetesModel | ComposeModel;
}

/** A PersistentVolumeClaim of a manifest of the workspace. */
export interface WorkspaceClaim {
  uri: string;
  name?: string;
  namespace?: string;
  /** ReadWriteMany or ReadOnlyMany: several nodes may mount it. */
  shared: boolean;
}

/** A link from a manifest image to a Dockerfile, and how it was made. */
export interface ImageLinkInfo {
  file: WorkspaceFile;
  via: 'skaffold' | 'compose' | 'folder';
  /** Absolute path of the kustomization whose `images:` rewrote the image first, if any. */
  kustomization?: string;
}

/** A manifest container whose image is built from a Dockerfile of the workspace. */
export interface DeployedContainer {
  uri: string;
  model: KubernetesModel;
  container: K8sContainer;
  /** How the container's image was linked to the Dockerfile. */
  via?: 'skaffold' | 'compose' | 'folder';
}

export interface WorkspaceView {
  /** Every parsed Dockerfile and manifest of the workspace, this file included. */
  files(): WorkspaceFile[];
  /** Dockerfiles linked to a manifest image reference (skaffold, compose, folder name); with the manifest's uri, after its kustomizations' `images:`. */
  dockerfilesForImage(image: string, manifestUri?: string): WorkspaceFile[];
  /** The same links, with how each was made (for messages that rely on one). */
  imageLinks?(image: string, manifestUri?: string): ImageLinkInfo[];
  /** Whether a kustomization of the workspace names this file as a patch. */
  isKustomizePatch?(uri: string): boolean;
  /** The references kustomize deploys for a manifest's image (its kustomizations' `images:` rewrites), else the image. */
  effectiveImages?(manifestUri: string, image: string): { image: string; kustomization?: string }[];
  /** Whether a Service of the workspace selects this container's pod. */
  isSelectedByService?(container: K8sContainer): boolean;
  /** The final base, user, ports and HEALTHCHECK of the image a Dockerfile of the workspace builds. */
  dockerfileFacts?(uri: string): DockerfileFacts | undefined;
  /** The reverse link: manifest containers whose image is built from this Dockerfile. */
  containersDeploying?(dockerfileUri: string): DeployedContainer[];
  /** The final base image of every Dockerfile of the workspace. */
  dockerfileBases?(): { uri: string; base: BaseFact | undefined }[];
  /** The pod templates of the workspace with their namespaces and labels. */
  podLabelSets?(): PodLabelSet[];
  /** The Dockerfile of the workspace at this absolute path (a Compose `build`'s context + `dockerfile`). */
  dockerfileAt?(path: string): DockerfileModel | undefined;
  /** The same pod templates indexed by label, for per-Service questions in linear time. */
  podIndex?(): PodIndex;
  /** The PersistentVolumeClaims of the workspace's manifests, in file order. */
  claims?(): WorkspaceClaim[];
  /** A file's path as users see it: relative to its workspace folder. */
  displayPath?(uri: string): string;
}
