// The base image of a stage as written in its FROM, with the positions of its name and tag, and its
// value once the ARG defaults declared before the first FROM are substituted.
import { parseImageRef, type ImageRef } from '../../knowledge/images';
import { offsets, type DockerfileModel, type Stage } from '../../parse/dockerfile';

export interface FromImage {
  stage: Stage;
  /** The image text as written, and its document span. */
  text: string;
  start: number;
  end: number;
  /** Document span of the tag as written, when there is one. */
  tag?: { start: number; end: number };
  /** The text with `${ARG}` substituted; undefined when a variable has no default before the first FROM. */
  resolved?: string;
  ref?: ImageRef;
}

/** The base image of a stage; undefined when the stage builds on an earlier stage. */
export function fromImage(model: DockerfileModel, stage: Stage): FromImage | undefined {
  const range = stage.from.getImageRange();
  if (!stage.baseImage || !range) return undefined;
  const { start, end } = offsets(model, range);
  const text = model.source.text.slice(start, end);
  const masked = text.replace(/\$\{[^}]*\}/g, (v) => 'x'.repeat(v.length));
  const at = masked.indexOf('@');
  const nameEnd = at < 0 ? text.length : at;
  const colon = masked.lastIndexOf(':', nameEnd - 1);
  const tag = colon > masked.lastIndexOf('/', nameEnd - 1) ? { start: start + colon + 1, end: start + nameEnd } : undefined;
  const resolved = substituteArgs(model, text);
  return { stage, text, start, end, tag, resolved, ref: resolved ? parseImageRef(resolved) : undefined };
}

/** `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}` from the ARGs before the first FROM; undefined if any stays unknown. */
export function substituteArgs(model: DockerfileModel, text: string): string | undefined {
  if (!text.includes('$')) return text;
  const args = new Map<string, string>();
  for (const arg of model.ast.getInitialARGs()) {
    for (const p of arg.getProperties()) {
      const value = p.getValue();
      if (value !== null) args.set(p.getName(), value);
    }
  }
  let unknown = false;
  const out = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string, op: string, word: string, bare: string) => {
    const value = args.get(braced ?? bare);
    const set = op?.startsWith(':') ? !!value : value !== undefined;
    if (op?.endsWith('-')) return set ? value! : word;
    if (op?.endsWith('+')) return set ? word : '';
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown || out.includes('$') ? undefined : out;
}

export function isScratch(text: string): boolean {
  return text.toLowerCase() === 'scratch';
}
