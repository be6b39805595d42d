// Zero-length semantic tokens are dropped without shifting the tokens after them.
import * as assert from 'node:assert/strict';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { withoutEmptyTokens } from '../../../src/server/semanticTokens';

function decode(data: number[]): [number, number, number, number][] {
  const tokens: [number, number, number, number][] = [];
  let line = 0;
  let start = 0;
  for (let index = 0; index < data.length; index += 5) {
    line += data[index];
    start = data[index] === 0 ? start + data[index + 1] : data[index + 1];
    tokens.push([line, start, data[index + 2], data[index + 3]]);
  }
  return tokens;
}

describe('semantic tokens', () => {
  it('drops zero-length tokens and keeps every other token where it was', () => {
    const input = [0, 0, 4, 0, 0, 0, 5, 0, 2, 0, 0, 3, 2, 1, 0, 1, 2, 3, 0, 0, 0, 4, 0, 8, 0, 0, 1, 5, 7, 0];
    const output = withoutEmptyTokens({ data: input }).data;
    assert.deepEqual(decode(output), decode(input).filter(([, , length]) => length > 0));
    assert.deepEqual(decode(output), [[0, 0, 4, 0], [0, 8, 2, 1], [1, 2, 3, 0], [1, 7, 5, 7]]);
  });

  it('removes the empty token the language service emits inside a shell substitution', () => {
    const text = 'FROM alpine:3.20\nRUN set -eux; \\\n\t\tfn="$(basename "$f")"; \\\n\ttrue\n';
    const raw = DockerfileLanguageServiceFactory.createLanguageService().computeSemanticTokens(text);
    assert.ok(decode(raw.data).some(([, , length]) => length === 0), 'the service no longer emits an empty token here');
    const cleaned = withoutEmptyTokens(raw);
    assert.ok(decode(cleaned.data).every(([, , length]) => length > 0));
    assert.deepEqual(decode(cleaned.data), decode(raw.data).filter(([, , length]) => length > 0));
  });
});
