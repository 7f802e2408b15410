import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../../engine/rule';
import { execArgv, isExecForm, offsets, type DockerfileModel } from '../../parse/dockerfile';

/** Flags that COPY accepts as well; any other ADD flag (--checksum, --keep-git-dir, --unpack…) is ADD-only. */
const SHARED_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude']);
/** Archives ADD unpacks (by content: identity, gzip, bzip2, xz, and zstd in recent BuildKit). */
const ARCHIVE = /\.(tar|tgz|tbz2?|tb2|txz|tlz|tzst|gz|bz2|xz|lz|lzma|zst)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

export default defineRule({
  meta: {
    id: 'copy-not-add',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'hygiene',
    description: 'ADD of a local path: COPY does the same without the archive and URL magic.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'ADD' || !copiesLocalFiles(model, instruction)) continue;
      const keyword = offsets(model, instruction.getInstructionRange());
      const written = model.source.text.slice(keyword.start, keyword.end);
      const copy = written === written.toLowerCase() ? 'copy' : 'COPY';
      context.report({
        ...keyword,
        message: '`ADD` of local files also unpacks archives and fetches URLs, so a renamed file can silently change what lands in the image. Use `COPY` for plain files and folders.',
        fixes: [{ title: 'Replace `ADD` with `COPY`', kind: 'safe', edits: () => [{ ...keyword, newText: copy }] }],
      });
    }
  },
});

function copiesLocalFiles(model: DockerfileModel, instruction: Instruction): boolean {
  const flags = (instruction as unknown as { getFlags(): { getName(): string }[] }).getFlags();
  if (flags.some((f) => !SHARED_FLAGS.has(f.getName().toLowerCase()))) return false;
  const sources = sourcesOf(model, instruction);
  if (!sources.length) return false;
  // a variable may name a URL or an archive: only what is written can be judged
  return sources.every((s) => !s.includes('$') && !REMOTE.test(s) && !ARCHIVE.test(s) && !/\.git(#.*)?$/.test(s));
}

/** The source operands: every argument but the destination, quotes removed; a heredoc stands for itself. */
function sourcesOf(model: DockerfileModel, instruction: Instruction): string[] {
  if (isExecForm(model, instruction)) return execArgv(model, instruction).slice(0, -1).map((a) => a.text);
  const args = instruction.getArguments().map((a) => a.getValue());
  const heredoc = args.findIndex((a) => a.startsWith('<<'));
  if (heredoc >= 0) return args.slice(0, heredoc + 1);
  return args.slice(0, -1).map((a) => a.replace(/^["']|["']$/g, ''));
}
