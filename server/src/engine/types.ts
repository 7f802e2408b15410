// The engine's vocabulary: plain ranges and edits, no LSP connection.
import type { Range } from 'vscode-languageserver-types';

export type { Range };

export type Language = 'dockerfile' | 'kubernetes' | 'compose';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** safe: applied by fix-all and `herd lint --fix`; suggestion: quick fix only; refactor: a code action of kind refactor.rewrite. */
export type FixKind = 'safe' | 'suggestion' | 'refactor';

/** An edit in document offsets; the engine converts it to an LSP TextEdit. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface FixProposal {
  title: string;
  kind: FixKind;
  /** Built only when a code action is requested. */
  edits(): OffsetEdit[];
  /** The document the edits apply to when it is not the linted one (a Dockerfile finding fixed in its manifest). */
  uri?: string;
}

export interface RuleMeta {
  id: string;
  languages: Language[];
  defaultSeverity: Severity;
  /** One line, shown in SARIF and hovers. */
  description: string;
  /** Concern folder: process, logging, image, scratch, hygiene, probes, security, workloads, workspace. */
  category: string;
  /** The kinds of fix this rule may offer; the engine drops any other. */
  fixes: FixKind[];
  /** Needs the workspace index (cross-file rules). */
  workspace?: boolean;
  /**
   * What a finding of this rule depends on. `document`: in a multi-document YAML file, what the rule reports in a
   * document depends only on that document's text and on the answers of the workspace view, so the engine reuses
   * its findings on the documents an edit did not touch (see engine/document-scope.ts); a workspace rule may be
   * document-scoped too, its questions to the view are recorded and asked again. `file` (the default): the whole
   * file, or `workspace`: the whole workspace; these run on every lint.
   */
  scope?: 'document' | 'file' | 'workspace';
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Offsets of the range, for suppression and fixes. */
  start: number;
  end: number;
  fixes: FixProposal[];
}

/** What a rule hands to `report`. */
export interface Report {
  start: number;
  end: number;
  message: string;
  fixes?: FixProposal[];
}
