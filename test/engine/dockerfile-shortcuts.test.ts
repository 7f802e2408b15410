// The Dockerfile model reads arguments without dockerfile-ast's argument scan when the text makes the answer
// plain, and keeps per-instruction answers: both must agree with the scan on every instruction.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Instruction } from 'dockerfile-ast';
import { execArgv, isExecForm, parseDockerfile, runScripts, shellText, usesPosixShell, type DockerfileModel } from '../../server/src/parse/dockerfile';
import { initShellParser } from '../../server/src/parse/shell';
import { sourceText } from '../../server/src/parse/source';
import { corpusFiles } from '../helpers/corpus';

/** Instructions whose end, start or form is not plain: trailing blanks, dangling continuations, comments, flags. */
const EDGES = [
  'RUN echo hi   \n',
  'RUN echo hi \\\n',
  'RUN echo hi \\',
  'RUN echo hi \\\n  # c\n  && x\n',
  'RUN echo hi \\\n\n',
  'RUN a \\\n # only comment',
  'CMD echo \\\n# comment\n',
  'RUN echo hi \\  \n',
  'RUN a\\\n b',
  '# escape=`\nRUN a `\n b\n',
  'RUN\techo\t \n',
  'RUN echo "a \\\n b"\r\n',
  'RUN --mount=type=cache,target=/x apt-get update\n',
  'RUN [ -f /x ] && echo y\n',
  'CMD ["a", "b"]  \n',
  'CMD [ "a" , \\\n "b" ]\n',
  'ENTRYPOINT \\\n  ["a"]\n',
];

function models(): DockerfileModel[] {
  const texts = [...corpusFiles('dockerfiles').map((f) => f.text), ...EDGES];
  return texts.map((text, i) => parseDockerfile(sourceText(`file:///f${i}/Dockerfile`, text)));
}

/** The arguments' text exactly as dockerfile-ast's scan delimits them. */
function scannedArguments(model: DockerfileModel, instruction: Instruction): { start: number; end: number } | undefined {
  const args = instruction.getArgumentsRange();
  return args ? { start: model.source.offsetAt(args.start), end: model.source.offsetAt(args.end) } : undefined;
}

describe('Dockerfile shortcuts agree with the argument scan', () => {
  const all = models();

  it('shellText spans the scanned arguments of every instruction', () => {
    let checked = 0;
    for (const model of all) {
      for (const instruction of model.ast.getInstructions()) {
        const scanned = scannedArguments(model, instruction);
        const text = shellText(model, instruction);
        if (!scanned) {
          assert.equal(text, undefined);
          continue;
        }
        // the reference: the same text built from the scanned start (a given start takes the scan for the end)
        const reference = shellText(model, instruction, scanned.start);
        assert.deepEqual(text, reference, instruction.getTextContent());
        assert.equal(text!.base + text!.text.length, scanned.end);
        checked++;
      }
    }
    assert.ok(checked > 3000, `${checked} instructions`);
  });

  it('isExecForm answers as a JSON parse of the scanned arguments', () => {
    for (const model of all) {
      for (const instruction of model.ast.getInstructions()) {
        const scanned = scannedArguments(model, instruction);
        let expected = false;
        const raw = scanned ? model.source.text.slice(scanned.start, scanned.end).trim() : '';
        if (raw.startsWith('[') && raw.endsWith(']')) {
          try {
            const value: unknown = JSON.parse(raw);
            expected = Array.isArray(value) && value.every((v) => typeof v === 'string');
          } catch {
            expected = false;
          }
        }
        assert.equal(isExecForm(model, instruction), expected, instruction.getTextContent());
      }
    }
  });

  it('hands out equal answers on every call, and copies of its lists', async () => {
    await initShellParser();
    const model = parseDockerfile(sourceText('file:///Dockerfile', 'FROM debian\nRUN apt-get update && apt-get install -y curl\nCMD ["curl", "-f"]\n'));
    const [run, cmd] = model.stages[0].instructions;
    const first = runScripts(model, run);
    first.pop();
    assert.equal(runScripts(model, run).length, 1);
    assert.equal(runScripts(model, run)[0], runScripts(model, run)[0]);
    const argv = execArgv(model, cmd);
    argv.length = 0;
    assert.deepEqual(
      execArgv(model, cmd).map((a) => a.text),
      ['curl', '-f'],
    );
  });

  it('still follows SHELL when a Dockerfile has one', () => {
    const model = parseDockerfile(sourceText('file:///Dockerfile', 'FROM mcr.microsoft.com/windows\nRUN dir\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem\nFROM debian\nRUN ls\n'));
    const runs = model.stages.flatMap((s) => s.instructions).filter((i) => i.getKeyword() === 'RUN');
    assert.deepEqual(
      runs.map((r) => usesPosixShell(model, r)),
      [true, false, true],
    );
  });
});
