// The real Dockerfiles of ../shared/corpus: the engine must not crash on any of them, and must not bury
// these well-kept files in noise (a bound on problems per line, no error-severity findings beyond the few
// true ones listed here).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintDockerfile } from '../../../src/server/rules';
import { corpusDir } from './ruleTestKit';

// Error-severity findings that are real in these files (checked by hand).
const KNOWN_ERRORS = new Set(['docker__buildx/hack__dockerfiles__lint.Dockerfile:DL3000']);

describe('rule engine on the shared corpus', function () {
  this.timeout(120_000);
  const dir = corpusDir();

  it('lints every corpus Dockerfile without internal errors and without noise', function () {
    if (!dir) {
      console.log('    shared corpus absent (../shared/corpus beside the checkout): corpus test skipped');
      this.skip();
    }
    const root: string = dir ?? '';
    let files = 0;
    let problems = 0;
    let lines = 0;
    for (const repo of readdirSync(root)) {
      for (const file of readdirSync(path.join(root, repo))) {
        if (file === 'LICENSE') continue;
        const text = readFileSync(path.join(root, repo, file), 'utf8');
        const result = lintDockerfile(text, { shellcheckPath: null });
        const name = `${repo}/${file}`;
        assert.deepEqual(result.internalErrors, [], name);
        const lineCount = text.split('\n').length;
        assert.ok(result.problems.length <= 5 + lineCount / 5, `${name}: ${result.problems.length} problems in ${lineCount} lines`);
        for (const problem of result.problems) {
          if (problem.severity === 'error') assert.ok(KNOWN_ERRORS.has(`${name}:${problem.ruleId}`), `${name}: unexpected error ${problem.ruleId} on line ${problem.range.start.line + 1}: ${problem.message}`);
        }
        files++;
        problems += result.problems.length;
        lines += lineCount;
      }
    }
    assert.ok(files > 100, `only ${files} corpus files found`);
    assert.ok(problems / lines < 0.1, `${problems} problems in ${lines} lines`);
    console.log(`    ${files} files, ${lines} lines, ${problems} problems (${(100 * problems / lines).toFixed(1)} per 100 lines)`);
  });
});
