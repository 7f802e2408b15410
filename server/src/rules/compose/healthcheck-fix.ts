// Shared by compose-healthcheck-required and compose-wait-for-healthy: the healthcheck a service lacks, for its image family.
import type { ComposeModel, ComposeService } from '../../parse/compose';
import { containerPortOf, healthcheckFor } from '../../knowledge/healthchecks';
import type { OffsetEdit } from '../../engine/types';
import { insertMapPair } from '../../parse/yaml-edit';
import { hasMergeKey } from '../shared/yaml-lookup';

export function serviceByName(model: ComposeModel, name: string): ComposeService | undefined {
  return model.services.find((s) => s.name === name);
}

/** The healthcheck value for a service: its family's check, else `wget` on its first port; undefined when neither is known. */
export function healthcheckValue(service: ComposeService): { test: string[]; interval: string; timeout: string; retries: number } | undefined {
  const env: Record<string, string> = {};
  for (const e of service.environment) if (e.value !== undefined) env[e.name] = e.value;
  const known = healthcheckFor(service.image?.text, env);
  let test = known?.test;
  if (!test) {
    const port = service.ports.map(containerPortOf).find((p) => p !== undefined);
    if (port === undefined) return undefined;
    test = ['CMD-SHELL', `wget -qO- http://localhost:${port}/ || exit 1`];
  }
  return { test, interval: '10s', timeout: '5s', retries: 5 };
}

/** Whether a healthcheck can be inserted: none yet, the service's keys all its own, a check known for it. */
export function canInsertHealthcheck(service: ComposeService): boolean {
  if (service.healthcheck || service.node.has('healthcheck') || hasMergeKey(service.node) || service.node.anchor) return false;
  if (!service.node.flow && service.node.items.length === 0) return false;
  return healthcheckValue(service) !== undefined;
}

/** Inserts `healthcheck:` as the service's last key; undefined when `canInsertHealthcheck` says no. */
export function insertHealthcheck(text: string, service: ComposeService): OffsetEdit | undefined {
  if (!canInsertHealthcheck(service)) return undefined;
  const value = healthcheckValue(service);
  if (!value) return undefined;
  try {
    return insertMapPair(text, service.node, 'healthcheck', value);
  } catch {
    return undefined;
  }
}
