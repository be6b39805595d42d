// A cloned repository must not get its own programs run through the linter (issue 12, items 1 and 4): a
// relative ShellCheck path or a relative PATH entry never resolves against the working folder, and in an
// untrusted workspace the server runs no external program until the client says the workspace is trusted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintDockerfile } from '../../../src/server/rules';
import { resolveShellcheck } from '../../../src/server/rules/shellcheck/shellcheck';
import { readSettings } from '../../../src/server/settings';
import { LspTestClient, serverBundle } from './lspTestClient';

const SHELLCHECK = ['/usr/bin/shellcheck', '/usr/local/bin/shellcheck'].find((p) => fs.existsSync(p));
const withRun = 'FROM debian:12.5\nRUN echo $1\n';

/** A folder like a hostile repository: `shellcheck` and `bin/shellcheck` write a marker when run. */
function hostileFolder(): { dir: string; marker: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-trust-'));
  const marker = path.join(dir, 'ran');
  const script = `#!/bin/sh\necho "$@" >> '${marker}'\necho '{"comments":[]}'\n`;
  fs.mkdirSync(path.join(dir, 'bin'));
  for (const file of [path.join(dir, 'shellcheck'), path.join(dir, 'bin', 'shellcheck')]) fs.writeFileSync(file, script, { mode: 0o755 });
  return { dir, marker };
}

describe('workspace trust in the Dockerfile linter', function () {
  this.timeout(30_000);
  const cwd = process.cwd();
  const PATH = process.env.PATH;
  let folder: { dir: string; marker: string };

  beforeEach(() => {
    folder = hostileFolder();
    process.chdir(folder.dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    process.env.PATH = PATH;
    fs.rmSync(folder.dir, { recursive: true, force: true });
  });

  it('never runs a relative ShellCheck path from the working folder', () => {
    for (const configured of ['./shellcheck', 'shellcheck', 'bin/shellcheck']) {
      assert.equal(resolveShellcheck(configured), undefined, configured);
      lintDockerfile(withRun, { shellcheckPath: configured });
    }
    assert.equal(fs.existsSync(folder.marker), false, 'the repository script ran');
  });

  it('skips relative PATH entries when looking for shellcheck', () => {
    process.env.PATH = ['.', 'bin', ''].join(path.delimiter);
    assert.equal(resolveShellcheck(undefined), undefined);
    lintDockerfile(withRun, {});
    assert.equal(fs.existsSync(folder.marker), false, 'the repository script ran');
  });

  it('still runs an absolute path', () => {
    const absolute = path.join(folder.dir, 'shellcheck');
    assert.equal(resolveShellcheck(absolute), absolute);
    lintDockerfile(withRun, { shellcheckPath: absolute });
    assert.equal(fs.existsSync(folder.marker), true);
  });

  it('turns ShellCheck off in settings that say the workspace is untrusted, and only there', () => {
    assert.equal(readSettings({ workspaceTrusted: false, lint: { shellcheckPath: '/usr/bin/shellcheck' } }).lint.options.shellcheckPath, null);
    assert.equal(readSettings({ workspaceTrusted: true, lint: { shellcheckPath: '/usr/bin/shellcheck' } }).lint.options.shellcheckPath, '/usr/bin/shellcheck');
    // The command line has no workspace: its defaults keep ShellCheck.
    assert.equal(readSettings(undefined).lint.options.shellcheckPath, undefined);
  });
});

describe('workspace trust in the language server', function () {
  this.timeout(30_000);
  const settings = new Map<string, unknown>();
  let client: LspTestClient | undefined;
  after(() => client?.stop());

  it('lints with the in-process rules only until the workspace is trusted, then adds ShellCheck', async function () {
    if (!SHELLCHECK) {
      console.log('    shellcheck not installed (apt-get install shellcheck): skipped');
      this.skip();
    }
    if (!fs.existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: run node scripts/build.mjs first`);
    const uri = 'file:///tmp/dockside-lsp/trust/Dockerfile';
    settings.set(uri, { workspaceTrusted: false });
    client = await LspTestClient.start({ settings, initializationOptions: { workspaceTrusted: false } });
    client.open(uri, 'FROM debian:12.5\nWORKDIR app\nRUN echo $1\n');
    const restricted = await client.diagnostics(uri);
    assert.ok(restricted.some((d) => d.code === 'DL3000'), 'the pure rules run in Restricted Mode');
    assert.equal(restricted.some((d) => d.source === 'shellcheck'), false, JSON.stringify(restricted));

    settings.set(uri, { workspaceTrusted: true });
    const trusted = client.nextDiagnostics(uri, (list) => list.some((d) => d.source === 'shellcheck'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok((await trusted).some((d) => d.code === 'SC2086'));
  });
});
