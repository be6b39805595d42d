// Semantic tokens from the language service, minus the zero-length ones it emits for some shell
// substitutions: VS Code rejects those ("Semantic token with invalid length") and logs a warning.
import type { SemanticTokens } from 'vscode-languageserver-types';

/** Tokens are five numbers each, lines and starts relative to the previous token; re-encoded after filtering. */
export function withoutEmptyTokens(tokens: SemanticTokens): SemanticTokens {
  const { data } = tokens;
  let hasEmpty = false;
  for (let index = 2; index < data.length; index += 5) if (data[index] === 0) hasEmpty = true;
  if (!hasEmpty) return tokens;

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
