import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:'];

ruleTable('probe-port-defined', {
  valid: [
    { name: 'named port defined', code: y(...head, '      - name: web', '        image: web:1', '        ports:', '        - name: http', '          containerPort: 8080', '        livenessProbe:', '          httpGet: {path: /healthz, port: http}') },
    { name: 'numeric port (declared or not)', code: y(...head, '      - name: web', '        image: web:1', '        readinessProbe:', '          tcpSocket: {port: 9000}') },
    { name: 'numeric string: the kubelet parses it as a number', code: y(...head, '      - name: web', '        image: web:1', '        readinessProbe:', '          tcpSocket: {port: "9000"}') },
    { name: 'Helm: templated port', filename: 'templates/d.yaml', code: y(...head, '      - name: web', '        image: web:1', '        startupProbe:', '          httpGet: {path: /, port: {{ .Values.port }}}') },
    {
      name: 'Helm: ports printed by a directive',
      filename: 'templates/d.yaml',
      code: y(...head, '      - name: web', '        image: web:1', '        ports:', '          {{- toYaml .Values.ports | nindent 10 }}', '        livenessProbe:', '          httpGet: {path: /, port: http}'),
    },
    { name: 'CRD stays silent', code: y('apiVersion: example.com/v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: a', '    livenessProbe: {tcpSocket: {port: nope}}') },
  ],
  invalid: [
    {
      name: 'unknown name, one named port: suggest it (block, 2-space, sequence not indented)',
      code: y(...head, '      - name: web', '        image: web:1', '        ports:', '        - name: http', '          containerPort: 8080', '        livenessProbe:', '          httpGet:', '            path: /healthz', '            port: healthcheck  # typo'),
      errors: ['16:19-16:30'],
      messages: ['The livenessProbe port `healthcheck` is not the name of a TCP port of container `web` (it defines `http`)'],
      output: y(...head, '      - name: web', '        image: web:1', '        ports:', '        - name: http', '          containerPort: 8080', '        livenessProbe:', '          httpGet:', '            path: /healthz', '            port: http  # typo'),
    },
    {
      name: 'quoted value keeps its quotes; flow style',
      code: y(...head, '      - {name: web, image: "web:1", ports: [{name: web, containerPort: 80}], readinessProbe: {httpGet: {path: /, port: "http"}}}'),
      errors: ['8:120-8:126'],
      output: y(...head, '      - {name: web, image: "web:1", ports: [{name: web, containerPort: 80}], readinessProbe: {httpGet: {path: /, port: "web"}}}'),
    },
    {
      name: 'no named ports: no fix',
      code: y(...head, '      - name: web', '        image: web:1', '        ports: [{containerPort: 80}]', '        startupProbe:', '          tcpSocket: {port: http}'),
      errors: ['12:29-12:33'],
      messages: ['(it names no ports)'],
      noFix: true,
    },
    {
      name: 'two named ports: no fix',
      code: y(...head, '      - name: web', '        image: web:1', '        ports: [{name: http, containerPort: 80}, {name: metrics, containerPort: 9090}]', '        livenessProbe:', '          grpc: {port: grpc}'),
      errors: ['12:24-12:28'],
      noFix: true,
    },
    {
      name: 'a UDP port name cannot be probed over TCP',
      code: y(...head, '      - name: dns', '        image: dns:1', '        ports:', '        - {name: dns, containerPort: 53, protocol: UDP}', '        livenessProbe:', '          tcpSocket: {port: dns}'),
      errors: ['13:29-13:32'],
      messages: ['`dns` is a UDP port'],
      noFix: true,
    },
    {
      name: '4-space indent, indented sequences, after ---, CRLF',
      code: crlf(y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata:', '    name: p', 'spec:', '    containers:', '        -   name: web', '            ports:', '                -   name: http', '                    containerPort: 80', '            readinessProbe:', '                httpGet:', '                    port: htp')),
      errors: ['17:27-17:30'],
      output: crlf(y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata:', '    name: p', 'spec:', '    containers:', '        -   name: web', '            ports:', '                -   name: http', '                    containerPort: 80', '            readinessProbe:', '                httpGet:', '                    port: http')),
    },
    {
      name: 'each probe is checked',
      code: y(...head, '      - name: web', '        image: web:1', '        livenessProbe: {httpGet: {port: a}}', '        readinessProbe: {tcpSocket: {port: b}}', '        startupProbe: {grpc: {port: c}}'),
      errors: ['10:41-10:42', '11:44-11:45', '12:37-12:38'],
    },
  ],
});
