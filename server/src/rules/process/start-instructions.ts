// Which ENTRYPOINT and CMD instructions are in effect for a stage, as Docker resolves them.
import type { Instruction } from 'dockerfile-ast';
import type { Stage } from '../../parse/dockerfile';

export interface StartInstructions {
  entrypoint?: Instruction;
  cmd?: Instruction;
}

/** Oldest stage first: the stage and the stages it is built `FROM`. */
export function stageChain(stage: Stage): Stage[] {
  // a Set and one reverse, not includes/unshift per stage: a chain of thousands of stages stays linear
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage, seen = new Set<Stage>(); s && !seen.has(s); s = s.parent) chain.push(s), seen.add(s);
  return chain.reverse();
}

/** The last ENTRYPOINT and CMD; an ENTRYPOINT drops a CMD set by an earlier stage (Docker resets it). */
export function startInstructions(stage: Stage): StartInstructions {
  let entrypoint: Instruction | undefined;
  let cmd: Instruction | undefined;
  let cmdStage: Stage | undefined;
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      const keyword = i.getKeyword();
      if (keyword === 'ENTRYPOINT') {
        entrypoint = i;
        if (cmdStage !== s) cmd = undefined;
      } else if (keyword === 'CMD') {
        cmd = i;
        cmdStage = s;
      }
    }
  }
  return { entrypoint, cmd };
}
