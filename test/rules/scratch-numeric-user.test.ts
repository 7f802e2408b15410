import { ruleTable } from '../helpers/rule-table';

ruleTable('scratch-numeric-user', {
  valid: [
    'FROM scratch\nCOPY app /app\nUSER 65532:65532\n',
    { name: 'numeric user only', code: 'FROM scratch\nUSER 1000\n' },
    { name: '/etc/passwd copied before USER', code: 'FROM alpine:3.20 AS build\nRUN adduser -D app\nFROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\nUSER app\n' },
    { name: '/etc/passwd and /etc/group copied into /etc/', code: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /etc/passwd /etc/group /etc/\nUSER app:app\n' },
    { name: 'distroless has /etc/passwd', code: 'FROM gcr.io/distroless/static-debian12\nUSER nonroot\n' },
    { name: 'a variable is not judged', code: 'FROM scratch\nARG UID\nUSER $UID\n' },
    { name: 'not a scratch stage', code: 'FROM alpine:3.20\nUSER nobody\n' },
  ],
  invalid: [
    {
      name: 'named user: safe numeric fix',
      code: 'FROM scratch\nCOPY app /app\nUSER nobody\nENTRYPOINT ["/app"]\n',
      errors: ['3:6-3:12'],
      messages: ['The user `nobody` cannot be resolved: this scratch image has no /etc/passwd, so the container fails to start ("unable to find user")'],
      output: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'named group needs /etc/group too',
      code: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\nUSER app:app\n',
      errors: ['4:6-4:13'],
      messages: ['The group `app` cannot be resolved: this scratch image has no /etc/group, so the container fails to start ("unable to find group")'],
      output: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\nUSER 65532:65532\n',
    },
    {
      name: 'user and group: both files named',
      code: 'FROM scratch\nUSER app:app\n',
      errors: ['2:6-2:13'],
      messages: ['The user `app` and group `app` cannot be resolved: this scratch image has no /etc/passwd and no /etc/group'],
    },
    {
      name: '/etc/passwd copied only after USER',
      code: 'FROM alpine:3.20 AS build\nFROM scratch\nUSER app\nCOPY --from=build /etc/passwd /etc/passwd\n',
      errors: ['3:6-3:9'],
    },
    {
      name: 'scratch build stage, inherited by the final stage; CRLF',
      code: 'FROM scratch AS base\r\nCOPY app /app\r\nFROM base\r\nUSER app\r\n',
      errors: ['4:6-4:9'],
      output: 'FROM scratch AS base\r\nCOPY app /app\r\nFROM base\r\nUSER 65532:65532\r\n',
    },
  ],
});
