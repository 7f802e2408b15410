// The shape of a rule module: metadata plus a check over one parsed file.
import type { Container } from '../parse/container';
import type { DockerfileModel } from '../parse/dockerfile';
import type { KubernetesModel } from '../parse/kubernetes';
import type { ComposeModel } from '../parse/compose';
import type { Report, RuleMeta } from './types';
import type { WorkspaceView } from './workspace';

export type ParsedFile = DockerfileModel | KubernetesModel | ComposeModel;

export interface RuleContext {
  file: ParsedFile;
  /** Containers described by the file: a Dockerfile's final stage, every manifest container, every Compose service. */
  containers(): Container[];
  /** Cross-file facts; present for rules with `meta.workspace`. */
  workspace?: WorkspaceView;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
