// Editor latency: the language server and a client in one process (JSON-RPC over in-memory streams, debounce 0).
// The client types into a ~3,000-line manifest and a 60-line Dockerfile, one character per incremental
// didChange, and times each edit until the diagnostics of that version arrive, then the code-action request
// a light bulb would send for the diagnostics on the line being edited.
import type { Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Subject } from './bundle';
import { DOCKERFILE, largeManifest } from './documents';
import { percentile } from './stats';

export interface LatencyFigures {
  lines: number;
  edits: number;
  diagnostics: number;
  editP50: number;
  editP95: number;
  actionP50: number;
  actionP95: number;
}

export interface EditorFigures {
  manifest: LatencyFigures;
  dockerfile: LatencyFigures;
}

const WARMUP_EDITS = 15;

/** Where to type: the end of the first line containing `marker`, and the characters to type there. */
export interface Typing {
  uri: string;
  languageId: string;
  text: string;
  marker: string;
  keys: string;
}

export async function typeInto(S: Subject, t: Typing, edits: number): Promise<LatencyFigures> {
  const client = await S.TestClient.start({ initializationOptions: { debounce: 0 } });
  try {
    let published: PublishDiagnosticsParams = await client.open(t.uri, t.languageId, t.text);
    const lines = t.text.split('\n');
    const line = lines.findIndex((l) => l.includes(t.marker));
    if (line < 0) throw new Error(`marker ${t.marker} not found`);
    let character = lines[line].length;
    let version = 1;
    const editMs: number[] = [];
    const actionMs: number[] = [];
    for (let i = 0; i < WARMUP_EDITS + edits; i++) {
      const at: Position = { line, character };
      const expected = ++version;
      const arrived = client.nextDiagnostics(t.uri, (p) => p.version === expected);
      const start = performance.now();
      await client.edit(t.uri, { start: at, end: at }, t.keys[i % t.keys.length]);
      published = await arrived;
      const edited = performance.now() - start;
      character++;
      // the light bulb asks for the diagnostics on the cursor's line, else for the nearest one
      const onLine = published.diagnostics.filter((d) => d.range.start.line <= line && line <= d.range.end.line);
      const asked: Diagnostic[] = onLine.length ? onLine : nearest(published.diagnostics, line);
      const actionStart = performance.now();
      await client.codeActions(t.uri, asked, undefined, asked[0]?.range ?? { start: at, end: at });
      const asking = performance.now() - actionStart;
      if (i >= WARMUP_EDITS) {
        editMs.push(edited);
        actionMs.push(asking);
      }
    }
    return {
      lines: lines.length - (t.text.endsWith('\n') ? 1 : 0),
      edits,
      diagnostics: published.diagnostics.length,
      editP50: percentile(editMs, 50),
      editP95: percentile(editMs, 95),
      actionP50: percentile(actionMs, 50),
      actionP95: percentile(actionMs, 95),
    };
  } finally {
    await client.stop();
  }
}

function nearest(diagnostics: Diagnostic[], line: number): Diagnostic[] {
  let best: Diagnostic | undefined;
  for (const d of diagnostics) if (!best || Math.abs(d.range.start.line - line) < Math.abs(best.range.start.line - line)) best = d;
  return best ? [best] : [];
}

/** The value of REGION in the 31st Deployment, typed into: a value in the middle of the file. */
export function manifestTyping(): Typing {
  const lines = largeManifest().split('\n');
  let deployments = 0;
  const at = lines.findIndex((l) => (l === 'kind: Deployment' && deployments++ === 30 ? false : deployments === 31 && l.includes('value: eu-west-1')));
  lines[at] += '-a';
  return { uri: 'file:///bench/deployments.yaml', languageId: 'yaml', text: lines.join('\n'), marker: 'value: eu-west-1-a', keys: 'bcdefghijk' };
}

/** A package name typed into an apt-get install line: the RUN's shell text changes with every key. */
export function dockerfileTyping(): Typing {
  return { uri: 'file:///bench/Dockerfile', languageId: 'dockerfile', text: DOCKERFILE, marker: 'install -y --no-install-recommends curl tzdata', keys: ' htop jq' };
}

export async function editorLatency(S: Subject, edits = 100): Promise<EditorFigures> {
  await S.initShellParser();
  return { manifest: await typeInto(S, manifestTyping(), edits), dockerfile: await typeInto(S, dockerfileTyping(), edits) };
}

/** `--profile manifest|dockerfile`: 200 edits of one document under the inspector, written to editor.cpuprofile. */
async function profileTyping(S: Subject, which: string): Promise<void> {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const typing = which === 'dockerfile' ? dockerfileTyping() : manifestTyping();
  await S.initShellParser();
  await typeInto(S, typing, 30);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  console.log(JSON.stringify(await typeInto(S, typing, 200)));
  const { profile } = await session.post('Profiler.stop');
  writeFileSync('editor.cpuprofile', JSON.stringify(profile));
  console.log('profile written to editor.cpuprofile');
}

if (require.main === module) {
  void import('./bundle').then(async ({ loadSubject }) => {
    const S = await loadSubject();
    const i = process.argv.indexOf('--profile');
    if (i >= 0) await profileTyping(S, process.argv[i + 1] ?? 'manifest');
    else console.log(JSON.stringify(await editorLatency(S), null, 2));
  });
}
