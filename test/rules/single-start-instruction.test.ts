import { ruleTable } from '../helpers/rule-table';

ruleTable('single-start-instruction', {
  valid: [
    'FROM alpine:3.20\nENTRYPOINT ["tini", "--"]\nCMD ["./app"]\nHEALTHCHECK CMD wget -q -O- http://localhost:8080/healthz\n',
    { name: 'one CMD per stage', code: 'FROM golang:1.22 AS build\nCMD ["go", "test"]\nFROM alpine:3.20\nCMD ["./app"]\n' },
    { name: 'a child stage overriding its parent', code: 'FROM alpine:3.20 AS base\nCMD ["./a"]\nFROM base\nCMD ["./b"]\n' },
    { name: 'ONBUILD CMD is not a CMD of this stage', code: 'FROM alpine:3.20\nONBUILD CMD ["./x"]\nCMD ["./app"]\n' },
  ],
  invalid: [
    {
      name: 'two CMDs: the first is deleted',
      code: 'FROM alpine:3.20\nCMD ["./old"]\nRUN true\nCMD ["./app"]\n',
      errors: ['2:1-2:4'],
      messages: ['line 4'],
      output: 'FROM alpine:3.20\nRUN true\nCMD ["./app"]\n',
    },
    {
      name: 'three ENTRYPOINTs: two findings',
      code: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n',
      errors: ['2:1-2:11', '3:1-3:11'],
      fixOf: 1,
      output: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["c"]\n',
    },
    {
      name: 'continuation lines go with it, the comment above stays',
      code: 'FROM alpine:3.20\n# start the server\nCMD ./server \\\n    --port 80\nCMD ["./app"]\n',
      errors: ['3:1-3:4'],
      output: 'FROM alpine:3.20\n# start the server\nCMD ["./app"]\n',
    },
    {
      name: 'HEALTHCHECK NONE then HEALTHCHECK CMD',
      code: 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n',
      errors: ['2:1-2:12'],
      output: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n',
    },
    {
      name: 'in a build stage too',
      code: 'FROM golang:1.22 AS build\nCMD ["a"]\nCMD ["b"]\nFROM scratch\n',
      errors: ['2:1-2:4'],
      output: 'FROM golang:1.22 AS build\nCMD ["b"]\nFROM scratch\n',
    },
    {
      name: 'CRLF and an indented instruction',
      code: 'FROM alpine:3.20\r\n  CMD ["a"]\r\nCMD ["b"]\r\n',
      errors: ['2:3-2:6'],
      output: 'FROM alpine:3.20\r\nCMD ["b"]\r\n',
    },
    {
      name: 'the last line without a final line break',
      code: 'FROM alpine:3.20\nCMD ["b"]\nUSER 1000\nCMD ["a"]',
      errors: ['2:1-2:4'],
      output: 'FROM alpine:3.20\nUSER 1000\nCMD ["a"]',
    },
  ],
});
