// The compose checks over the project's own compose files (test/fixtures/compose/spec): each file holds one
// defect, or none, and says on its first line what the specification's verdict is and where:
// `# expect: <rule id> <line>:<column>` or `# expect: valid`. Where Debian's docker-compose 1.29 `config`
// disagrees is listed in docs/compose/cli-comparison.md (npm run compose:cli-table).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diskFiles } from '../../../src/server/compose/composeFiles';
import { lintCompose } from '../../../src/server/compose/validateCompose';
import { fixtureExpectation, specFixtures } from './specFixtures';

describe('compose checks over the spec fixtures', () => {
  const files = readdirSync(specFixtures).filter((f) => f.endsWith('.yaml')).sort();

  it('has at least 60 files, valid and invalid', () => {
    assert.ok(files.length >= 60, `${files.length} fixtures`);
    const kinds = files.map((f) => fixtureExpectation(readFileSync(path.join(specFixtures, f), 'utf8')).rule);
    assert.ok(kinds.filter((k) => k === 'valid').length >= 10);
    assert.ok(kinds.filter((k) => k !== 'valid').length >= 40);
  });

  for (const file of files) {
    it(file, () => {
      const full = path.join(specFixtures, file);
      const text = readFileSync(full, 'utf8');
      const expected = fixtureExpectation(text);
      const problems = lintCompose({ text, files: diskFiles(full) });
      const shown = problems.map((p) => `${p.ruleId} ${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);
      if (expected.rule === 'valid') {
        assert.deepEqual(shown, []);
        return;
      }
      assert.equal(problems.length, 1, `exactly one problem expected, got:\n${shown.join('\n')}`);
      assert.equal(shown[0].split(' ').slice(0, 2).join(' '), `${expected.rule} ${expected.line}:${expected.column}`, shown[0]);
    });
  }
});
