// Stand-ins for catalog rules, so the CLI's exact output does not depend on the real rules' wording.
// They carry the real ids (the fixtures' .herd.yaml names them) and find their text with a regex.
import { defineRule, type Rule } from '../../server/src/engine/rule';
import type { FixKind, Language, Severity } from '../../server/src/engine';

function textRule(id: string, languages: Language[], defaultSeverity: Severity, pattern: RegExp, message: string, fixes: FixKind[] = []): Rule {
  return defineRule({
    meta: { id, languages, defaultSeverity, description: `(test) ${message}`, category: 'test', fixes },
    check(context) {
      for (const m of context.file.source.text.matchAll(pattern)) {
        const start = m.index! + m[0].length - m[m.length - 1].length;
        context.report({ start, end: start + m[m.length - 1].length, message });
      }
    },
  });
}

/** Reports container names of manifests that declare a port and lack the probe. */
function probeRule(id: string, probeKey: string): Rule {
  return defineRule({
    meta: { id, languages: ['kubernetes'], defaultSeverity: 'warning', description: `(test) container without ${probeKey}`, category: 'test', fixes: ['suggestion'] },
    check(context) {
      const text = context.file.source.text;
      if (!text.includes('containerPort') || text.includes(`${probeKey}:`)) return;
      for (const m of text.matchAll(/^\s*- name: (\S+)$/gm)) {
        const start = m.index! + m[0].length - m[1].length;
        context.report({ start, end: start + m[1].length, message: `Container \`${m[1]}\` has no ${probeKey}` });
      }
    },
  });
}

export const fakeCatalog: readonly Rule[] = [
  probeRule('liveness-probe', 'livenessProbe'),
  textRule('no-background-process', ['dockerfile', 'kubernetes'], 'warning', /\b(nohup)\b/g, 'The start command puts a process in the background', ['suggestion']),
  textRule('no-keepalive-command', ['dockerfile', 'kubernetes'], 'warning', /(tail -f \/dev\/null|sleep infinity)/g, 'The start command ends in a keep-alive', ['suggestion']),
  probeRule('readiness-probe', 'readinessProbe'),
];

/** A safe fix that needs two passes: each `aa` becomes `a`, so `aaaa` → `aa` → `a`. */
export const collapseRule: Rule = defineRule({
  meta: { id: 'collapse-aa', languages: ['dockerfile'], defaultSeverity: 'error', description: '(test) aa', category: 'test', fixes: ['safe'] },
  check(context) {
    for (const m of context.file.source.text.matchAll(/aa/g)) {
      const start = m.index!;
      context.report({ start, end: start + 2, message: 'Double a', fixes: [{ title: 'Collapse', kind: 'safe', edits: () => [{ start, end: start + 2, newText: 'a' }] }] });
    }
  },
});

/** A safe fix that never converges: it always finds `x!` and makes it `xx!`. */
export const endlessRule: Rule = defineRule({
  meta: { id: 'endless', languages: ['dockerfile'], defaultSeverity: 'warning', description: '(test) endless', category: 'test', fixes: ['safe'] },
  check(context) {
    const at = context.file.source.text.indexOf('x!');
    if (at >= 0) context.report({ start: at, end: at + 2, message: 'Grow', fixes: [{ title: 'Grow', kind: 'safe', edits: () => [{ start: at, end: at + 1, newText: 'xx' }] }] });
  },
});

/** A rule that crashes, to see the CLI report it and go on. */
export const brokenRule: Rule = defineRule({
  meta: { id: 'broken', languages: ['dockerfile'], defaultSeverity: 'error', description: '(test) broken', category: 'test', fixes: [] },
  check() {
    throw new Error('boom');
  },
});
