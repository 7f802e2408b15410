import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { ComposeService } from '../../parse/compose';
import { isOfficialImage } from '../../knowledge/healthchecks';
import { canInsertHealthcheck, insertHealthcheck, serviceByName } from './healthcheck-fix';

export default defineRule({
  meta: {
    id: 'compose-healthcheck-required',
    languages: ['compose'],
    defaultSeverity: 'error',
    category: 'compose',
    description: 'A service that others wait for with condition: service_healthy has no healthcheck: docker compose up fails.',
    fixes: ['suggestion'],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'compose') return;
    const waiters = new Map<ComposeService, string[]>();
    for (const service of model.services) {
      for (const d of service.dependsOn) {
        if (d.condition !== 'service_healthy') continue;
        const target = serviceByName(model, d.name);
        if (!target || target === service) continue;
        waiters.set(target, [...(waiters.get(target) ?? []), service.name]);
      }
    }
    const text = model.source.text;
    for (const [target, by] of waiters) {
      const health = target.healthcheck;
      // a built image, or one from outside the official library, may declare HEALTHCHECK in its Dockerfile;
      // `extends` may bring a healthcheck from another file
      if (health ? !health.disabled : target.build || target.extends || !isOfficialImage(target.image?.text)) continue;
      const range = target.key.range;
      if (!range) continue;
      const names = [...new Set(by)].map((n) => `\`${n}\``).join(', ');
      // the edit is built only when the quick fix is asked for
      const fixes: FixProposal[] = !health && canInsertHealthcheck(target) ? [{ title: `Add a healthcheck to \`${target.name}\``, kind: 'suggestion', edits: () => [insertHealthcheck(text, target)].filter((e) => e !== undefined) }] : [];
      context.report({
        start: range[0],
        end: range[1],
        message: health
          ? `${names} wait${by.length > 1 ? '' : 's'} for \`${target.name}\` to be healthy, but its healthcheck is disabled: \`docker compose up\` fails. Enable a healthcheck.`
          : `${names} wait${by.length > 1 ? '' : 's'} for \`${target.name}\` to be healthy (condition: service_healthy), but it has no healthcheck: \`docker compose up\` fails. Add a healthcheck.`,
        fixes,
      });
    }
  },
});
