// The files beside a Compose file that change how it is read: the `.env` (interpolation) and a devcontainer.json
// (the development-container exemption). Read from the open editor when the file is open there, else from disk;
// a change to one (on disk or in an editor) makes the open Compose documents beside it lint again.
import { readTextFileSync } from '../engine/file-text';
import { composeCompanions } from '../engine/detect';
import { uriToPath } from './workspace-config';

/** What the server asks the client to watch for them (`*.json` is already watched for the workspace index). */
export const COMPANION_GLOB = '**/.env';

/** Whether a uri names a file that can be a Compose file's companion. */
export function isCompanionUri(uri: string): boolean {
  return /\/(?:\.env|\.?devcontainer\.json)$/.test(uri.split(/[?#]/)[0]);
}

/** The `.env` and devcontainer.json of a Compose file: the open editor's text first, else the file on disk (a few hundred bytes each). */
export function companionTexts(uri: string, openText: (path: string) => string | undefined): { dotenv?: string; devcontainerJson?: string } {
  const path = uriToPath(uri);
  if (path === undefined) return {};
  const read = (file: string): string | undefined => {
    const open = openText(file);
    if (open !== undefined) return open;
    try {
      return readTextFileSync(file);
    } catch {
      return undefined;
    }
  };
  const companions = composeCompanions(path);
  return { dotenv: read(companions.dotenv), devcontainerJson: companions.devcontainer.map(read).find((t) => t !== undefined) };
}

/** Of `uris` (the open Compose documents), those whose companions include one of the changed files. */
export function composeFilesBeside(changed: string[], uris: Iterable<string>): string[] {
  const paths = new Set(changed.filter(isCompanionUri).map((u) => uriToPath(u)?.replace(/\\/g, '/')).filter((p) => p !== undefined));
  if (!paths.size) return [];
  const out: string[] = [];
  for (const uri of uris) {
    const path = uriToPath(uri);
    if (path === undefined) continue;
    const c = composeCompanions(path);
    if (paths.has(c.dotenv) || c.devcontainer.some((p) => paths.has(p))) out.push(uri);
  }
  return out;
}
