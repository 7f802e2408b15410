// The documents of a YAML stream, parsed one `---` section at a time so that an edit re-parses only the
// section it touches: while typing in a 3,000-line manifest, the other documents are reused from the last
// parse of the same file (shifted when the edit moved them). Every reused document equals a fresh parse.
import { Alias, Composer, CST, Document, Pair, Parser, Scalar, YAMLMap, YAMLParseError, YAMLSeq, type DocumentOptions, type ErrorCode, type ParseOptions, type SchemaOptions } from 'yaml';

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
  // at a line start: after a line feed (yaml reads a lone CR inside a comment as part of it)
  const marker = /(?<![^\n])---(?=[ \t\r\n]|$)/g;
  for (let m = marker.exec(text); m; m = marker.exec(text)) if (m.index > 0) starts.push(m.index);
  // comments before the first marker belong to the first document
  if (starts.length > 1 && onlyBlanksAndComments(text, starts[1])) starts.splice(1, 1);
  return starts;
}

/**
 * Whether the text before `end` is blank lines and comment lines only. Line by line: one regular expression for the
 * whole span backtracked exponentially on comment lines ending in CR LF (6 s on a 4 kB file the fuzzer made).
 */
function onlyBlanksAndComments(text: string, end: number): boolean {
  for (let from = 0; from < end; ) {
    const nl = text.indexOf('\n', from);
    // each line ends in its line break
    if (nl < 0 || nl >= end || !/^[ \t]*(?:#[^\n]*|\r)?$/.test(text.slice(from, nl))) return false;
    from = nl + 1;
  }
  return true;
}

function parseSection(text: string, start: number, options: Options): Document.Parsed[] {
  const parser = new Parser();
  // token offsets count from here: the section's nodes get their offsets in the whole file
  parser.offset = start;
  const tokens = parser.parse(text);
  const docs: Document.Parsed[] = [];
  /** The document last given up on: it ends where the next token starts, or with the section. */
  let givenUp: Document.Parsed | undefined;
  for (;;) {
    const composer = new Composer(options);
    const inside = capErrors(composer);
    let last: CST.Token | undefined;
    // no `return()`: when composing gives up on a document, the parser's stream stays open for the next ones
    const seen: Iterable<CST.Token> = {
      [Symbol.iterator]: () => ({
        next: () => {
          let step = tokens.next();
          if (givenUp) {
            // the `...` that ends a document given up on is its own, not an error of the next composer's
            if (!step.done && step.value.type === 'doc-end') step = tokens.next();
            const end = step.done ? start + text.length : step.value.offset;
            givenUp.range = [givenUp.range[0], end, end];
            givenUp = undefined;
          }
          if (!step.done) last = step.value;
          return step;
        },
      }),
    };
    try {
      for (const doc of composer.compose(seen)) docs.push(doc);
      return docs;
    } catch (error) {
      if (!(error instanceof TooManyErrors) || !last) throw error;
      // the document before it is held back until the next one is composed
      if (inside.doc) docs.push(inside.doc);
      givenUp = abandoned(last.offset, inside.errors, options);
      docs.push(givenUp);
    }
  }
}

/**
 * The errors a YAML document may have before Herd stops composing it. Some junk (45,000 lines of `\`) makes yaml
 * report two errors per line, each an Error object with a stack: most of a one-second lint. Past the cap the
 * document is reported as not parsing, as it would be anyway, and the next documents are read.
 */
export const MAX_YAML_ERRORS = 100;

class TooManyErrors extends Error {}

type OnError = (source: unknown, code: ErrorCode, message: string, warning?: boolean) => void;

interface ComposerInside {
  onError: OnError;
  errors: YAMLParseError[];
  /** The last document composed, yielded once the next one starts. */
  doc: Document.Parsed | null;
}

/** Makes the composer throw past MAX_YAML_ERRORS errors in a document; its insides, to pick up what it held. */
function capErrors(composer: Composer): ComposerInside {
  const inside = composer as unknown as ComposerInside;
  const record = inside.onError;
  inside.onError = (source, code, message, warning) => {
    if (!warning && inside.errors.length >= MAX_YAML_ERRORS) throw new TooManyErrors();
    record(source, code, message, warning);
  };
  return inside;
}

/** A document given up on: no contents, its first errors and one saying why the rest were not read. */
function abandoned(start: number, errors: YAMLParseError[], options: Options): Document.Parsed {
  const doc = new Document(undefined, options) as unknown as Document.Parsed;
  // the end is set once the next token (or the end of the section) is reached
  doc.range = [start, start, start];
  const at = errors.length ? errors[errors.length - 1].pos[1] : start;
  doc.errors = [...errors, new YAMLParseError([at, at], 'UNEXPECTED_TOKEN', `more than ${MAX_YAML_ERRORS} YAML errors in this document: Herd stopped reading it`)];
  return doc;
}


// yaml marks node types with this registered symbol (a non-enumerable property set by each constructor)
const NODE_TYPE = Symbol.for('yaml.node.type');
type Range = [number, number, number];
type AnyNode = { range?: Range | null; items?: unknown[]; key?: unknown; value?: unknown; contents?: unknown; schema?: unknown; [NODE_TYPE]?: symbol };
// the node classes a document is copied through (custom tags such as !!omap bind methods per instance)
const COPYABLE = new Set<unknown>([Scalar, YAMLMap, YAMLSeq, Pair, Alias]);

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
  return copyable ? (copy as unknown as Document.Parsed) : undefined;
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
