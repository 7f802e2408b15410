// kube-linter checks that have a Herd equivalent, so `ignore-check.kube-linter.io/<check>`
// annotations keep working. Checks without an exact Herd rule (no-read-only-root-fs,
// privilege-escalation-container, mismatching-selector, …) are absent and silence nothing.

export interface KubeLinterMapping {
  check: string;
  /** kube-linter's own description of the check. */
  description: string;
  herd: string[];
}

export const KUBE_LINTER_TO_HERD: readonly KubeLinterMapping[] = [
  { check: 'dangling-service', description: 'Indicates when services do not have any associated deployments.', herd: ['service-selects-pods'] },
  { check: 'env-var-secret', description: 'Indicates when objects use a secret in an environment variable.', herd: ['no-secrets-in-env'] },
  { check: 'host-network', description: "Alert on pods/deployment-likes with sharing host's network namespace", herd: ['host-network'] },
  { check: 'latest-tag', description: 'Indicates when a deployment-like object is running a container with an invalid container image', herd: ['pin-image-tag'] },
  { check: 'liveness-port', description: 'Indicates when containers have a liveness probe to a not exposed port.', herd: ['probe-port-defined'] },
  { check: 'no-extensions-v1beta', description: 'Indicates when objects use deprecated API versions under extensions/v1beta.', herd: ['deprecated-api-version'] },
  { check: 'no-liveness-probe', description: 'Indicates when containers fail to specify a liveness probe.', herd: ['liveness-probe'] },
  { check: 'no-readiness-probe', description: 'Indicates when containers fail to specify a readiness probe.', herd: ['readiness-probe'] },
  { check: 'privileged-container', description: 'Indicates when deployments have containers running in privileged mode.', herd: ['no-privileged'] },
  { check: 'readiness-port', description: 'Indicates when containers have a readiness probe to a not exposed port.', herd: ['probe-port-defined'] },
  { check: 'run-as-non-root', description: 'Indicates when containers are not set to runAsNonRoot.', herd: ['run-as-non-root'] },
  { check: 'startup-port', description: 'Indicates when containers have a startup probe to a not exposed port.', herd: ['probe-port-defined'] },
  // kube-linter asks for CPU requests and limits; Herd has no CPU-limit rule by design.
  { check: 'unset-cpu-requirements', description: 'Indicates when containers do not have CPU requests and limits set.', herd: ['resource-requests'] },
  { check: 'unset-memory-requirements', description: 'Indicates when containers do not have memory requests and limits set.', herd: ['resource-requests', 'memory-limit'] },
];

const byCheck = new Map(KUBE_LINTER_TO_HERD.map((m) => [m.check, m.herd]));

/** The Herd rule ids a kube-linter check stands for; [] when Herd has no equivalent. */
export function kubeLinterToHerd(check: string): string[] {
  return [...(byCheck.get(check.trim().toLowerCase()) ?? [])];
}
