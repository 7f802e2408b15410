// Completion in a manifest container: probe, resources and securityContext skeletons, offered at a key
// position of the container map for the keys it lacks, built from the ports the container declares.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { detectLanguage } from '../engine/detect';
import { serviceCompletions } from './compose-completion';
import { composeSnippetCompletions } from './compose-snippets';
import { keyPosition } from './key-position';
import { getMap, getNode, parseKubernetes, type K8sContainer, type KubernetesModel } from '../parse/kubernetes';
import { sourceText } from '../parse/source';
import { detectIndentUnit } from '../parse/yaml-edit';

export interface CompletionDocument {
  uri: string;
  text: string;
  languageId?: string;
}

export interface CompletionOptions {
  /** The client accepts snippet syntax (tab stops, choices); otherwise the defaults are inserted as text. */
  snippets: boolean;
}

type SkeletonKey = 'livenessProbe' | 'readinessProbe' | 'startupProbe' | 'resources' | 'securityContext';

const PROBES: SkeletonKey[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const OTHERS: SkeletonKey[] = ['resources', 'securityContext'];

/** A tab stop: its first option is the default; more than one makes a choice. */
interface Slot {
  tab: number;
  options: string[];
}
type Part = string | Slot;
/** One line of a skeleton: its depth below the key, and its text. */
type Line = [depth: number, ...parts: Part[]];

interface Skeleton {
  lines: Line[];
  detail: string;
}

export function containerCompletions(doc: CompletionDocument, position: Position, options: CompletionOptions): CompletionItem[] {
  const language = detectLanguage(doc.uri, doc.text, doc.languageId);
  if (language === 'compose') return [...composeSnippetCompletions(doc, position, options), ...serviceCompletions(doc, position, options)];
  if (language !== 'kubernetes') return [];
  const at = keyPosition(doc.uri, doc.text, position, /[A-Za-z]*/);
  if (!at) return [];
  const { source, column, wordStart, wordEnd, blanked: text } = at;
  const model = parseKubernetes(sourceText(doc.uri, text));
  const container = containerAt(model, text, position.line, column);
  if (!container) return [];
  const present = new Set(container.node.items.map((p) => String((p.key as { value?: unknown } | null)?.value)));
  // plain init containers run to completion: Kubernetes rejects probes on them
  const keys = (container.role === 'init' ? OTHERS : [...PROBES, ...OTHERS]).filter((k) => !present.has(k));
  const unit = detectIndentUnit(text);
  const eol = source.eol;
  const range = source.rangeOf(wordStart, wordEnd);
  return keys.map((key, i) => {
    const skeleton = skeletonFor(key, container);
    return {
      label: key,
      kind: CompletionItemKind.Snippet,
      detail: `Herd: ${skeleton.detail}`,
      documentation: { kind: MarkupKind.Markdown, value: ['```yaml', ...layout(key, skeleton, 0, unit, false), '```'].join('\n') },
      filterText: key,
      sortText: `${i}`,
      insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // the text carries its own indentation: the editor must not add the line's indentation again
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: layout(key, skeleton, column, unit, options.snippets).join(eol) },
    };
  });
}

interface LineSpan {
  start: number;
  /** Excludes the line break. */
  end: number;
}

function linesOf(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

interface ContentLine {
  indent: number;
  /** Offset of its last character that is not a space. */
  last: number;
  text: string;
}

/** The nearest line before or after line `index` that holds more than spaces and a comment. */
function contentLine(text: string, lines: LineSpan[], index: number, step: -1 | 1): ContentLine | undefined {
  for (let i = index + step; i >= 0 && i < lines.length; i += step) {
    const line = text.slice(lines[i].start, lines[i].end);
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    return { indent: line.length - line.trimStart().length, last: lines[i].start + line.trimEnd().length - 1, text: line };
  }
  return undefined;
}

/** The container whose keys sit at `column` and whose content the line before the cursor belongs to. */
function containerAt(model: KubernetesModel, text: string, line: number, column: number): K8sContainer | undefined {
  const lines = linesOf(text);
  const previous = contentLine(text, lines, line, -1);
  if (!previous) return undefined;
  // `key:` awaiting its nested value: a new key here would take that value's place
  if (/:\s*$/.test(previous.text.replace(/\s#.*$/, ''))) return undefined;
  // a more indented line below belongs to something a key here would cut in two
  const next = contentLine(text, lines, line, 1);
  if (next && next.indent > column) return undefined;
  for (const object of model.objects) {
    for (const container of object.podTemplate?.allContainers ?? []) {
      if (container.node.flow || container.templated) continue;
      const keyColumn = container.start - (text.lastIndexOf('\n', container.start - 1) + 1);
      if (keyColumn === column && container.start <= previous.last && previous.last < container.end) return container;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Skeletons

const PROBE_SHAPE: Record<string, { path: string; period: string; failures: string }> = {
  livenessProbe: { path: '/healthz', period: '10', failures: '6' },
  readinessProbe: { path: '/ready', period: '5', failures: '3' },
  startupProbe: { path: '/healthz', period: '5', failures: '30' },
};

const HTTP_LIKE = /http|web|api|metrics/i;

/** The app's own HTTP port before an admin or metrics port, before any other. */
function portRank(name: string): number {
  if (/^https?$/i.test(name)) return 0;
  if (/http|web|api/i.test(name)) return 1;
  return HTTP_LIKE.test(name) ? 2 : 3;
}

/** The ports a probe may use, the preferred first: named ones (http-like first), then bare numbers. */
function portOptions(container: K8sContainer): { options: string[]; http: boolean; https: boolean } {
  const named = container.ports.filter((p) => p.name).map((p) => p.name!);
  named.sort((a, b) => portRank(a) - portRank(b));
  const numbers = container.ports.filter((p) => !p.name && p.containerPort !== undefined).map((p) => String(p.containerPort));
  const options = [...new Set([...named, ...numbers])];
  if (!options.length) return { options: ['8080'], http: true, https: false };
  const preferred = options[0];
  const isNamed = named.includes(preferred);
  return { options, http: isNamed && HTTP_LIKE.test(preferred), https: isNamed && /https/i.test(preferred) };
}

function skeletonFor(key: SkeletonKey, container: K8sContainer): Skeleton {
  let tab = 0;
  const slot = (options: string[]): Slot => ({ tab: ++tab, options });
  if (key === 'resources') {
    return {
      detail: 'CPU and memory requests, memory limit',
      lines: [[1, 'requests:'], [2, 'cpu: ', slot(['100m'])], [2, 'memory: ', slot(['128Mi'])], [1, 'limits:'], [2, 'memory: ', slot(['128Mi'])]],
    };
  }
  if (key === 'securityContext') {
    const podContext = getMap(container.template.spec, 'securityContext');
    // the pod may already choose the user for every container
    const user: Line[] = getNode(podContext, 'runAsUser') === undefined ? [[1, 'runAsUser: ', slot(['10001'])]] : [];
    return {
      detail: 'non-root, no privilege escalation, read-only root filesystem, no capabilities',
      lines: [
        [1, 'runAsNonRoot: true'],
        ...user,
        [1, 'allowPrivilegeEscalation: false'],
        [1, 'readOnlyRootFilesystem: ', slot(['true', 'false'])],
        [1, 'capabilities:'],
        [2, 'drop: [ALL]'],
        [1, 'seccompProfile:'],
        [2, 'type: RuntimeDefault'],
      ],
    };
  }
  const shape = PROBE_SHAPE[key];
  const ports = portOptions(container);
  const check: Line[] = ports.http
    ? [[1, 'httpGet:'], [2, 'path: ', slot([shape.path])], [2, 'port: ', slot(ports.options)], ...(ports.https ? [[2, 'scheme: HTTPS'] as Line] : [])]
    : [[1, 'tcpSocket:'], [2, 'port: ', slot(ports.options)]];
  return {
    detail: `${ports.http ? `httpGet ${shape.path}` : 'tcpSocket'} on port ${ports.options[0]}`,
    lines: [...check, [1, 'periodSeconds: ', slot([shape.period])], [1, 'failureThreshold: ', slot([shape.failures])]],
  };
}

/** The key line and its nested lines, indented from `column` by `unit` per depth. */
function layout(key: string, skeleton: Skeleton, column: number, unit: number, snippet: boolean): string[] {
  const render = (parts: Part[]) => parts.map((p) => (typeof p === 'string' ? (snippet ? escapeText(p) : p) : slotText(p, snippet))).join('');
  return [`${key}:`, ...skeleton.lines.map(([depth, ...parts]) => ' '.repeat(column + depth * unit) + render(parts))];
}

function slotText(slot: Slot, snippet: boolean): string {
  if (!snippet) return slot.options[0];
  if (slot.options.length === 1) return `\${${slot.tab}:${escapeText(slot.options[0])}}`;
  return `\${${slot.tab}|${slot.options.map((o) => o.replace(/[\\,|$}]/g, '\\$&')).join(',')}|}`;
}

const escapeText = (s: string) => s.replace(/[\\$}]/g, '\\$&');
