import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

describe('README', () => {
  it('lists every setting the manifest contributes, as package.json describes it', () => {
    const check = spawnSync(process.execPath, ['scripts/settings-table.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });
});
