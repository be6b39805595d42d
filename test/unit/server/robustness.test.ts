// Half-typed Dockerfiles are the normal state of an editor: the pipeline and the hover must never throw on
// them. Mutations of the real-world corpus (truncations, deleted and duplicated lines, stray characters).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { computeHover } from '../../../src/server/hover';
import { imageReferencePrefix } from '../../../src/server/imageCompletion';
import { readSettings } from '../../../src/server/settings';
import { lintDockerfile } from '../../../src/server/validate';
import { random as seeded } from '../rules/dockerfileFuzzer';
import { repoRoot } from './lspTestClient';

const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'dockerfiles');

function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const pick = () => Math.floor(next() * lines.length);
  switch (Math.floor(next() * 4)) {
    case 0: return text.slice(0, Math.floor(next() * text.length));
    case 1: lines.splice(pick(), 1 + Math.floor(next() * 3)); return lines.join('\n');
    case 2: { const at = pick(); lines.splice(at, 0, lines[pick()] ?? ''); return lines.join('\n'); }
    default: {
      const at = Math.floor(next() * text.length);
      return text.slice(0, at) + '\\"\'`${[# <<EOF -- ='.charAt(Math.floor(next() * 18)) + text.slice(at);
    }
  }
}

describe('robustness on half-typed Dockerfiles', () => {
  it('validates and hovers mutated corpus files without throwing', function () {
    this.timeout(120_000);
    if (!fs.existsSync(corpus)) assert.fail(`The corpus of real Dockerfiles is missing: expected it at ${corpus}`);
    const files = (fs.readdirSync(corpus, { recursive: true }) as string[])
      .map((file) => path.join(corpus, file))
      .filter((file) => fs.statSync(file).isFile() && !/LICENSE|\.md$/.test(file))
      .sort()
      .slice(0, 60);
    const settings = readSettings({ lint: { shellcheck: false } });
    const service = DockerfileLanguageServiceFactory.createLanguageService();
    const next = seeded(7);
    const engineErrors: string[] = [];
    for (const file of files) {
      const original = fs.readFileSync(file, 'utf8');
      for (let round = 0; round < 4; round++) {
        const text = mutate(original, next);
        const problems = lintDockerfile({ text, settings, onRuleEngineError: (error) => engineErrors.push(`${file}: ${String(error)}`) });
        for (const problem of problems) assert.ok(problem.range.start.line >= 0 && problem.ruleId.length > 0);
        const lines = text.split('\n');
        const line = Math.floor(next() * lines.length);
        const character = Math.floor(next() * ((lines[line]?.length ?? 0) + 1));
        computeHover(service, text, { line, character }, round % 2 === 0 ? 'en' : 'zh-cn');
        imageReferencePrefix((lines[line] ?? '').slice(0, character));
      }
    }
    assert.deepEqual(engineErrors, []);
  });
});
