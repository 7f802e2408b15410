// The snippets an extension contributes, read from its package.json and files as VS Code reads them,
// and the text a snippet inserts when every placeholder keeps its default.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as vscode from 'vscode';

export interface ContributedSnippet {
  /** The key in the snippets file: VS Code's snippet name, which editor.action.insertSnippet looks up. */
  name: string;
  language: string;
  prefix: string;
  /** The body lines joined with "\n", as VS Code joins them. */
  body: string;
}

interface SnippetEntry { prefix: string | string[]; body: string | string[] }

export function contributedSnippet(extension: vscode.Extension<unknown>, prefix: string): ContributedSnippet {
  const contributions = (extension.packageJSON?.contributes?.snippets ?? []) as { language: string; path: string }[];
  const found: ContributedSnippet[] = [];
  for (const contribution of contributions) {
    const entries = JSON.parse(readFileSync(join(extension.extensionUri.fsPath, contribution.path), 'utf8')) as Record<string, SnippetEntry>;
    for (const [name, entry] of Object.entries(entries)) {
      const prefixes = Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix];
      if (!prefixes.includes(prefix)) continue;
      found.push({ name, language: contribution.language, prefix, body: Array.isArray(entry.body) ? entry.body.join('\n') : entry.body });
    }
  }
  if (found.length !== 1) throw new Error(`${extension.id} contributes ${found.length} snippets with the prefix ${prefix} (files: ${contributions.map((c) => c.path).join(', ')})`);
  return found[0];
}

/**
 * The text of a snippet with each placeholder at its default, a choice at its first option and bare tab stops
 * empty (or the default of the same number seen before, as a mirror). Variables are not supported: they throw.
 */
export function withDefaults(body: string): string {
  const defaults = new Map<string, string>();
  let i = 0;
  const text = (until: string): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (until && c === until) return out;
      if (c === '\\' && '$}\\'.includes(body[i + 1] ?? '')) { out += body[i + 1]; i += 2; continue; }
      if (c === '$') { out += placeholder(); continue; }
      out += c;
      i++;
    }
    if (until) throw new Error(`unclosed placeholder in snippet: ${JSON.stringify(body)}`);
    return out;
  };
  const placeholder = (): string => {
    const rest = body.slice(i);
    const bare = /^\$(\d+)|^\$\{(\d+)\}/.exec(rest);
    if (bare) { i += bare[0].length; return defaults.get(bare[1] ?? bare[2]) ?? ''; }
    const open = /^\$\{(\d+)([:|])/.exec(rest);
    if (!open) {
      if (/^\$[{A-Za-z_]/.test(rest)) throw new Error(`snippet variable not supported here: ${rest.slice(0, 20)}`);
      i++;
      return '$';
    }
    i += open[0].length;
    let value: string;
    if (open[2] === ':') {
      value = text('}');
      i++; // the closing brace
    } else {
      const end = body.indexOf('|}', i);
      if (end < 0) throw new Error(`unclosed choice in snippet: ${rest.slice(0, 40)}`);
      value = body.slice(i, end).split(',')[0];
      i = end + 2;
    }
    if (!defaults.has(open[1])) defaults.set(open[1], value);
    return value;
  };
  return text('');
}
