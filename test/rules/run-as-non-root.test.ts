import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:'];
const pod = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:'];

ruleTable('run-as-non-root', {
  valid: [
    { name: 'pod-level runAsNonRoot', code: y(...head, '      securityContext:', '        runAsNonRoot: true', '      containers:', '      - name: app', '        image: app:1') },
    { name: 'container-level runAsNonRoot', code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext: {runAsNonRoot: true}') },
    { name: 'pod-level non-zero uid', code: y(...pod, '  securityContext: {runAsUser: 1000}', '  containers:', '  - {name: app, image: "app:1"}') },
    { name: 'container uid overrides the pod root uid', code: y(...pod, '  securityContext: {runAsUser: 0}', '  containers:', '  - name: app', '    image: app:1', '    securityContext: {runAsUser: 10001}') },
    { name: 'Windows pods use runAsUserName', code: y(...pod, '  os: {name: windows}', '  containers:', '  - {name: app, image: "app:1"}') },
    { name: 'securityContext through an alias', code: y(...pod, '  containers:', '  - name: a', '    image: a:1', '    securityContext: &sc {runAsNonRoot: true}', '  - name: b', '    image: b:1', '    securityContext: *sc') },
    {
      name: 'Helm: pod securityContext printed by toYaml',
      filename: 'templates/deployment.yaml',
      code: y(...head, '      securityContext:', '        {{- toYaml .Values.podSecurityContext | nindent 8 }}', '      containers:', '      - name: app', '        image: app:1'),
    },
    {
      name: 'Helm: pod spec keys printed by an include',
      filename: 'templates/deployment.yaml',
      code: y(...head, '      {{- include "chart.podSecurity" . | nindent 6 }}', '      containers:', '      - name: app', '        image: app:1'),
    },
    { name: 'Helm: templated container', filename: 'templates/d.yaml', code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext:', '      {{- toYaml .Values.securityContext | nindent 6 }}') },
    { name: 'CRD stays silent', code: y('apiVersion: example.com/v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - {name: app, image: "app:1"}') },
  ],
  invalid: [
    {
      name: 'nothing set: block style, 2-space, sequence not indented',
      code: y(...head, '      containers:', '      - name: app # main', '        image: app:1', '      # volumes below'),
      errors: ['9:15-9:18'],
      messages: ['Container `app` may run as root'],
      output: y(...head, '      containers:', '      - name: app # main', '        image: app:1', '        securityContext:', '          runAsNonRoot: true', '      # volumes below'),
    },
    {
      name: 'an existing container securityContext is extended',
      code: y(...head, '      containers:', '      - name: app', '        image: app:1', '        securityContext:', '          allowPrivilegeEscalation: false', '        ports: [{containerPort: 80}]'),
      errors: ['9:15-9:18'],
      output: y(...head, '      containers:', '      - name: app', '        image: app:1', '        securityContext:', '          allowPrivilegeEscalation: false', '          runAsNonRoot: true', '        ports: [{containerPort: 80}]'),
    },
    {
      name: 'runAsNonRoot: false on the container: the value is reported and flipped',
      code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext:', '      runAsNonRoot: false  # legacy'),
      errors: ['9:21-9:26'],
      messages: ['allows running as root (runAsNonRoot: false)'],
      output: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext:', '      runAsNonRoot: true  # legacy'),
    },
    {
      name: 'runAsUser: 0 on the container: reported on the uid, no fix (the kubelet would refuse to start it)',
      code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext: {runAsUser: 0}'),
      errors: ['8:34-8:35'],
      messages: ['runs as root (runAsUser: 0)'],
      noFix: true,
    },
    {
      name: 'runAsUser: 0 on the pod: reported on the container, no fix',
      code: y(...pod, '  securityContext:', '    runAsUser: 0', '  containers:', '  - name: app', '    image: app:1'),
      errors: ['8:11-8:14'],
      messages: ['runs as root (runAsUser: 0 on the pod)'],
      noFix: true,
    },
    {
      name: 'runAsNonRoot: false on the pod: the container setting overrides it',
      code: y(...pod, '  securityContext: {runAsNonRoot: false}', '  containers:', '  - name: app', '    image: app:1'),
      errors: ['7:11-7:14'],
      messages: ['(runAsNonRoot: false on the pod)'],
      output: y(...pod, '  securityContext: {runAsNonRoot: false}', '  containers:', '  - name: app', '    image: app:1', '    securityContext:', '      runAsNonRoot: true'),
    },
    {
      name: 'flow-style container',
      code: y(...pod, '  containers: [{name: app, image: "app:1"}]'),
      errors: ['5:23-5:26'],
      output: y(...pod, '  containers: [{name: app, image: "app:1", securityContext: {runAsNonRoot: true}}]'),
    },
    {
      name: 'flow-style securityContext',
      code: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext: {allowPrivilegeEscalation: false}'),
      errors: ['6:11-6:14'],
      output: y(...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true}'),
    },
    {
      name: '4-space indent, indented sequences',
      code: y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '    name: db', 'spec:', '    template:', '        spec:', '            containers:', '                -   name: db', '                    image: db:1'),
      errors: ['9:27-9:29'],
      output: y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '    name: db', 'spec:', '    template:', '        spec:', '            containers:', '                -   name: db', '                    image: db:1', '                    securityContext:', '                        runAsNonRoot: true'),
    },
    {
      name: 'securityContext with no value is filled in place',
      code: y(...pod, '  containers:', '  - name: app', '    securityContext:', '    image: app:1'),
      errors: ['6:11-6:14'],
      output: y(...pod, '  containers:', '  - name: app', '    securityContext:', '      runAsNonRoot: true', '    image: app:1'),
    },
    {
      name: 'document after ---, CRLF, init containers count',
      code: crlf(y('apiVersion: v1', 'kind: Namespace', 'metadata: {name: n}', '---', 'apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      securityContext: {runAsUser: 1000}', '      initContainers:', '      - name: chown', '        image: busybox:1.36', '        securityContext:', '          runAsUser: 0', '      containers:', '      - {name: run, image: "r:1"}')),
      errors: ['16:22-16:23'],
      noFix: true,
    },
    {
      name: 'document after ---, CRLF, fix',
      code: crlf(y('apiVersion: v1', 'kind: Namespace', 'metadata: {name: n}', '---', ...pod, '  containers:', '  - name: app', '    image: app:1')),
      errors: ['10:11-10:14'],
      output: crlf(y('apiVersion: v1', 'kind: Namespace', 'metadata: {name: n}', '---', ...pod, '  containers:', '  - name: app', '    image: app:1', '    securityContext:', '      runAsNonRoot: true')),
    },
    {
      name: 'Helm: inline directives hide no keys',
      filename: 'templates/deployment.yaml',
      code: y(...head, '      serviceAccountName: {{ .Values.sa }}', '      securityContext:', '        fsGroup: 2000', '      containers:', '      - name: app', '        image: app:1'),
      errors: ['12:15-12:18'],
      output: y(...head, '      serviceAccountName: {{ .Values.sa }}', '      securityContext:', '        fsGroup: 2000', '      containers:', '      - name: app', '        image: app:1', '        securityContext:', '          runAsNonRoot: true'),
    },
  ],
});
