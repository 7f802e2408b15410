// The registry: every rule, sorted by id. Adding a rule = one import and one entry here.
import type { Rule } from '../engine/rule';
import noBackgroundProcess from './process/no-background-process';
import noKeepaliveCommand from './process/no-keepalive-command';
import livenessProbe from './probes/liveness-probe';
import readinessProbe from './probes/readiness-probe';
import distinctProbes from './probes/distinct-probes';
import probePortDefined from './probes/probe-port-defined';
import resourceRequests from './workloads/resource-requests';
import memoryLimit from './workloads/memory-limit';
import statelessDeployment from './workloads/stateless-deployment';
import deprecatedApiVersion from './workloads/deprecated-api-version';
import runAsNonRoot from './security/run-as-non-root';
import noPrivileged from './security/no-privileged';
import hostNetwork from './security/host-network';
import ingressTls from './security/ingress-tls';
import execFormCommand from './process/exec-form-command';
import oneProcessPerContainer from './process/one-process-per-container';
import singleStartInstruction from './process/single-start-instruction';
import logToStdout from './logging/log-to-stdout';
import serviceLogsToFile from './logging/service-logs-to-file';
import scratchStaticBinary from './scratch/scratch-static-binary';
import scratchCaCertificates from './scratch/scratch-ca-certificates';
import scratchNumericUser from './scratch/scratch-numeric-user';
import nonRootUser from './security/non-root-user';
import leanBaseImage from './image/lean-base-image';
import buildToolsInFinalImage from './image/build-tools-in-final-image';
import aptCleanLists from './cache/apt-clean-lists';
import aptNoInstallRecommends from './cache/apt-no-install-recommends';
import apkNoCache from './cache/apk-no-cache';
import pipNoCacheDir from './cache/pip-no-cache-dir';
import rpmCleanCache from './cache/rpm-clean-cache';
import pinImageTag from './hygiene/pin-image-tag';
import copyNotAdd from './hygiene/copy-not-add';
import noSecretsInEnv from './security/no-secrets-in-env';
import noSudo from './security/no-sudo';
import sharedBaseDistribution from './workspace/shared-base-distribution';
import serviceSelectsPods from './workspace/service-selects-pods';
import imageUserVerifiable from './workspace/image-user-verifiable';
import containerPortExposed from './workspace/container-port-exposed';
import healthcheckToProbe from './workspace/healthcheck-to-probe';
import composeShellOperators from './compose/compose-shell-operators';
import composeDollarEscape from './compose/compose-dollar-escape';
import composeHealthcheckRequired from './compose/compose-healthcheck-required';
import composeWaitForHealthy from './compose/compose-wait-for-healthy';

const rules: Rule[] = [noBackgroundProcess, noKeepaliveCommand, livenessProbe, readinessProbe,
  distinctProbes, probePortDefined, resourceRequests, memoryLimit, statelessDeployment, deprecatedApiVersion, runAsNonRoot, noPrivileged, hostNetwork, ingressTls,
  execFormCommand, oneProcessPerContainer, singleStartInstruction, logToStdout, serviceLogsToFile, scratchStaticBinary, scratchCaCertificates, scratchNumericUser, nonRootUser,
  leanBaseImage, buildToolsInFinalImage, aptCleanLists, aptNoInstallRecommends, apkNoCache, pipNoCacheDir, rpmCleanCache, pinImageTag, copyNotAdd, noSecretsInEnv, noSudo,
  sharedBaseDistribution, serviceSelectsPods, imageUserVerifiable, containerPortExposed, healthcheckToProbe,
  composeShellOperators, composeDollarEscape, composeHealthcheckRequired, composeWaitForHealthy];

export const allRules: readonly Rule[] = rules.sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
