import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { parseImageRef } from '../../knowledge/images';
import { offsets, runScripts, type DockerfileModel, type Stage } from '../../parse/dockerfile';
import { allCommands } from '../../parse/shell';
import { packageInstall } from '../logging/package-installs';
import { stageChain } from '../process/start-instructions';
import { insertAfter, insertBefore } from '../shared/instruction-lines';
import { copiesIn, isScratch, mayProvide, rootImage } from './image-contents';

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/** Images whose filesystem has /etc/ssl/certs/ca-certificates.crt. */
const WITH_BUNDLE = new Set(['golang', 'rust', 'alpine', 'buildpack-deps']);

export default defineRule({
  meta: {
    id: 'scratch-ca-certificates',
    languages: ['dockerfile'],
    defaultSeverity: 'info',
    category: 'scratch',
    description: 'A FROM scratch final image has no CA certificates: outbound TLS fails.',
    fixes: ['safe'],
  },
  check(context) {
    const model = context.file;
    const final = model.kind === 'dockerfile' ? model.finalStage : undefined;
    if (model.kind !== 'dockerfile' || !final || !isScratch(final)) return;
    const chain = stageChain(final);
    const copies = copiesIn(model, chain);
    if (copies.some((c) => /^\/etc\/(ssl|pki)(\/|$)/.test(c.destination) || mayProvide(c, '/etc/ssl/certs'))) return;
    if (setsCertPath(chain)) return;
    const from = chain[0].from;
    // a stage the image already copies from, else any earlier stage that has the bundle
    const referenced = copies.map((c) => c.fromStage).filter((s): s is Stage => !!s);
    const known = new Set([...chain, ...referenced]);
    const others = model.stages.filter((s) => !known.has(s)).reverse();
    const source = [...referenced, ...others].find((s) => holdsBundle(model, s));
    const fix = source && caFix(model, final, source);
    context.report({
      ...offsets(model, from.getImageRange() ?? from.getRange()),
      message: `This \`scratch\` image holds no CA certificates: every outbound TLS connection fails with "certificate signed by unknown authority". Copy ${BUNDLE} from the build stage (or set SSL_CERT_FILE).`,
      fixes: fix ? [fix] : [],
    });
  },
});

function setsCertPath(chain: Stage[]): boolean {
  return chain.some((s) =>
    s.instructions.some((i) => i.getKeyword() === 'ENV' && /\bSSL_CERT_(FILE|DIR)\b/.test(i.getArgumentsContent() ?? '')),
  );
}

/** The stage's image ships the bundle, or the stage installs `ca-certificates` with apt or apk. */
function holdsBundle(model: DockerfileModel, stage: Stage): boolean {
  const ref = parseImageRef(rootImage(stage) ?? '');
  if (ref && !ref.registry && WITH_BUNDLE.has(ref.repository)) return true;
  if (ref?.registry === 'gcr.io' && ref.repository.startsWith('distroless/')) return true;
  return stageChain(stage).some((s) =>
    s.instructions.some(
      (i) =>
        i.getKeyword() === 'RUN' &&
        runScripts(model, i).some((script) =>
          [...allCommands(script)].some(({ command }) => {
            const install = packageInstall(command);
            // rpm's ca-certificates lays the bundle out under /etc/pki instead
            return install?.installer !== 'rpm' && install?.packages.some((p) => p.name === 'ca-certificates');
          }),
        ),
    ),
  );
}

/** Inserted before the first COPY (else before USER/ENTRYPOINT/CMD, else at the stage's end): the bundle changes rarely. */
function caFix(model: DockerfileModel, final: Stage, source: Stage): FixProposal {
  const reference = source.from.getBuildStage() ?? String(source.index);
  const line = `COPY --from=${reference} ${BUNDLE} /etc/ssl/certs/`;
  const instructions = final.instructions;
  const before =
    instructions.find((i) => ['COPY', 'ADD'].includes(i.getKeyword())) ??
    instructions.find((i) => ['USER', 'ENTRYPOINT', 'CMD'].includes(i.getKeyword()));
  return {
    title: `Copy the CA bundle from stage \`${reference}\``,
    kind: 'safe',
    edits: () => [before ? insertBefore(model, before, [line]) : insertAfter(model, instructions[instructions.length - 1] ?? final.from, [line])],
  };
}
