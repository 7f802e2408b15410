import { isScalar, isSeq, type Node, type Pair } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal, OffsetEdit } from '../../engine/types';
import { isBackingService } from '../../knowledge/healthchecks';
import type { ComposeModel, ComposeService, DependsOn } from '../../parse/compose';
import { detectStyle } from '../../parse/yaml-edit';
import { hasMergeKey } from '../shared/yaml-lookup';
import { canInsertHealthcheck, insertHealthcheck, serviceByName } from './healthcheck-fix';

export default defineRule({
  meta: {
    id: 'compose-wait-for-healthy',
    languages: ['compose'],
    defaultSeverity: 'info',
    category: 'compose',
    description: 'A service depends on a database or broker without waiting for it to be healthy.',
    fixes: ['suggestion'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'compose') return;
    for (const service of model.services) {
      for (const d of service.dependsOn) {
        if (!d.short && d.condition !== undefined && d.condition !== 'service_started') continue;
        const target = serviceByName(model, d.name);
        if (!target || target === service || !target.image || !isBackingService(target.image.text)) continue;
        const fix = longFormFix(model, service, d, target);
        context.report({
          ...(d.short || !d.conditionSpan ? d.span : d.conditionSpan),
          message: `\`${service.name}\` starts as soon as \`${d.name}\` (${target.image.text}) has started, before it accepts connections: the first requests fail or the app exits at boot. Wait for it with \`condition: service_healthy\`.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

/** The long syntax with `condition: service_healthy` for this dependency (the others keep starting as before), plus the target's healthcheck. */
function longFormFix(model: ComposeModel, service: ComposeService, d: DependsOn, target: ComposeService): FixProposal | undefined {
  const text = model.source.text;
  const edits: OffsetEdit[] = [];
  let blockEdit: (() => OffsetEdit) | undefined;
  const pair = service.node.items.find((p) => isScalar(p.key) && p.key.value === 'depends_on') as Pair<Node, Node> | undefined;
  if (!pair || hasMergeKey(service.node)) return undefined;
  const value = pair.value;
  if (!d.short) {
    if (!d.conditionSpan) return undefined;
    edits.push({ ...d.conditionSpan, newText: 'service_healthy' });
  } else {
    if (!isSeq(value) || !value.range || !pair.key.range) return undefined;
    const names = service.dependsOn.map((x) => x.name);
    const entries = names.map((n) => [n, n === d.name ? 'service_healthy' : 'service_started'] as const);
    if (value.flow) {
      edits.push({ start: value.range[0], end: value.range[1], newText: `{${entries.map(([n, c]) => `${n}: {condition: ${c}}`).join(', ')}}` });
    } else {
      const keyEnd = pair.key.range[1];
      const between = text.slice(keyEnd, value.range[0]);
      if (!/^[ \t]*:[ \t]*\r?\n[ \t]*$/.test(between) || names.some((n) => !/^[A-Za-z0-9._-]+$/.test(n))) return undefined;
      const keyStart = pair.key.range[0];
      const [valueStart, valueEnd] = value.range;
      // the file's indentation style takes a second look at the whole file: measured only when the fix is asked for
      blockEdit = () => {
        const style = detectStyle(text);
        const keyColumn = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
        const pad = ' '.repeat(keyColumn + style.indent);
        const inner = ' '.repeat(style.indent);
        let end = valueEnd;
        while (end > valueStart && /\s/.test(text[end - 1])) end--;
        const lines = entries.flatMap(([n, c]) => [`${pad}${n}:`, `${pad}${inner}condition: ${c}`]);
        return { start: keyEnd, end, newText: `:${style.eol}${lines.join(style.eol)}` };
      };
    }
  }
  // the healthcheck insertion (the larger edit) is built only when the quick fix is asked for
  const withHealth = !target.healthcheck && canInsertHealthcheck(target);
  return {
    title: `Wait until \`${d.name}\` is healthy (condition: service_healthy)`,
    kind: 'suggestion',
    edits: () => [...edits, ...(blockEdit ? [blockEdit()] : []), ...(withHealth ? [insertHealthcheck(text, target)].filter((e) => e !== undefined) : [])],
  };
}
