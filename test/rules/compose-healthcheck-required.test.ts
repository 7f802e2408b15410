import { ruleTable } from '../helpers/rule-table';

ruleTable('compose-healthcheck-required', {
  valid: [
    'services:\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
    // waiting for start only needs no healthcheck
    'services:\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: postgres:16\n',
    // a built image, or a third-party one, may declare HEALTHCHECK in its Dockerfile
    'services:\n  app:\n    image: app:1\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    image: ghcr.io/openzipkin/zipkin:3\n',
    // extends may bring the healthcheck
    'services:\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    extends:\n      file: base.yaml\n      service: db\n    image: postgres:16\n',
    'services:\n  app:\n    image: app:1\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: ./api\n',
  ],
  invalid: [
    {
      name: 'postgres without a healthcheck',
      code: 'services:\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: shop\n',
      errors: ['7:3-7:5'],
      messages: ['`app` waits for `db` to be healthy (condition: service_healthy), but it has no healthcheck'],
      output:
        'services:\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: shop\n    healthcheck:\n      test:\n        - CMD\n        - pg_isready\n        - -U\n        - shop\n      interval: 10s\n      timeout: 5s\n      retries: 5\n',
    },
    {
      name: 'an official image of no known family: wget on its first port',
      code: 'services:\n  app:\n    image: app:1\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    image: node:20-slim\n    ports:\n      - "8080:3000"\n',
      errors: ['7:3-7:6'],
      output:
        'services:\n  app:\n    image: app:1\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    image: node:20-slim\n    ports:\n      - "8080:3000"\n    healthcheck:\n      test:\n        - CMD-SHELL\n        - wget -qO- http://localhost:3000/ || exit 1\n      interval: 10s\n      timeout: 5s\n      retries: 5\n',
    },
    {
      name: 'a disabled healthcheck',
      code: 'services:\n  app:\n    image: app:1\n    depends_on:\n      cache:\n        condition: service_healthy\n  cache:\n    image: redis:7\n    healthcheck:\n      disable: true\n',
      errors: ['7:3-7:8'],
      messages: ['its healthcheck is disabled'],
      noFix: true,
    },
  ],
});
