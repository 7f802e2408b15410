// Hovers are built from a list of providers, each adding a markdown section; more (images, …) can be added.
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import { ruleDocUrl } from '../engine/index';
import type { LintEntry } from './document-linter';
import { imageHover } from './image-hover';
import { imageLinkHover } from './image-link-hover';
import type { Rule } from '../engine/rule';
import type { WorkspaceIndex } from '../engine/workspace-index';

export interface HoverContext {
  uri: string;
  position: Position;
  offset: number;
  entry: LintEntry;
  docsBase: string;
  rules: readonly Rule[];
  /** The workspace index, for what a manifest's image links to. */
  index?: WorkspaceIndex;
}

export interface HoverSection {
  markdown: string;
  range?: Range;
}

export type HoverProvider = (context: HoverContext) => HoverSection[];

/** The rule behind each Herd finding under the cursor: what it checks, its severity here, its page. */
export const findingHover: HoverProvider = ({ entry, offset, docsBase, rules }) => {
  const sections: HoverSection[] = [];
  const seen = new Set<string>();
  for (const f of entry.result?.findings ?? []) {
    const inside = f.start === f.end ? offset === f.start : f.start <= offset && offset < f.end;
    if (!inside || seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const rule = rules.find((r) => r.meta.id === f.ruleId);
    const lines = [`**Herd** \`${f.ruleId}\` · ${f.severity}`];
    if (rule) lines.push(rule.meta.description);
    lines.push(`[Documentation for ${f.ruleId}](${ruleDocUrl(f.ruleId, docsBase)})`);
    sections.push({ markdown: lines.join('\n\n'), range: f.range });
  }
  return sections;
};

export const hoverProviders: HoverProvider[] = [findingHover, imageHover, imageLinkHover];

/** One failing provider costs only its own section. */
export function hoverAt(context: HoverContext, providers: readonly HoverProvider[] = hoverProviders, onError?: (error: unknown) => void): Hover | null {
  const sections = providers.flatMap((provider) => {
    try {
      return provider(context);
    } catch (error) {
      onError?.(error);
      return [];
    }
  });
  if (!sections.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.map((s) => s.markdown).join('\n\n---\n\n') },
    range: sections.find((s) => s.range)?.range,
  };
}
