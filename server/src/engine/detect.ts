// Which files Herd reads: Dockerfiles by name or language id, Kubernetes manifests by content.
import { looksLikeKubernetes } from '../parse/kubernetes';

export type FileKind = 'dockerfile' | 'yaml';

const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:docker|container)file)$/i;

function basenameOf(uriOrPath: string): string {
  const clean = uriOrPath.split(/[?#]/)[0];
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
}

/** Classifies a file by its name (and the editor's language id when there is one). */
export function fileKind(uriOrPath: string, languageId?: string): FileKind | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  const name = basenameOf(uriOrPath);
  // kustomize also reads a file named `Kustomization`, without extension
  if (/\.ya?ml$/i.test(name) || name === 'Kustomization' || languageId === 'yaml') return 'yaml';
  if (DOCKERFILE_NAME.test(name)) return 'dockerfile';
  return undefined;
}

/** The language Herd lints a file as; YAML only when it holds Kubernetes objects. */
export function detectLanguage(uriOrPath: string, text: string, languageId?: string): 'dockerfile' | 'kubernetes' | undefined {
  const kind = fileKind(uriOrPath, languageId);
  if (kind === 'dockerfile') return 'dockerfile';
  if (kind === 'yaml' && looksLikeKubernetes(text)) return 'kubernetes';
  return undefined;
}
