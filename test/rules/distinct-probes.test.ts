import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';

const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: web', '        image: web:1'];

ruleTable('distinct-probes', {
  valid: [
    { name: 'different endpoints', code: y(...head, '        livenessProbe:', '          httpGet: {path: /healthz, port: 8080}', '        readinessProbe:', '          httpGet: {path: /ready, port: 8080}') },
    {
      name: 'same endpoint, more tolerant liveness',
      code: y(...head, '        livenessProbe:', '          httpGet: {path: /healthz, port: http}', '          failureThreshold: 6', '        readinessProbe:', '          httpGet: {path: /healthz, port: http}'),
    },
    { name: 'only one probe', code: y(...head, '        readinessProbe:', '          tcpSocket: {port: 80}') },
    { name: 'Helm: templated probe', filename: 'templates/d.yaml', code: y(...head, '        livenessProbe: {{ toYaml .Values.probe | nindent 10 }}', '        readinessProbe: {{ toYaml .Values.probe | nindent 10 }}') },
    { name: 'CRD stays silent', code: y('apiVersion: example.com/v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: a', '    livenessProbe: {tcpSocket: {port: 80}}', '    readinessProbe: {tcpSocket: {port: 80}}') },
  ],
  invalid: [
    {
      name: 'identical block probes: reported on the readinessProbe key',
      code: y(...head, '        livenessProbe:', '          httpGet:', '            path: /healthz', '            port: 8080', '        readinessProbe:', '          httpGet:', '            path: /healthz', '            port: 8080'),
      errors: ['14:9-14:23'],
      messages: ['Container `web` has identical liveness and readiness probes'],
      noFix: true,
    },
    {
      name: 'key order, quoting, flow vs block and spelled-out defaults do not make probes differ',
      code: y(...head, '        readinessProbe: {tcpSocket: {port: "5432"}, periodSeconds: 10}', '        livenessProbe:', '          timeoutSeconds: 1', '          tcpSocket:', '            port: 5432'),
      errors: ['10:9-10:23'],
    },
    {
      name: 'exec probes of a native sidecar, after ---',
      code: y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '  - name: proxy', '    image: envoy:1', '    restartPolicy: Always', '    livenessProbe: {exec: {command: [cat, /tmp/ok]}}', '    readinessProbe: {exec: {command: [cat, /tmp/ok]}}', '  containers: [{name: a, image: "a:1"}]'),
      errors: ['14:5-14:19'],
      messages: ['Container `proxy`'],
    },
    {
      name: 'probes shared through anchors',
      code: y(...head, '        livenessProbe: &probe', '          grpc: {port: 9090}', '        readinessProbe: *probe'),
      errors: ['12:9-12:23'],
    },
  ],
});
