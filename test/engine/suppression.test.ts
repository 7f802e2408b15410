import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser, lint, ruleById } from '../../server/src/engine';
import { parsePragma } from '../../server/src/engine/suppression';

// the four process and probe rules: enough to see what is silenced, stable as the catalog grows
const rules = ['no-background-process', 'no-keepalive-command', 'liveness-probe', 'readiness-probe'].map((id) => ruleById(id)!);
const ids = (uri: string, text: string) => lint({ uri, text }, { rules }).findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);

const DOCKERFILE_BAD = 'FROM alpine:3.20\nCMD ./app & tail -f /dev/null\n';

describe('suppression', () => {
  before(() => initShellParser());

  it('parses pragmas', () => {
    assert.deepEqual(parsePragma(' herd-ignore no-sudo, pin-image-tag -- reviewed'), { scope: 'next', ids: ['no-sudo', 'pin-image-tag'] });
    assert.deepEqual(parsePragma('herd-ignore-file liveness-probe'), { scope: 'file', ids: ['liveness-probe'] });
    assert.deepEqual(parsePragma(' hadolint ignore=DL3025'), { scope: 'next', ids: ['exec-form-command'] });
    assert.deepEqual(parsePragma('hadolint global ignore=DL3009,DL3015'), { scope: 'file', ids: ['apt-clean-lists', 'apt-no-install-recommends'] });
    assert.equal(parsePragma('just a comment'), undefined);
  });

  it('Dockerfile: herd-ignore applies to the next instruction only', () => {
    const text = 'FROM alpine:3.20 AS a\n# herd-ignore no-keepalive-command -- debug image\nCMD ./app & tail -f /dev/null\n';
    assert.deepEqual(ids('file:///Dockerfile', text), ['3:no-background-process']);
  });

  it('Dockerfile: herd-ignore-file anywhere', () => {
    assert.deepEqual(ids('file:///Dockerfile', `${DOCKERFILE_BAD}# herd-ignore-file no-background-process,no-keepalive-command\n`), []);
  });

  it('Dockerfile: a pragma before another instruction does not leak', () => {
    const text = '# herd-ignore no-background-process\nFROM alpine:3.20\nCMD ./app & tail -f /dev/null\n';
    assert.deepEqual(ids('file:///Dockerfile', text), ['3:no-background-process', '3:no-keepalive-command']);
  });

  const pod = (annotations: string, containerPrefix = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
${annotations}spec:
  containers:
${containerPrefix}    - name: app
      image: app:1
      ports: [{containerPort: 80}]
`;

  it('YAML: herd-ignore covers the node that starts on the next line', () => {
    const text = pod('', '    # herd-ignore liveness-probe\n');
    assert.deepEqual(ids('file:///p.yaml', text), ['8:readiness-probe']);
  });

  it('YAML: herd/ignore annotation on the object', () => {
    const text = pod('  annotations:\n    herd/ignore: "liveness-probe, readiness-probe"\n');
    assert.deepEqual(ids('file:///p.yaml', text), []);
  });

  it('YAML: kube-linter annotations map to Herd ids', () => {
    const text = pod('  annotations:\n    ignore-check.kube-linter.io/no-readiness-probe: "not serving yet"\n');
    assert.deepEqual(ids('file:///p.yaml', text), ['9:liveness-probe']);
  });

  it('YAML: herd-ignore-file', () => {
    assert.deepEqual(ids('file:///p.yaml', `# herd-ignore-file readiness-probe\n${pod('')}`), ['8:liveness-probe']);
  });

  describe('pragmas on line 1, which the Dockerfile parser reads as parser directives', () => {
    const process = ['exec-form-command', 'single-start-instruction', 'apk-no-cache'].map((id) => ruleById(id)!);
    const found = (text: string) => lint({ uri: 'file:///Dockerfile', text }, { rules: process }).findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);
    const BODY = 'FROM alpine:3.20\nRUN apk add curl\nCMD ./app\nCMD ./app --again\n';
    // exec-form-command reports the CMD that takes effect, the last one
    const ALL = ['2:apk-no-cache', '3:single-start-instruction', '4:exec-form-command'];

    it('without a pragma, everything is found', () => assert.deepEqual(found(BODY), ALL));

    it('# hadolint global ignore= before FROM', () => {
      assert.deepEqual(found(`# hadolint global ignore=DL3019\n${BODY}`), ALL.filter((f) => !f.endsWith('apk-no-cache')).map(shift(1)));
    });

    it('# herd-ignore-file on line 1, and after parser directives', () => {
      assert.deepEqual(found(`# herd-ignore-file exec-form-command\n${BODY}`), ['3:apk-no-cache', '4:single-start-instruction']);
      assert.deepEqual(found(`# syntax=docker/dockerfile:1\n# herd-ignore-file exec-form-command\n${BODY}`), ['4:apk-no-cache', '5:single-start-instruction']);
    });

    it('# hadolint ignore= on line 1 applies to the next instruction only (FROM)', () => {
      assert.deepEqual(found(`# hadolint ignore=DL3019\n${BODY}`), ALL.map(shift(1)));
    });

    it("BuildKit's check=skip maps the checks Herd has; skip=all their equivalents, not all of Herd", () => {
      assert.deepEqual(found(`# check=skip=JSONArgsRecommended\n${BODY}`), ['3:apk-no-cache', '4:single-start-instruction']);
      assert.deepEqual(found(`# syntax=docker/dockerfile:1\n# check=skip=StageNameCasing,MultipleInstructionsDisallowed;error=true\n${BODY}`), ['4:apk-no-cache', '6:exec-form-command']);
      assert.deepEqual(found(`# check=skip=all\n${BODY}`), ['3:apk-no-cache']);
    });

    it('check= is a parser directive: after a comment, a blank line or an instruction it is a plain comment', () => {
      assert.deepEqual(found(`# build me\n# check=skip=JSONArgsRecommended\n${BODY}`), ALL.map(shift(2)));
      assert.deepEqual(found(`\n# check=skip=JSONArgsRecommended\n${BODY}`), ALL.map(shift(2)));
      assert.deepEqual(found(`${BODY}# check=skip=JSONArgsRecommended\n`), ALL);
    });
  });
});

function shift(by: number): (finding: string) => string {
  return (f) => f.replace(/^\d+/, (n) => String(Number(n) + by));
}
