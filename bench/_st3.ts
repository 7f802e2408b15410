import { parseKubernetes } from '../server/src/parse/kubernetes';
import { sourceText } from '../server/src/parse/source';
const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;
const text = `${pod('app')}${'key: value, '.repeat(4000)}\n---\n${pod('app')}`;
try { parseKubernetes(sourceText('file:///a.yaml', text)); console.log('ok'); } catch (e) { const s = String((e as Error).stack).split('\n'); console.log(s.length, [...new Set(s)].slice(0, 30).join('\n')); }
