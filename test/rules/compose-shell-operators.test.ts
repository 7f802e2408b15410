import { ruleTable } from '../helpers/rule-table';

ruleTable('compose-shell-operators', {
  valid: [
    // a list is an argv: `&&` is an argument by intent
    'services:\n  app:\n    image: app:1\n    command: ["echo", "a", "&&", "b"]\n',
    // a shell runs the string
    'services:\n  app:\n    image: app:1\n    command: sh -c "npm run migrate && npm start"\n',
    "services:\n  app:\n    image: app:1\n    command: /bin/bash -ec 'a; b'\n",
    // the entrypoint in effect is a shell
    'services:\n  app:\n    image: app:1\n    entrypoint: ["/bin/sh", "-c"]\n    command: a && b\n',
    // a quoted word is one argument
    'services:\n  app:\n    image: app:1\n    command: python -c "import x; x.run()"\n',
    'services:\n  app:\n    image: app:1\n    command: npm start\n',
  ],
  invalid: [
    {
      name: '&& in a plain string',
      code: 'services:\n  app:\n    image: app:1\n    command: npm run migrate && npm start\n',
      errors: ['4:30-4:32'],
      messages: ['`&&` is shell syntax, but Compose runs this command without a shell'],
      output: 'services:\n  app:\n    image: app:1\n    command: ["sh", "-c", "npm run migrate && npm start"]\n',
    },
    {
      name: 'a redirect, the string quoted, $$ kept as written',
      code: "services:\n  app:\n    image: app:1\n    command: 'server --pid $$HOME >/var/log/app.log'\n",
      errors: ['4:35-4:52'],
      output: 'services:\n  app:\n    image: app:1\n    command: ["sh", "-c", "server --pid $$HOME >/var/log/app.log"]\n',
    },
    {
      name: 'a pipe in an entrypoint',
      code: 'services:\n  app:\n    image: app:1\n    entrypoint: app | tee out\n',
      errors: ['4:21-4:22'],
      messages: ['Compose runs this entrypoint without a shell'],
      output: 'services:\n  app:\n    image: app:1\n    entrypoint: ["sh", "-c", "app | tee out"]\n',
    },
    {
      name: 'merged in from an x- block',
      code: 'x-base: &base\n  command: cd /app; ./run\nservices:\n  app:\n    <<: *base\n    image: app:1\n',
      errors: ['2:15-2:20'],
      output: 'x-base: &base\n  command: ["sh", "-c", "cd /app; ./run"]\nservices:\n  app:\n    <<: *base\n    image: app:1\n',
    },
  ],
});
