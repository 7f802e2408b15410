// The workspace index: the Dockerfiles, manifests, skaffold.yaml and compose files of a workspace, each
// parsed once per version (an open document's text over the file on disk), and the links between
// manifest images and Dockerfiles. Every change returns the files whose cross-file findings may change.
// It keeps facts per file (what cross-file rules and links need), never parse trees: a rule that needs a
// linked file's model gets it parsed again on demand, from a small bounded cache. The facts are plain data,
// so an index can be handed to worker threads (`snapshot`, `fromSnapshot`).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDockerfile, type DockerfileModel } from '../parse/dockerfile';
import { getMap, getSeq, isTemplated, looksLikeKubernetes, parseKubernetes, scalarString, type K8sContainer, type K8sObject, type KubernetesModel } from '../parse/kubernetes';
import { shellParserReady } from '../parse/shell';
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

/** A manifest container's image (unless a Helm directive writes it), by its place in the model. */
interface ContainerImage {
  image: string;
  /** Index of the object in `model.objects`, and of the container in its pod template's `allContainers`. */
  object: number;
  container: number;
}

/** A PersistentVolumeClaim of a manifest: whether several nodes may mount it. */
export interface ClaimFact {
  uri: string;
  name?: string;
  namespace?: string;
  shared: boolean;
}

/** What other files need of a manifest. */
interface ManifestFacts {
  images: ContainerImage[];
  pods: PodLabelSet[];
  services: SelectorFact[];
  claims: ClaimFact[];
}

type SelectorFact = Pick<ServiceSelector, 'uri' | 'namespace' | 'selector' | 'known'>;

/** One indexed file: plain data (no parse tree), so that a snapshot crosses to worker threads. */
export interface IndexEntry {
  uri: string;
  key: string;
  /** File system path, for folder names and build contexts. */
  path?: string;
  text: string;
  /** The parsed kind; absent for skaffold-less build files and kustomizations. */
  kind?: 'dockerfile' | 'kubernetes';
  /** Images built by a skaffold.yaml or compose file. */
  builds?: BuildLink[];
  /** A kustomization.yaml / Kustomization file. */
  kustomization?: Kustomization;
  facts?: DockerfileFacts;
  base?: BaseFact;
  manifest?: ManifestFacts;
  /** What other manifests see of this one (`selectionMark`), computed once per version. */
  selection?: string;
}
type Entry = IndexEntry;

/** What a worker thread needs to rebuild an index: its roots, limits and the facts of every file read from disk. */
export interface IndexSnapshot {
  roots: string[];
  limits: IndexLimits;
  truncated: boolean;
  /** The entries without their text: `texts` holds it, UTF-8, at `textAt[i]` for entry i (one shared buffer, not a copy per worker). */
  entries: Omit<IndexEntry, 'text'>[];
  texts: SharedArrayBuffer;
  textAt: [number, number][];
}

/** Parsed models of indexed files, kept for the few files rules ask about again (linked Dockerfiles, deploying manifests). */
const MODEL_CACHE_SIZE = 64;

/** A manifest container whose image links to a Dockerfile, by its place in the manifest's model. */
interface Deploying {
  entry: Entry;
  object: number;
  container: number;
  via: LinkVia;
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
  reverse?: Map<string, Deploying[]>;
  bases?: { uri: string; base: BaseFact | undefined }[];
  pods?: PodLabelSet[];
  services?: SelectorFact[];
  claims?: ClaimFact[];
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
  /** Models parsed on demand, least recently used first. */
  private readonly models = new Map<Entry, ParsedFile | undefined>();
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

  /** The files read from disk as plain facts, with their texts in one shared buffer (open documents are left out). */
  snapshot(): IndexSnapshot {
    const entries: Omit<IndexEntry, 'text'>[] = [];
    const textAt: [number, number][] = [];
    const all = [...this.disk.values()];
    let size = 0;
    for (const e of all) size += Buffer.byteLength(e.text);
    const texts = new SharedArrayBuffer(size);
    const bytes = Buffer.from(texts);
    let at = 0;
    for (const { text, ...rest } of all) {
      const n = bytes.write(text, at);
      textAt.push([at, at + n]);
      at += n;
      entries.push(rest);
    }
    return { roots: this.roots, limits: this.limits, truncated: this.truncated, entries, texts, textAt };
  }

  /** The index a snapshot describes; each text is decoded from the shared buffer when a model is needed. */
  static fromSnapshot(snapshot: IndexSnapshot): WorkspaceIndex {
    const index = new WorkspaceIndex({ roots: snapshot.roots, limits: snapshot.limits });
    index.truncated = snapshot.truncated;
    const bytes = Buffer.from(snapshot.texts);
    snapshot.entries.forEach((rest, i) => {
      const [from, to] = snapshot.textAt[i];
      const entry = rest as Entry;
      Object.defineProperty(entry, 'text', { get: () => bytes.toString('utf8', from, to), enumerable: true, configurable: true });
      index.disk.set(entry.key, entry);
    });
    index.version++;
    return index;
  }

  /** Adds entries computed elsewhere (`indexEntry` run by worker threads) as files read from disk. */
  addDiskEntries(entries: IndexEntry[]): void {
    for (const entry of entries) {
      if (!this.disk.has(entry.key) && this.disk.size >= this.limits.maxFiles) {
        this.truncated = true;
        continue;
      }
      this.disk.set(entry.key, entry);
    }
    this.tables = undefined;
    this.version++;
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

  /** The model of this text, when the index holds exactly this version (parsed on demand, then cached a while). */
  modelFor(uri: string, text: string): ParsedFile | undefined {
    const entry = this.effective(keyOf(uri));
    return entry?.text === text && entry.uri === uri ? this.modelOf(entry) : undefined;
  }

  /** The text a file has in the index (open document or disk), for edits computed from its model. */
  sourceOf(uri: string): SourceText | undefined {
    const entry = this.effective(keyOf(uri));
    if (!entry?.kind) return undefined;
    return this.models.get(entry)?.source ?? sourceText(entry.uri, entry.text);
  }

  /** The text the index holds for a file (open document or disk). */
  textOf(uri: string): string | undefined {
    return this.effective(keyOf(uri))?.text;
  }

  /** Every entry, for tests that check what the index holds. */
  entries(): readonly IndexEntry[] {
    return [...this.disk.values(), ...this.open.values()];
  }

  // ---- WorkspaceView ---------------------------------------------------------------------------

  files(): WorkspaceFile[] {
    return this.table().files;
  }

  dockerfileAt(path: string): DockerfileModel | undefined {
    const entry = this.table().byPath.get(resolve(path));
    const model = entry && this.modelOf(entry);
    return model?.kind === 'dockerfile' ? model : undefined;
  }

  /** The PersistentVolumeClaims of the workspace's manifests, in file order. */
  claims(): ClaimFact[] {
    const t = this.table();
    t.claims ??= t.manifests.flatMap((m) => m.manifest!.claims);
    return t.claims;
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
        if (entry && !out.some((o) => o.file.uri === entry.uri)) out.push({ file: this.fileOf(entry) as ImageLink['file'], via: link.via });
      }
      return out;
    }
    // the folder rule guesses: never for an image the workspace pulls rather than builds
    const ref = parseImageRef(image);
    if (!ref || upstreamReason(ref, t.ghcrOwners)) return [];
    const candidates = t.folders.get(imageFolderName(image) ?? '') ?? [];
    // two Dockerfiles in folders of that name (or in one folder): ambiguous, no link
    return candidates.length === 1 ? [{ file: this.fileOf(candidates[0]) as ImageLink['file'], via: 'folder' }] : [];
  }

  isSelectedByService(container: K8sContainer): boolean {
    const template = container.template;
    const t = this.table();
    t.serviceIndex ??= new ServiceIndex(this.selection().services);
    return t.serviceIndex.selectsAny(template.labels, template.object.namespace);
  }

  dockerfileFacts(uri: string): DockerfileFacts | undefined {
    const entry = this.effective(keyOf(uri));
    if (entry?.kind !== 'dockerfile') return undefined;
    if (entry.facts) return entry.facts;
    const model = this.modelOf(entry);
    if (model?.kind !== 'dockerfile') return undefined;
    const facts = plainFacts(dockerfileFacts(entry.uri, model));
    if (shellParserReady()) entry.facts = facts;
    return facts;
  }

  /** The manifest containers deploying a Dockerfile, their manifests parsed again (rules ask this of Dockerfiles with a HEALTHCHECK). */
  containersDeploying(dockerfileUri: string): DeployedContainer[] {
    const out: DeployedContainer[] = [];
    for (const d of this.reverse().get(keyOf(dockerfileUri)) ?? []) {
      const model = this.modelOf(d.entry);
      if (model?.kind !== 'kubernetes') continue;
      const container = model.objects[d.object]?.podTemplate?.allContainers[d.container];
      if (container) out.push({ uri: d.entry.uri, model, container, via: d.via });
    }
    return out;
  }

  dockerfileBases(): { uri: string; base: BaseFact | undefined }[] {
    const t = this.table();
    t.bases ??= t.dockerfiles.map((d) => ({ uri: d.uri, base: d.base }));
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
    const entry = this.effective(keyOf(uri));
    const model = entry && this.modelOf(entry);
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

  /** A file as rules see it: its model is parsed on first use, and cached a while. */
  private fileOf(entry: Entry): WorkspaceFile {
    const modelOf = () => this.modelOf(entry) as DockerfileModel | KubernetesModel;
    return {
      uri: entry.uri,
      kind: entry.kind,
      get model() {
        return modelOf();
      },
    };
  }

  /** The model of an indexed file, parsed again from its text when it is not among the recently used ones. */
  private modelOf(entry: Entry): ParsedFile | undefined {
    if (!entry.kind) return undefined;
    if (this.models.has(entry)) {
      const model = this.models.get(entry);
      // most recently used last
      this.models.delete(entry);
      this.models.set(entry, model);
      return model;
    }
    let model: ParsedFile | undefined;
    try {
      model = entry.kind === 'dockerfile' ? parseDockerfile(sourceText(entry.uri, entry.text)) : parseKubernetes(sourceText(entry.uri, entry.text));
    } catch {
      model = undefined;
    }
    this.models.set(entry, model);
    if (this.models.size > MODEL_CACHE_SIZE) this.models.delete(this.models.keys().next().value!);
    return model;
  }

  private allUris(): string[] {
    const keys = new Set([...this.disk.keys(), ...this.open.keys()]);
    return [...keys].map((k) => this.effective(k)!.uri);
  }

  /** Parses a text into an entry (reusing `previous` when its text is the same); undefined when Herd does not index it. */
  private entryFor(uri: string, text: string, languageId: string | undefined, previous: Entry | undefined): Entry | undefined {
    if (previous && previous.text === text && previous.uri === uri) return previous;
    return indexEntry(uri, text, languageId, this.limits.maxFileSize);
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
    const kind = (e: Entry | undefined) => (e?.builds || e?.kustomization ? 'build' : e?.kind);
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
    if (entry.kind === 'dockerfile') return (this.reverse().get(entry.key) ?? []).map((d) => d.entry.uri);
    if (entry.kind !== 'kubernetes') return [];
    const out = new Set<string>();
    for (const { image } of entry.manifest!.images) for (const link of this.imageLinks(image, entry.uri)) out.add(link.file.uri);
    return [...out];
  }

  private manifestsNaming(folder: string): string[] {
    const out: string[] = [];
    for (const m of this.table().manifests) {
      if (m.manifest!.images.some((c) => imageFolderName(c.image) === folder)) out.push(m.uri);
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
      if (entry.kind) t.files.push(this.fileOf(entry));
      for (const build of entry.builds ?? []) t.explicit.set(build.image, [...(t.explicit.get(build.image) ?? []), build]);
      if (entry.kustomization) kustomizations.push(entry.kustomization);
      if (entry.kind === 'kubernetes') t.manifests.push(entry);
      if (entry.kind !== 'dockerfile') continue;
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

  private reverse(): Map<string, Deploying[]> {
    const t = this.table();
    if (t.reverse) return t.reverse;
    const reverse = new Map<string, Deploying[]>();
    for (const m of t.manifests) {
      for (const { image, object, container } of m.manifest!.images) {
        for (const link of this.imageLinks(image, m.uri)) {
          const key = keyOf(link.file.uri);
          const list = reverse.get(key);
          const d = { entry: m, object, container, via: link.via };
          if (list) list.push(d);
          else reverse.set(key, [d]);
        }
      }
    }
    t.reverse = reverse;
    return reverse;
  }

  private selection(): { pods: PodLabelSet[]; services: SelectorFact[] } {
    const t = this.table();
    if (!t.pods || !t.services) {
      t.pods = t.manifests.flatMap((m) => m.manifest!.pods);
      t.services = t.manifests.flatMap((m) => m.manifest!.services);
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

/**
 * The index's entry for a file's text: its facts, and no parse tree (the model it is computed from is dropped).
 * Undefined when Herd does not index the file. Pure, so that worker threads can compute entries for the main one.
 */
export function indexEntry(uri: string, text: string, languageId: string | undefined, maxFileSize: number): IndexEntry | undefined {
  if (text.length > maxFileSize) return undefined;
  const key = keyOf(uri);
  const path = pathOf(uri);
  const kind = fileKind(uri, languageId);
  try {
    if (kind === 'dockerfile') {
      const model = parseDockerfile(sourceText(uri, text));
      // the facts read `useradd -u` through the shell parser: before it is loaded they wait for the first question
      return { uri, key, path, text, kind, facts: shellParserReady() ? plainFacts(dockerfileFacts(uri, model)) : undefined, base: baseFact(model) };
    }
    if (path && isKustomizationFile(path)) return { uri, key, path, text, kustomization: kustomizationOf(path, text) };
    if (kind !== 'yaml') return undefined;
    if (path && isComposeFile(path)) return { uri, key, path, text, builds: composeBuilds(path, text) };
    const skaffold = isSkaffoldText(text);
    if (!skaffold && !looksLikeKubernetes(text)) return undefined;
    const entry: Entry = { uri, key, path, text, kind: 'kubernetes', manifest: manifestFacts(uri, parseKubernetes(sourceText(uri, text))) };
    if (skaffold && path) entry.builds = skaffoldBuilds(path, text);
    return entry;
  } catch {
    // the linter reports parse failures on the file itself; the index leaves it out
    return undefined;
  }
}

/** The facts without the HEALTHCHECK's syntax node (rules that need it have the Dockerfile's own model). */
/** A claim that several nodes may mount at once (ReadWriteMany, ReadOnlyMany). */
function isSharedClaimObject(pvc: K8sObject): boolean {
  const modes = getSeq(getMap(pvc.node, 'spec'), 'accessModes')?.items.map(scalarString) ?? [];
  return modes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
}

function plainFacts(facts: DockerfileFacts): DockerfileFacts {
  if (!facts.healthcheck) return facts;
  const { keyword, options } = facts.healthcheck;
  return { ...facts, healthcheck: { keyword, options } };
}

function manifestFacts(uri: string, model: KubernetesModel): ManifestFacts {
  const images: ContainerImage[] = [];
  const claims: ClaimFact[] = [];
  model.objects.forEach((object, o) => {
    (object.podTemplate?.allContainers ?? []).forEach((c, i) => {
      const image = imageOf(model, c);
      if (image) images.push({ image, object: o, container: i });
    });
    if (object.kind === 'PersistentVolumeClaim') claims.push({ uri, name: object.name, namespace: object.namespace, shared: isSharedClaimObject(object) });
  });
  const services = serviceSelectors(uri, model).map(({ namespace, selector, known }) => ({ uri, namespace, selector, known }));
  return { images, pods: podLabelSets(uri, model), services, claims };
}

/** A container's image text, unless a Helm directive writes it. */
function imageOf(model: KubernetesModel, c: K8sContainer): string | undefined {
  const range = c.image?.range;
  if (!range || isTemplated(model, range[0], range[1])) return undefined;
  return scalarString(c.image);
}

/** What other Dockerfiles see of this one (rule 15 counts base families). */
function familyMark(entry: Entry | undefined): string {
  if (entry?.kind !== 'dockerfile') return '';
  const base = entry.base;
  return `${base?.family ?? ''}|${base?.libcFree ?? ''}`;
}

/** What other manifests see of this one: Services and pod labels by namespace. */
function selectionMark(entry: Entry | undefined): string {
  if (entry?.kind !== 'kubernetes') return '';
  if (entry.selection !== undefined) return entry.selection;
  const pods = entry.manifest!.pods.map((p) => [p.namespace, p.labels, p.known]);
  const services = entry.manifest!.services.map((s) => [s.namespace, s.selector, s.known]);
  return (entry.selection = JSON.stringify([pods, services]));
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
