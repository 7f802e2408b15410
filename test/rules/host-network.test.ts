import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';

ruleTable('host-network', {
  valid: [
    { name: 'no hostNetwork', code: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: "a:1"}]') },
    { name: 'hostNetwork: false', code: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: false', '  containers: [{name: a, image: "a:1"}]') },
    { name: 'Helm: templated value', filename: 'templates/ds.yaml', code: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: {{ .Values.hostNetwork }}', '  containers: [{name: a, image: "a:1"}]') },
    { name: 'CRD stays silent', code: y('apiVersion: example.com/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  template:', '    spec:', '      hostNetwork: true', '      containers: [{name: a, image: "a:1"}]') },
    { name: 'a key elsewhere in the object', code: y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  hostNetwork: "true"') },
  ],
  invalid: [
    {
      name: 'Compose: a service',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: acme/app:1\n    network_mode: host\n',
      errors: ['4:19-4:23'],
    },
    {
      name: 'DaemonSet, block style',
      code: y('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: agent', 'spec:', '  template:', '    spec:', '      hostNetwork: true  # node agent', '      containers:', '      - name: a', '        image: a:1'),
      errors: ['8:20-8:24'],
      messages: ['DaemonSet `agent` uses the node\'s network'],
      noFix: true,
    },
    {
      name: 'Pod, flow style, after ---',
      code: y('apiVersion: v1', 'kind: Namespace', 'metadata: {name: n}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {hostNetwork: true, containers: [{name: a, image: "a:1"}]}'),
      errors: ['8:21-8:25'],
      messages: ['Pod `p`'],
    },
    {
      name: 'CronJob pod template',
      code: y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          hostNetwork: true', '          containers: [{name: a, image: "a:1"}]'),
      errors: ['10:24-10:28'],
    },
  ],
});
