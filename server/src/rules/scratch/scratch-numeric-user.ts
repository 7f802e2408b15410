import { defineRule } from '../../engine/rule';
import { offsets } from '../../parse/dockerfile';
import { stageChain } from '../process/start-instructions';
import { copiesIn, isScratch, mayProvide } from './image-contents';

export default defineRule({
  meta: {
    id: 'scratch-numeric-user',
    languages: ['dockerfile'],
    defaultSeverity: 'error',
    category: 'scratch',
    description: 'USER names a user in a scratch stage that has no /etc/passwd: the container cannot start.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'dockerfile') return;
    for (const stage of model.stages) {
      if (!isScratch(stage)) continue;
      const chain = stageChain(stage);
      // one walk of the chain: what the copies before each USER provide so far
      const copies = new Map(copiesIn(model, chain).map((c) => [c.instruction, c]));
      const provided = { passwd: false, group: false };
      for (const [owner, user] of chain.flatMap((s) => s.instructions.map((i) => [s, i] as const))) {
        const copy = copies.get(user);
        if (copy) {
          provided.passwd ||= mayProvide(copy, '/etc/passwd');
          provided.group ||= mayProvide(copy, '/etc/group');
        }
        if (user.getKeyword() !== 'USER' || owner !== stage) continue;
        const range = user.getArgumentsRange();
        const value = user.getArguments()[0]?.getValue() ?? '';
        if (!range || !value || value.includes('$')) continue;
        const [name, group] = value.split(':');
        const missing: string[] = [];
        const files: string[] = [];
        if (!/^\d+$/.test(name) && !provided.passwd) {
          missing.push(`user \`${name}\``);
          files.push('/etc/passwd');
        }
        if (group !== undefined && !/^\d+$/.test(group) && !provided.group) {
          missing.push(`group \`${group}\``);
          files.push('/etc/group');
        }
        if (!missing.length) continue;
        const span = offsets(model, range);
        context.report({
          ...span,
          message: `The ${missing.join(' and ')} cannot be resolved: this scratch image has no ${files.join(' and no ')}, so the container fails to start ("unable to find ${files[0] === '/etc/passwd' ? 'user' : 'group'}"). Use numeric ids, e.g. \`USER 65532:65532\`.`,
          fixes: [{ title: 'Use USER 65532:65532', kind: 'safe', edits: () => [{ ...span, newText: '65532:65532' }] }],
        });
      }
    }
  },
});
