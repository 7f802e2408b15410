// Line-level Dockerfile edits: whole instructions are deleted or new ones inserted as full lines, so
// every other byte of the file stays as it was.
import type { Instruction } from 'dockerfile-ast';
import { offsets, type DockerfileModel } from '../../parse/dockerfile';
import type { OffsetEdit } from '../../engine/types';

export interface Span {
  start: number;
  end: number;
}

/** The instruction from its keyword to the end of its last line (continuations and heredoc bodies included). */
export function instructionSpan(model: DockerfileModel, instruction: Instruction): Span {
  return offsets(model, instruction.getRange());
}

/** The keyword (`CMD`, `USER` …): where findings about the instruction as a whole go. */
export function keywordSpan(model: DockerfileModel, instruction: Instruction): Span {
  return offsets(model, instruction.getInstructionRange());
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break that ends the line holding `offset` (the text's end on the last line). */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Deletes the instruction's lines, line break included; comments above it stay. */
export function deleteInstruction(model: DockerfileModel, instruction: Instruction): OffsetEdit {
  const text = model.source.text;
  const span = instructionSpan(model, instruction);
  const start = lineStart(text, span.start);
  return { start, end: nextLineStart(text, span.end), newText: '' };
}

/**
 * New lines before an instruction, above the comment lines directly over it (they describe it, and a
 * `# herd-ignore` there must keep pointing at it), with the instruction's indentation.
 */
export function insertBefore(model: DockerfileModel, instruction: Instruction, lines: string[]): OffsetEdit {
  const text = model.source.text;
  const span = instructionSpan(model, instruction);
  let at = lineStart(text, span.start);
  while (at > 0) {
    const prev = lineStart(text, at - 1);
    if (!/^[ \t]*#/.test(text.slice(prev, at))) break;
    at = prev;
  }
  const indent = indentOf(text, span.start);
  const eol = model.source.eol;
  return { start: at, end: at, newText: lines.map((l) => indent + l + eol).join('') };
}

/** New lines after an instruction's last line (after a heredoc's terminator), with its indentation. */
export function insertAfter(model: DockerfileModel, instruction: Instruction, lines: string[]): OffsetEdit {
  const text = model.source.text;
  const span = instructionSpan(model, instruction);
  const indent = indentOf(text, span.start);
  const eol = model.source.eol;
  const at = nextLineStart(text, span.end);
  const body = lines.map((l) => indent + l);
  if (at === text.length && text[at - 1] !== '\n') return { start: at, end: at, newText: eol + body.join(eol) };
  return { start: at, end: at, newText: body.map((l) => l + eol).join('') };
}

/** Whether comment lines sit inside the instruction (between its continuation lines). */
export function hasInnerComments(model: DockerfileModel, instruction: Instruction): boolean {
  const span = instructionSpan(model, instruction);
  return /\n[ \t]*#/.test(model.source.text.slice(span.start, span.end));
}
