import { defineRule } from '../../engine/rule';
import type { FixProposal, OffsetEdit } from '../../engine/types';
import { leanVariant, parseImageRef, type ImageRef } from '../../knowledge/images';
import type { DockerfileModel } from '../../parse/dockerfile';
import { fromImage, isScratch, type FromImage } from '../shared/from-image';
import { goMultiStage } from './go-multi-stage';

export default defineRule({
  meta: {
    id: 'lean-base-image',
    languages: ['dockerfile'],
    defaultSeverity: 'warning',
    category: 'image',
    description: 'The final stage is based on a full image where a lean variant exists, or on a toolchain image.',
    fixes: ['suggestion', 'refactor'],
  },
  check(context) {
    const model = context.file as DockerfileModel;
    // the stage at the root of the final stage's chain names the base image whose layers ship
    const root = model.shipped[model.shipped.length - 1];
    const image = root && fromImage(model, root);
    if (!image || isScratch(image.text)) return;
    // an unresolved variable tag still names a toolchain; an unresolved repository names nothing
    const ref = image.ref ?? parseImageRef(image.text);
    if (!ref || `${ref.registry ?? ''}${ref.repository}`.includes('$')) return;
    const suggestion = leanVariant(ref);
    if (!suggestion) return;
    const span = image.tag ?? image;
    if (suggestion.kind === 'toolchain') {
      const refactor = ref.repository === 'golang' ? goMultiStage(model) : undefined;
      context.report({
        ...span,
        message: `The final image is built on \`${image.text}\`${size(suggestion.sizeMB)}, a toolchain that ships with the app. ${suggestion.hint}`,
        fixes: refactor ? [refactor] : [],
      });
      return;
    }
    const edit = leanEdit(image, ref, suggestion.tag, suggestion.image);
    const fix: FixProposal | undefined = edit && { title: `Use \`${suggestion.image}\``, kind: 'suggestion', edits: () => [edit] };
    context.report({
      ...span,
      message: `\`${image.text}\` is the full image${size(suggestion.sizeMB)}: compilers, headers and tools the app does not need at run time ship with it. Use the lean variant \`${suggestion.image}\`${size(suggestion.leanSizeMB)}.`,
      fixes: fix ? [fix] : [],
    });
  },
});

function size(mb: number | undefined): string {
  return mb === undefined ? '' : ` (~${mb} MB)`;
}

/**
 * Rewrites the tag (keeping the registry and repository as written), or the whole image when the lean
 * variant lives in another repository. A tag written with variables keeps them when the lean tag only
 * adds a suffix (`${PY}` → `${PY}-slim`); otherwise no edit is offered.
 */
function leanEdit(image: FromImage, ref: ImageRef, leanTag: string, leanImage: string): OffsetEdit | undefined {
  const sameRepository = parseImageRef(leanImage)?.repository === ref.repository;
  if (!sameRepository) return image.resolved === image.text ? { start: image.start, end: image.end, newText: leanImage } : undefined;
  if (!image.tag) {
    // untagged means latest: add the tag after the name (a digest pins the full variant and goes)
    const nameEnd = image.text.includes('@') ? image.start + image.text.indexOf('@') : image.end;
    return { start: nameEnd, end: image.end, newText: `:${leanTag}` };
  }
  const written = image.text.slice(image.tag.start - image.start, image.tag.end - image.start);
  const resolved = ref.tag ?? '';
  const newTag = written === resolved ? leanTag : leanTag.startsWith(resolved) ? written + leanTag.slice(resolved.length) : undefined;
  return newTag === undefined ? undefined : { start: image.tag.start, end: image.end, newText: newTag };
}
