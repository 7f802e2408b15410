// Every contributed snippet, expanded with its defaults, is a file that the whole rule registry passes.
// Generic over the registry: a rule added later that a snippet breaks fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { allRules, initShellParser, lint, parseFile, type LintInput } from '../../server/src/engine';
import type { WorkspaceView } from '../../server/src/engine/workspace';
import { parseImageRef } from '../../server/src/knowledge/images';
import { expandSnippet, parseSnippet, tabStops } from './snippet-syntax';

const ROOT = join(__dirname, '..', '..');

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

interface Contribution {
  language: string;
  path: string;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: Contribution[] } };
const contributions = manifest.contributes.snippets;
const snippetsOf = (c: Contribution) => Object.entries(JSON.parse(readFileSync(join(ROOT, c.path), 'utf8')) as Record<string, Snippet>);

/** What the editor would resolve; a snippet using any other variable fails the expansion. */
const VARIABLES = { TM_FILENAME_BASE: 'web', TM_FILENAME: 'web.yaml', TM_DIRECTORY: '/work/web', WORKSPACE_NAME: 'shop' };

/** A workspace holding only this file, so that cross-file rules run too. */
function soloWorkspace(input: LintInput): WorkspaceView {
  const { model } = parseFile(input);
  return { files: () => (model ? [{ uri: input.uri, model }] : []), dockerfilesForImage: () => [] };
}

describe('snippet syntax expansion', () => {
  const expand = (body: string) => expandSnippet(body, VARIABLES);
  it('tab stops, placeholders, mirrors and the final cursor', () => {
    assert.equal(expand('a $1 b ${2} c $0'), 'a  b  c ');
    assert.equal(expand('name: ${1:web}, again: $1, ${1:ignored}'), 'name: web, again: web, web');
    assert.equal(expand('before: $1 then ${1:x}'), 'before: x then x');
    assert.equal(expand('${1:outer ${2:inner}} $2'), 'outer inner inner');
  });
  it('choices take their first option; escapes and variables', () => {
    assert.equal(expand('type: ${1|ClusterIP,NodePort|}'), 'type: ClusterIP');
    assert.equal(expand('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expand('echo \\$HOME \\${X\\} \\\\n'), 'echo $HOME ${X} \\n');
    assert.equal(expand('\\d stays'), '\\d stays');
    assert.equal(expand('$TM_FILENAME_BASE-${TM_FILENAME_BASE}:${UNSET_VAR:fallback}'), 'web-web:fallback');
    assert.equal(expand('cost: $ 5, ${ x'), 'cost: $ 5, ${ x');
  });
  it('rejects what the editor would mangle', () => {
    assert.throws(() => expand('echo $HOME'), /unknown snippet variable \$HOME/);
    assert.throws(() => expand('${1:never closed'), /unterminated placeholder/);
    assert.throws(() => expand('${1/(.*)/$1/}'), /transforms/);
  });
  it('lists tab stops', () => {
    assert.deepEqual(tabStops('${2:a} $1 ${3|x,y|} $0 ${4:${5:n}}'), [1, 2, 3, 4, 5]);
  });
});

describe('contributed snippets', () => {
  before(() => initShellParser());

  it('package.json contributes a Dockerfile, a YAML and a Compose snippet file', () => {
    assert.deepEqual(
      contributions.map((c) => [c.language, c.path]),
      [
        ['dockerfile', './snippets/dockerfile.json'],
        ['yaml', './snippets/kubernetes.json'],
        ['dockercompose', './snippets/compose.json'],
      ],
    );
  });

  it('prefixes are unique herd- words', () => {
    const prefixes = contributions.flatMap((c) => snippetsOf(c).map(([, s]) => s.prefix));
    assert.ok(prefixes.length >= 14, `${prefixes.length} snippets`);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const p of prefixes) assert.match(p, /^herd-[a-z0-9-]+$/);
  });

  for (const contribution of contributions) {
    for (const [title, snippet] of snippetsOf(contribution)) {
      const dockerfile = contribution.language === 'dockerfile';
      const compose = contribution.language === 'dockercompose';
      describe(`${snippet.prefix} (${title})`, () => {
        it('is well formed: description, spaces only, tab stops on what the user must choose', () => {
          assert.ok(snippet.description.length > 20);
          assert.ok(Array.isArray(snippet.body) && snippet.body.length > 3);
          parseSnippet(snippet.body.join('\n'));
          assert.ok(!snippet.body.some((l) => l.includes('\t')), 'no tab characters (YAML forbids them; the editor re-indents them)');
          assert.ok(tabStops(snippet.body).length >= 2, 'at least two tab stops');
          // the names, ports and images the user must choose carry a tab stop (one per kind is enough)
          const kinds = dockerfile ? { port: /^EXPOSE / } : { name: /^\s*(- )?name: /, image: /^\s*(- )?image: /, port: /^\s*(- )?(containerPort|port): \S/, host: /^\s*(- )?host: / };
          for (const [kind, re] of Object.entries(kinds)) {
            const lines = snippet.body.filter((l) => re.test(l));
            if (lines.length) assert.ok(lines.some((l) => l.includes('${')), `a tab stop on a ${kind} line`);
          }
        });

        it('pins every image to an explicit tag', () => {
          const text = expandSnippet(snippet.body, VARIABLES);
          const images = dockerfile
            ? [...text.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]).filter((i) => i !== 'scratch' && !/^[a-z]+$/.test(i))
            : [...text.matchAll(/^\s*(?:- )?image:\s*(\S+)/gm)].map((m) => m[1]);
          for (const image of images) {
            const ref = parseImageRef(image);
            assert.ok(ref?.tag && ref.tag !== 'latest', `${image} has a pinned tag`);
          }
        });

        it('expands with its defaults to a file with zero findings under the whole registry', () => {
          const text = expandSnippet(snippet.body, VARIABLES);
          const input: LintInput = dockerfile
            ? { uri: `file:///snippets/${snippet.prefix}/Dockerfile`, text, languageId: 'dockerfile' }
            : compose
              ? { uri: `file:///snippets/${snippet.prefix}/compose.yaml`, text, languageId: 'dockercompose' }
              : { uri: `file:///snippets/${snippet.prefix}.yaml`, text, languageId: 'yaml' };
          const result = lint(input, { rules: allRules, workspace: soloWorkspace(input) });
          assert.equal(result.language, dockerfile ? 'dockerfile' : compose ? 'compose' : 'kubernetes');
          assert.deepEqual(result.problems, []);
          const model = result.model!;
          if (model.kind === 'kubernetes') {
            assert.deepEqual(model.documents.flatMap((d) => d.errors.map((e) => e.message)), []);
            assert.equal(model.objects.length, model.documents.length, 'every document is a Kubernetes object');
          } else if (model.kind === 'compose') {
            assert.deepEqual(model.documents.flatMap((d) => d.errors.map((e) => e.message)), []);
            assert.ok(model.services.length >= 2, 'at least two services');
          } else {
            assert.ok(model.finalStage, 'a final stage');
          }
          const findings = result.findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
          assert.deepEqual(findings, [], `expanded snippet:\n${text}`);
        });
      });
    }
  }
});
