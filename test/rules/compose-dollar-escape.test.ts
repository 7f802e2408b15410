import { ruleTable } from '../helpers/rule-table';

ruleTable('compose-dollar-escape', {
  valid: [
    // escaped for Compose
    'services:\n  app:\n    image: app:1\n    command: ["sh", "-c", "for f in a b; do echo $$f; done"]\n',
    // a host variable that Compose is meant to interpolate
    'services:\n  app:\n    image: app:1\n    command: ["sh", "-c", "echo ${GREETING}"]\n',
    // no shell: no script
    'services:\n  app:\n    image: app:1\n    command: ["echo", "$HOME"]\n',
    'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"]\n',
  ],
  invalid: [
    {
      name: 'a for variable in sh -c',
      code: 'services:\n  app:\n    image: app:1\n    command: ["sh", "-c", "for f in a b; do echo $f; done"]\n',
      errors: ['4:50-4:52'],
      messages: ['`$f` is set inside this script'],
      output: 'services:\n  app:\n    image: app:1\n    command: ["sh", "-c", "for f in a b; do echo $$f; done"]\n',
    },
    {
      name: 'an assignment in a split string command',
      code: "services:\n  app:\n    image: app:1\n    command: sh -c 'n=3; echo ${n}'\n",
      errors: ['4:31-4:35'],
      output: "services:\n  app:\n    image: app:1\n    command: sh -c 'n=3; echo $${n}'\n",
    },
    {
      name: 'a shell special in a CMD-SHELL healthcheck',
      code: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f localhost || echo $?"]\n',
      errors: ['5:54-5:56'],
      messages: ['`$?` is a shell special parameter'],
      output: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f localhost || echo $$?"]\n',
    },
    {
      name: 'a read target in a string healthcheck test',
      code: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: read x < /tmp/ok && test $x = 1\n',
      errors: ['5:38-5:40'],
      output: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: read x < /tmp/ok && test $$x = 1\n',
    },
  ],
});
