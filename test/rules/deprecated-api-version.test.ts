import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

const template = ['  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers: [{name: web, image: "web:1"}]'];

ruleTable('deprecated-api-version', {
  valid: [
    { name: 'apps/v1 Deployment', code: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector: {matchLabels: {app: web}}', ...template) },
    { name: 'autoscaling/v1 and v2 HPAs are served', code: y('apiVersion: autoscaling/v1', 'kind: HorizontalPodAutoscaler', 'metadata: {name: a}', '---', 'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: b}') },
    { name: 'policy/v1beta1 is judged by kind: an unknown kind stays silent', code: y('apiVersion: policy/v1beta1', 'kind: Eviction', 'metadata: {name: e}') },
    { name: 'a CRD group that looks alike', code: y('apiVersion: networking.istio.io/v1beta1', 'kind: Gateway', 'metadata: {name: g}') },
    {
      name: 'Helm: alternatives chosen by cluster version, one of them served',
      filename: 'templates/ingress.yaml',
      code: y('{{- if semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion }}', 'apiVersion: networking.k8s.io/v1', '{{- else }}', 'apiVersion: networking.k8s.io/v1beta1', '{{- end }}', 'kind: Ingress', 'metadata: {name: x}'),
    },
    { name: 'Helm: templated apiVersion', filename: 'templates/hpa.yaml', code: y('apiVersion: {{ include "hpa.apiVersion" . }}', 'kind: HorizontalPodAutoscaler', 'metadata: {name: x}') },
  ],
  invalid: [
    {
      name: 'CronJob batch/v1beta1 → batch/v1 (compatible)',
      code: y('apiVersion: batch/v1beta1  # old cluster', 'kind: CronJob', 'metadata: {name: c}'),
      errors: ['1:13-1:26'],
      messages: ['`batch/v1beta1` CronJob was removed in Kubernetes 1.25'],
      output: y('apiVersion: batch/v1  # old cluster', 'kind: CronJob', 'metadata: {name: c}'),
    },
    {
      name: 'PodDisruptionBudget policy/v1beta1 → policy/v1; quoted value keeps its quotes; after ---; CRLF',
      code: crlf(y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', 'apiVersion: "policy/v1beta1"', 'kind: PodDisruptionBudget', 'metadata: {name: p}', 'spec: {minAvailable: 1}')),
      errors: ['5:13-5:29'],
      output: crlf(y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', 'apiVersion: "policy/v1"', 'kind: PodDisruptionBudget', 'metadata: {name: p}', 'spec: {minAvailable: 1}')),
    },
    {
      name: 'HPA autoscaling/v2beta2 → autoscaling/v2 (compatible); a flow-style document',
      code: y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', '{apiVersion: autoscaling/v2beta2, kind: HorizontalPodAutoscaler, metadata: {name: h}}'),
      errors: ['5:14-5:33'],
      output: y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', '{apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, metadata: {name: h}}'),
    },
    {
      name: 'HPA autoscaling/v2beta1: metric fields changed, no fix',
      code: y('apiVersion: autoscaling/v2beta1', 'kind: HorizontalPodAutoscaler', 'metadata: {name: h}'),
      errors: ['1:13-1:32'],
      messages: ['Move to `autoscaling/v2`: metric targets moved into `target`'],
      noFix: true,
    },
    {
      name: 'extensions/v1beta1 Deployment with a selector → apps/v1',
      code: y('apiVersion: extensions/v1beta1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector:', '    matchLabels: {app: web}', ...template),
      errors: ['1:13-1:31'],
      messages: ['`extensions/v1beta1` Deployment was removed in Kubernetes 1.16: the API server rejects this manifest. Use `apps/v1`.'],
      output: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector:', '    matchLabels: {app: web}', ...template),
    },
    {
      name: 'extensions/v1beta1 Deployment without a selector: apps/v1 requires one, no fix',
      code: y('apiVersion: extensions/v1beta1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', ...template),
      errors: ['1:13-1:31'],
      messages: ['add `spec.selector` matching the template labels'],
      noFix: true,
    },
    {
      name: 'apps/v1beta1 Deployment with rollbackTo: the field is gone, no fix',
      code: y('apiVersion: apps/v1beta1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector: {matchLabels: {app: web}}', '  rollbackTo: {revision: 2}', ...template),
      errors: ['1:13-1:25'],
      messages: ['remove `spec.rollbackTo`'],
      noFix: true,
    },
    {
      name: 'Ingress networking.k8s.io/v1beta1: backends changed, no fix',
      code: y('apiVersion: networking.k8s.io/v1beta1', 'kind: Ingress', 'metadata: {name: i}', 'spec:', '  backend: {serviceName: web, servicePort: 80}'),
      errors: ['1:13-1:38'],
      messages: ['Move to `networking.k8s.io/v1`: backends became'],
      noFix: true,
    },
    {
      name: 'PodSecurityPolicy: removed without replacement',
      code: y('apiVersion: policy/v1beta1', 'kind: PodSecurityPolicy', 'metadata: {name: restricted}'),
      errors: ['1:13-1:27'],
      messages: ['There is no replacement API: use Pod Security Admission'],
      noFix: true,
    },
    {
      name: 'Helm: every alternative removed: each is reported',
      filename: 'templates/ingress.yaml',
      code: y('{{- if semverCompare ">=1.14-0" .Capabilities.KubeVersion.GitVersion -}}', 'apiVersion: networking.k8s.io/v1beta1', '{{- else -}}', 'apiVersion: extensions/v1beta1', '{{- end }}', 'kind: Ingress', 'metadata: {name: x}'),
      errors: ['2:13-2:38', '4:13-4:31'],
    },
    {
      name: 'RBAC v1beta1 → v1 (compatible), 4-space indent',
      code: y('apiVersion: rbac.authorization.k8s.io/v1beta1', 'kind: ClusterRole', 'metadata:', '    name: reader', 'rules:', '    -   apiGroups: [""]', '        resources: [pods]', '        verbs: [get]'),
      errors: ['1:13-1:46'],
      output: y('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '    name: reader', 'rules:', '    -   apiGroups: [""]', '        resources: [pods]', '        verbs: [get]'),
    },
  ],
});
