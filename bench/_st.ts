Error.stackTraceLimit = 40;
import { parseKubernetes } from '../server/src/parse/kubernetes';
import { sourceText } from '../server/src/parse/source';
const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fuzz\n' + 'key: value, '.repeat(4000) + '\n';
try { parseKubernetes(sourceText('file:///a.yaml', text)); console.log('ok'); } catch (e) { Error.stackTraceLimit = 50; console.log((e as Error).stack); }
