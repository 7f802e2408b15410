// Which files Herd reads: Dockerfiles by name or language id, Compose files by name or language id,
// Kubernetes manifests by content.
import { isComposeFileName } from '../parse/compose';
import { looksLikeKubernetes } from '../parse/kubernetes';

export type FileKind = 'dockerfile' | 'yaml';

const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:docker|container)file)$/i;

/** VS Code's language id for Compose files (Docker's extensions set it). */
export const COMPOSE_LANGUAGE_ID = 'dockercompose';

function basenameOf(uriOrPath: string): string {
  const clean = uriOrPath.split(/[?#]/)[0];
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
}

/** Classifies a file by its name (and the editor's language id when there is one). */
export function fileKind(uriOrPath: string, languageId?: string): FileKind | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  const name = basenameOf(uriOrPath);
  if (/\.ya?ml$/i.test(name) || languageId === 'yaml' || languageId === COMPOSE_LANGUAGE_ID) return 'yaml';
  if (DOCKERFILE_NAME.test(name)) return 'dockerfile';
  return undefined;
}

/** A Compose file by its name (`compose.yaml`, `docker-compose.prod.yml`, …). */
export function isComposeFile(uriOrPath: string): boolean {
  return isComposeFileName(basenameOf(uriOrPath));
}

/**
 * The language Herd lints a file as: Compose by name or language id (`.herd.yaml` `compose:` globs reach here
 * as the `dockercompose` id), Kubernetes when the YAML holds Kubernetes objects.
 */
export function detectLanguage(uriOrPath: string, text: string, languageId?: string): 'dockerfile' | 'kubernetes' | 'compose' | undefined {
  const kind = fileKind(uriOrPath, languageId);
  if (kind === 'dockerfile') return 'dockerfile';
  if (kind !== 'yaml') return undefined;
  if (languageId === COMPOSE_LANGUAGE_ID || isComposeFile(uriOrPath)) return 'compose';
  if (looksLikeKubernetes(text)) return 'kubernetes';
  return undefined;
}

/**
 * The files beside a Compose file that change how it is read: the `.env` Compose interpolates from, and the
 * devcontainer.json that may name it (beside it, or in the `.devcontainer/` folder below it). Paths with `/`.
 */
export function composeCompanions(path: string): { dotenv: string; devcontainer: string[] } {
  const dir = path.replace(/\\/g, '/').replace(/\/[^/]*$/, '');
  return { dotenv: `${dir}/.env`, devcontainer: [`${dir}/devcontainer.json`, `${dir}/.devcontainer.json`, `${dir}/.devcontainer/devcontainer.json`] };
}
