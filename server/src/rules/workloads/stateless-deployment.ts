import { isScalar, type Node } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { WorkspaceClaim, WorkspaceView } from '../../engine/workspace';
import { isDatabaseImage, parseImageRef } from '../../knowledge/images';
import { getMap, getNode, getSeq, scalarString, type K8sObject, type KubernetesModel } from '../../parse/kubernetes';
import { isTemplatedNode } from '../shared/helm-hidden';
import { objectRef } from '../shared/k8s-names';

const STATELESS_KINDS = new Set(['Deployment', 'ReplicaSet']);

/** `spec.replicas`, 1 when absent (the API default); undefined when a directive decides it. */
function replicasOf(model: KubernetesModel, object: K8sObject): number | undefined {
  const node = getNode(getMap(object.node, 'spec'), 'replicas');
  if (node === undefined || (isScalar(node) && node.value === null)) return 1;
  if (!isScalar(node) || isTemplatedNode(model, node)) return undefined;
  const n = Number(node.value);
  return Number.isInteger(n) ? n : undefined;
}

type Claim = Omit<WorkspaceClaim, 'uri'>;

/** A claim that several nodes may mount at once (declared in this file or elsewhere in the workspace) is fine to share. */
function isSharedClaim(claims: Map<string | undefined, Claim[]>, workload: K8sObject, claim: string | undefined): boolean {
  return claims.get(claim)?.find((o) => sameNamespace(o.namespace, workload.namespace))?.shared ?? false;
}

/** An object without a namespace lands in whichever namespace it is applied to: it may be the other's. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function claimOf(pvc: K8sObject): Claim {
  const modes = getSeq(getMap(pvc.node, 'spec'), 'accessModes')?.items.map(scalarString) ?? [];
  return { name: pvc.name, namespace: pvc.namespace, shared: modes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany') };
}

/** The claims by name: looked up once per volume, so a file of many workloads and claims stays linear. */
function claimsOf(model: KubernetesModel, workspace: WorkspaceView | undefined): Map<string | undefined, Claim[]> {
  const own = model.objects.filter((o) => o.kind === 'PersistentVolumeClaim').map(claimOf);
  // the workspace index keeps the claims as facts; another view is asked for its files' models
  const others = workspace?.claims
    ? workspace.claims().filter((c) => c.uri !== model.source.uri)
    : (workspace?.files() ?? []).flatMap((f) => (f.model.kind === 'kubernetes' && f.model !== model ? f.model.objects.filter((o) => o.kind === 'PersistentVolumeClaim').map(claimOf) : []));
  const byName = new Map<string | undefined, Claim[]>();
  for (const c of [own, others].flat()) {
    const list = byName.get(c.name);
    if (list) list.push(c);
    else byName.set(c.name, [c]);
  }
  return byName;
}

export default defineRule({
  meta: {
    id: 'stateless-deployment',
    languages: ['kubernetes'],
    defaultSeverity: 'warning',
    category: 'workloads',
    description: 'A Deployment or ReplicaSet runs a database image, or shares a PersistentVolumeClaim between several replicas.',
    fixes: [],
  },
  check(context) {
    const model = context.file;
    if (model.kind !== 'kubernetes') return;
    let claims: ReturnType<typeof claimsOf> | undefined;
    for (const object of model.objects) {
      const template = object.podTemplate;
      if (!template || !STATELESS_KINDS.has(object.kind)) continue;
      const who = objectRef(model, object);
      // app containers only: an init container with a database image usually just waits for the database
      for (const c of template.containers) {
        const text = scalarString(c.image);
        const ref = text && !isTemplatedNode(model, c.image) ? parseImageRef(text) : undefined;
        if (!ref || !isDatabaseImage(ref) || !c.image?.range) continue;
        context.report({
          start: c.image.range[0],
          end: c.image.range[1],
          message: `${who} runs the database image \`${text}\`: a Deployment treats its pods as interchangeable, so a replaced pod gets a new identity and extra replicas fight over the same data. Run databases as a StatefulSet (with volumeClaimTemplates).`,
        });
      }
      const replicas = replicasOf(model, object);
      if (replicas === undefined || replicas <= 1) continue;
      for (const volume of template.volumes) {
        const pvc = getNode(volume.node, 'persistentVolumeClaim') as Node | undefined;
        if (!pvc || (isScalar(pvc) && pvc.value === null)) continue;
        const claimNode = getNode(getMap(volume.node, 'persistentVolumeClaim'), 'claimName');
        const claim = scalarString(claimNode);
        if (isTemplatedNode(model, claimNode) || isSharedClaim((claims ??= claimsOf(model, context.workspace)), object, claim)) continue;
        const mounted = template.allContainers.some((c) => c.templated || c.volumeMounts.some((m) => m.name === volume.name));
        const key = volume.node.items.find((p) => scalarString(p.key) === 'persistentVolumeClaim')?.key as Node | undefined;
        const at = claimNode?.range ?? key?.range;
        if (!mounted || !at) continue;
        context.report({
          start: at[0],
          end: at[1],
          message: `${who} runs ${replicas} replicas on the PersistentVolumeClaim${claim ? ` \`${claim}\`` : ''}: unless the claim is ReadWriteMany it attaches to a single node, so replicas scheduled elsewhere hang in ContainerCreating, and replicas that do share it write over each other's state. Use a StatefulSet with volumeClaimTemplates.`,
        });
      }
    }
  },
});
