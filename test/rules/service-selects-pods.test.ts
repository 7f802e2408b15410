import { ruleTable } from '../helpers/workspace-table';

const service = (selector: string, namespace?: string) => `apiVersion: v1
kind: Service
metadata:
  name: web${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
  selector:
${selector}  ports:
    - port: 80
`;

const deployment = (name: string, labels: string, namespace?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${namespace ? `\n  namespace: ${namespace}` : ''}
  labels: {app: ${name}, release: stable}
spec:
  selector:
    matchLabels:
${labels.replace(/^(?=.)/gm, '  ')}  template:
    metadata:
      labels:
${labels.replace(/^(?=.)/gm, '    ')}    spec:
      containers:
        - name: ${name}
          image: ${name}:1
`;

const APP_WEB = '    app: web\n';

ruleTable('service-selects-pods', {
  valid: [
    {
      name: 'Service and Deployment in one file',
      files: { 'k8s/web.yaml': `${service(APP_WEB)}---\n${deployment('web', APP_WEB)}` },
    },
    {
      name: 'the Deployment in another file',
      files: { 'k8s/svc.yaml': service(APP_WEB), 'k8s/deploy.yaml': deployment('web', '    app: web\n    tier: front\n') },
    },
    {
      name: 'the namespace has no workload in the workspace (it is deployed from elsewhere)',
      files: { 'k8s/svc.yaml': service(APP_WEB, 'shop'), 'k8s/deploy.yaml': deployment('api', '    app: api\n', 'billing') },
    },
    {
      name: 'a Service without namespace may be applied to the Deployment’s',
      files: { 'k8s/svc.yaml': service(APP_WEB), 'k8s/deploy.yaml': deployment('web', APP_WEB, 'shop') },
    },
    {
      name: 'no selector (Endpoints managed by hand), ExternalName',
      files: {
        'k8s/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  ports: [{port: 5432}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n  selector: {app: nothing}\n',
        'k8s/deploy.yaml': deployment('web', APP_WEB),
      },
    },
    {
      name: 'a Pod, a CronJob and an Argo Rollout have pod templates too',
      files: {
        'k8s/svc.yaml': `${service('    app: debug\n')}---\n${service('    app: report\n')}---\n${service('    app: canary\n')}`,
        'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  labels: {app: debug}\nspec:\n  containers: [{name: sh, image: busybox:1.36}]\n',
        'k8s/cron.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: report}}\n        spec:\n          containers: [{name: r, image: report:1}]\n',
        'k8s/rollout.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: canary}\nspec:\n  template:\n    metadata: {labels: {app: canary}}\n    spec:\n      containers: [{name: c, image: canary:1}]\n',
      },
    },
    {
      name: 'Helm: a templated selector, and templated pod labels',
      files: {
        'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  selector:\n    {{- include "web.selectorLabels" . | nindent 4 }}\n',
        'chart/templates/svc2.yaml': service('    app: {{ .Release.Name }}\n'),
        'chart/templates/other.yaml': service('    app: worker\n'),
        'chart/templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        {{- include "web.selectorLabels" . | nindent 8 }}\n    spec:\n      containers:\n        - name: web\n          image: web:1\n',
      },
    },
    {
      name: 'envsubst placeholders in the selector or the pod labels are filled in later',
      files: { 'k8s/svc.yaml': service('    app: ${APP}\n'), 'k8s/svc2.yaml': service('    app: web\n'), 'k8s/deploy.yaml': deployment('web', '    app: $(NAME)\n') },
    },
    {
      name: 'a namespaced Service, and workloads without namespace only: its namespace is not defined here',
      files: { 'k8s/svc.yaml': service('    app: grafana\n', 'monitoring'), 'k8s/deploy.yaml': deployment('web', APP_WEB) },
    },
    {
      name: 'a Service alone: no workloads in the workspace to compare with',
      files: { 'k8s/svc.yaml': service(APP_WEB) },
    },
  ],
  invalid: [
    {
      name: 'a typo in the selector value',
      files: { 'k8s/svc.yaml': service('    app: webb\n'), 'k8s/deploy.yaml': deployment('web', APP_WEB) },
      errors: ['k8s/svc.yaml 6:3-6:11'],
      messages: ['Service `web` selects app=webb, but no pod template of its namespace in the workspace has these labels: the Service has no endpoints and its traffic goes nowhere. Fix the selector or the pod labels. The closest is Deployment `web` (k8s/deploy.yaml), whose pods have app=web.'],
      noFix: true,
    },
    {
      name: 'the matching Deployment is in another namespace',
      files: {
        'k8s/svc.yaml': service(APP_WEB, 'shop'),
        'k8s/web.yaml': deployment('web', APP_WEB, 'staging'),
        'k8s/api.yaml': deployment('api', '    app: api\n', 'shop'),
      },
      errors: ['k8s/svc.yaml 7:3-7:11'],
      messages: ['no pod template in namespace `shop` in the workspace has these labels'],
    },
    {
      name: 'the pods lack one of the selected labels; the object’s own labels do not count',
      files: { 'k8s/all.yaml': `${deployment('web', APP_WEB)}---\n${service('    app: web\n    release: stable\n')}` },
      errors: ['k8s/all.yaml 24:3-24:11'],
      messages: ['selects app=web, release=stable, but no pod template of its namespace in the workspace has these labels: the Service has no endpoints and its traffic goes nowhere. Fix the selector or the pod labels. The closest is Deployment `web` (k8s/all.yaml), whose pods have no release.'],
    },
    {
      name: 'no pod template looks meant: no hint',
      files: { 'k8s/svc.yaml': service('    app: kibana\n', 'logs'), 'k8s/deploy.yaml': deployment('fluentd', '    app: fluentd\n', 'logs') },
      errors: ['k8s/svc.yaml 7:3-7:11'],
      messages: ['Service `web` selects app=kibana, but no pod template in namespace `logs` in the workspace has these labels: the Service has no endpoints and its traffic goes nowhere. Fix the selector or the pod labels.'],
      exactMessages: true,
    },
    {
      name: 'flow-style selector in a second namespace-less Service',
      files: {
        'k8s/svc.yaml': `${service(APP_WEB)}---\napiVersion: v1\nkind: Service\nmetadata: {name: metrics}\nspec: {selector: {app: prometheus}, ports: [{port: 9090}]}\n`,
        'k8s/deploy.yaml': deployment('web', APP_WEB),
      },
      errors: ['k8s/svc.yaml 14:8-14:16'],
      messages: ['Service `metrics` selects app=prometheus'],
    },
  ],
});
