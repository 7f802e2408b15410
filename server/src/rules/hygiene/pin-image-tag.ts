import { pathToFileURL } from 'node:url';
import { defineRule } from '../../engine/rule';
import { parseImageRef } from '../../knowledge/images';
import type { DockerfileModel } from '../../parse/dockerfile';
import { isTemplated } from '../../parse/kubernetes';
import { fromImage, isScratch } from '../shared/from-image';

export default defineRule({
  meta: {
    id: 'pin-image-tag',
    languages: ['dockerfile', 'kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'hygiene',
    description: 'An image with no tag or :latest: what runs changes whenever the tag moves.',
    fixes: [],
    scope: 'document',
  },
  check(context) {
    const file = context.file;
    if (file.kind === 'dockerfile') {
      for (const stage of file.stages) {
        const image = fromImage(file as DockerfileModel, stage);
        if (!image || isScratch(image.text)) continue;
        const problem = unpinned(image.text);
        if (problem) context.report({ ...(problem === 'latest' ? image.tag! : image), message: message(image.text, problem, 'FROM') });
      }
      return;
    }
    for (const container of context.containers()) {
      const image = container.image;
      if (!image || (file.kind === 'kubernetes' && isTemplated(file, image.start, image.end))) continue;
      // kustomize deploys the image after its kustomizations' `images:` (newName, newTag, digest)
      const deployed = context.workspace?.effectiveImages?.(file.source.uri, image.text) ?? [{ image: image.text }];
      const judged = deployed.map((d) => ({ ...d, problem: unpinned(d.image) })).find((d) => d.problem);
      const problem = judged?.problem;
      if (!judged || !problem) continue;
      // an image the workspace builds (skaffold, compose, folder name) gets its tag from the build tool
      if (problem === 'untagged' && context.workspace?.dockerfilesForImage(image.text, file.source.uri).length) continue;
      if (judged.kustomization) {
        // the rewrite decides: the finding stays on the manifest's image and names the kustomization
        const kustomization = context.workspace?.displayPath?.(pathToFileURL(judged.kustomization).href) ?? judged.kustomization;
        context.report({ start: image.start, end: image.end, message: `${message(judged.image, problem, container.language === 'compose' ? 'service' : 'container')} (\`${image.text}\` becomes \`${judged.image}\` through the \`images:\` of \`${kustomization}\`.)` });
        continue;
      }
      // the scalar may be quoted: find the value's own characters inside it
      const raw = file.source.text.slice(image.start, image.end);
      const at = image.start + Math.max(0, raw.indexOf(image.text));
      const span = problem === 'latest' ? { start: at + image.text.lastIndexOf(':') + 1, end: at + image.text.length } : { start: at, end: at + image.text.length };
      context.report({ ...span, message: message(image.text, problem, container.language === 'compose' ? 'service' : 'container') });
    }
  },
});

/** Docker's grammar for repository paths: lower-case components joined by `.`, `_`, `__` or `-`. */
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** `latest` for `:latest`, `untagged` for no tag; a digest pins whatever the tag says. Variables are not judged. */
function unpinned(text: string): 'latest' | 'untagged' | undefined {
  if (text.includes('$') || text.includes('{{')) return undefined;
  const ref = parseImageRef(text);
  // placeholders such as `<YOUR-IMAGE>` are not references at all
  if (!ref || ref.digest || !REPOSITORY.test(ref.repository)) return undefined;
  if (ref.tag === undefined) return 'untagged';
  return ref.tag === 'latest' ? 'latest' : undefined;
}

function message(image: string, problem: 'latest' | 'untagged', where: 'FROM' | 'container' | 'service'): string {
  const what = problem === 'latest' ? `\`${image}\` uses the \`latest\` tag` : `\`${image}\` has no tag, so it means \`latest\``;
  const consequence =
    where === 'FROM'
      ? 'each build can start from a different image'
      : where === 'service'
        ? 'each machine and each `docker compose pull` can get a different image, and going back to an old version of this file does not bring the old image back'
        : 'each node can pull a different image, and a rollback does not roll the image back';
  return `${what}: ${consequence}. Pin a version tag (or a digest).`;
}
