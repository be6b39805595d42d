// The extension-host entry point (extensionTestsPath) for both launchers: code-server and test-electron.
// Runs the mocha suite and writes a summary file the launcher reads, since the host's console output is
// not always visible to the launcher.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const grep = process.env.DOCKSIDE_TEST_GREP;
  // The Chinese UI suite runs in a Chinese workbench (a launch of its own), and only there; its tests skip
  // themselves in English when a grep picks them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const chinese = (require('vscode') as typeof import('vscode')).env.language.startsWith('zh');
  const pattern = chinese ? new RegExp(grep ?? '^Chinese UI') : grep ? new RegExp(grep) : /^Chinese UI/;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, grep: pattern, invert: !chinese && !grep });
  // `trust`: the workspace-trust suite, run by the launcher in a launch of its own (trust on).
  const suiteDir = path.join(__dirname, process.env.DOCKSIDE_TEST_SUITE_DIR ?? 'suite');
  for (const file of fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suiteDir, file));
  }
  const summary = { passed: 0, failed: 0, pending: 0, failures: [] as { title: string; error: string }[] };
  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => summary.passed++);
      runner.on('pending', () => summary.pending++);
      runner.on('fail', (t, err: Error) => {
        summary.failed++;
        summary.failures.push({ title: t.fullTitle(), error: err?.stack ?? String(err) });
      });
    } catch (error) {
      reject(error);
    }
  });
  const resultsFile = process.env.DOCKSIDE_TEST_RESULTS;
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
  if (summary.failed > 0) throw new Error(`${summary.failed} extension-host test(s) failed`);
}
