import { isMap, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { Container, EnvVar } from '../../parse/container';
import { offsets, type DockerfileModel } from '../../parse/dockerfile';
import { isTemplated, type KubernetesModel } from '../../parse/kubernetes';
import { detectStyle, flowText, pairLines } from '../../parse/yaml-edit';

const SECRET_WORDS = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIAL/i;
/** Names where the secret lives (a file, a path, an address, a directory, a Secret's name), not the secret itself. */
const POINTER = /_(FILE|PATH|URL|DIR|NAME)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_WORDS.test(name) && !POINTER.test(name);
}

/** A literal: not empty, not only references (`$X`, `${X}`, Kubernetes `$(X)`), not a switch (`true`, `off`, `0`, `1`, …). */
export function isLiteralSecret(value: string | undefined): boolean {
  if (value === undefined) return false;
  const rest = value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$\([A-Za-z_][A-Za-z0-9_.-]*\)|\$[A-Za-z_][A-Za-z0-9_]*/g, '').trim();
  return rest !== '' && !/^(true|false|yes|no|on|off|0|1)$/i.test(rest);
}

export default defineRule({
  meta: {
    id: 'no-secrets-in-env',
    languages: ['dockerfile', 'kubernetes', 'compose'],
    defaultSeverity: 'warning',
    category: 'security',
    description: 'A literal secret in ENV/ARG or a container env value.',
    fixes: ['suggestion'],
    scope: 'document',
  },
  check(context) {
    const file = context.file;
    if (file.kind === 'dockerfile') {
      checkDockerfile(file as DockerfileModel, context.report);
      return;
    }
    for (const container of context.containers()) {
      for (const env of container.env) {
        if (!isSecretName(env.name) || !isLiteralSecret(env.value) || !env.valueSpan) continue;
        if (file.kind === 'kubernetes' && isTemplated(file, env.nameSpan.start, env.valueSpan.end)) continue;
        const fix = file.kind === 'kubernetes' ? secretRefFix(file, container, env) : undefined;
        context.report({
          ...env.nameSpan,
          message: container.compose
            ? `\`${env.name}\` has a literal value in \`environment\`: anyone who can read this file, or run \`docker inspect\`, reads the secret. Interpolate it (\`\${${env.name}}\` from an untracked \`.env\`) or use Compose \`secrets:\`.`
            : `\`${env.name}\` has a literal \`value\`: anyone who can read this manifest or the object in the cluster reads the secret. Take it from a Secret with \`valueFrom.secretKeyRef\`.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

/** Every ENV and ARG of every stage (and the ARGs before the first FROM): all of them live in the source and the build history. */
function checkDockerfile(model: DockerfileModel, report: (r: { start: number; end: number; message: string }) => void): void {
  for (const instruction of model.ast.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG') continue;
    const props = (instruction as unknown as { getProperties(): { getName(): string; getNameRange(): import('vscode-languageserver-types').Range; getValue(): string | null }[] }).getProperties();
    for (const p of props) {
      if (!isSecretName(p.getName()) || !isLiteralSecret(p.getValue() ?? undefined)) continue;
      const where = keyword === 'ENV' ? 'it is stored in the image configuration' : 'its default is recorded in the image history';
      report({
        ...offsets(model, p.getNameRange()),
        message: `\`${p.getName()}\` is set to a literal value in ${keyword}: ${where}, readable by anyone who can pull the image. Pass it at run time (a Kubernetes Secret), or at build time with \`RUN --mount=type=secret\`.`,
      });
    }
  }
}

/** `value: x` → `valueFrom: {secretKeyRef: {name: <container>-secrets, key: <name in lower case>}}`, in the entry's own style. */
function secretRefFix(model: KubernetesModel, container: Container, env: EnvVar): FixProposal | undefined {
  const entry = env.entry;
  if (!isMap(entry)) return undefined;
  const pair = (entry as YAMLMap).items.find((p) => isScalar(p.key) && (p.key as Scalar).value === 'value') as Pair<Scalar, Scalar> | undefined;
  const keyRange = pair?.key?.range;
  const valueRange = pair?.value?.range;
  if (!keyRange || !valueRange) return undefined;
  const nameNode = container.k8s?.nameNode?.range;
  const owner = container.name && nameNode && !isTemplated(model, nameNode[0], nameNode[1]) ? container.name : 'app';
  const ref = { secretKeyRef: { name: `${owner}-secrets`, key: env.name.toLowerCase() } };
  const text = model.source.text;
  return {
    title: `Take \`${env.name}\` from Secret \`${owner}-secrets\``,
    kind: 'suggestion',
    edits: () => {
      const start = keyRange[0];
      let end = valueRange[1];
      // a block scalar's range takes in its last line break, which stays
      while (end > valueRange[0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      if (entry.flow) return [{ start, end, newText: `valueFrom: ${flowText(ref)}` }];
      const style = detectStyle(text);
      const column = start - (text.lastIndexOf('\n', start - 1) + 1);
      const lines = pairLines('valueFrom', ref, style);
      return [{ start, end, newText: lines.map((l, i) => (i === 0 ? l : ' '.repeat(column) + l)).join(style.eol) }];
    },
  };
}
