// The documents of a YAML stream, parsed one `---` section at a time so that an edit re-parses only the
// section it touches: while typing in a 3,000-line manifest, the other documents are reused from the last
// parse of the same file (shifted when the edit moved them). Every reused document equals a fresh parse.
import { Alias, Composer, Pair, Parser, Scalar, YAMLMap, YAMLSeq, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

interface Section {
  text: string;
  start: number;
  docs: Document.Parsed[];
}

/** The last sections of a few recently parsed files (an editor types into a handful at a time). */
const recent = new Map<string, Section[]>();
const RECENT_FILES = 8;

/** Line starts of `---` markers: each opens a document. `...` and `%` directives make the stream stateful. */
function sectionStarts(text: string): number[] | undefined {
  if (/^(?:%|\.\.\.(?:[ \t\r\n]|$))/m.test(text)) return undefined;
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) if (m.index > 0) starts.push(m.index);
  // comments before the first marker belong to the first document
  if (starts.length > 1 && /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*$/.test(text.slice(0, starts[1]))) starts.splice(1, 1);
  return starts;
}

function parseSection(text: string, start: number, options: Options): Document.Parsed[] {
  const parser = new Parser();
  // token offsets count from here: the section's nodes get their offsets in the whole file
  parser.offset = start;
  return Array.from(new Composer(options).compose(parser.parse(text)));
}

// yaml marks node types with this registered symbol (a non-enumerable property set by each constructor)
const NODE_TYPE = Symbol.for('yaml.node.type');
type Range = [number, number, number];
type AnyNode = { range?: Range | null; items?: unknown[]; key?: unknown; value?: unknown; contents?: unknown; schema?: unknown; [NODE_TYPE]?: symbol };
// the node classes a document is copied through (custom tags such as !!omap bind methods per instance)
const COPYABLE = new Set<unknown>([Scalar, YAMLMap, YAMLSeq, Pair, Alias]);

/** Each moved copy and the document it was copied from: a linter reuses what it found in the original. */
const copiedFrom = new WeakMap<Document.Parsed, Document.Parsed>();

/** The document of an earlier parse that `doc` is a moved copy of, if it is one. */
export function movedFrom(doc: Document.Parsed): Document.Parsed | undefined {
  return copiedFrom.get(doc);
}

/**
 * A document parsed at another offset, moved by `delta`: a copy, since findings of the last lint still point
 * into the original. Nodes are made by their own constructors (yaml's `clone()` copies property descriptors
 * one by one, which costs half a parse). Undefined when a node is of a class not copied here.
 */
function shifted(doc: Document.Parsed, delta: number): Document.Parsed | undefined {
  let copyable = true;
  const move = <T>(node: T): T => {
    // nodes only: a scalar's own value (a string, a number, a Date…) stays as it is
    if (node === null || typeof node !== 'object' || (node as AnyNode)[NODE_TYPE] === undefined) return node;
    const from = node as AnyNode;
    const Class = from.constructor as new (arg?: unknown) => AnyNode;
    if (!COPYABLE.has(Class)) copyable = false;
    const copy = Object.assign(Array.isArray(from.items) ? new Class(from.schema) : new Class(), from);
    if (from.range) copy.range = [from.range[0] + delta, from.range[1] + delta, from.range[2] + delta];
    if (Array.isArray(from.items)) copy.items = from.items.map(move);
    if ('key' in from) copy.key = move(from.key);
    if ('value' in from) copy.value = move(from.value);
    return copy as T;
  };
  const copy = Object.assign(Object.create(Object.getPrototypeOf(doc) as object) as AnyNode, doc);
  Object.defineProperty(copy, NODE_TYPE, { value: (doc as AnyNode)[NODE_TYPE] });
  copy.contents = move(doc.contents);
  copy.range = [doc.range[0] + delta, doc.range[1] + delta, doc.range[2] + delta];
  if (!copyable) return undefined;
  copiedFrom.set(copy as unknown as Document.Parsed, doc);
  return copy as unknown as Document.Parsed;
}

/**
 * `parseAllDocuments(text, options)` (the documents only), reusing the unchanged sections of the last parse
 * of `key`. Sections with warnings are parsed again (their messages carry offsets); streams with errors whole.
 */
export function parseYamlStream(text: string, options: Options, key?: string): Document.Parsed[] {
  const starts = sectionStarts(text);
  if (!starts) return parseSection(text, 0, options);
  const before = new Map<string, Section>();
  for (const s of (key !== undefined && recent.get(key)) || []) if (!s.docs.some((d) => d.warnings.length)) before.set(s.text, s);
  const sections: Section[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const sectionText = text.slice(start, starts[i + 1] ?? text.length);
    const old = before.get(sectionText);
    let docs: Document.Parsed[];
    if (old && old.start === start) {
      docs = old.docs;
      before.delete(sectionText);
    } else {
      const moved = old?.docs.map((d) => shifted(d, start - old.start));
      docs = moved?.every((d) => d !== undefined) ? (moved as Document.Parsed[]) : parseSection(sectionText, start, options);
    }
    sections.push({ text: sectionText, start, docs });
  }
  // where a document is broken, where it ends can depend on what follows it: such a stream is parsed whole
  // (typing through a transient error), and the sections of the last clean parse stay for the next edit
  if (sections.some((s) => s.docs.some((d) => d.errors.length > 0))) {
    // one section is the whole stream already: do not parse a broken file twice
    return sections.length === 1 ? sections[0].docs : parseSection(text, 0, options);
  }
  if (key !== undefined) {
    recent.delete(key);
    recent.set(key, sections);
    if (recent.size > RECENT_FILES) recent.delete(recent.keys().next().value as string);
  }
  return sections.flatMap((s) => s.docs);
}
