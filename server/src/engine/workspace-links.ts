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
  const ref = parseImageRef(image);
  if (!ref || ref.repository.includes('$')) return undefined;
  const registry = ref.registry && ref.registry !== 'docker.io' ? `${ref.registry}/` : '';
  return `${registry}${ref.repository}`.toLowerCase();
}

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
