import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

const head = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web'];
const backend = (indent: string) => [`${indent}backend:`, `${indent}  service: {name: web, port: {number: 80}}`];

ruleTable('ingress-tls', {
  valid: [
    { name: 'tls present', code: y(...head, 'spec:', '  tls:', '  - hosts: [example.com]', '    secretName: web-tls', '  rules:', '  - host: example.com') },
    {
      name: 'Helm: conditional tls block is visible',
      filename: 'templates/ingress.yaml',
      code: y(...head, 'spec:', '  {{- if .Values.ingress.tls }}', '  tls:', '    {{- toYaml .Values.ingress.tls | nindent 4 }}', '  {{- end }}', '  rules:', '  - host: {{ .Values.host | quote }}'),
    },
    { name: 'Helm: spec printed by a directive', filename: 'templates/ingress.yaml', code: y(...head, 'spec:', '  {{- toYaml .Values.ingress.spec | nindent 2 }}', '  rules:', '  - host: a.example.com') },
    { name: 'another API group\'s Ingress kind', code: y('apiVersion: example.com/v1', 'kind: Ingress', 'metadata: {name: x}', 'spec:', '  rules: [{host: a.example.com}]') },
    { name: 'not an Ingress', code: y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  ports: [{port: 80}]') },
  ],
  invalid: [
    {
      name: 'block style, 2-space, sequences not indented: reported on `spec`, tls for the rule hosts',
      code: y(...head, 'spec:', '  ingressClassName: nginx', '  rules:', '  - host: example.com', '    http:', '      paths:', '      - path: /', '        pathType: Prefix', ...backend('        '), '  - host: example.com  # same host, other path', '  # end of rules'),
      errors: ['5:1-5:5'],
      messages: ['Ingress `web` has no tls section'],
      output: y(
        ...head,
        'spec:',
        '  ingressClassName: nginx',
        '  rules:',
        '  - host: example.com',
        '    http:',
        '      paths:',
        '      - path: /',
        '        pathType: Prefix',
        ...backend('        '),
        '  - host: example.com  # same host, other path',
        '  tls:',
        '  - hosts:',
        '    - example.com',
        '    secretName: web-tls',
        '  # end of rules',
      ),
    },
    {
      name: '4-space indent, indented sequences, several hosts, a wildcard is quoted',
      code: y('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '    name: shop', 'spec:', '    rules:', '        -   host: shop.example.com', '        -   host: "*.shop.example.com"'),
      errors: ['5:1-5:5'],
      output: y(
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '    name: shop',
        'spec:',
        '    rules:',
        '        -   host: shop.example.com',
        '        -   host: "*.shop.example.com"',
        '    tls:',
        '        - hosts:',
        '              - shop.example.com',
        '              - "*.shop.example.com"',
        '          secretName: shop-tls',
      ),
    },
    {
      name: 'flow-style spec',
      code: y('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: api}', 'spec: {rules: [{host: api.example.com}]}'),
      errors: ['4:1-4:5'],
      output: y('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: api}', 'spec: {rules: [{host: api.example.com}], tls: [{hosts: [api.example.com], secretName: api-tls}]}'),
    },
    {
      name: 'default backend only: a tls entry without hosts',
      code: y(...head, 'spec:', '  defaultBackend:', '    service: {name: web, port: {number: 80}}'),
      errors: ['5:1-5:5'],
      output: y(...head, 'spec:', '  defaultBackend:', '    service: {name: web, port: {number: 80}}', '  tls:', '    - secretName: web-tls'),
    },
    {
      name: 'empty tls list: reported on `tls`, filled in',
      code: y(...head, 'spec:', '  tls: []', '  rules: [{host: example.com}]'),
      errors: ['6:3-6:6'],
      output: y(...head, 'spec:', '  tls: [{hosts: [example.com], secretName: web-tls}]', '  rules: [{host: example.com}]'),
    },
    {
      name: 'a document after ---, CRLF, extensions/v1beta1',
      code: crlf(y('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', '---', 'apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata:', '  name: legacy', 'spec:', '  rules:', '    - host: old.example.com')),
      errors: ['9:1-9:5'],
      output: crlf(y('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', '---', 'apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata:', '  name: legacy', 'spec:', '  rules:', '    - host: old.example.com', '  tls:', '    - hosts:', '        - old.example.com', '      secretName: legacy-tls')),
    },
    {
      name: 'Helm: a templated host: reported, no fix',
      filename: 'templates/ingress.yaml',
      code: y(...head, 'spec:', '  rules:', '  - host: {{ .Values.host }}'),
      errors: ['5:1-5:5'],
      noFix: true,
    },
  ],
});
