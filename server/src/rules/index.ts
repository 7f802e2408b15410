// The registry: every rule, sorted by id. Adding a rule = one import and one entry here.
import type { Rule } from '../engine/rule';
import noBackgroundProcess from './process/no-background-process';
import noKeepaliveCommand from './process/no-keepalive-command';
import livenessProbe from './probes/liveness-probe';
import readinessProbe from './probes/readiness-probe';

const rules: Rule[] = [noBackgroundProcess, noKeepaliveCommand, livenessProbe, readinessProbe];

export const allRules: readonly Rule[] = rules.sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
