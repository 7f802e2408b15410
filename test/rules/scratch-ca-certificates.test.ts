import { ruleTable } from '../helpers/rule-table';

const build = 'FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n';

ruleTable('scratch-ca-certificates', {
  valid: [
    { name: 'bundle copied', code: `${build}FROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\n` },
    { name: 'whole certs directory copied', code: `${build}FROM scratch\nCOPY --from=build /etc/ssl/certs /etc/ssl/certs\n` },
    { name: 'a root filesystem copied to /', code: `${build}FROM scratch\nCOPY --from=build /rootfs/ /\n` },
    { name: 'an archive added at /', code: `${build}FROM scratch\nADD rootfs.tar /\n` },
    { name: 'SSL_CERT_FILE set', code: `${build}FROM scratch\nCOPY --from=build /out/ /app/\nENV SSL_CERT_FILE=/app/ca.pem\n` },
    { name: 'distroless static has certificates', code: `${build}FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n` },
    { name: 'scratch as a build stage only', code: 'FROM scratch AS empty\nCOPY a /a\nFROM alpine:3.20\nCOPY --from=empty /a /a\n' },
  ],
  invalid: [
    {
      name: 'Go binary on scratch: copy the bundle before the first COPY',
      code: `${build}FROM scratch\nCOPY --from=build /out/app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n`,
      errors: ['3:6-3:13'],
      messages: ['certificate signed by unknown authority'],
      output: `${build}FROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n`,
    },
    {
      name: 'above the comments that describe the first COPY; CRLF',
      code: 'FROM golang:1.22 AS build\r\nRUN go build -o /out/app .\r\nFROM scratch\r\n# the binary\r\nCOPY --from=build /out/app /app\r\n',
      errors: ['3:6-3:13'],
      output: 'FROM golang:1.22 AS build\r\nRUN go build -o /out/app .\r\nFROM scratch\r\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\r\n# the binary\r\nCOPY --from=build /out/app /app\r\n',
    },
    {
      name: 'unnamed stage referenced by index; a Debian stage that installs ca-certificates',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates\nFROM scratch\nCOPY --from=0 /usr/local/bin/tool /tool',
      errors: ['3:6-3:13'],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates\nFROM scratch\nCOPY --from=0 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=0 /usr/local/bin/tool /tool',
    },
    {
      name: 'no COPY at all: after the last instruction, from a stage not yet referenced',
      code: 'FROM alpine:3.20 AS build\nRUN true\nFROM scratch\nLABEL a=b\n',
      errors: ['3:6-3:13'],
      output: 'FROM alpine:3.20 AS build\nRUN true\nFROM scratch\nLABEL a=b\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n',
    },
    {
      name: 'a stage without a known bundle: reported, no fix',
      code: 'FROM debian:12-slim AS build\nRUN make\nFROM scratch\nCOPY --from=build /out/app /app\n',
      errors: ['3:6-3:13'],
      noFix: true,
    },
    {
      name: 'before USER when nothing is copied; the file has no final line break',
      code: 'FROM alpine:3.20 AS certs\nFROM scratch\nUSER 65532\nENTRYPOINT ["/app"]',
      errors: ['2:6-2:13'],
      output: 'FROM alpine:3.20 AS certs\nFROM scratch\nCOPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nUSER 65532\nENTRYPOINT ["/app"]',
    },
    {
      name: 'a single binary copied to / brings no certificates',
      code: 'FROM scratch\nARG TARGETPLATFORM\nCOPY $TARGETPLATFORM/kube-linter /\nENTRYPOINT ["/kube-linter"]\n',
      errors: ['1:6-1:13'],
      noFix: true,
    },
    {
      name: 'FROM scratch as the last line',
      code: 'FROM golang:1.22 AS build\nFROM scratch',
      errors: ['2:6-2:13'],
      output: 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/',
    },
  ],
});
