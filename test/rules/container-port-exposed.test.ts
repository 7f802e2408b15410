import { ruleTable } from '../helpers/workspace-table';

/** A Deployment with one container `api` of `image` and the given `ports:` lines. */
const deployment = (image: string, ports: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: ${image}
          ports:
${ports}`;

const port = (n: number | string, extra = '') => `            - containerPort: ${n}\n${extra}`;

ruleTable('container-port-exposed', {
  valid: [
    {
      name: 'the port is EXPOSEd',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8080\n', 'deploy/api.yaml': deployment('api:1', port(8080)) },
    },
    {
      name: 'inside an EXPOSEd range, with /tcp',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8000-8010/tcp 9090\n', 'deploy/api.yaml': deployment('api:1', port(8005) + port(9090)) },
    },
    {
      name: 'a UDP port EXPOSEd as udp',
      files: { 'api/Dockerfile': 'FROM alpine:3.20\nEXPOSE 53/udp\n', 'deploy/api.yaml': deployment('api:1', port(53, '              protocol: UDP\n')) },
    },
    {
      name: 'the base image EXPOSEs it (nginx: 80)',
      files: { 'api/Dockerfile': 'FROM nginx:1.27-alpine\nCOPY site /usr/share/nginx/html\n', 'deploy/api.yaml': deployment('api:1', port(80)) },
    },
    {
      name: 'an EXPOSE from a variable: unknown',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nARG PORT=8080\nEXPOSE $PORT\n', 'deploy/api.yaml': deployment('api:1', port(9000)) },
    },
    {
      name: 'an unknown base image may EXPOSE it',
      files: { 'api/Dockerfile': 'FROM registry.example.com/platform/java:21\nEXPOSE 8080\n', 'deploy/api.yaml': deployment('api:1', port(8081)) },
    },
    {
      name: 'unlinked image',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8080\n', 'deploy/api.yaml': deployment('registry.example.com/other:1', port(9000)) },
    },
    {
      name: 'ambiguous folder name',
      files: { 'v1/api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8080\n', 'v2/api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8080\n', 'deploy/api.yaml': deployment('api:1', port(9000)) },
    },
    {
      name: 'a Helm-templated containerPort is not judged',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8080\n', 'chart/templates/api.yaml': deployment('api:1', port('{{ .Values.port }}')) },
    },
  ],
  invalid: [
    {
      name: 'another port than the EXPOSEd one',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 80\nCMD ["python", "-m", "http.server", "80"]\n', 'deploy/api.yaml': deployment('registry.example.com/shop/api:2.1', port(8080)) },
      errors: ['deploy/api.yaml 12:30-12:34'],
      messages: ["Port 8080 is not EXPOSEd by the image's Dockerfile `api/Dockerfile` (linked by folder name; it EXPOSEs 80): the app may listen on another port"],
      noFix: true,
    },
    {
      name: 'no EXPOSE at all on a base that exposes nothing',
      files: { 'api/Dockerfile': 'FROM golang:1.22 AS build\nRUN go build -o /api .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /api /api\n', 'deploy/api.yaml': deployment('api', port(8080)) },
      errors: ['deploy/api.yaml 12:30-12:34'],
      messages: ['by folder name; it EXPOSEs no port)'],
    },
    {
      name: 'only the port that is not EXPOSEd, in flow style; protocols must agree',
      files: {
        'api/Dockerfile': 'FROM alpine:3.20\nEXPOSE 8080 53/udp\n',
        'deploy/api.yaml': deployment('api:1', '            - {name: http, containerPort: 8080}\n            - {name: dns, containerPort: 53}\n            - {name: metrics, containerPort: 9100}\n'),
      },
      errors: ['deploy/api.yaml 13:42-13:44', 'deploy/api.yaml 14:46-14:50'],
      messages: ['Port 53 is not EXPOSEd', 'Port 9100 is not EXPOSEd'],
    },
    {
      name: 'linked through skaffold.yaml, in another namespace than anything else',
      files: {
        'skaffold.yaml': 'apiVersion: skaffold/v2beta29\nkind: Config\nbuild:\n  artifacts:\n  - image: payments\n    context: src/payment-service\n',
        'src/payment-service/Dockerfile': 'FROM node:20-alpine\nEXPOSE 50051\n',
        'deploy/api.yaml': deployment('payments', port(8080)).replace('  name: api\n', '  name: api\n  namespace: billing\n'),
      },
      errors: ['deploy/api.yaml 13:30-13:34'],
      messages: ['`src/payment-service/Dockerfile` (linked by skaffold.yaml; it EXPOSEs 50051)'],
    },
  ],
});
