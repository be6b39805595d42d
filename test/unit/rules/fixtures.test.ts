// Realistic multi-stage Dockerfiles (test/fixtures/lint/*.Dockerfile) and the diagnostics they must get,
// exactly: `<line> <rule id>` per line in the matching .expected file. Regenerate after a deliberate
// change with DOCKSIDE_UPDATE_FIXTURES=1 and review the diff.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { lint, repoRoot } from './ruleTestKit';

const dir = path.join(repoRoot, 'test', 'fixtures', 'lint');

describe('fixture Dockerfiles with expected diagnostics', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.Dockerfile')).sort()) {
    it(file, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const actual = lint(text, { filePath: path.join(dir, file) })
        .map((p) => `${p.range.start.line + 1} ${p.ruleId}`)
        .join('\n') + '\n';
      const expectedFile = path.join(dir, file.replace(/\.Dockerfile$/, '.expected'));
      if (process.env.DOCKSIDE_UPDATE_FIXTURES === '1') writeFileSync(expectedFile, actual);
      assert.equal(actual, readFileSync(expectedFile, 'utf8'));
    });
  }
});
