// How an image name in a manifest finds the Dockerfile that builds it: skaffold artifacts, compose
// services with `build` + `image`, else the folder named like the image (RULES.md, "Dockerfile ↔ manifest").
import { basename, dirname, resolve } from 'node:path';
import { isMap, isScalar, parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import { parseImageRef } from '../knowledge/images';
import { getMap, getNode, getSeq, scalarString } from '../parse/kubernetes';

/** An image that a build configuration of the workspace builds. */
export interface BuildLink {
  /** The image name as `imageKey` gives it. */
  image: string;
  /** Absolute path of its Dockerfile; absent when the image is built without one (jib, buildpacks, ko …). */
  dockerfile?: string;
  via: 'skaffold' | 'compose';
}

/** The name an image is matched by: registry (Docker Hub left out) and repository, lower-cased; no tag or digest. */
export function imageKey(image: string): string | undefined {
  // asked for every container of a manifest on every edit: the answers are remembered (a bounded memo)
  let key = imageKeys.get(image);
  if (key === undefined && !imageKeys.has(image)) {
    const ref = parseImageRef(image);
    const registry = ref?.registry && ref.registry !== 'docker.io' ? `${ref.registry}/` : '';
    key = !ref || ref.repository.includes('$') ? undefined : `${registry}${ref.repository}`.toLowerCase();
    if (imageKeys.size > 20000) imageKeys.clear();
    imageKeys.set(image, key);
  }
  return key;
}

const imageKeys = new Map<string, string | undefined>();

/** The folder name an image matches: the last segment of its repository path. */
export function imageFolderName(image: string): string | undefined {
  const key = imageKey(image);
  return key?.slice(key.lastIndexOf('/') + 1);
}

/** The folder that holds a Dockerfile, lower-cased (image names are lower-case). */
export function dockerfileFolderName(path: string): string {
  return basename(dirname(path)).toLowerCase();
}

const COMPOSE_NAME = /^(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml$/i;

export function isComposeFile(path: string): boolean {
  return COMPOSE_NAME.test(basename(path));
}

export function isSkaffoldText(text: string): boolean {
  return /^apiVersion:[ \t]*['"]?skaffold\//m.test(text);
}

/** Builders other than docker: the image has no Dockerfile to link. */
const OTHER_BUILDERS = ['jib', 'bazel', 'buildpacks', 'ko', 'custom'];

/** `build.artifacts` of every document and profile of a skaffold.yaml at `path`. */
export function skaffoldBuilds(path: string, text: string): BuildLink[] {
  const out: BuildLink[] = [];
  const root = dirname(path);
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, strict: false })) {
    const config = doc.contents;
    if (!isMap(config) || !scalarString(getNode(config, 'apiVersion'))?.startsWith('skaffold/')) continue;
    const builds = [getMap(config, 'build'), ...(getSeq(config, 'profiles')?.items ?? []).map((p) => (isMap(p) ? getMap(p, 'build') : undefined))];
    for (const build of builds) {
      for (const artifact of getSeq(build, 'artifacts')?.items ?? []) {
        if (!isMap(artifact)) continue;
        const image = imageKey(scalarString(getNode(artifact, 'image')) ?? '');
        if (!image) continue;
        const context = scalarString(getNode(artifact, 'context')) ?? '.';
        const other = OTHER_BUILDERS.some((b) => getNode(artifact, b) !== undefined);
        const dockerfile = scalarString(getNode(getMap(artifact, 'docker'), 'dockerfile')) ?? 'Dockerfile';
        out.push({ image, via: 'skaffold', ...(!other && { dockerfile: resolve(root, context, dockerfile) }) });
      }
    }
  }
  return out;
}

/** Services of a compose file with both `build` (a context, or `{context, dockerfile}`) and `image`. */
export function composeBuilds(path: string, text: string): BuildLink[] {
  const out: BuildLink[] = [];
  const root = dirname(path);
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, strict: false })) {
    const services = isMap(doc.contents) ? getMap(doc.contents, 'services') : undefined;
    for (const pair of services?.items ?? []) {
      const service = pair.value as Node | null;
      if (!isMap(service)) continue;
      const image = imageKey(scalarString(getNode(service, 'image')) ?? '');
      const build = getNode(service, 'build');
      if (!image || build === undefined) continue;
      const dockerfile = composeDockerfile(root, build);
      out.push({ image, via: 'compose', ...(dockerfile && { dockerfile }) });
    }
  }
  return out;
}

function composeDockerfile(root: string, build: Node): string | undefined {
  if (isScalar(build)) {
    const context = scalarString(build);
    return context && !isRemote(context) ? resolve(root, context, 'Dockerfile') : undefined;
  }
  if (!isMap(build)) return undefined;
  const map = build as YAMLMap;
  const context = scalarString(getNode(map, 'context')) ?? '.';
  if (isRemote(context) || getNode(map, 'dockerfile_inline') !== undefined) return undefined;
  return resolve(root, context, scalarString(getNode(map, 'dockerfile')) ?? 'Dockerfile');
}

/** A git or http build context: the Dockerfile is not in the workspace. */
function isRemote(context: string): boolean {
  return /^(?:https?:|git@|git:|ssh:|github\.com\/)/.test(context) || context.includes('$');
}

// ---- kustomize --------------------------------------------------------------------------------

const KUSTOMIZATION_NAME = /^(kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_NAME.test(basename(path));
}

/** One entry of a kustomization's `images:`: the image `name` it matches, and what it sets. */
export interface KustomizeImage {
  /** `imageKey` of `name`. */
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface Kustomization {
  /** Absolute path of the kustomization file, and its folder. */
  path: string;
  dir: string;
  /** `resources` and `bases` entries, absolute (files or folders with a kustomization of their own). */
  resources: string[];
  /** Files named under `patches` (path entries), `patchesStrategicMerge` and `patchesJson6902`, absolute. */
  patches: string[];
  images: KustomizeImage[];
}

/** A kustomization file read: resources, patches and image rewrites (remote and inline entries left out). */
export function kustomizationOf(path: string, text: string): Kustomization | undefined {
  const dir = dirname(path);
  const doc = parseAllDocuments(text, { uniqueKeys: false, strict: false })[0];
  const root = doc && !Array.isArray(doc) ? (doc as { contents: unknown }).contents : undefined;
  if (!isMap(root)) return undefined;
  const local = (entry: string | undefined) => (entry && !/^[a-z][a-z0-9+.-]*:\/\/|^(github\.com|git@|ssh:)/i.test(entry) && !entry.includes('\n') ? resolve(dir, entry) : undefined);
  const strings = (key: string) => (getSeq(root, key)?.items ?? []).map((i) => (isScalar(i) ? scalarString(i) : undefined));
  const resources = [...strings('resources'), ...strings('bases')].map(local).filter((p): p is string => !!p);
  const patches: string[] = [];
  for (const p of strings('patchesStrategicMerge')) {
    const file = local(p);
    if (file) patches.push(file);
  }
  for (const key of ['patches', 'patchesJson6902']) {
    for (const item of getSeq(root, key)?.items ?? []) {
      const file = local(isMap(item) ? scalarString(getNode(item, 'path')) : isScalar(item) ? scalarString(item) : undefined);
      if (file) patches.push(file);
    }
  }
  const images: KustomizeImage[] = [];
  for (const item of getSeq(root, 'images')?.items ?? []) {
    if (!isMap(item)) continue;
    const name = imageKey(scalarString(getNode(item, 'name')) ?? '');
    if (!name) continue;
    const field = (k: string) => {
      const node = getNode(item, k);
      const v = isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
      return v || undefined;
    };
    images.push({ name, ...(field('newName') && { newName: field('newName') }), ...(field('newTag') && { newTag: field('newTag') }), ...(field('digest') && { digest: field('digest') }) });
  }
  return { path, dir, resources, patches, images };
}

/**
 * An image reference after a kustomization's `images:` rewrite: `name` matched without tag or digest, then
 * `newName` replaces the name, `newTag` the tag and `digest` pins it. Undefined when no entry matches.
 */
export function rewriteImage(image: string, images: readonly KustomizeImage[]): string | undefined {
  const key = imageKey(image);
  const entry = key ? images.find((i) => i.name === key) : undefined;
  if (!entry) return undefined;
  const ref = parseImageRef(image);
  if (!ref) return undefined;
  const at = image.indexOf('@');
  const nameOnly = (() => {
    const withoutDigest = at < 0 ? image : image.slice(0, at);
    return ref.tag !== undefined ? withoutDigest.slice(0, withoutDigest.length - ref.tag.length - 1) : withoutDigest;
  })();
  const name = entry.newName ?? nameOnly;
  if (entry.digest) return `${name}@${entry.digest}`;
  const tag = entry.newTag ?? ref.tag;
  const digest = entry.newTag === undefined ? ref.digest : undefined;
  return `${name}${tag !== undefined ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
