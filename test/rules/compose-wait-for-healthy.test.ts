import { ruleTable } from '../helpers/rule-table';

ruleTable('compose-wait-for-healthy', {
  valid: [
    'services:\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
    // not a database or broker
    'services:\n  app:\n    image: app:1\n    depends_on:\n      - api\n  api:\n    image: acme/api:2\n',
  ],
  invalid: [
    {
      name: 'short form, the database gets its healthcheck too',
      code: 'services:\n  app:\n    image: app:1\n    depends_on:\n      - db\n      - api\n  api:\n    image: acme/api:2\n  db:\n    image: postgres:16\n',
      errors: ['5:9-5:11'],
      messages: ['`app` starts as soon as `db` (postgres:16) has started'],
      output:
        'services:\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n      api:\n        condition: service_started\n  api:\n    image: acme/api:2\n  db:\n    image: postgres:16\n    healthcheck:\n      test:\n        - CMD\n        - pg_isready\n        - -U\n        - postgres\n      interval: 10s\n      timeout: 5s\n      retries: 5\n',
    },
    {
      name: 'flow short form',
      code: 'services:\n  app:\n    image: app:1\n    depends_on: [cache]\n  cache:\n    image: redis:7\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n',
      errors: ['4:18-4:23'],
      output: 'services:\n  app:\n    image: app:1\n    depends_on: {cache: {condition: service_healthy}}\n  cache:\n    image: redis:7\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n',
    },
    {
      name: 'long form with service_started',
      code: 'services:\n  app:\n    image: app:1\n    depends_on:\n      mq:\n        condition: service_started\n  mq:\n    image: rabbitmq:3-management\n    healthcheck:\n      test: ["CMD", "rabbitmq-diagnostics", "-q", "ping"]\n',
      errors: ['6:20-6:35'],
      output: 'services:\n  app:\n    image: app:1\n    depends_on:\n      mq:\n        condition: service_healthy\n  mq:\n    image: rabbitmq:3-management\n    healthcheck:\n      test: ["CMD", "rabbitmq-diagnostics", "-q", "ping"]\n',
    },
  ],
});
