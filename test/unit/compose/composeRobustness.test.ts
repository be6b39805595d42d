// Half-typed compose files: every fixture, mutated the way typing does (characters deleted, inserted,
// lines cut), must validate, complete, hover and outline without throwing.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { completeCompose } from '../../../src/server/compose/composeCompletion';
import { parseCompose } from '../../../src/server/compose/composeDocument';
import { definitionOf, hoverCompose, referencesOf } from '../../../src/server/compose/composeNavigation';
import { composeSymbols, formatCompose } from '../../../src/server/compose/composeOutline';
import { lintCompose } from '../../../src/server/compose/validateCompose';
import { specFixtures } from './specFixtures';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const INSERTS = [':', ' ', '\n', '-', '[', ']', '{', '}', '"', "'", '&a', '*a', '<<: *a\n', '!reset ', '${X}', '#', '\t'];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 3)) {
    case 0: return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
    case 1: return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
    default: return text.slice(0, at);
  }
}

describe('compose language service on half-typed files', function () {
  // Seconds alone; a busy shared machine may take several times longer.
  this.timeout(90_000);

  it('never throws on 800 mutations of the fixtures', async () => {
    const next = random(19);
    const files = readdirSync(specFixtures).filter((f) => f.endsWith('.yaml'));
    let checked = 0;
    for (const file of files) {
      const original = readFileSync(path.join(specFixtures, file), 'utf8');
      for (let i = 0; i < 10; i++) {
        const text = mutate(mutate(original, next), next);
        const offset = Math.floor(next() * (text.length + 1));
        try {
          lintCompose({ text });
          const doc = parseCompose(text);
          hoverCompose(doc, offset, 'zh-cn');
          definitionOf(doc, offset);
          referencesOf(doc, offset);
          composeSymbols(doc);
          formatCompose(doc, { tabSize: 2 });
          await completeCompose(text, offset);
        } catch (error) {
          assert.fail(`${file}, mutation ${i} at ${offset}: ${(error as Error).stack}\n---\n${text}`);
        }
        checked++;
      }
    }
    assert.ok(checked >= 750);
  });

  it('bounds a "billion laughs" file instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('services:\n  web:\n    command: *a9');
    const problems = lintCompose({ text: lines.join('\n') });
    assert.deepEqual(problems.map((p) => p.ruleId), ['alias-limit']);
  });
});
