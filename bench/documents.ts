// The documents the editor benchmark types into: a generated multi-document manifest and a 60-line Dockerfile.

/**
 * 60 Deployments of a maintained service (an init container, the app, a proxy sidecar): about 3,000 lines,
 * with the findings a real repository keeps (sidecars without probes, a missing limit or probe here and there).
 */
export function largeManifest(deployments = 60): string {
  const docs: string[] = [];
  for (let i = 0; i < deployments; i++) {
    const name = `svc-${String(i).padStart(2, '0')}`;
    const limits = i % 4 === 0 ? [] : ['            limits:', '              memory: 256Mi'];
    const readiness = i % 3 === 0 ? [] : ['          readinessProbe:', '            httpGet:', '              path: /ready', '              port: http'];
    docs.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  selector:',
        '    matchLabels:',
        `      app: ${name}`,
        '  template:',
        '    metadata:',
        '      labels:',
        `        app: ${name}`,
        '    spec:',
        '      securityContext:',
        '        runAsNonRoot: true',
        '        runAsUser: 10001',
        '      initContainers:',
        '        - name: migrate',
        `          image: registry.example.com/${name}-migrate:1.4.${i}`,
        '          command: ["/app/migrate", "--wait"]',
        '      containers:',
        '        - name: app',
        `          image: registry.example.com/${name}:1.4.${i}`,
        '          command: ["/bin/sh", "-c", "exec /app/server --port=8080"]',
        '          ports:',
        '            - containerPort: 8080',
        '              name: http',
        '          env:',
        '            - name: REGION',
        '              value: eu-west-1',
        '          resources:',
        '            requests:',
        '              cpu: 100m',
        '              memory: 128Mi',
        ...limits,
        ...readiness,
        '          livenessProbe:',
        '            httpGet:',
        '              path: /healthz',
        '              port: http',
        '        - name: proxy',
        '          image: envoyproxy/envoy:v1.30.1',
        '          resources:',
        '            requests:',
        '              cpu: 50m',
        '              memory: 64Mi',
        '            limits:',
        '              memory: 128Mi',
      ].join('\n'),
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

/** A two-stage Dockerfile of 60 lines with the usual package installs, users, ports and a health check. */
export const DOCKERFILE = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
ARG DEBIAN_VERSION=bookworm

FROM golang:\${GO_VERSION}-\${DEBIAN_VERSION} AS build
WORKDIR /src
ENV CGO_ENABLED=0 \\
    GOOS=linux \\
    GOFLAGS=-trimpath
RUN apt-get update && apt-get install -y git make ca-certificates \\
    && rm -rf /var/lib/apt/lists/*
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \\
    make build VERSION=1.4.2 \\
    && ./bin/server --version
RUN go test ./... -run Unit -count=1

FROM debian:\${DEBIAN_VERSION}-slim
LABEL org.opencontainers.image.source="https://example.invalid/svc" \\
      org.opencontainers.image.description="Example service"
RUN apt-get update \\
    && apt-get install -y --no-install-recommends curl tzdata \\
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 app \\
    && useradd --system --uid 10001 --gid app --home /app app
WORKDIR /app
COPY --from=build /src/bin/server /app/server
COPY config/ /app/config/
ENV PORT=8080 \\
    LOG_FORMAT=json \\
    LOG_LEVEL=info
ENV TZ=UTC
EXPOSE 8080
EXPOSE 9090
RUN mkdir -p /app/data /app/tmp \\
    && chown -R app:app /app/data /app/tmp
VOLUME ["/app/data"]
RUN echo "build date: $(date -u)" > /app/BUILD_INFO
RUN pip install requests==2.32.3
RUN if [ -f /app/config/extra.sh ]; then \\
      sh /app/config/extra.sh; \\
    fi
RUN ln -sf /usr/share/zoneinfo/UTC /etc/localtime \\
    && echo UTC > /etc/timezone
ARG BUILD_SHA=unknown
ENV BUILD_SHA=\${BUILD_SHA}
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\
  CMD curl -fsS http://localhost:8080/healthz || exit 1
USER app
RUN touch /app/tmp/.ready
RUN cat /app/BUILD_INFO \\
    && ls -la /app
RUN test -x /app/server
ENV GODEBUG=madvdontneed=1
WORKDIR /app
ENTRYPOINT ["/app/server"]
CMD ["--port=8080"]
`;
