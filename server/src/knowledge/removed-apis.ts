// API versions that Kubernetes no longer serves, by kind, from the upstream deprecated-API migration guide.
// `fix` says whether swapping the apiVersion alone yields a valid object of the replacement version.

export interface RemovedApi {
  kind: string;
  apiVersion: string;
  /** The Kubernetes minor release that stopped serving it. */
  removedIn: string;
  /** The served version to move to; absent when the API was removed without replacement. */
  replacement?: string;
  /**
   * 'swap': same schema, change apiVersion only. 'needs-selector': apps/v1 requires `spec.selector`
   * (the beta versions defaulted it from the template labels). 'manual': fields changed.
   */
  fix: 'swap' | 'needs-selector' | 'manual';
  /** Fields of the old version that the replacement dropped: when present, no swap is offered. */
  dropped?: string[];
  /** What changed, for the message when the swap is not enough. */
  note?: string;
}

const APPS = 'apps/v1';

function rows(kinds: string[], versions: string[], rest: Omit<RemovedApi, 'kind' | 'apiVersion'>): RemovedApi[] {
  return kinds.flatMap((kind) => versions.map((apiVersion) => ({ kind, apiVersion, ...rest })));
}

export const REMOVED_APIS: readonly RemovedApi[] = [
  // 1.16
  ...rows(['Deployment'], ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'], { removedIn: '1.16', replacement: APPS, fix: 'needs-selector', dropped: ['rollbackTo'] }),
  ...rows(['ReplicaSet'], ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'], { removedIn: '1.16', replacement: APPS, fix: 'needs-selector' }),
  ...rows(['DaemonSet'], ['extensions/v1beta1', 'apps/v1beta2'], { removedIn: '1.16', replacement: APPS, fix: 'needs-selector', dropped: ['templateGeneration'] }),
  ...rows(['StatefulSet'], ['apps/v1beta1', 'apps/v1beta2'], { removedIn: '1.16', replacement: APPS, fix: 'needs-selector' }),
  ...rows(['ControllerRevision'], ['apps/v1beta1', 'apps/v1beta2'], { removedIn: '1.16', replacement: APPS, fix: 'swap' }),
  { kind: 'NetworkPolicy', apiVersion: 'extensions/v1beta1', removedIn: '1.16', replacement: 'networking.k8s.io/v1', fix: 'swap' },
  { kind: 'PodSecurityPolicy', apiVersion: 'extensions/v1beta1', removedIn: '1.16', fix: 'manual', note: 'PodSecurityPolicy itself was removed in 1.25 with no replacement API: use Pod Security Admission (namespace labels `pod-security.kubernetes.io/enforce`) or a policy engine' },
  // 1.22
  ...rows(['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], ['admissionregistration.k8s.io/v1beta1'], { removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', fix: 'manual', note: '`sideEffects` and `admissionReviewVersions` are required and several defaults changed' }),
  { kind: 'CustomResourceDefinition', apiVersion: 'apiextensions.k8s.io/v1beta1', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', fix: 'manual', note: 'each version needs its own structural `schema.openAPIV3Schema` and `spec.validation`/`additionalPrinterColumns` moved under `versions`' },
  { kind: 'APIService', apiVersion: 'apiregistration.k8s.io/v1beta1', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1', fix: 'swap' },
  { kind: 'TokenReview', apiVersion: 'authentication.k8s.io/v1beta1', removedIn: '1.22', replacement: 'authentication.k8s.io/v1', fix: 'swap' },
  ...rows(['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'], ['authorization.k8s.io/v1beta1'], { removedIn: '1.22', replacement: 'authorization.k8s.io/v1', fix: 'manual', note: '`spec.group` was renamed `spec.groups`' }),
  { kind: 'CertificateSigningRequest', apiVersion: 'certificates.k8s.io/v1beta1', removedIn: '1.22', replacement: 'certificates.k8s.io/v1', fix: 'manual', note: '`spec.signerName` is required' },
  { kind: 'Lease', apiVersion: 'coordination.k8s.io/v1beta1', removedIn: '1.22', replacement: 'coordination.k8s.io/v1', fix: 'swap' },
  ...rows(['Ingress'], ['extensions/v1beta1', 'networking.k8s.io/v1beta1'], { removedIn: '1.22', replacement: 'networking.k8s.io/v1', fix: 'manual', note: 'backends became `service.name` / `service.port.number|name` and every path needs a `pathType`' }),
  { kind: 'IngressClass', apiVersion: 'networking.k8s.io/v1beta1', removedIn: '1.22', replacement: 'networking.k8s.io/v1', fix: 'swap' },
  ...rows(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], ['rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1'], { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', fix: 'swap' }),
  ...rows(['PriorityClass'], ['scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha1'], { removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', fix: 'swap' }),
  ...rows(['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], ['storage.k8s.io/v1beta1'], { removedIn: '1.22', replacement: 'storage.k8s.io/v1', fix: 'swap' }),
  // 1.25
  { kind: 'CronJob', apiVersion: 'batch/v1beta1', removedIn: '1.25', replacement: 'batch/v1', fix: 'swap' },
  { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1beta1', removedIn: '1.25', replacement: 'discovery.k8s.io/v1', fix: 'manual', note: '`topology` became `deprecatedTopology` and per-endpoint `nodeName`/`zone`' },
  { kind: 'Event', apiVersion: 'events.k8s.io/v1beta1', removedIn: '1.25', replacement: 'events.k8s.io/v1', fix: 'manual', note: '`type` is limited to Normal and Warning and `involvedObject` became `regarding`' },
  { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2beta1', removedIn: '1.25', replacement: 'autoscaling/v2', fix: 'manual', note: 'metric targets moved into `target` (`targetAverageUtilization` → `target.averageUtilization`)' },
  { kind: 'PodDisruptionBudget', apiVersion: 'policy/v1beta1', removedIn: '1.25', replacement: 'policy/v1', fix: 'swap' },
  { kind: 'PodSecurityPolicy', apiVersion: 'policy/v1beta1', removedIn: '1.25', fix: 'manual', note: 'there is no replacement API: use Pod Security Admission (namespace labels `pod-security.kubernetes.io/enforce`) or a policy engine' },
  { kind: 'RuntimeClass', apiVersion: 'node.k8s.io/v1beta1', removedIn: '1.25', replacement: 'node.k8s.io/v1', fix: 'swap' },
  // 1.26
  { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2beta2', removedIn: '1.26', replacement: 'autoscaling/v2', fix: 'swap' },
  { kind: 'FlowSchema', apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', fix: 'swap' },
  { kind: 'PriorityLevelConfiguration', apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', fix: 'manual', note: '`assuredConcurrencyShares` became `nominalConcurrencyShares`' },
  // 1.27
  { kind: 'CSIStorageCapacity', apiVersion: 'storage.k8s.io/v1beta1', removedIn: '1.27', replacement: 'storage.k8s.io/v1', fix: 'swap' },
  // 1.29
  { kind: 'FlowSchema', apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', fix: 'swap' },
  { kind: 'PriorityLevelConfiguration', apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', fix: 'manual', note: '`assuredConcurrencyShares` became `nominalConcurrencyShares`' },
  // 1.32
  ...rows(['FlowSchema', 'PriorityLevelConfiguration'], ['flowcontrol.apiserver.k8s.io/v1beta3'], { removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', fix: 'swap' }),
];

const byKey = new Map(REMOVED_APIS.map((r) => [`${r.apiVersion} ${r.kind}`, r]));

/** The removal record of `apiVersion` for `kind`, if Kubernetes no longer serves it. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return byKey.get(`${apiVersion.trim()} ${kind.trim()}`);
}
