// YAML anchors, aliases and merge keys are what kubectl applies: containers written once under an anchor,
// `containers: *list`, `- *container`, probes merged in with `<<: *defaults`; `kind: List` items are objects.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser, lint } from '../../server/src/engine';

before(() => initShellParser());

/** `rule line:column` of every finding (1-based), sorted. */
function found(text: string): string[] {
  return lint({ uri: 'file:///w/app.yaml', text }).findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

const probes = 'livenessProbe: {httpGet: {path: /healthz, port: 8080}}\n';

describe('YAML aliases and merge keys', () => {
  it('containers: *list lints the anchored containers, where they are written', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    note: &list
      - name: app
        image: nginx:1.27
        command: ["sh", "-c", "app & tail -f /dev/null"]
spec:
  containers: *list
`;
    assert.deepEqual(found(text), ['liveness-probe 7:15', 'memory-limit 7:15', 'resource-requests 7:15', 'run-as-non-root 7:15', 'no-background-process 9:36', 'no-keepalive-command 9:38']);
  });

  it('a container item `- *c` is a container', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    side: &side {name: side, image: busybox:1.36, command: [sleep, infinity]}
spec:
  containers:
    - *side
`;
    assert.deepEqual(found(text), ['liveness-probe 6:24', 'memory-limit 6:24', 'resource-requests 6:24', 'run-as-non-root 6:24', 'no-keepalive-command 6:61']);
  });

  it('probes merged in with `<<: *defaults` are seen: no false "missing probe"', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        defaults: &defaults
          ${probes.trim()}
          readinessProbe: {httpGet: {path: /ready, port: 8080}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          <<: *defaults
        - name: other
          image: nginx:1.27
          <<: [*defaults]
`;
    const findings = found(text);
    assert.deepEqual(findings.filter((f) => /^(liveness|readiness)-probe/.test(f)), []);
    assert.ok(findings.some((f) => f.startsWith('memory-limit 14:')), findings.join('\n'));
  });

  it('an alias bomb stays cheap: aliases are looked up, not expanded', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 30 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)];
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\n  annotations:\n${levels.map((l) => `    ${l}`).join('\n')}\nspec:\n  containers: *a30\n  volumes: *a30\n`;
    const start = process.cpuUsage();
    const findings = found(text);
    const { user, system } = process.cpuUsage(start);
    assert.ok(!findings.some((f) => f.startsWith('yaml-syntax')), findings.join('\n'));
    // 10^30 items if expanded; a lookup per alias is milliseconds
    assert.ok((user + system) / 1000 < 5000, `${(user + system) / 1000} ms`);
  });
});

describe('kind: List', () => {
  it('lints each item as an object', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      containers:
        - {name: app, image: nginx}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: b}
    spec:
      template:
        spec:
          containers:
            - name: web
              image: redis:7
              securityContext: {privileged: true}
`;
    assert.deepEqual(found(text), [
      ...['liveness-probe', 'memory-limit', 'resource-requests', 'run-as-non-root'].map((r) => `${r} 9:18`),
      'pin-image-tag 9:30',
      ...['liveness-probe', 'memory-limit', 'resource-requests', 'run-as-non-root'].map((r) => `${r} 17:21`),
      'no-privileged 19:45',
    ]);
  });
});
