// Completion in a Compose service: a `healthcheck` skeleton for the service's image family (the check of
// compose-healthcheck-required's fix), offered at a key position of a service that has none.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { parseCompose } from '../parse/compose';
import { sourceText } from '../parse/source';
import { detectIndentUnit } from '../parse/yaml-edit';
import { healthcheckValue } from '../rules/compose/healthcheck-fix';
import type { CompletionDocument, CompletionOptions } from './completion';
import { keyPosition } from './key-position';

export function serviceCompletions(doc: CompletionDocument, position: Position, options: CompletionOptions): CompletionItem[] {
  const at = keyPosition(doc.uri, doc.text, position);
  if (!at) return [];
  const { source, column, lineStart, wordStart, wordEnd, blanked: text } = at;
  const model = parseCompose(sourceText(doc.uri, text));
  // the last service above the cursor whose keys sit at the cursor's column, with no shallower line in between
  const keyLine = (s: (typeof model.services)[number]) => source.positionAt(s.key.range?.[0] ?? 0).line;
  const candidates = model.services.filter((s) => {
    const first = s.node.items[0]?.key as { range?: [number, number, number] } | null | undefined;
    if (!first?.range || s.node.flow || keyLine(s) >= position.line) return false;
    return first.range[0] - (text.lastIndexOf('\n', first.range[0] - 1) + 1) === column;
  });
  const service = candidates.sort((a, b) => keyLine(b) - keyLine(a))[0];
  if (service) {
    const between = text.slice(source.offsetAt({ line: keyLine(service) + 1, character: 0 }), lineStart).split(/\r?\n/);
    if (between.some((l) => l.trim() && !l.trim().startsWith('#') && /^ */.exec(l)![0].length < column)) return [];
  }
  if (!service || service.healthcheck || service.node.has('healthcheck')) return [];
  const value = healthcheckValue(service);
  const unit = ' '.repeat(detectIndentUnit(text));
  const pad = ' '.repeat(column);
  const port = (p: string) => (options.snippets ? `\${1:${p}}` : p);
  const test = value?.test ?? ['CMD-SHELL', `wget -qO- http://localhost:${port('8080')}/ || exit 1`];
  const testText = `[${test.map((t) => (t.includes('${1:') ? `"${t}"` : JSON.stringify(t))).join(', ')}]`;
  const lines = ['healthcheck:', `${unit}test: ${testText}`, `${unit}interval: 10s`, `${unit}timeout: 5s`, `${unit}retries: 5`];
  const family = value && test[0] === 'CMD' ? `\`${test[1]}\`` : 'an HTTP check on its port';
  return [
    {
      label: 'healthcheck',
      kind: CompletionItemKind.Snippet,
      detail: `Herd: healthcheck for \`${service.image?.text ?? service.name}\``,
      documentation: { kind: MarkupKind.Markdown, value: [`A healthcheck with ${family}, so that \`condition: service_healthy\` can wait for it.`, '', '```yaml', ...lines, '```'].join('\n') },
      filterText: 'healthcheck',
      insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: source.rangeOf(wordStart, wordEnd), newText: lines.map((l, i) => (i === 0 ? l : pad + l)).join(source.eol) },
    },
  ];
}
