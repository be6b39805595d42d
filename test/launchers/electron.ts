// Runs the same extension-host suite under @vscode/test-electron, for machines that can download VS Code.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-electron-'));
  const resultsFile = path.join(tmp, 'results.json');
  try {
    await runTests({
      version: process.env.DOCKSIDE_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.resolve(__dirname, '..', 'integration', 'index'),
      launchArgs: [path.join(repoRoot, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${path.join(tmp, 'user-data')}`],
      extensionTestsEnv: { DOCKSIDE_TEST_RESULTS: resultsFile },
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  let summary: { passed: number; failed: number } | undefined;
  try {
    summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    summary = undefined;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const failed = summary ? summary.failed : 1;
  console.log(`${summary?.passed ?? 0} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
