// dockside-lint on compose files, as CI runs it: recognised by name or forced with --compose, the same
// formats and exit codes as for Dockerfiles.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../server/runLintCli';

describe('dockside-lint on compose files', () => {
  let folder: string;
  const broken = 'services:\n  web:\n    image: dockside-test/busybox:latest\n    restart: sometimes\n    networks: [front]\n';
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-lint-compose-'));
    fs.writeFileSync(path.join(folder, 'compose.yaml'), broken);
    fs.writeFileSync(path.join(folder, 'stack.yml'), broken);
    fs.writeFileSync(path.join(folder, 'docker-compose.prod.yml'), 'services:\n  web:\n    image: dockside-test/busybox:latest\n');
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('recognises compose files by name: tty output, exit 1', () => {
    const { status, stdout } = lint(['compose.yaml'], { cwd: folder });
    assert.equal(status, 1);
    assert.match(stdout, /^compose\.yaml:4:14 error invalid-restart .*\[compose-spec\]$/m);
    assert.match(stdout, /^compose\.yaml:5:16 error undefined-network .*\[compose-spec\]$/m);
    assert.equal(lint(['docker-compose.prod.yml'], { cwd: folder }).status, 0);
  });
  it('forces compose with --compose, also on stdin', () => {
    assert.equal(lint(['--compose', 'stack.yml'], { cwd: folder }).status, 1);
    const { status, stdout } = lint(['--compose', '-f', 'gnu', '-'], { input: broken });
    assert.equal(status, 1);
    assert.match(stdout, /^-:4:14: error: .* \[invalid-restart\]$/m);
  });
  it('json and sarif carry the rules and their docs', () => {
    const json = JSON.parse(lint(['-f', 'json', 'compose.yaml'], { cwd: folder }).stdout) as { code: string; line: number; column: number }[];
    assert.deepEqual(json.map((p) => [p.code, p.line, p.column]), [['invalid-restart', 4, 14], ['undefined-network', 5, 16]]);
    const sarif = JSON.parse(lint(['-f', 'sarif', 'compose.yaml'], { cwd: folder }).stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] };
    const rules = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), ['invalid-restart', 'undefined-network']);
    assert.match(rules[0].helpUri ?? '', /docs\/compose\/rules\.md#invalid-restart$/);
  });
  it('honours --ignore and the failure threshold', () => {
    assert.equal(lint(['--ignore', 'invalid-restart,undefined-network', 'compose.yaml'], { cwd: folder }).status, 0);
    assert.equal(lint(['-t', 'none', 'compose.yaml'], { cwd: folder }).status, 0);
  });
});
