// Semantic tokens from the language service, minus the zero-length ones it emits for some shell
// substitutions: VS Code rejects those ("Semantic token with invalid length") and logs a warning.
// The service appends each token with `this.tokens = this.tokens.concat([...])`, copying the whole list
// every time: quadratic (10,000 instructions took 36 s). Its `tokens` field becomes an accessor that keeps
// one append-only array whose concat appends in place, which makes the same code linear.
import { DockerSemanticTokens } from 'dockerfile-language-service/lib/dockerSemanticTokens';
import type { SemanticTokens } from 'vscode-languageserver-types';

class AppendOnlyTokens extends Array<number> {
  override concat(...items: (number | ConcatArray<number>)[]): AppendOnlyTokens {
    for (const item of items) {
      if (typeof item === 'number') this.push(item);
      else for (let index = 0; index < item.length; index++) this.push(item[index]);
    }
    return this;
  }
}

const tokensField = Symbol('tokens');
type WithTokens = { [tokensField]?: AppendOnlyTokens };
if (!Object.getOwnPropertyDescriptor(DockerSemanticTokens.prototype, 'tokens')) {
  Object.defineProperty(DockerSemanticTokens.prototype, 'tokens', {
    configurable: true,
    get(this: WithTokens) {
      return this[tokensField];
    },
    set(this: WithTokens, value: number[]) {
      if (value instanceof AppendOnlyTokens) this[tokensField] = value;
      else this[tokensField] = new AppendOnlyTokens().concat(value);
    },
  });
}

/** Tokens are five numbers each, lines and starts relative to the previous token; re-encoded after filtering. */
export function withoutEmptyTokens(tokens: SemanticTokens): SemanticTokens {
  const { data } = tokens;
  let hasEmpty = false;
  for (let index = 2; index < data.length; index += 5) if (data[index] === 0) hasEmpty = true;
  if (!hasEmpty) return { ...tokens, data: Array.from(data) };

  const kept: number[] = [];
  let line = 0;
  let start = 0;
  let previousLine = 0;
  let previousStart = 0;
  for (let index = 0; index < data.length; index += 5) {
    line += data[index];
    start = data[index] === 0 ? start + data[index + 1] : data[index + 1];
    if (data[index + 2] === 0) continue;
    const deltaLine = line - previousLine;
    kept.push(deltaLine, deltaLine === 0 ? start - previousStart : start, data[index + 2], data[index + 3], data[index + 4]);
    previousLine = line;
    previousStart = start;
  }
  return { ...tokens, data: kept };
}
