import { ruleTable } from '../helpers/rule-table';

const deployment = (containers: string, indent = '  ') => {
  const i = (n: number) => indent.repeat(n);
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n${i(1)}name: api\nspec:\n${i(1)}template:\n${i(2)}spec:\n${i(3)}containers:\n${containers}`;
};

ruleTable('no-secrets-in-env', {
  valid: [
    'FROM alpine:3.20\nENV APP_MODE=production\n',
    { name: 'ARG without default', code: 'FROM alpine:3.20\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm true\n' },
    { name: 'pointers: _FILE, _PATH, _URL, _DIR, _NAME', code: 'FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db TOKEN_PATH=/t SECRETS_URL=https://vault SECRETS_DIR=/run/secrets DB_SECRET_NAME=db\n' },
    { name: 'empty value and variable references', code: 'FROM alpine:3.20\nARG API_TOKEN\nENV API_TOKEN=$API_TOKEN GITHUB_TOKEN=${GITHUB_TOKEN} EMPTY_SECRET=\n' },
    { name: 'a boolean switch is not a secret', code: 'FROM alpine:3.20\nENV TOKEN_AUTH=true\n' },
    { name: 'switch values: yes, off, 0, 1, empty', code: 'FROM mysql:8.4\nENV MYSQL_ALLOW_EMPTY_PASSWORD=1 SKIP_PASSWORD=0 PASSWORD_AUTH=yes TOKEN_CHECK=OFF MYSQL_RANDOM_ROOT_PASSWORD=""\n' },
    { name: 'Kubernetes switch "1"', filename: 'deploy.yaml', code: deployment('        - name: db\n          image: mysql:8.4\n          env:\n            - name: MYSQL_ALLOW_EMPTY_PASSWORD\n              value: "1"\n') },
    { name: 'valueFrom', filename: 'deploy.yaml', code: deployment('        - name: api\n          image: api:1\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n') },
    { name: 'Kubernetes $(VAR) reference', filename: 'deploy.yaml', code: deployment('        - name: api\n          image: api:1\n          env:\n            - name: AUTH_TOKEN\n              value: $(TOKEN_FROM_FILE)\n') },
    { name: 'Helm-templated value', filename: 'deploy.yaml', code: deployment('        - name: api\n          image: api:1\n          env:\n            - name: AUTH_TOKEN\n              value: {{ .Values.token | quote }}\n') },
  ],
  invalid: [
    {
      name: 'a number that is not a switch is a value',
      code: 'FROM mysql:8.4\nENV MYSQL_ROOT_PASSWORD=10\n',
      errors: ['2:5-2:24'],
      messages: ['image configuration'],
      noFix: true,
    },
    {
      name: 'Compose: a service',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: acme/app:1\n    environment:\n      - API_TOKEN=abc123\n',
      errors: ['5:9-5:18'],
    },
    {
      name: 'Dockerfile ENV and ARG, every stage, name range',
      code: 'ARG GITHUB_TOKEN=ghp_abc\nFROM alpine:3.20 AS build\nENV DB_PASSWORD=hunter2 MODE=x\nFROM alpine:3.20\nENV Api_Key "k-123"\n',
      errors: ['1:5-1:17', '3:5-3:16', '5:5-5:12'],
      messages: ['image history', 'image configuration', 'image configuration'],
      noFix: true,
    },
    {
      name: 'block style, 2 spaces, indented sequence',
      filename: 'deploy.yaml',
      code: deployment('        - name: api\n          image: api:1\n          env:\n            - name: DB_PASSWORD\n              value: hunter2\n            - name: MODE\n              value: prod\n'),
      errors: ['12:21-12:32'],
      messages: ['secretKeyRef'],
      output: deployment('        - name: api\n          image: api:1\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: api-secrets\n                  key: db_password\n            - name: MODE\n              value: prod\n'),
    },
    {
      name: '4 spaces, sequences not indented, value before name',
      filename: 'deploy.yaml',
      code: deployment('            - name: api\n              image: api:1\n              env:\n              - value: "s3cr3t"\n                name: STRIPE_SECRET_KEY\n', '    '),
      errors: ['13:23-13:40'],
      output: deployment('            - name: api\n              image: api:1\n              env:\n              - valueFrom:\n                    secretKeyRef:\n                        name: api-secrets\n                        key: stripe_secret_key\n                name: STRIPE_SECRET_KEY\n', '    '),
    },
    {
      name: 'flow style entry',
      filename: 'deploy.yaml',
      code: deployment('        - name: api\n          image: api:1\n          env: [{name: API_TOKEN, value: abc}]\n'),
      errors: ['11:24-11:33'],
      output: deployment('        - name: api\n          image: api:1\n          env: [{name: API_TOKEN, valueFrom: {secretKeyRef: {name: api-secrets, key: api_token}}}]\n'),
    },
    {
      name: 'a document after ---, CRLF, pod',
      filename: 'pod.yaml',
      code: 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: worker\r\n    image: w:1\r\n    env:\r\n    - name: AWS_SECRET_ACCESS_KEY\r\n      value: "abc/def"\r\n',
      errors: ['15:13-15:34'],
      output: 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: worker\r\n    image: w:1\r\n    env:\r\n    - name: AWS_SECRET_ACCESS_KEY\r\n      valueFrom:\r\n        secretKeyRef:\r\n          name: worker-secrets\r\n          key: aws_secret_access_key\r\n',
    },
    {
      name: 'block scalar value',
      filename: 'deploy.yaml',
      code: deployment('        - name: api\n          image: api:1\n          env:\n            - name: PRIVATE_KEY\n              value: |\n                -----BEGIN KEY-----\n            - name: MODE\n              value: prod\n'),
      errors: ['12:21-12:32'],
      output: deployment('        - name: api\n          image: api:1\n          env:\n            - name: PRIVATE_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: api-secrets\n                  key: private_key\n            - name: MODE\n              value: prod\n'),
    },
  ],
});
