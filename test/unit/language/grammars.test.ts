// The TextMate grammars we ship, tokenized with VS Code's own engine (vscode-textmate + oniguruma): the
// injection into the built-in Dockerfile grammar and the .dockerignore grammar.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const syntaxes = path.join(repoRoot, 'syntaxes');

/**
 * Stand-ins for the built-in grammars our injection lands in, with the built-in Dockerfile grammar's
 * comment and instruction rules (the ones our patterns must win against).
 */
const builtinDockerfile = {
  scopeName: 'source.dockerfile',
  patterns: [
    { match: '^\\s*\\b(?i:(FROM))\\b.*?\\b(?i:(AS))\\b', captures: { 1: { name: 'keyword.other.special-method.dockerfile' }, 2: { name: 'keyword.other.special-method.dockerfile' } } },
    { match: '^\\s*(?:(ONBUILD)\\s+)?(ADD|ARG|CMD|COPY|ENTRYPOINT|ENV|EXPOSE|FROM|HEALTHCHECK|LABEL|MAINTAINER|RUN|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\\s', captures: { 1: { name: 'keyword.other.special-method.dockerfile' }, 2: { name: 'keyword.other.special-method.dockerfile' } } },
    { begin: '"', end: '"', name: 'string.quoted.double.dockerfile' },
    { match: '^(\\s*)((#).*$\\n?)', captures: { 2: { name: 'comment.line.number-sign.dockerfile' } } },
  ],
};
const shellStub = { scopeName: 'source.shell', patterns: [{ match: '\\b(echo|apk|set)\\b', name: 'support.function.builtin.shell' }] };

let onigurumaReady: Promise<void> | undefined;

async function loadGrammar(scopeName: string): Promise<IGrammar> {
  onigurumaReady ??= oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  await onigurumaReady;
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope) => {
      if (scope === 'source.dockerfile') return parseRawGrammar(JSON.stringify(builtinDockerfile), 'docker.json');
      if (scope === 'source.shell') return parseRawGrammar(JSON.stringify(shellStub), 'shell.json');
      if (scope === 'dockside.dockerfile.injection') {
        const file = path.join(syntaxes, 'dockerfile.injection.tmLanguage.json');
        return parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      }
      if (scope === 'source.dockerignore') {
        const file = path.join(syntaxes, 'dockerignore.tmLanguage.json');
        return parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      }
      return null;
    },
    // What package.json's `injectTo` tells VS Code.
    getInjections: (scope) => (scope === 'source.dockerfile' ? ['dockside.dockerfile.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar, `grammar ${scopeName} did not load`);
  return grammar;
}

/** Each token's text with its most specific scope, per line. */
function tokenize(grammar: IGrammar, text: string): { text: string; scopes: string[] }[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

function scopesOf(lines: ReturnType<typeof tokenize>, line: number, text: string): string[] {
  const token = lines[line].find((candidate) => candidate.text === text);
  assert.ok(token, `no token "${text}" on line ${line}: ${JSON.stringify(lines[line].map((t) => t.text))}`);
  return token.scopes;
}

describe('Dockerfile grammar injection', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar('source.dockerfile');
  });

  it('highlights parser directives instead of treating them as comments', () => {
    const lines = tokenize(grammar, '# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended\n# just a comment');
    assert.ok(scopesOf(lines, 0, 'syntax').includes('keyword.control.directive.dockerfile'));
    assert.ok(scopesOf(lines, 0, 'docker/dockerfile:1').includes('string.unquoted.directive-value.dockerfile'));
    assert.ok(scopesOf(lines, 1, 'escape').includes('keyword.control.directive.dockerfile'));
    assert.ok(scopesOf(lines, 2, 'skip=JSONArgsRecommended').includes('string.unquoted.directive-value.dockerfile'));
    assert.ok(lines[3].every((token) => !token.scopes.includes('meta.directive.dockerfile')));
  });

  it('highlights lint pragmas and their rule ids', () => {
    const lines = tokenize(grammar, '# hadolint ignore=DL3008,SC2086\n# hadolint global ignore=DL3059\n# dockerfile-utils: ignore');
    assert.ok(scopesOf(lines, 0, 'hadolint').includes('keyword.control.pragma.dockerfile'));
    assert.ok(scopesOf(lines, 0, 'DL3008').includes('constant.other.rule-id.dockerfile'));
    assert.ok(scopesOf(lines, 0, 'SC2086').includes('constant.other.rule-id.dockerfile'));
    assert.ok(scopesOf(lines, 1, 'global').includes('storage.modifier.pragma.dockerfile'));
    assert.ok(scopesOf(lines, 2, 'dockerfile-utils').includes('keyword.control.pragma.dockerfile'));
  });

  it('embeds shell in RUN heredocs until the end marker, then resumes Dockerfile highlighting', () => {
    const lines = tokenize(grammar, 'RUN <<EOF\nset -e\necho "# not a comment"\nEOF\nCOPY a b');
    assert.ok(scopesOf(lines, 0, 'RUN').includes('keyword.other.special-method.dockerfile'));
    assert.ok(scopesOf(lines, 0, 'EOF').includes('entity.name.tag.heredoc.dockerfile'));
    assert.ok(scopesOf(lines, 1, 'set').includes('meta.embedded.block.shellscript'));
    assert.ok(scopesOf(lines, 2, 'echo').includes('support.function.builtin.shell'));
    assert.ok(lines[2].every((token) => !token.scopes.some((scope) => scope.startsWith('comment'))));
    assert.ok(scopesOf(lines, 3, 'EOF').includes('entity.name.tag.heredoc.dockerfile'));
    assert.ok(scopesOf(lines, 4, 'COPY').includes('keyword.other.special-method.dockerfile'));
    assert.ok(!scopesOf(lines, 4, 'COPY').includes('meta.embedded.block.shellscript'));
  });

  it('handles quoted and dash heredocs and COPY heredocs as text', () => {
    const lines = tokenize(grammar, 'RUN --mount=type=cache,target=/x <<-"SCRIPT" bash\n\tapk add curl\n\tSCRIPT\nCOPY <<CONF /etc/app.conf\nkey=value\nCONF\nUSER 1000');
    assert.ok(scopesOf(lines, 0, 'SCRIPT').includes('entity.name.tag.heredoc.dockerfile'));
    assert.ok(scopesOf(lines, 1, 'apk').includes('support.function.builtin.shell'));
    assert.ok(scopesOf(lines, 2, 'SCRIPT').includes('entity.name.tag.heredoc.dockerfile'));
    assert.ok(scopesOf(lines, 4, 'key=value').includes('string.unquoted.heredoc.dockerfile'));
    assert.ok(!scopesOf(lines, 6, 'USER').includes('string.unquoted.heredoc.dockerfile'));
  });

  it('leaves shifts and here-strings that are not heredocs alone', () => {
    const lines = tokenize(grammar, 'RUN echo $((1<<2))\nUSER 1000');
    assert.ok(lines[0].every((token) => !token.scopes.includes('meta.heredoc.run.dockerfile')));
    assert.ok(scopesOf(lines, 1, 'USER').includes('keyword.other.special-method.dockerfile'));
  });
});

describe('.dockerignore grammar', () => {
  it('tokenizes comments, negations, globs and character classes', async () => {
    const grammar = await loadGrammar('source.dockerignore');
    const lines = tokenize(grammar, '# build output\n**/node_modules\n!keep/*.md\nlog?[0-9].txt\n\n');
    assert.ok(scopesOf(lines, 0, ' build output').includes('comment.line.number-sign.dockerignore'));
    assert.ok(scopesOf(lines, 1, '**').includes('keyword.operator.glob.globstar.dockerignore'));
    assert.ok(scopesOf(lines, 2, '!').includes('keyword.operator.negation.dockerignore'));
    assert.ok(scopesOf(lines, 2, '*').includes('keyword.operator.glob.wildcard.dockerignore'));
    assert.ok(scopesOf(lines, 3, '?').includes('keyword.operator.glob.wildcard.dockerignore'));
    assert.ok(lines[3].some((token) => token.scopes.includes('constant.other.character-class.set.dockerignore')));
  });
});
