// What a cross-file rule may ask about the rest of the workspace. Filled by the workspace index.
import type { DockerfileModel } from '../parse/dockerfile';
import type { K8sContainer, KubernetesModel } from '../parse/kubernetes';

export interface WorkspaceFile {
  uri: string;
  model: DockerfileModel | KubernetesModel;
}

export interface WorkspaceView {
  /** Every parsed Dockerfile and manifest of the workspace, this file included. */
  files(): WorkspaceFile[];
  /** Dockerfiles linked to a manifest image reference (skaffold, compose, folder name). */
  dockerfilesForImage(image: string): WorkspaceFile[];
  /** Whether a Service of the workspace selects this container's pod. */
  isSelectedByService?(container: K8sContainer): boolean;
}
