import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';

const pod = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:'];

ruleTable('no-privileged', {
  valid: [
    { name: 'privileged: false', code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext:', '      privileged: false') },
    { name: 'capabilities instead', code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext: {capabilities: {add: [NET_ADMIN]}}') },
    { name: 'a quoted "true" is a string (the API server rejects it), not privileged', code: y(...pod, '  containers:', '  - {name: app, image: "app:1", securityContext: {privileged: "true"}}') },
    { name: 'Helm: templated value', filename: 'templates/p.yaml', code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext:', '      privileged: {{ .Values.privileged }}') },
    { name: 'CRD stays silent', code: y('apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata: {name: w}', 'spec:', '  templates:', '  - name: t', '    container: {image: "a:1", securityContext: {privileged: true}}') },
    { name: 'pod-level key of that name means nothing', code: y(...pod, '  securityContext: {privileged: true}', '  containers: [{name: a, image: "a:1"}]') },
  ],
  invalid: [
    {
      name: 'Compose: a service',
      filename: 'compose.yaml',
      code: 'x-common: &common\n  privileged: true\nservices:\n  app:\n    <<: *common\n    image: acme/app:1\n',
      errors: ['2:15-2:19'],
    },
    {
      name: 'block style: the value is reported',
      code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext:', '      privileged: true # needs /dev'),
      errors: ['9:19-9:23'],
      messages: ['Container `app` runs privileged'],
      noFix: true,
    },
    {
      name: 'flow style, True spelling, init container of a DaemonSet after ---',
      code: y('apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: s}', '---', 'apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: d}', 'spec:', '  template:', '    spec:', '      initContainers:', '      - {name: sysctl, image: "busybox:1.36", securityContext: {privileged: True}}', '      containers:', '      - {name: agent, image: "a:1"}'),
      errors: ['12:77-12:81'],
      messages: ['Container `sysctl` runs privileged'],
    },
    {
      name: 'privileged through an anchor: both users reported',
      code: y(...pod, '  containers:', '  - name: a', '    image: a:1', '    securityContext: &sc', '      privileged: true', '  - name: b', '    image: b:1', '    securityContext: *sc'),
      errors: ['9:19-9:23', '9:19-9:23'],
      messages: ['Container `a`', 'Container `b`'],
    },
    {
      name: 'Helm: a templated container name is left out of the message',
      filename: 'templates/ds.yaml',
      code: y(...pod, '  containers:', '  - name: {{ .Chart.Name }}', '    image: a:1', '    securityContext:', '      privileged: true'),
      errors: ['9:19-9:23'],
      messages: ['This container runs privileged'],
    },
  ],
});
