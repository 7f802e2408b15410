// BuildKit build checks (Dockerfile 1.8+) that have a Herd equivalent, so that a `# check=skip=<Check>` parser
// directive silences the same finding in Herd. Check names and meanings from Docker's reference,
// https://docs.docker.com/reference/build-checks/ (the table of moby/buildkit frontend/dockerfile/docs/rules/_index.md).
// Only true equivalents are listed: StageNameCasing, FromAsCasing, MaintainerDeprecated, UndefinedVar, … check
// things Herd does not, and skipping them silences nothing here.

export interface BuildkitMapping {
  check: string;
  /** Docker's description of the check. */
  title: string;
  herd: string[];
}

export const BUILDKIT_TO_HERD: readonly BuildkitMapping[] = [
  // https://docs.docker.com/reference/build-checks/json-args-recommended/
  { check: 'JSONArgsRecommended', title: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals', herd: ['exec-form-command'] },
  // https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/
  { check: 'SecretsUsedInArgOrEnv', title: 'Sensitive data should not be used in the ARG or ENV commands', herd: ['no-secrets-in-env'] },
  // https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/ (CMD, ENTRYPOINT, HEALTHCHECK)
  { check: 'MultipleInstructionsDisallowed', title: 'Multiple instructions of the same type should not be used in the same stage', herd: ['single-start-instruction'] },
];

const byCheck = new Map(BUILDKIT_TO_HERD.map((m) => [m.check.toLowerCase(), m.herd]));

/**
 * The Herd rule ids a BuildKit check name stands for (case-insensitive); [] when Herd has no equivalent. `all`
 * skips every BuildKit check, so it stands for the Herd equivalents of every listed check, not for all of Herd.
 */
export function buildkitToHerd(check: string): string[] {
  const name = check.trim().toLowerCase();
  if (name === 'all') return [...new Set(BUILDKIT_TO_HERD.flatMap((m) => m.herd))];
  return [...(byCheck.get(name) ?? [])];
}
