// Hover on a Dockerfile's FROM image or a manifest container's `image:`: what the image is, its
// distribution family, its approximate size, and the lean variant with its size (or the toolchain hint).
import { imageInfo, leanVariant, parseImageRef, type DistroFamily, type ImageRef } from '../knowledge/images';
import type { ComposeModel } from '../parse/compose';
import type { DockerfileModel } from '../parse/dockerfile';
import { isTemplated, scalarString, type KubernetesModel } from '../parse/kubernetes';
import { fromImage } from '../rules/shared/from-image';
import type { HoverProvider } from './hover';

interface ImageAt {
  /** As written. */
  text: string;
  /** With ARG defaults substituted, when that changes it. */
  resolved?: string;
  ref: ImageRef;
  start: number;
  end: number;
}

const FAMILY: Record<DistroFamily, string> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  alpine: 'Alpine Linux (musl libc)',
  rhel: 'Red Hat family (RHEL, UBI, Fedora, Amazon Linux…)',
  suse: 'SUSE',
  distroless: 'distroless (no shell, no package manager)',
  scratch: 'none: an empty image',
  wolfi: 'Wolfi',
  busybox: 'BusyBox',
  windows: 'Windows',
};

export const imageHover: HoverProvider = ({ entry, offset }) => {
  const model = entry.result?.model;
  if (!model) return [];
  const image = model.kind === 'dockerfile' ? fromImageAt(model, offset) : model.kind === 'compose' ? serviceImageAt(model, offset) : manifestImageAt(model, offset);
  const markdown = image && imageMarkdown(image);
  return markdown ? [{ markdown, range: model.source.rangeOf(image.start, image.end) }] : [];
};

function fromImageAt(model: DockerfileModel, offset: number): ImageAt | undefined {
  for (const stage of model.stages) {
    const image = fromImage(model, stage);
    if (!image || offset < image.start || offset >= image.end) continue;
    const ref = image.ref ?? parseImageRef(image.text);
    if (!ref) return undefined;
    const resolved = image.resolved !== undefined && image.resolved !== image.text ? image.resolved : undefined;
    return { text: image.text, resolved, ref, start: image.start, end: image.end };
  }
  return undefined;
}

function manifestImageAt(model: KubernetesModel, offset: number): ImageAt | undefined {
  for (const object of model.objects) {
    for (const container of object.podTemplate?.allContainers ?? []) {
      const range = container.image?.range;
      if (!range || offset < range[0] || offset >= range[1] || isTemplated(model, range[0], range[1])) continue;
      const text = scalarString(container.image);
      const ref = text === undefined ? undefined : parseImageRef(text);
      return ref && text ? { text, ref, start: range[0], end: range[1] } : undefined;
    }
  }
  return undefined;
}

/** A Compose service's `image:` (interpolated). */
function serviceImageAt(model: ComposeModel, offset: number): ImageAt | undefined {
  for (const service of model.services) {
    const range = service.image?.node.range;
    if (!service.image || !range || offset < range[0] || offset >= range[1]) continue;
    const ref = parseImageRef(service.image.text);
    return ref ? { text: service.image.text, ref, start: range[0], end: range[1] } : undefined;
  }
  return undefined;
}

/** Undefined for an image Herd knows nothing about. */
export function imageMarkdown(image: Pick<ImageAt, 'text' | 'resolved' | 'ref'>): string | undefined {
  const info = imageInfo(image.ref);
  if (!info) return undefined;
  const name = image.resolved ? `\`${image.text}\` (\`${image.resolved}\`)` : `\`${image.text}\``;
  const lines = [`**Herd** · ${name}: ${info.description}`, ''];
  if (info.family) lines.push(`- Distribution: ${FAMILY[info.family]}`);
  if (info.sizeMB) lines.push(`- Size: ${size(info.sizeMB)} (compressed, approximate)`);
  const lean = leanVariant(image.ref);
  if (lean?.kind === 'lean') lines.push(`- Lean variant: \`${lean.image}\`${lean.leanSizeMB === undefined ? '' : ` — ${size(lean.leanSizeMB)}`}`);
  if (lean?.kind === 'toolchain') lines.push(`- Toolchain: ${lean.hint}`);
  return lines.join('\n');
}

function size(mb: number): string {
  return `~${mb} MB`;
}
