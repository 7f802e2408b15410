import { ruleTable } from '../helpers/rule-table';

const final = 'FROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n';

ruleTable('scratch-static-binary', {
  valid: [
    { name: 'inline CGO_ENABLED=0', code: `FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n${final}` },
    { name: 'ENV in the build stage', code: `FROM golang:1.22 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/app .\n${final}` },
    { name: 'ARG default', code: `FROM golang:1.22 AS build\nARG CGO_ENABLED=0\nRUN go build -o /out/app .\n${final}` },
    { name: 'global ARG redeclared in the stage', code: `ARG CGO_ENABLED=0\nFROM golang:1.22 AS build\nARG CGO_ENABLED\nRUN go build -o /out/app .\n${final}` },
    { name: 'export earlier in the same RUN', code: `FROM golang:1.22 AS build\nRUN export CGO_ENABLED=0 && \\\n    go build -o /out/app .\n${final}` },
    { name: 'go env -w in an earlier RUN', code: `FROM golang:1.22 AS build\nRUN go env -w CGO_ENABLED=0\nRUN go build -o /out/app .\n${final}` },
    { name: 'env wrapper', code: `FROM golang:1.22 AS build\nRUN env CGO_ENABLED=0 GOOS=linux go build -o /out/app .\n${final}` },
    { name: 'static external link', code: `FROM golang:1.22 AS build\nRUN go build -ldflags '-linkmode external -extldflags "-static"' -o /out/app .\n${final}` },
    { name: 'a variable value is not judged', code: `FROM golang:1.22 AS build\nARG CGO\nRUN CGO_ENABLED=$CGO go build -o /out/app .\n${final}` },
    { name: 'golang alpine without a C compiler: cgo is off (Go >= 1.20)', code: `FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\n${final}` },
    { name: 'distroless base has a libc', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out/app /app\n' },
    { name: 'a stage the final image does not copy from', code: `FROM golang:1.22 AS tools\nRUN go build -o /out/tool ./tool\nFROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n${final}` },
    { name: 'gcc -static', code: 'FROM gcc:14 AS build\nRUN gcc -O2 -static -o /out/app main.c\nFROM scratch\nCOPY --from=build /out/app /app\n' },
    { name: 'gcc compile-only step', code: 'FROM gcc:14 AS build\nRUN gcc -c main.c -o main.o && gcc -static main.o -o /out/app\nFROM scratch\nCOPY --from=build /out/app /app\n' },
    { name: 'cargo musl target', code: 'FROM rust:1.80 AS build\nRUN cargo build --release --target x86_64-unknown-linux-musl\nFROM scratch\nCOPY --from=build /src/target/x86_64-unknown-linux-musl/release/app /app\n' },
    { name: 'cargo with crt-static RUSTFLAGS', code: 'FROM rust:1.80 AS build\nENV RUSTFLAGS="-C target-feature=+crt-static"\nRUN cargo build --release\nFROM scratch\nCOPY --from=build /src/target/release/app /app\n' },
  ],
  invalid: [
    {
      name: 'go build without CGO_ENABLED: safe prefix',
      code: `FROM golang:1.22 AS build\nRUN go build -o /out/app .\n${final}`,
      errors: ['2:5-2:13'],
      messages: ['no C library'],
      output: `FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n${final}`,
    },
    {
      name: 'multi-line RUN: exact continuation line, other assignments kept',
      code: `FROM golang:1.22 AS build\nRUN go mod download && \\\n    GOOS=linux go build \\\n      -o /out/app ./cmd/app\n${final}`,
      errors: ['3:16-3:24'],
      output: `FROM golang:1.22 AS build\nRUN go mod download && \\\n    GOOS=linux CGO_ENABLED=0 go build \\\n      -o /out/app ./cmd/app\n${final}`,
    },
    {
      name: 'inline CGO_ENABLED=1 is replaced',
      code: `FROM golang:1.22 AS build\nRUN CGO_ENABLED=1 go build -o /out/app .\n${final}`,
      errors: ['2:19-2:27'],
      messages: ['CGO_ENABLED is `1`'],
      output: `FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n${final}`,
    },
    {
      name: 'ENV CGO_ENABLED=1: the inline prefix wins',
      code: `FROM golang:1.22 AS build\nENV CGO_ENABLED=1\nRUN go build -o /out/app .\n${final}`,
      errors: ['3:5-3:13'],
      output: `FROM golang:1.22 AS build\nENV CGO_ENABLED=1\nRUN CGO_ENABLED=0 go build -o /out/app .\n${final}`,
    },
    {
      name: 'env wrapper with CGO_ENABLED=1',
      code: `FROM golang:1.22 AS build\nRUN env CGO_ENABLED=1 go build -o /out/app .\n${final}`,
      errors: ['2:23-2:31'],
      output: `FROM golang:1.22 AS build\nRUN env CGO_ENABLED=0 go build -o /out/app .\n${final}`,
    },
    {
      name: 'export in another RUN does not carry over',
      code: `FROM golang:1.22 AS build\nRUN export CGO_ENABLED=0\nRUN go build -o /out/app .\n${final}`,
      errors: ['3:5-3:13'],
    },
    {
      name: 'golang alpine with gcc installed',
      code: `FROM golang:1.22-alpine AS build\nRUN apk add --no-cache gcc musl-dev\nRUN go build -o /out/app .\n${final}`,
      errors: ['3:5-3:13'],
    },
    {
      name: 'heredoc RUN',
      code: `FROM golang:1.22 AS build\nRUN <<EOF\nset -e\ngo build -o /out/app .\nEOF\n${final}`,
      errors: ['4:1-4:9'],
      output: `FROM golang:1.22 AS build\nRUN <<EOF\nset -e\nCGO_ENABLED=0 go build -o /out/app .\nEOF\n${final}`,
    },
    {
      name: 'distroless static, binary built in the parent of the copied stage',
      code: 'FROM golang:1.22 AS base\nRUN go build -o /out/app .\nFROM base AS pack\nRUN true\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=pack /out/app /app\n',
      errors: ['2:5-2:13'],
      messages: ['gcr.io/distroless/static-debian12:nonroot'],
      output: 'FROM golang:1.22 AS base\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM base AS pack\nRUN true\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=pack /out/app /app\n',
    },
    {
      name: 'stage referenced by index, copied on through another stage',
      code: 'FROM golang:1.22\nRUN go build -o /out/app .\nFROM alpine:3.20 AS certs\nCOPY --from=0 /out/app /app\nFROM scratch\nCOPY --from=certs /app /app\n',
      errors: ['2:5-2:13'],
    },
    {
      name: 'gcc without -static: no fix',
      code: 'FROM gcc:14 AS build\nRUN gcc -O2 -o /out/app main.c\nFROM scratch\nCOPY --from=build /out/app /app\n',
      errors: ['2:5-2:8'],
      noFix: true,
    },
    {
      name: 'cargo build for the glibc target: no fix',
      code: 'FROM rust:1.80 AS build\nRUN cargo build --release\nFROM scratch\nCOPY --from=build /src/target/release/app /app\n',
      errors: ['2:5-2:16'],
      messages: ['*-musl'],
      noFix: true,
    },
  ],
});
