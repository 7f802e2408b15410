import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeConfig, parseConfig, ruleIds } from '../../server/src/engine';
import { detectLanguage, fileKind } from '../../server/src/engine/detect';
import { matchesAny } from '../../server/src/engine/glob';

describe('.herd.yaml', () => {
  it('reads severities and ignore globs', () => {
    const { config, problems } = parseConfig('rules:\n  liveness-probe: off\n  readiness-probe: error\nignore:\n  - charts/**\n', ruleIds);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { 'liveness-probe': 'off', 'readiness-probe': 'error' });
    assert.deepEqual(config.ignore, ['charts/**']);
  });

  it('reports an unknown rule id and a bad severity at their exact place, keeping the rest', () => {
    const text = 'rules:\n  liveness-probe: loud\n  no-such-rule: off\n  readiness-probe: info\n';
    const { config, problems } = parseConfig(text, ruleIds);
    assert.deepEqual(
      problems.map((p) => [p.message, text.slice(p.start, p.end)]),
      [
        ['Bad severity `loud` for `liveness-probe`: use off, info, warning or error', 'loud'],
        ['Unknown rule id `no-such-rule` in .herd.yaml', 'no-such-rule'],
      ],
    );
    assert.deepEqual(config.rules, { 'readiness-probe': 'info' });
  });

  it('reports broken YAML and falls back to defaults', () => {
    const { config, problems } = parseConfig('rules: [unclosed\n', ruleIds);
    assert.equal(problems.length > 0, true);
    assert.match(problems[0].message, /^\.herd\.yaml is not valid YAML/);
    assert.deepEqual(config.rules, {});
  });

  it('rejects a non-mapping and unknown keys', () => {
    assert.match(parseConfig('- a\n', ruleIds).problems[0].message, /must be a mapping/);
    assert.match(parseConfig('rulez: {}\n', ruleIds).problems[0].message, /Unknown key `rulez`/);
    assert.match(parseConfig('ignore: 3\n', ruleIds).problems[0].message, /list of glob strings/);
  });

  it('editor settings override the file', () => {
    const merged = mergeConfig(parseConfig('rules: {liveness-probe: off}\n', ruleIds).config, { rules: { 'liveness-probe': 'error' } });
    assert.equal(merged.rules['liveness-probe'], 'error');
  });
});

describe('globs', () => {
  const cases: [string, string[], boolean][] = [
    ['charts/web/templates/a.yaml', ['charts/**'], true],
    ['charts', ['charts/'], true],
    ['deploy/a.yaml', ['charts/**'], false],
    ['a/b/Dockerfile.dev', ['Dockerfile.*'], true],
    ['a/b/c.yml', ['a/*.yml'], false],
    ['a/c.yml', ['a/*.yml'], true],
    ['x/vendor/y/z.yaml', ['**/vendor/**'], true],
  ];
  for (const [path, globs, expected] of cases) it(`${globs.join(',')} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesAny(path, globs), expected));
});

describe('file detection', () => {
  const names: [string, string | undefined][] = [
    ['Dockerfile', 'dockerfile'],
    ['Dockerfile.dev', 'dockerfile'],
    ['api.Dockerfile', 'dockerfile'],
    ['build.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Containerfile.prod', 'dockerfile'],
    ['deploy.yaml', 'yaml'],
    ['deploy.YML', 'yaml'],
    ['Dockerfile.md', 'dockerfile'],
    ['README.md', undefined],
  ];
  for (const [name, kind] of names) it(`${name} → ${kind}`, () => assert.equal(fileKind(`file:///w/${name}`), kind));

  it('YAML is Kubernetes only with top-level apiVersion and kind; Compose by name', () => {
    assert.equal(detectLanguage('a.yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
    assert.equal(detectLanguage('docker-compose.yml', 'services:\n  web:\n    image: x\n'), 'compose');
    assert.equal(detectLanguage('stack.yml', 'services:\n  web:\n    image: x\n'), undefined);
    assert.equal(detectLanguage('.github/workflows/ci.yml', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n'), undefined);
    assert.equal(detectLanguage('x.yaml', 'data:\n  apiVersion: v1\n  kind: Pod\n'), undefined);
  });
});
