// The Compose snippets (snippets/compose.json, contributed to VS Code for the `dockercompose` language) offered by
// the server in Compose files of another language id: VS Code gives `compose.yaml` the `yaml` id unless an
// extension registers `dockercompose`, and contributed snippets are chosen by language id only.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { COMPOSE_LANGUAGE_ID } from '../engine/detect';
import type { CompletionDocument, CompletionOptions } from './completion';
import { keyPosition } from './key-position';

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

// one source for the editor's snippets and the server's items (bundled as data)
const SNIPPETS = require('../../../snippets/compose.json') as Record<string, SnippetEntry>;

/** At column 0 of a Compose document that VS Code does not give the `dockercompose` id, the snippets by prefix. */
export function composeSnippetCompletions(doc: CompletionDocument, position: Position, options: CompletionOptions): CompletionItem[] {
  if (!options.snippets || doc.languageId === COMPOSE_LANGUAGE_ID) return [];
  const at = keyPosition(doc.uri, doc.text, position, /[A-Za-z-]*/);
  if (!at || at.column !== 0) return [];
  const range = at.source.rangeOf(at.wordStart, at.wordEnd);
  return Object.entries(SNIPPETS).map(([name, s]) => ({
    label: s.prefix,
    kind: CompletionItemKind.Snippet,
    detail: `Herd: ${name}`,
    documentation: { kind: MarkupKind.Markdown, value: s.description },
    filterText: s.prefix,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText: s.body.join('\n') },
  }));
}
