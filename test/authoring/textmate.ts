// vscode-textmate + vscode-oniguruma over Herd's contributed grammars, with stand-in host grammars from
// the test fixtures (the real Dockerfile, YAML and shell grammars ship with VS Code, not with npm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');
const HOSTS = join(__dirname, 'fixtures', 'grammars');

export interface ContributedGrammar {
  scopeName: string;
  path: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}

export const contributedGrammars = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: ContributedGrammar[] } }).contributes.grammars;

const files: Record<string, string> = {
  'source.dockerfile': join(HOSTS, 'dockerfile.tmLanguage.json'),
  'source.yaml': join(HOSTS, 'yaml.tmLanguage.json'),
  'source.shell': join(HOSTS, 'shell.tmLanguage.json'),
  ...Object.fromEntries(contributedGrammars.map((g) => [g.scopeName, join(ROOT, g.path)])),
};

let wasmLoaded: Promise<void> | undefined;

/** A registry that injects the grammars as package.json declares it (`injectTo`), or injects nothing. */
export async function grammarRegistry({ inject = true } = {}): Promise<Registry> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  wasmLoaded ??= oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  await wasmLoaded;
  return new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => (files[scopeName] ? parseRawGrammar(readFileSync(files[scopeName], 'utf8'), files[scopeName]) : null),
    getInjections: (scopeName) => (inject ? contributedGrammars : []).filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
}

/** Each line as `[token text, scopes below the root joined by spaces]`. */
export type TokenLine = [string, string][];

export function tokenize(grammar: IGrammar, text: string): TokenLine[] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ')] as [string, string]).filter(([s]) => s !== '');
  });
}
