import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:'];

ruleTable('memory-limit', {
  valid: [
    { name: 'memory limit set (no CPU limit needed)', code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          limits:', '            memory: 512Mi') },
    { name: 'flow style', code: y(...head, '      - {name: app, image: "app:1", resources: {limits: {memory: 1Gi}}}') },
    { name: 'pod-level limit', code: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  resources: {limits: {memory: 1Gi}}', '  containers:', '  - {name: a, image: "a:1"}') },
    { name: 'limit from an alias', code: y(...head, '      - name: a', '        image: a:1', '        resources: &r {limits: {memory: 1Gi}}', '      - name: b', '        image: b:1', '        resources: *r') },
    { name: 'Helm-templated resources', filename: 'chart/templates/d.yaml', code: y(...head, '      - name: app', '        image: app:1', '        resources: {{ toYaml .Values.resources | nindent 10 }}') },
    { name: 'CRD container is not checked', code: y('apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata: {name: w}', 'spec:', '  templates:', '  - name: t', '    container: {image: "a:1"}') },
  ],
  invalid: [
    {
      name: 'no resources: limit 256Mi; block, 2-space, sequence not indented',
      code: y(...head, '      - name: app', '        image: app:1'),
      errors: ['9:15-9:18'],
      messages: ['Container `app` has no memory limit'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources:', '          limits:', '            memory: 256Mi'),
    },
    {
      name: 'limit equals the memory request; goes beside requests',
      code: y(...head, '      - name: app # web', '        image: app:1', '        resources:', '          requests:', '            cpu: 100m', '            memory: 300Mi # measured', '        # trailing note'),
      errors: ['9:15-9:18'],
      output: y(...head, '      - name: app # web', '        image: app:1', '        resources:', '          requests:', '            cpu: 100m', '            memory: 300Mi # measured', '          limits:', '            memory: 300Mi', '        # trailing note'),
    },
    {
      name: 'a numeric request stays a number',
      code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          requests: {memory: 268435456}'),
      errors: ['9:15-9:18'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources:', '          requests: {memory: 268435456}', '          limits:', '            memory: 268435456'),
    },
    {
      name: 'limits with cpu only: memory goes inside limits; 4-space, indented sequence',
      code: y('apiVersion: v1', 'kind: Pod', 'metadata:', '    name: p', 'spec:', '    containers:', '        -   name: app', '            image: app:1', '            resources:', '                limits:', '                    cpu: "1"'),
      errors: ['7:19-7:22'],
      output: y('apiVersion: v1', 'kind: Pod', 'metadata:', '    name: p', 'spec:', '    containers:', '        -   name: app', '            image: app:1', '            resources:', '                limits:', '                    cpu: "1"', '                    memory: 256Mi'),
    },
    {
      name: 'flow-style container and flow limits',
      code: y(...head, '      - {name: a, image: "a:1", resources: {limits: {cpu: 1}}}', '      - {name: b, image: "b:1"}'),
      errors: ['9:16-9:17', '10:16-10:17'],
      output: y(...head, '      - {name: a, image: "a:1", resources: {limits: {cpu: 1, memory: 256Mi}}}', '      - {name: b, image: "b:1"}'),
    },
    {
      name: 'flow-style container without resources',
      code: y(...head, '      - {name: b, image: "b:1"}'),
      errors: ['9:16-9:17'],
      output: y(...head, '      - {name: b, image: "b:1", resources: {limits: {memory: 256Mi}}}'),
    },
    {
      name: 'empty limits key is filled in place',
      code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          limits:', '          requests: {memory: 64Mi}'),
      errors: ['9:15-9:18'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources:', '          limits:', '            memory: 64Mi', '          requests: {memory: 64Mi}'),
    },
    {
      name: 'second document, CRLF, init container',
      code: crlf(y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '  - name: init', '    image: i:1', '  containers:', '  - name: app', '    image: a:1', '    resources: {limits: {memory: 1Gi}}')),
      errors: ['10:11-10:15'],
      output: crlf(y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '  - name: init', '    image: i:1', '    resources:', '      limits:', '        memory: 256Mi', '  containers:', '  - name: app', '    image: a:1', '    resources: {limits: {memory: 1Gi}}')),
    },
    {
      name: 'limits that come from an alias are not edited',
      code: y(...head, '      - name: a', '        image: a:1', '        resources:', '          limits: &l {cpu: 1}', '      - name: b', '        image: b:1', '        resources:', '          limits: *l'),
      errors: ['9:15-9:16', '13:15-13:16'],
      fixOf: 1,
      noFix: true,
    },
  ],
});
