// Tokenizes text the way VS Code does: vscode-textmate and vscode-oniguruma (the versions VS Code 1.100
// ships) with VS Code's own YAML grammars (copied into ./vendor) and the extension's plan-yaml grammar.
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const PLAN_GRAMMAR_FILE = path.resolve(__dirname, '..', '..', 'syntaxes', 'plan-yaml.tmLanguage.json');

const VENDOR = path.join(__dirname, 'vendor');

/** VS Code's YAML grammars, by scope name. */
const YAML_GRAMMARS: Record<string, string> = {
  'source.yaml': 'yaml.tmLanguage.json',
  'source.yaml.embedded': 'yaml-embedded.tmLanguage.json',
  'source.yaml.1.0': 'yaml-1.0.tmLanguage.json',
  'source.yaml.1.1': 'yaml-1.1.tmLanguage.json',
  'source.yaml.1.2': 'yaml-1.2.tmLanguage.json',
  'source.yaml.1.3': 'yaml-1.3.tmLanguage.json',
};

export type RootScope = 'source.plan-yaml' | 'source.yaml';

/** One token: its 0-based line, its text and its scopes, outermost (the root scope) first. */
export interface Token {
  line: number;
  text: string;
  scopes: string[];
}

export type Tokenize = (text: string, scopeName?: RootScope) => Promise<Token[]>;

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function getOnigLib(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }));
  }
  return onigLib;
}

/**
 * A tokenizer with its own grammar registry. `planGrammar` replaces the plan-yaml grammar file
 * (the tests pass broken copies of it); the YAML grammars are always VS Code's.
 */
export function createTokenizer(planGrammar?: object): Tokenize {
  const registry = new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.plan-yaml') {
        const text = planGrammar ? JSON.stringify(planGrammar) : fs.readFileSync(PLAN_GRAMMAR_FILE, 'utf8');
        return vsctm.parseRawGrammar(text, PLAN_GRAMMAR_FILE);
      }
      const file = YAML_GRAMMARS[scopeName] && path.join(VENDOR, YAML_GRAMMARS[scopeName]);
      return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  });
  return async (text, scopeName = 'source.plan-yaml') => {
    const grammar = await registry.loadGrammar(scopeName);
    if (!grammar) throw new Error(`no grammar for ${scopeName}`);
    const tokens: Token[] = [];
    let stack = vsctm.INITIAL;
    text.split(/\r?\n/).forEach((lineText, line) => {
      const result = grammar.tokenizeLine(lineText, stack);
      for (const token of result.tokens) {
        tokens.push({ line, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes });
      }
      stack = result.ruleStack;
    });
    return tokens;
  };
}

// `npx tsx test/grammar/tokenize.ts FILE [SCOPE-PART]` prints a file's tokens, one a line
// (with SCOPE-PART, only the tokens that have a scope containing it).
if (require.main === module) {
  const [file, filter] = process.argv.slice(2);
  void createTokenizer()(fs.readFileSync(file, 'utf8')).then((tokens) => {
    for (const token of tokens) {
      if (!token.text.trim() || (filter && !token.scopes.some((scope) => scope.includes(filter)))) continue;
      console.log(String(token.line + 1).padStart(4), JSON.stringify(token.text).padEnd(32), token.scopes.slice(1).join(' '));
    }
  });
}
