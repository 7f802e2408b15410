import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { ComposeService } from '../../parse/compose';
import type { ImageHealthcheck } from '../../parse/container';
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
    let images: Map<ComposeService, ImageHealthcheck | undefined> | undefined;
    // a service built from a workspace Dockerfile: the HEALTHCHECK of its target stage (the model links it)
    const imageOf = (service: ComposeService) => {
      images ??= new Map(context.containers().flatMap((c) => (c.compose ? [[c.compose, c.imageHealthcheck] as const] : [])));
      return images.get(service);
    };
    for (const [target, by] of waiters) {
      const health = target.healthcheck;
      if (health && !health.disabled) continue;
      // `extends` may bring a healthcheck from another file
      if (!health && target.extends) continue;
      const image = !health && target.build ? imageOf(target) : undefined;
      if (!health) {
        if (target.build) {
          // a Dockerfile Herd cannot read, or a base image that may declare a HEALTHCHECK
          if (!image || image.state === 'set' || image.state === 'unknown') continue;
        } else if (!isOfficialImage(target.image?.text)) continue; // an image from outside the official library may declare one
      }
      const range = target.key.range;
      if (!range) continue;
      const names = [...new Set(by)].map((n) => `\`${n}\``).join(', ');
      const waits = `${names} wait${by.length > 1 ? '' : 's'} for \`${target.name}\` to be healthy`;
      // the edit is built only when the quick fix is asked for
      const fixes: FixProposal[] = !health && canInsertHealthcheck(target) ? [{ title: `Add a healthcheck to \`${target.name}\``, kind: 'suggestion', edits: () => [insertHealthcheck(text, target)].filter((e) => e !== undefined) }] : [];
      context.report({
        start: range[0],
        end: range[1],
        message: health
          ? `${waits}, but its healthcheck is disabled: \`docker compose up\` fails. Enable a healthcheck.`
          : image?.state === 'disabled'
            ? `${waits} (condition: service_healthy), but its image is built with \`HEALTHCHECK NONE\` (\`${image.dockerfile}\`, linked by \`build\`): \`docker compose up\` fails. Add a healthcheck to the service or the Dockerfile.`
            : image
              ? `${waits} (condition: service_healthy), but it has no healthcheck, nor does its image (\`${image.dockerfile}\`, linked by \`build\`, has no \`HEALTHCHECK\`): \`docker compose up\` fails. Add a healthcheck to the service or the Dockerfile.`
              : `${waits} (condition: service_healthy), but it has no healthcheck: \`docker compose up\` fails. Add a healthcheck.`,
        fixes,
      });
    }
  },
});
