// The injection grammars under vscode-textmate: ignore pragmas in Dockerfiles and YAML, Dockerfile
// heredoc bodies as shell (or as text when no shell runs them). Hosts are the stand-ins in fixtures/.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { contributedGrammars, grammarRegistry, tokenize, type TokenLine } from './textmate';

const HERD = 'comment.line.number-sign.pragma.herd';
const HADOLINT = 'comment.line.number-sign.pragma.hadolint';
const HEREDOC = 'meta.heredoc.dockerfile';
const SHELL = `${HEREDOC} meta.embedded.block.shell`;
const TEXT = `${HEREDOC} string.unquoted.heredoc.dockerfile`;

describe('TextMate grammars', () => {
  let dockerfile: IGrammar;
  let yaml: IGrammar;
  before(async () => {
    const registry = await grammarRegistry();
    dockerfile = (await registry.loadGrammar('source.dockerfile'))!;
    yaml = (await registry.loadGrammar('source.yaml'))!;
    assert.ok(dockerfile && yaml);
  });

  it('package.json injects the pragma grammar into Dockerfile and YAML, the heredoc grammar into Dockerfile with shell embedded', () => {
    assert.deepEqual(
      contributedGrammars.map((g) => [g.scopeName, g.injectTo, g.embeddedLanguages]),
      [
        ['herd.pragma.injection', ['source.dockerfile', 'source.yaml'], undefined],
        ['herd.dockerfile-heredoc.injection', ['source.dockerfile'], { 'meta.embedded.block.shell': 'shellscript' }],
      ],
    );
  });

  describe('ignore pragmas', () => {
    it('herd-ignore in a Dockerfile: keyword, rule ids, separators and the reason', () => {
      const [line] = tokenize(dockerfile, '# herd-ignore no-background-process,exec-form-command -- the wrapper forwards signals');
      assert.deepEqual(line, [
        ['#', `${HERD} punctuation.definition.comment.herd`],
        [' ', HERD],
        ['herd-ignore', `${HERD} keyword.other.pragma.herd`],
        [' ', HERD],
        ['no-background-process', `${HERD} constant.other.rule-id.herd`],
        [',', `${HERD} punctuation.separator.comma.herd`],
        ['exec-form-command', `${HERD} constant.other.rule-id.herd`],
        [' ', HERD],
        ['--', `${HERD} punctuation.separator.reason.herd`],
        [' ', HERD],
        ['the wrapper forwards signals', `${HERD} string.unquoted.reason.herd`],
      ] satisfies TokenLine);
    });

    it('herd-ignore-file, indented, without a space after #, with the * wildcard', () => {
      const [line] = tokenize(dockerfile, '  #herd-ignore-file * pin-image-tag');
      assert.deepEqual(line, [
        ['  ', `${HERD} punctuation.whitespace.comment.leading.herd`],
        ['#', `${HERD} punctuation.definition.comment.herd`],
        ['herd-ignore-file', `${HERD} keyword.other.pragma.herd`],
        [' ', HERD],
        ['*', `${HERD} constant.other.rule-id.herd`],
        [' ', HERD],
        ['pin-image-tag', `${HERD} constant.other.rule-id.herd`],
      ]);
    });

    it('hadolint ignore= and global ignore=', () => {
      const [local, global] = tokenize(dockerfile, '# hadolint ignore=DL3008\n# hadolint global ignore=DL3008, DL3009');
      assert.deepEqual(local, [
        ['#', `${HADOLINT} punctuation.definition.comment.hadolint`],
        [' ', HADOLINT],
        ['hadolint', `${HADOLINT} keyword.other.pragma.hadolint`],
        [' ', HADOLINT],
        ['ignore', `${HADOLINT} keyword.other.pragma.hadolint`],
        ['=', `${HADOLINT} keyword.operator.assignment.hadolint`],
        ['DL3008', `${HADOLINT} constant.other.rule-id.hadolint`],
      ]);
      assert.deepEqual(global.slice(4, 6), [
        ['global', `${HADOLINT} keyword.other.pragma.hadolint`],
        [' ', HADOLINT],
      ]);
      assert.deepEqual(global.slice(-3), [
        [',', `${HADOLINT} punctuation.separator.comma.hadolint`],
        [' ', HADOLINT],
        ['DL3009', `${HADOLINT} constant.other.rule-id.hadolint`],
      ]);
    });

    it('leaves other comments, mid-line text, strings and look-alike words to the host', () => {
      const lines = tokenize(dockerfile, '# just a note: herd-ignore x\n# herd-ignored x\nRUN echo # herd-ignore x\nRUN echo "a\n# herd-ignore x\nb"');
      assert.deepEqual(lines[0], [
        ['#', 'comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile'],
        [' just a note: herd-ignore x', 'comment.line.number-sign.dockerfile'],
      ]);
      assert.deepEqual(lines[1], [
        ['#', 'comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile'],
        [' herd-ignored x', 'comment.line.number-sign.dockerfile'],
      ]);
      assert.deepEqual(lines[2], [
        ['RUN', 'keyword.other.special-method.dockerfile'],
        [' ', ''],
        ['echo # herd-ignore x', ''],
      ]);
      assert.deepEqual(lines[4], [['# herd-ignore x', 'string.quoted.double.dockerfile']]);
    });

    it('in YAML: whole-line pragmas at any indentation; not trailing comments, not block scalars', () => {
      const lines = tokenize(yaml, '# herd-ignore liveness-probe -- batch worker\nspec:\n    # herd-ignore-file *\n  key: value # herd-ignore x\n  script: |\n    # herd-ignore x\n  other: 1');
      assert.deepEqual(lines[0], [
        ['#', `${HERD} punctuation.definition.comment.herd`],
        [' ', HERD],
        ['herd-ignore', `${HERD} keyword.other.pragma.herd`],
        [' ', HERD],
        ['liveness-probe', `${HERD} constant.other.rule-id.herd`],
        [' ', HERD],
        ['--', `${HERD} punctuation.separator.reason.herd`],
        [' ', HERD],
        ['batch worker', `${HERD} string.unquoted.reason.herd`],
      ]);
      assert.deepEqual(lines[2], [
        ['    ', `${HERD} punctuation.whitespace.comment.leading.herd`],
        ['#', `${HERD} punctuation.definition.comment.herd`],
        [' ', HERD],
        ['herd-ignore-file', `${HERD} keyword.other.pragma.herd`],
        [' ', HERD],
        ['*', `${HERD} constant.other.rule-id.herd`],
      ]);
      assert.deepEqual(lines[3].slice(-2), [
        ['#', 'comment.line.number-sign.yaml punctuation.definition.comment.yaml'],
        [' herd-ignore x', 'comment.line.number-sign.yaml'],
      ]);
      assert.deepEqual(lines[5], [['    # herd-ignore x', 'string.unquoted.block.yaml']]);
      assert.deepEqual(lines[6][1], ['other', 'entity.name.tag.yaml']);
    });

    it('without the injection the same line is a plain comment (the test exercises the injection)', async () => {
      const host = (await (await grammarRegistry({ inject: false })).loadGrammar('source.dockerfile'))!;
      assert.deepEqual(tokenize(host, '# herd-ignore x')[0], [
        ['#', 'comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile'],
        [' herd-ignore x', 'comment.line.number-sign.dockerfile'],
      ]);
    });
  });

  describe('Dockerfile heredocs', () => {
    it('RUN <<EOF: the body is shell up to the delimiter alone on its line', () => {
      const lines = tokenize(dockerfile, "FROM alpine:3.20\nRUN <<EOF\nset -e\n# herd-ignore x\necho 'quoted' $HOME\n  EOF\nEOF\nCMD [\"sh\"]");
      assert.deepEqual(lines[1], [
        ['RUN', `${HEREDOC} keyword.other.special-method.dockerfile`],
        [' ', HEREDOC],
        ['<<', `${HEREDOC} keyword.operator.heredoc.dockerfile`],
        ['EOF', `${HEREDOC} keyword.control.heredoc-token.dockerfile`],
      ]);
      assert.deepEqual(lines[2], [
        ['set', `${SHELL} support.function.builtin.shell`],
        [' -e', SHELL],
      ]);
      // a comment in the script is the shell's, not a pragma
      assert.deepEqual(lines[3], [['# herd-ignore x', `${SHELL} comment.line.number-sign.shell`]]);
      assert.deepEqual(lines[4], [
        ['echo', `${SHELL} support.function.builtin.shell`],
        [' ', SHELL],
        ["'", `${SHELL} string.quoted.single.shell`],
        ['quoted', `${SHELL} string.quoted.single.shell`],
        ["'", `${SHELL} string.quoted.single.shell`],
        [' ', SHELL],
        ['$HOME', `${SHELL} variable.other.normal.shell`],
      ]);
      // `<<` (no dash): an indented delimiter does not end the heredoc
      assert.deepEqual(lines[5], [['  EOF', SHELL]]);
      assert.deepEqual(lines[6], [['EOF', `${HEREDOC} keyword.control.heredoc-token.dockerfile`]]);
      // back in the host grammar
      assert.deepEqual(lines[7].slice(0, 1), [['CMD', 'keyword.other.special-method.dockerfile']]);
      assert.deepEqual(lines[7][3], ['"', 'string.quoted.double.dockerfile']);
    });

    it("RUN --mount … <<-'SCRIPT': flags, a quoted delimiter, tab-indented body and delimiter", () => {
      const lines = tokenize(dockerfile, "RUN --mount=type=cache,target=/var/cache/apk <<-'SCRIPT'\n\tapk add curl\n\tSCRIPT\nUSER 1000");
      assert.deepEqual(lines[0], [
        ['RUN', `${HEREDOC} keyword.other.special-method.dockerfile`],
        [' --mount=type=cache,target=/var/cache/apk', `${HEREDOC} variable.parameter.flag.dockerfile`],
        [' ', HEREDOC],
        ['<<-', `${HEREDOC} keyword.operator.heredoc.dockerfile`],
        ["'SCRIPT'", `${HEREDOC} keyword.control.heredoc-token.dockerfile`],
      ]);
      assert.deepEqual(lines[1], [['\tapk add curl', SHELL]]);
      assert.deepEqual(lines[2], [
        ['\t', HEREDOC],
        ['SCRIPT', `${HEREDOC} keyword.control.heredoc-token.dockerfile`],
      ]);
      assert.deepEqual(lines[3][0], ['USER', 'keyword.other.special-method.dockerfile']);
    });

    it('RUN bash -eux <<"EOT": a shell reading the heredoc', () => {
      const lines = tokenize(dockerfile, 'RUN bash -eux <<"EOT"\nrm -rf /tmp/x # done\nEOT');
      assert.deepEqual(lines[0], [
        ['RUN', `${HEREDOC} keyword.other.special-method.dockerfile`],
        [' ', HEREDOC],
        ['bash', `${HEREDOC} support.function.shell.dockerfile`],
        [' -eux', `${HEREDOC} variable.parameter.option.dockerfile`],
        [' ', HEREDOC],
        ['<<', `${HEREDOC} keyword.operator.heredoc.dockerfile`],
        ['"EOT"', `${HEREDOC} keyword.control.heredoc-token.dockerfile`],
      ]);
      assert.deepEqual(lines[1], [
        ['rm', `${SHELL} support.function.builtin.shell`],
        [' -rf /tmp/x ', SHELL],
        ['# done', `${SHELL} comment.line.number-sign.shell`],
      ]);
      assert.deepEqual(lines[2], [['EOT', `${HEREDOC} keyword.control.heredoc-token.dockerfile`]]);
    });

    it('COPY <<EOF and RUN python3 <<PY: the body is text, and its quotes open no string', () => {
      const lines = tokenize(dockerfile, "COPY <<EOF /etc/motd\nit's text: echo $HOME\nEOF\nRUN python3 <<PY\nprint('hi')\nPY\nUSER 1000");
      assert.deepEqual(lines[0], [
        ['COPY', `${HEREDOC} keyword.other.special-method.dockerfile`],
        [' ', HEREDOC],
        ['<<', `${HEREDOC} keyword.operator.heredoc.dockerfile`],
        ['EOF', `${HEREDOC} keyword.control.heredoc-token.dockerfile`],
        [' /etc/motd', HEREDOC],
      ]);
      assert.deepEqual(lines[1], [["it's text: echo $HOME", TEXT]]);
      assert.deepEqual(lines[2], [['EOF', `${HEREDOC} keyword.control.heredoc-token.dockerfile`]]);
      assert.deepEqual(lines[3].slice(0, 3), [
        ['RUN', `${HEREDOC} keyword.other.special-method.dockerfile`],
        [' python3 ', HEREDOC],
        ['<<', `${HEREDOC} keyword.operator.heredoc.dockerfile`],
      ]);
      assert.deepEqual(lines[4], [["print('hi')", TEXT]]);
      assert.deepEqual(lines[6][0], ['USER', 'keyword.other.special-method.dockerfile']);
    });
  });
});
