// The workspace index: the Dockerfiles, manifests, skaffold.yaml and compose files of a workspace, each
// parsed once per version (an open document's text over the file on disk), and the links between
// manifest images and Dockerfiles. Every change returns the files whose cross-file findings may change.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDockerfile, type DockerfileModel } from '../parse/dockerfile';
import { isTemplated, looksLikeKubernetes, parseKubernetes, scalarString, type K8sContainer, type KubernetesModel } from '../parse/kubernetes';
import { sourceText, type SourceText } from '../parse/source';
import { DEFAULT_MAX_FILE_SIZE } from './config';
import { fileKind } from './detect';
import { baseFact, dockerfileFacts, type BaseFact, type DockerfileFacts } from './dockerfile-facts';
import type { ParsedFile } from './rule';
import type { DeployedContainer, WorkspaceFile, WorkspaceView } from './workspace';
import { upstreamReason } from '../knowledge/upstream-images';
import { parseImageRef } from '../knowledge/images';
import {
  composeBuilds,
  dockerfileFolderName,
  imageFolderName,
  imageKey,
  isComposeFile,
  isKustomizationFile,
  isSkaffoldText,
  kustomizationOf,
  rewriteImage,
  skaffoldBuilds,
  type BuildLink,
  type Kustomization,
} from './workspace-links';
import { PodIndex, podLabelSets, sameNamespace, selects, serviceSelectors, ServiceIndex, type PodLabelSet, type ServiceSelector } from './workspace-selection';

export interface IndexLimits {
  /** Files read from disk (open documents always count). */
  maxFiles: number;
  /** Larger files are left out, as the linter skips them. */
  maxFileSize: number;
}

export const DEFAULT_INDEX_LIMITS: IndexLimits = { maxFiles: 2000, maxFileSize: DEFAULT_MAX_FILE_SIZE };

/** How a manifest image found its Dockerfile. */
export type LinkVia = 'skaffold' | 'compose' | 'folder';

export interface ImageLink {
  file: WorkspaceFile & { model: DockerfileModel };
  via: LinkVia;
  /** The kustomization whose `images:` rewrote the manifest's image into the one linked, if any. */
  kustomization?: string;
}

/** What kustomize makes of a manifest's image: the reference after the `images:` rewrites of a kustomization. */
export interface EffectiveImage {
  image: string;
  /** The kustomization file (absolute path) whose rewrite applies; absent when none does. */
  kustomization?: string;
}

/** A manifest container's `image:` value under a position. */
export interface ImageAt {
  container: K8sContainer;
  image: string;
  start: number;
  end: number;
  links: ImageLink[];
}

interface Entry {
  uri: string;
  key: string;
  /** File system path, for folder names and build contexts. */
  path?: string;
  text: string;
  model?: ParsedFile;
  /** Images built by a skaffold.yaml or compose file. */
  builds?: BuildLink[];
  /** A kustomization.yaml / Kustomization file. */
  kustomization?: Kustomization;
  facts?: DockerfileFacts;
  base?: { fact: BaseFact | undefined };
  /** What other manifests see of this one (`selectionMark`), computed once per version. */
  selection?: string;
}

interface Tables {
  files: WorkspaceFile[];
  dockerfiles: Entry[];
  manifests: Entry[];
  byPath: Map<string, Entry>;
  explicit: Map<string, BuildLink[]>;
  folders: Map<string, Entry[]>;
  /** Per manifest path: the `images:` rewrites of each kustomization chain that includes it (innermost first). */
  kustomized: Map<string, { images: Kustomization['images']; path: string }[][]>;
  /** Files that kustomizations name as patches. */
  patches: Set<string>;
  /** ghcr.io owners of images that the workspace's skaffold, compose or kustomize files name. */
  ghcrOwners: Set<string>;
  reverse?: Map<string, DeployedContainer[]>;
  bases?: { uri: string; base: BaseFact | undefined }[];
  pods?: PodLabelSet[];
  services?: ServiceSelector[];
  podIndex?: PodIndex;
  serviceIndex?: ServiceIndex;
  /** The links of each image reference asked about (every container of a manifest asks on every edit). */
  direct?: Map<string, ImageLink[]>;
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly disk = new Map<string, Entry>();
  private readonly open = new Map<string, Entry>();
  private tables: Tables | undefined;
  private roots: string[] = [];
  readonly limits: IndexLimits;
  /** A file was left out because the index was full. */
  truncated = false;
  /** Bumped by every change of what the index holds: results computed with an older one may be stale. */
  version = 0;

  constructor(options: { roots?: string[]; limits?: Partial<IndexLimits> } = {}) {
    this.limits = { ...DEFAULT_INDEX_LIMITS, ...options.limits };
    this.setRoots(options.roots ?? []);
  }

  /** Workspace folders (file system paths), for the paths shown to users. */
  setRoots(paths: string[]): void {
    this.roots = paths.map((p) => resolve(p)).sort((a, b) => b.length - a.length);
  }

  get diskFiles(): number {
    return this.disk.size;
  }

  /**
   * A file's text on disk; returns the uris whose cross-file findings may have changed. `track: false`
   * skips that work, for the initial load (everything is linted again after it).
   */
  setDisk(uri: string, text: string, track = true): string[] {
    const key = keyOf(uri);
    const old = this.disk.get(key);
    if (old?.text === text) return [];
    if (!old && this.disk.size >= this.limits.maxFiles) {
      this.truncated = true;
      return [];
    }
    const entry = this.entryFor(uri, text, undefined, old);
    const apply = () => (entry ? this.disk.set(key, entry) : this.disk.delete(key));
    if (track) return this.change(key, apply);
    apply();
    this.tables = undefined;
    this.version++;
    return [];
  }

  deleteDisk(uri: string): string[] {
    const key = keyOf(uri);
    return this.disk.has(key) ? this.change(key, () => this.disk.delete(key)) : [];
  }

  /** Forgets what was read from disk (the folders or their ignore globs changed). */
  clearDisk(): string[] {
    const affected = this.allUris();
    this.disk.clear();
    this.truncated = false;
    this.tables = undefined;
    this.version++;
    return affected;
  }

  /** Takes what another index read from disk (a rebuild done on the side): every file may be affected. */
  adoptDisk(from: WorkspaceIndex): string[] {
    const before = this.allUris();
    this.disk.clear();
    for (const [key, entry] of from.disk) this.disk.set(key, entry);
    this.truncated = from.truncated;
    this.tables = undefined;
    this.version++;
    return [...new Set([...before, ...this.allUris()])];
  }

  /** An open document's text, which wins over the file on disk. */
  setOpen(uri: string, text: string, languageId?: string): string[] {
    const key = keyOf(uri);
    const old = this.open.get(key);
    if (old?.text === text && old.uri === uri) return [];
    const entry = this.entryFor(uri, text, languageId, old ?? this.disk.get(key));
    return this.change(key, () => (entry ? this.open.set(key, entry) : this.open.delete(key)));
  }

  closeOpen(uri: string): string[] {
    const key = keyOf(uri);
    return this.open.has(key) ? this.change(key, () => this.open.delete(key)) : [];
  }

  /** The indexed model of this text, when the index parsed exactly this version. */
  modelFor(uri: string, text: string): ParsedFile | undefined {
    const entry = this.effective(keyOf(uri));
    return entry?.text === text && entry.uri === uri ? entry.model : undefined;
  }

  /** The text a file has in the index (open document or disk), for edits computed from its model. */
  sourceOf(uri: string): SourceText | undefined {
    return this.effective(keyOf(uri))?.model?.source;
  }

  // ---- WorkspaceView ---------------------------------------------------------------------------

  files(): WorkspaceFile[] {
    return this.table().files;
  }

  dockerfileAt(path: string): DockerfileModel | undefined {
    const model = this.table().byPath.get(resolve(path))?.model;
    return model?.kind === 'dockerfile' ? model : undefined;
  }

  dockerfilesForImage(image: string, manifestUri?: string): WorkspaceFile[] {
    return this.imageLinks(image, manifestUri).map((l) => l.file);
  }

  /** Whether a kustomization of the workspace names this file as a patch (part of an object, not an object). */
  isKustomizePatch(uri: string): boolean {
    const path = this.effective(keyOf(uri))?.path ?? pathOf(uri);
    return !!path && this.table().patches.has(resolve(path));
  }

  /**
   * The image references kustomize deploys for a manifest's image: one per kustomization chain that includes the
   * manifest and rewrites the image; the image itself when none does.
   */
  effectiveImages(manifestUri: string, image: string): EffectiveImage[] {
    const path = this.effective(keyOf(manifestUri))?.path ?? pathOf(manifestUri);
    const chains = path ? this.table().kustomized.get(resolve(path)) : undefined;
    const out: EffectiveImage[] = [];
    let asWritten = !chains?.length;
    for (const chain of chains ?? []) {
      let current = image;
      let by: string | undefined;
      for (const k of chain) {
        const next = rewriteImage(current, k.images);
        if (next !== undefined) [current, by] = [next, k.path];
      }
      if (!by) asWritten = true;
      else if (!out.some((o) => o.image === current)) out.push({ image: current, kustomization: by });
    }
    // a chain that leaves the image alone deploys it as written
    if (asWritten) out.push({ image });
    return out;
  }

  /**
   * The Dockerfiles an image is built from: the build configurations that name it, else the one folder named like
   * it. With the manifest's uri, a kustomization's `images:` rewrite applies first.
   */
  imageLinks(image: string, manifestUri?: string): ImageLink[] {
    if (manifestUri) {
      const effective = this.effectiveImages(manifestUri, image);
      if (effective.some((e) => e.kustomization)) {
        const out: ImageLink[] = [];
        const ownDigest = image.includes('@');
        for (const e of effective) {
          // a digest that the kustomization pins is the deployment's choice, not a sign of an upstream image
          const linked = ownDigest ? e.image : e.image.replace(/@[^@]*$/, '');
          for (const link of this.directLinks(linked)) {
            if (!out.some((o) => o.file.uri === link.file.uri)) out.push(e.kustomization ? { ...link, kustomization: e.kustomization } : link);
          }
        }
        return out;
      }
    }
    return this.directLinks(image);
  }

  private directLinks(image: string): ImageLink[] {
    const t = this.table();
    t.direct ??= new Map();
    let links = t.direct.get(image);
    if (!links) t.direct.set(image, (links = this.linksOf(image, t)));
    return links.slice();
  }

  private linksOf(image: string, t: Tables): ImageLink[] {
    const key = imageKey(image);
    if (!key) return [];
    const explicit = t.explicit.get(key);
    if (explicit) {
      const out: ImageLink[] = [];
      for (const link of explicit) {
        const entry = link.dockerfile ? t.byPath.get(link.dockerfile) : undefined;
        if (entry && !out.some((o) => o.file.uri === entry.uri)) out.push({ file: fileOf(entry) as ImageLink['file'], via: link.via });
      }
      return out;
    }
    // the folder rule guesses: never for an image the workspace pulls rather than builds
    const ref = parseImageRef(image);
    if (!ref || upstreamReason(ref, t.ghcrOwners)) return [];
    const candidates = t.folders.get(imageFolderName(image) ?? '') ?? [];
    // two Dockerfiles in folders of that name (or in one folder): ambiguous, no link
    return candidates.length === 1 ? [{ file: fileOf(candidates[0]) as ImageLink['file'], via: 'folder' }] : [];
  }

  isSelectedByService(container: K8sContainer): boolean {
    const template = container.template;
    const t = this.table();
    t.serviceIndex ??= new ServiceIndex(this.selection().services);
    return t.serviceIndex.selectsAny(template.labels, template.object.namespace);
  }

  dockerfileFacts(uri: string): DockerfileFacts | undefined {
    const entry = this.effective(keyOf(uri));
    if (entry?.model?.kind !== 'dockerfile') return undefined;
    entry.facts ??= dockerfileFacts(entry.uri, entry.model);
    return entry.facts;
  }

  containersDeploying(dockerfileUri: string): DeployedContainer[] {
    return this.reverse().get(keyOf(dockerfileUri)) ?? [];
  }

  dockerfileBases(): { uri: string; base: BaseFact | undefined }[] {
    const t = this.table();
    t.bases ??= t.dockerfiles.map((d) => ({ uri: d.uri, base: baseOfEntry(d) }));
    return t.bases;
  }

  podLabelSets(): PodLabelSet[] {
    return this.selection().pods;
  }

  podIndex(): PodIndex {
    const t = this.table();
    t.podIndex ??= new PodIndex(this.selection().pods);
    return t.podIndex;
  }

  displayPath(uri: string): string {
    const path = this.effective(keyOf(uri))?.path ?? pathOf(uri);
    if (!path) return uri;
    for (const root of this.roots) {
      const rel = relative(root, path);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
    }
    return path;
  }

  /** The `image:` of a manifest container at an offset of an indexed manifest, with its links. */
  imageAt(uri: string, offset: number): ImageAt | undefined {
    const model = this.effective(keyOf(uri))?.model;
    if (model?.kind !== 'kubernetes') return undefined;
    for (const object of model.objects) {
      for (const container of object.podTemplate?.allContainers ?? []) {
        const range = container.image?.range;
        if (!range || offset < range[0] || offset > range[1] || isTemplated(model, range[0], range[1])) continue;
        const image = scalarString(container.image) ?? '';
        return { container, image, start: range[0], end: range[1], links: this.imageLinks(image, uri) };
      }
    }
    return undefined;
  }

  // ---- internals ---------------------------------------------------------------------------------

  private effective(key: string): Entry | undefined {
    return this.open.get(key) ?? this.disk.get(key);
  }

  private allUris(): string[] {
    const keys = new Set([...this.disk.keys(), ...this.open.keys()]);
    return [...keys].map((k) => this.effective(k)!.uri);
  }

  /** Parses a text into an entry (reusing `previous` when its text is the same); undefined when Herd does not index it. */
  private entryFor(uri: string, text: string, languageId: string | undefined, previous: Entry | undefined): Entry | undefined {
    if (text.length > this.limits.maxFileSize) return undefined;
    if (previous && previous.text === text && previous.uri === uri) return previous;
    const key = keyOf(uri);
    const path = pathOf(uri);
    const kind = fileKind(uri, languageId);
    try {
      if (kind === 'dockerfile') return { uri, key, path, text, model: parseDockerfile(sourceText(uri, text)) };
      if (path && isKustomizationFile(path)) return { uri, key, path, text, kustomization: kustomizationOf(path, text) };
      if (kind !== 'yaml') return undefined;
      if (path && isComposeFile(path)) return { uri, key, path, text, builds: composeBuilds(path, text) };
      const skaffold = isSkaffoldText(text);
      if (!skaffold && !looksLikeKubernetes(text)) return undefined;
      const entry: Entry = { uri, key, path, text, model: parseKubernetes(sourceText(uri, text)) };
      if (skaffold && path) entry.builds = skaffoldBuilds(path, text);
      return entry;
    } catch {
      // the linter reports parse failures on the file itself; the index leaves it out
      return undefined;
    }
  }

  /** Applies a change to one file and returns the other files whose cross-file findings may change. */
  private change(key: string, apply: () => void): string[] {
    const before = this.effective(key);
    const peersBefore = before ? this.peers(before) : [];
    apply();
    const after = this.effective(key);
    if (before === after) return [];
    this.tables = undefined;
    this.version++;
    const affected = new Set<string>([...peersBefore, ...(after ? this.peers(after) : [])]);
    const kind = (e: Entry | undefined) => (e?.builds || e?.kustomization ? 'build' : e?.model?.kind);
    if (kind(before) === 'build' || kind(after) === 'build') {
      // links may change anywhere
      for (const uri of this.allUris()) affected.add(uri);
    }
    if (kind(before) === 'dockerfile' || kind(after) === 'dockerfile') {
      // a Dockerfile that appears or goes can make a folder-name link unique or ambiguous; its base family counts for all
      if (!before || !after) for (const m of this.manifestsNaming(dockerfileFolderName((before ?? after)!.path ?? ''))) affected.add(m);
      if (familyMark(before) !== familyMark(after)) for (const d of this.table().dockerfiles) affected.add(d.uri);
    }
    if (kind(before) === 'kubernetes' || kind(after) === 'kubernetes') {
      if (selectionMark(before) !== selectionMark(after)) for (const m of this.table().manifests) affected.add(m.uri);
    }
    if (before) affected.delete(before.uri);
    if (after) affected.delete(after.uri);
    return [...affected];
  }

  /** Files linked to this one: the manifests deploying a Dockerfile, the Dockerfiles a manifest deploys. */
  private peers(entry: Entry): string[] {
    const model = entry.model;
    if (model?.kind === 'dockerfile') return (this.reverse().get(entry.key) ?? []).map((d) => d.uri);
    if (model?.kind !== 'kubernetes') return [];
    const out = new Set<string>();
    for (const object of model.objects) {
      for (const c of object.podTemplate?.allContainers ?? []) {
        const image = imageOf(model, c);
        if (image) for (const link of this.imageLinks(image, entry.uri)) out.add(link.file.uri);
      }
    }
    return [...out];
  }

  private manifestsNaming(folder: string): string[] {
    const out: string[] = [];
    for (const m of this.table().manifests) {
      const model = m.model as KubernetesModel;
      const names = model.objects.flatMap((o) => (o.podTemplate?.allContainers ?? []).map((c) => imageFolderName(imageOf(model, c) ?? '')));
      if (names.includes(folder)) out.push(m.uri);
    }
    return out;
  }

  private table(): Tables {
    if (this.tables) return this.tables;
    const t: Tables = { files: [], dockerfiles: [], manifests: [], byPath: new Map(), explicit: new Map(), folders: new Map(), kustomized: new Map(), patches: new Set(), ghcrOwners: new Set() };
    const kustomizations: Kustomization[] = [];
    const keys = [...new Set([...this.disk.keys(), ...this.open.keys()])].sort();
    for (const key of keys) {
      const entry = this.effective(key)!;
      if (entry.model) t.files.push(fileOf(entry));
      for (const build of entry.builds ?? []) t.explicit.set(build.image, [...(t.explicit.get(build.image) ?? []), build]);
      if (entry.kustomization) kustomizations.push(entry.kustomization);
      if (entry.model?.kind === 'kubernetes') t.manifests.push(entry);
      if (entry.model?.kind !== 'dockerfile') continue;
      t.dockerfiles.push(entry);
      if (!entry.path) continue;
      t.byPath.set(resolve(entry.path), entry);
      const folder = dockerfileFolderName(entry.path);
      t.folders.set(folder, [...(t.folders.get(folder) ?? []), entry]);
    }
    indexKustomizations(t, kustomizations);
    for (const image of [...t.explicit.keys(), ...kustomizations.flatMap((k) => k.images.map((i) => i.newName ?? i.name))]) {
      const m = /^ghcr\.io\/([^/]+)\//i.exec(image);
      if (m) t.ghcrOwners.add(m[1].toLowerCase());
    }
    this.tables = t;
    return t;
  }

  private reverse(): Map<string, DeployedContainer[]> {
    const t = this.table();
    if (t.reverse) return t.reverse;
    const reverse = new Map<string, DeployedContainer[]>();
    for (const m of t.manifests) {
      const model = m.model as KubernetesModel;
      for (const object of model.objects) {
        for (const container of object.podTemplate?.allContainers ?? []) {
          const image = imageOf(model, container);
          if (!image) continue;
          for (const link of this.imageLinks(image, m.uri)) {
            const key = keyOf(link.file.uri);
            reverse.set(key, [...(reverse.get(key) ?? []), { uri: m.uri, model, container, via: link.via }]);
          }
        }
      }
    }
    t.reverse = reverse;
    return reverse;
  }

  private selection(): { pods: PodLabelSet[]; services: ServiceSelector[] } {
    const t = this.table();
    if (!t.pods || !t.services) {
      t.pods = t.manifests.flatMap((m) => podLabelSets(m.uri, m.model as KubernetesModel));
      t.services = t.manifests.flatMap((m) => serviceSelectors(m.uri, m.model as KubernetesModel));
    }
    return { pods: t.pods, services: t.services };
  }
}

/**
 * Which manifests each kustomization reaches (its resources, and through folders and bases the resources of
 * the kustomizations there), with the `images:` of every kustomization on the way; and the files named as patches.
 */
function indexKustomizations(t: Tables, kustomizations: Kustomization[]): void {
  const byDir = new Map(kustomizations.map((k) => [resolve(k.dir), k]));
  for (const k of kustomizations) for (const p of k.patches) t.patches.add(resolve(p));
  // the roots are the kustomizations no other one includes (overlays); a base is deployed through them
  const included = new Set<Kustomization>();
  for (const k of kustomizations) for (const r of k.resources) {
    const nested = byDir.get(resolve(r));
    if (nested && nested !== k) included.add(nested);
  }
  const roots = kustomizations.filter((k) => !included.has(k));
  for (const root of roots.length ? roots : kustomizations) {
    const visit = (k: Kustomization, outer: { images: Kustomization['images']; path: string }[], seen: Set<Kustomization>) => {
      if (seen.has(k) || seen.size > 50) return;
      seen.add(k);
      const chain = [{ images: k.images, path: k.path }, ...outer];
      for (const r of k.resources) {
        const nested = byDir.get(resolve(r));
        if (nested) visit(nested, chain, seen);
        else {
          const file = resolve(r);
          t.kustomized.set(file, [...(t.kustomized.get(file) ?? []), chain]);
        }
      }
    };
    visit(root, [], new Set());
  }
}

function baseOfEntry(entry: Entry): BaseFact | undefined {
  entry.base ??= { fact: entry.facts?.base ?? baseFact(entry.model as DockerfileModel) };
  return entry.base.fact;
}

function fileOf(entry: Entry): WorkspaceFile {
  return { uri: entry.uri, model: entry.model as DockerfileModel | KubernetesModel };
}

/** A container's image text, unless a Helm directive writes it. */
function imageOf(model: KubernetesModel, c: K8sContainer): string | undefined {
  const range = c.image?.range;
  if (!range || isTemplated(model, range[0], range[1])) return undefined;
  return scalarString(c.image);
}

/** What other Dockerfiles see of this one (rule 15 counts base families). */
function familyMark(entry: Entry | undefined): string {
  if (entry?.model?.kind !== 'dockerfile') return '';
  const base = baseOfEntry(entry);
  return `${base?.family ?? ''}|${base?.libcFree ?? ''}`;
}

/** What other manifests see of this one: Services and pod labels by namespace. */
function selectionMark(entry: Entry | undefined): string {
  const model = entry?.model;
  if (model?.kind !== 'kubernetes') return '';
  if (entry!.selection !== undefined) return entry!.selection;
  const pods = podLabelSets(entry!.uri, model).map((p) => [p.namespace, p.labels, p.known]);
  const services = serviceSelectors(entry!.uri, model).map((s) => [s.namespace, s.selector, s.known]);
  return (entry!.selection = JSON.stringify([pods, services]));
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const keys = new Map<string, string>();

/** One key per file whichever way a client spells its uri (`%3A`, upper-case drive letters …). */
export function keyOf(uri: string): string {
  let key = keys.get(uri);
  if (key === undefined) {
    const path = pathOf(uri);
    key = path ? pathToFileURL(resolve(path)).href : uri;
    // rules ask by uri again and again; the memo is bounded for long editor sessions
    if (keys.size > 50000) keys.clear();
    keys.set(uri, key);
  }
  return key;
}
