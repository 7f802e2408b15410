import { defineRule } from '../../engine/rule';
import { deleteInstruction, keywordSpan } from '../shared/instruction-lines';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export default defineRule({
  meta: {
    id: 'single-start-instruction',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'process',
    description: 'A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK: only the last one takes effect.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'dockerfile') return;
    for (const stage of model.stages) {
      for (const keyword of ONCE) {
        const all = stage.instructions.filter((i) => i.getKeyword() === keyword);
        const last = all[all.length - 1];
        for (const earlier of all.slice(0, -1)) {
          const line = model.source.positionAt(keywordSpan(model, last).start).line + 1;
          context.report({
            ...keywordSpan(model, earlier),
            message: `This \`${keyword}\` never takes effect: the \`${keyword}\` on line ${line} of the same stage replaces it. Delete it, or merge what it meant into the last one.`,
            fixes: [{ title: `Delete this overridden \`${keyword}\``, kind: 'safe', edits: () => [deleteInstruction(model, earlier)] }],
          });
        }
      }
    }
  },
});
