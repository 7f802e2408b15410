// What a file named on the command line (or stdin) is, when Herd must say so: a Dockerfile, a Kubernetes manifest,
// a Compose file, or none of them.
import { basename } from 'node:path';
import { fileKind } from '../engine';
import { isJsonDocument, kindFromContent } from '../engine/detect';
import { isComposeFile } from '../engine/workspace-links';
import { looksLikeKubernetes } from '../parse/kubernetes';

export type Verdict =
  /** Lint it; `languageId` when its name does not say what it is. */
  | { lint: true; languageId?: string }
  /** A Compose file: not linted here, but not a mistake either. */
  | { lint: false; compose: true }
  /** YAML or JSON of some other tool: skipped with a note (pre-commit hands every .yaml to the hook). */
  | { lint: false; compose: false; error: false; message: string }
  /** Neither kind by name nor by content: a mistake on the command line. */
  | { lint: false; compose: false; error: true; message: string };

export const NOT_LINTABLE = 'not a Dockerfile, Kubernetes manifest or Compose file';

/** Top-level `services:`, Compose's one required key. */
export function looksLikeCompose(text: string): boolean {
  return /^["']?services["']?[ \t]*:/m.test(text) || /^\s*\{[\s\S]{0,4096}?"services"\s*:/.test(text);
}

/** `byName`: the name says what the file is (a Dockerfile, YAML or JSON name); otherwise its content decides. */
export function classify(path: string, text: string, byName: boolean): Verdict {
  const kind = byName ? fileKind(basename(path)) : undefined;
  if (kind === 'dockerfile') return { lint: true };
  if (kind === 'yaml') {
    if (looksLikeKubernetes(text)) return { lint: true };
    if (isComposeFile(path) || looksLikeCompose(text)) return { lint: false, compose: true };
    return { lint: false, compose: false, error: false, message: `skipped: ${isJsonDocument(path) ? 'JSON' : 'YAML'} that is not a Kubernetes manifest or Compose file` };
  }
  const content = kindFromContent(text);
  if (content === 'dockerfile') return { lint: true, languageId: 'dockerfile' };
  if (content === 'kubernetes') return { lint: true, languageId: /^\s*[{[]/.test(text) ? 'json' : 'yaml' };
  if (looksLikeCompose(text)) return { lint: false, compose: true };
  return { lint: false, compose: false, error: true, message: NOT_LINTABLE };
}
