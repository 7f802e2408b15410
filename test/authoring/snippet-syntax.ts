// VS Code snippet syntax, expanded as the editor does when the user accepts every default: placeholders
// give their default, choices their first option, mirrors the value of their tab stop, `$0` nothing.
// Strict where the editor is lenient: an unknown variable or a transform is an authoring mistake here.

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; placeholder?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; fallback?: SnippetNode[] };

/** Characters that `\` escapes in text (and in placeholder defaults). */
const TEXT_ESCAPES = '$}\\';
/** Characters that `\` escapes inside a choice. */
const CHOICE_ESCAPES = ',|\\$}';

export function parseSnippet(body: string): SnippetNode[] {
  const [nodes, end] = parseSequence(body, 0, false);
  if (end !== body.length) throw new Error(`unexpected "}" at ${end}`);
  return nodes;
}

function parseSequence(s: string, pos: number, nested: boolean): [SnippetNode[], number] {
  const nodes: SnippetNode[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ kind: 'text', value: text });
    text = '';
  };
  while (pos < s.length) {
    const c = s[pos];
    if (c === '\\' && TEXT_ESCAPES.includes(s[pos + 1] ?? '')) {
      text += s[pos + 1];
      pos += 2;
      continue;
    }
    if (c === '}' && nested) break;
    if (c === '$') {
      const parsed = parseDollar(s, pos);
      if (parsed) {
        flush();
        nodes.push(parsed.node);
        pos = parsed.end;
        continue;
      }
    }
    text += c;
    pos++;
  }
  flush();
  if (nested && s[pos] !== '}') throw new Error('unterminated placeholder');
  return [nodes, pos];
}

function parseDollar(s: string, pos: number): { node: SnippetNode; end: number } | undefined {
  const simple = /\$(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/y;
  simple.lastIndex = pos;
  let m = simple.exec(s);
  if (m) {
    const node: SnippetNode = m[1] !== undefined ? { kind: 'tabstop', index: Number(m[1]) } : { kind: 'variable', name: m[2] };
    return { node, end: simple.lastIndex };
  }
  const braced = /\$\{(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/y;
  braced.lastIndex = pos;
  m = braced.exec(s);
  if (!m) return undefined;
  let at = braced.lastIndex;
  const index = m[1] !== undefined ? Number(m[1]) : undefined;
  const name = m[2];
  const next = s[at];
  if (next === '}') return { node: index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name }, end: at + 1 };
  if (next === ':') {
    const [children, close] = parseSequence(s, at + 1, true);
    const node: SnippetNode = index !== undefined ? { kind: 'tabstop', index, placeholder: children } : { kind: 'variable', name, fallback: children };
    return { node, end: close + 1 };
  }
  if (next === '|' && index !== undefined) {
    const choices: string[] = [];
    let current = '';
    for (at++; at < s.length; at++) {
      const c = s[at];
      if (c === '\\' && CHOICE_ESCAPES.includes(s[at + 1] ?? '')) current += s[++at];
      else if (c === ',') {
        choices.push(current);
        current = '';
      } else if (c === '|' && s[at + 1] === '}') {
        choices.push(current);
        return { node: { kind: 'tabstop', index, choices }, end: at + 2 };
      } else current += c;
    }
    throw new Error('unterminated choice');
  }
  if (next === '/') throw new Error(`transforms are not supported (at ${pos})`);
  return undefined;
}

/** The text the editor inserts when every default is accepted. */
export function expandSnippet(body: string | string[], variables: Record<string, string>): string {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const values = new Map<number, string>();
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') {
          if (n.name in variables) return variables[n.name];
          if (n.fallback) return render(n.fallback);
          throw new Error(`unknown snippet variable $${n.name} (escape a literal dollar as \\$)`);
        }
        if (n.index === 0) return n.placeholder ? render(n.placeholder) : '';
        if (!values.has(n.index) && (n.placeholder || n.choices)) values.set(n.index, n.placeholder ? render(n.placeholder) : n.choices![0]);
        return values.get(n.index) ?? '';
      })
      .join('');
  // a mirror written before its placeholder takes the placeholder's value: collect defaults first
  render(nodes);
  return render(nodes);
}

/** Tab stop numbers used by a snippet ($0 excluded). */
export function tabStops(body: string | string[]): number[] {
  const found = new Set<number>();
  const walk = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.kind === 'tabstop') {
        if (n.index) found.add(n.index);
        if (n.placeholder) walk(n.placeholder);
      } else if (n.kind === 'variable' && n.fallback) walk(n.fallback);
    }
  };
  walk(parseSnippet(Array.isArray(body) ? body.join('\n') : body));
  return [...found].sort((a, b) => a - b);
}
