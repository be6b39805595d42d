// Noise on expert-written files: the Dockerfiles of Docker's official images (../shared/corpus, the
// docker-library__* folders). The findings per rule are pinned in a checked-in snapshot, each with a
// one-line justification; any change in a count fails until the snapshot is updated on purpose:
//   DOCKSIDE_UPDATE_NOISE=1 npx mocha out/test/unit/rules/noiseSnapshot.test.js
// (then write a justification for every rule that has none). ShellCheck is off here: its findings depend
// on the shellcheck binary and have their own pipeline.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintDockerfile } from '../../../src/server/rules';
import { corpusDir, repoRoot } from './ruleTestKit';

const snapshotFile = path.join(repoRoot, 'test', 'fixtures', 'lint', 'docker-library-noise.txt');
const HEADER = `# Findings per rule on ../shared/corpus/dockerfiles/docker-library__* (Docker's official images), ShellCheck off.
# Format: <rule> <count> <why these findings are right or accepted>. A line "files <n> <findings>" records the totals.
# A change fails test/unit/rules/noiseSnapshot.test.ts until this file is updated on purpose:
#   DOCKSIDE_UPDATE_NOISE=1 npx mocha out/test/unit/rules/noiseSnapshot.test.js
# and every rule has a justification.`;

interface Snapshot {
  counts: Map<string, number>;
  reasons: Map<string, string>;
  files?: number;
}

function readSnapshot(): Snapshot {
  const snapshot: Snapshot = { counts: new Map(), reasons: new Map() };
  if (!existsSync(snapshotFile)) return snapshot;
  for (const line of readFileSync(snapshotFile, 'utf8').split('\n')) {
    const match = /^(\S+) (\d+)(?: (\d+))?(?: (.*))?$/.exec(line);
    if (!match || line.startsWith('#')) continue;
    if (match[1] === 'files') snapshot.files = Number(match[2]);
    else {
      snapshot.counts.set(match[1], Number(match[2]));
      snapshot.reasons.set(match[1], ((match[3] ?? '') + ' ' + (match[4] ?? '')).trim());
    }
  }
  return snapshot;
}

describe('noise on the official images (docker-library corpus)', function () {
  this.timeout(120_000);

  it('finds exactly the snapshot\'s findings per rule, each justified', function () {
    const dir = corpusDir();
    if (!dir) {
      console.log('    shared corpus absent (../shared/corpus beside the checkout, or DOCKSIDE_SHARED_DIR): noise snapshot skipped');
      this.skip();
    }
    const root = dir as string;
    const counts = new Map<string, number>();
    let files = 0;
    for (const repo of readdirSync(root).filter((r) => r.startsWith('docker-library__')).sort()) {
      for (const file of readdirSync(path.join(root, repo)).sort()) {
        if (file === 'LICENSE') continue;
        const result = lintDockerfile(readFileSync(path.join(root, repo, file), 'utf8'), { shellcheckPath: null });
        assert.deepEqual(result.internalErrors, [], `${repo}/${file}`);
        files++;
        for (const problem of result.problems) {
          if (problem.source === 'shellcheck') continue;
          counts.set(problem.ruleId, (counts.get(problem.ruleId) ?? 0) + 1);
        }
      }
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`    ${files} files, ${total} findings, ${(total / files).toFixed(2)} per file`);
    const snapshot = readSnapshot();
    if (process.env.DOCKSIDE_UPDATE_NOISE === '1') {
      const rules = [...counts.keys()].sort();
      const lines = rules.map((rule) => `${rule} ${counts.get(rule)} ${snapshot.reasons.get(rule) ?? ''}`.trimEnd());
      writeFileSync(snapshotFile, `${HEADER}\nfiles ${files} ${total}\n${lines.join('\n')}\n`);
      return;
    }
    assert.deepEqual(Object.fromEntries([...counts].sort()), Object.fromEntries([...snapshot.counts].sort()),
      'findings per rule changed: review them, then update test/fixtures/lint/docker-library-noise.txt (DOCKSIDE_UPDATE_NOISE=1)');
    assert.equal(files, snapshot.files, 'the number of corpus files changed');
    const unjustified = [...snapshot.counts.keys()].filter((rule) => (snapshot.reasons.get(rule) ?? '').length < 10);
    assert.deepEqual(unjustified, [], 'every rule in the snapshot needs a one-line justification');
  });
});
