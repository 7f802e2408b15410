// Which files Herd reads: Dockerfiles by name or language id, Compose files by name or language id,
// Kubernetes manifests by content.
import { isComposeFileName } from '../parse/compose';
import { looksLikeKubernetes } from '../parse/kubernetes';

export type FileKind = 'dockerfile' | 'yaml';

// `Dockerfile`, `Dockerfile.prod`, `Dockerfile-prod`, `Dockerfile_prod`, `api.Dockerfile`, and the Containerfile spellings
const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:[._-].+)?|.+\.(?:docker|container)file)$/i;
/** JSON is YAML to the parser (ranges stay exact); a `.json` file is a manifest when it holds apiVersion and kind, as kubectl accepts. */
const YAML_NAME = /\.(?:ya?ml|json)$/i;

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
  // kustomize also reads a file named `Kustomization`, without extension
  if (YAML_NAME.test(name) || name === 'Kustomization' || languageId === 'yaml' || languageId === 'json' || languageId === COMPOSE_LANGUAGE_ID) return 'yaml';
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

/** A `.json` document (by name or editor language): its fixes would write YAML syntax into JSON, so it gets none. */
export function isJsonDocument(uriOrPath: string, languageId?: string): boolean {
  return languageId === 'json' || (languageId !== 'yaml' && /\.json$/i.test(basenameOf(uriOrPath)));
}

/**
 * What a text is when its name says nothing (stdin, a file named `build.docker`): a Kubernetes manifest when it
 * holds apiVersion and kind, a Dockerfile when its first instruction (after comments, parser directives and
 * blank lines) is FROM or ARG, as BuildKit requires; otherwise undefined.
 */
export function kindFromContent(text: string): 'dockerfile' | 'kubernetes' | undefined {
  if (looksLikeKubernetes(text)) return 'kubernetes';
  const first = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*([^\r\n]*)/.exec(text.slice(0, 65536))?.[1] ?? '';
  // `FROM [--flag=…] image [AS name]` or `ARG NAME[=value]`: prose that starts with "From" is not a Dockerfile
  if (/^from(?:[ \t]+--\S+)*[ \t]+\S+(?:[ \t]+as[ \t]+\S+)?[ \t]*$/i.test(first) || /^arg[ \t]+[A-Za-z_]\w*(?:=.*)?$/i.test(first)) return 'dockerfile';
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
