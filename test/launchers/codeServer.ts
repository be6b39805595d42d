// Runs the extension-host suite in a real VS Code: code-server (the VS Code workbench and its Node
// extension host) in headless Debian Chromium driven by playwright-core. See ../../shared/docs/testing.md.
// Prints `N passed, N failed` and exits non-zero on any failure.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createHostileWorkspace } from './hostileWorkspace';
import { startUiBridge } from './uiBridgeServer';
import { freePort, waitForHttp } from './network';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const artifacts = path.join(repoRoot, 'artifacts');
const suiteTimeoutMs = Number(process.env.DOCKSIDE_SUITE_TIMEOUT_MS ?? 20 * 60_000);

export interface CodeServerRun {
  /** The compiled module exporting run(), loaded in the extension host (extensionTestsPath). */
  readonly testsModule: string;
  /** The folder opened in the workbench. */
  readonly workspace: string;
  /**
   * A `.code-workspace` file to open instead of the folder: a multi-root window, where adding a workspace
   * folder does not restart the extension host (in a single-folder window it does, ending the tests).
   */
  readonly workspaceFile?: string;
  /** Names the artifacts (`logs-<name>`) of a launch beside the main one. */
  readonly name?: string;
  /** Extra environment for code-server and its extension host. */
  readonly env?: Record<string, string>;
  /** Workspace trust on (VS Code's default; the folder opens in Restricted Mode). Off for the main suite. */
  readonly workspaceTrust?: boolean;
  /**
   * The workbench's display language, e.g. 'zh-cn' (testing.md: set before the workbench loads; the
   * extension's Chinese nls files apply, VS Code's own UI stays English without a language pack).
   */
  readonly language?: string;
  /** User data to use instead of a fresh folder: a second launch on it is the same user's window opened again. */
  readonly userDataDir?: string;
  /** The page's size (default 1400×1100); a benchmark that must see hundreds of rows at once asks for a tall one. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** Runs a tests module in code-server's extension host; resolves with the code the workbench exits with. */
export async function runInCodeServer(run: CodeServerRun): Promise<number | 'timeout'> {
  const codeServerEntry = execFileSync('bash', [path.join(repoRoot, 'scripts', 'prepare-vscode.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim().split('\n').pop()!;
  fs.mkdirSync(artifacts, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-cs-'));
  const userData = run.userDataDir ?? path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(userSettings(!!run.workspaceTrust), null, 2));
  const workspace = run.workspace;

  let page: Page | undefined;
  const bridge = await startUiBridge(() => page, artifacts);
  const port = await freePort();
  const server = startCodeServer(codeServerEntry, port, userData, path.join(tmp, 'extensions'), workspace, {
    ...run.env,
    DOCKSIDE_TEST_UI: bridge.url,
  }, !!run.workspaceTrust);
  let browser: BrowserContext | undefined;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: process.env.DOCKSIDE_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      viewport: run.viewport ?? { width: 1400, height: 1100 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    if (run.language) {
      await browser.addInitScript((language: string) => {
        (globalThis as unknown as { _VSCODE_NLS_LANGUAGE: string })._VSCODE_NLS_LANGUAGE = language;
      }, run.language);
    }
    page = browser.pages()[0] ?? (await browser.newPage());
    const exitCode = new Promise<number>((resolve) => {
      void page!.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_level: string, args: unknown[]) => {
      const text = formatLog(args);
      if (!isNoise(text)) console.log(text);
    });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(run.testsModule)],
      ['skipWelcome', 'true'],
    ];
    const opened = run.workspaceFile ? `workspace=${encodeURIComponent(run.workspaceFile)}` : `folder=${encodeURIComponent(workspace)}`;
    const url = `http://127.0.0.1:${port}/?${opened}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    return await Promise.race([exitCode, timeout(suiteTimeoutMs)]);
  } finally {
    await page?.screenshot({ path: path.join(artifacts, 'final.png') }).catch(() => undefined);
    await browser?.close().catch(() => undefined);
    bridge.close();
    stopProcessGroup(server);
    // The workbench's and the extension host's logs (Dockside's own channel among them), for a failed run.
    fs.cpSync(path.join(userData, 'logs'), path.join(artifacts, run.name ? `logs-${run.name}` : run.workspaceTrust ? 'logs-trust' : 'logs'), { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function userSettings(workspaceTrust: boolean): Record<string, unknown> {
  return {
    // The DOM renderer puts terminal text in the page, where tests can read it.
    'terminal.integrated.gpuAcceleration': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': workspaceTrust,
    // With trust on: open in Restricted Mode without the startup dialog; the test grants trust itself.
    'security.workspace.trust.startupPrompt': 'never',
    'git.openRepositoryInParentFolders': 'never',
    'workbench.enableExperiments': false,
    // A scrolled tree pins the parents of the top row over the list (sticky scroll): a copy of a row laid over
    // the rows below it would take the clicks meant for them.
    'workbench.tree.enableStickyScroll': false,
  };
}

function startCodeServer(entry: string, port: number, userData: string, extensions: string, workspace: string, env: Record<string, string>, workspaceTrust: boolean): ChildProcess {
  const args = [
    entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--user-data-dir', userData, '--extensions-dir', extensions, workspace,
  ];
  const child = spawn(process.execPath, args, {
    detached: true, // its own process group, so the extension host and helpers stop with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const logFile = fs.createWriteStream(path.join(artifacts, 'code-server.log'));
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  return child;
}

function stopProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

interface Summary { passed: number; failed: number; pending: number; failures: { title: string; error: string }[] }

function readSummary(code: number | 'timeout', resultsFile: string, what: string): Summary {
  let summary: Summary | undefined;
  try {
    summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    summary = undefined;
  }
  if (code === 'timeout') console.error(`The ${what} did not finish within ${suiteTimeoutMs / 1000} s.`);
  if (!summary) {
    console.error(`The ${what} wrote no results: it did not load or crashed (see artifacts/code-server.log).`);
    return { passed: 0, failed: 1, pending: 0, failures: [] };
  }
  return { ...summary, failed: summary.failed + (code !== 0 && summary.failed === 0 ? 1 : 0) };
}

function report(summaries: readonly Summary[]): number {
  const total = summaries.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, pending: t.pending + s.pending, failures: [...t.failures, ...s.failures] }), { passed: 0, failed: 0, pending: 0, failures: [] });
  for (const f of total.failures) console.error(`\nFAILED: ${f.title}\n${f.error}`);
  console.log(`${total.passed} passed, ${total.failed} failed` + (total.pending ? `, ${total.pending} skipped` : ''));
  return total.failed > 0 ? 1 : 0;
}

function formatLog(args: unknown[]): string {
  if (!Array.isArray(args)) return String(args);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:util').format(...args);
}

/** Known, harmless noise of an offline code-server (testing.md, "Expected noise"). */
function isNoise(text: string): boolean {
  return /ENOTFOUND|Could not create socket|marketplace|gallery|\[Extension Host\] (?:debugger|Debugger)/i.test(text);
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

/** The tests that run once more in a workbench whose display language is Chinese (their titles start so). */
export const CHINESE_UI_SUITE = 'Chinese UI';

async function main(): Promise<number> {
  const testsModule = path.resolve(__dirname, '..', 'integration', 'index');
  const workspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');
  const resultsFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-results-')), 'results.json');
  const grep = process.env.DOCKSIDE_TEST_GREP;
  const summaries: Summary[] = [];
  // The whole suite in English; the Chinese UI suite is a second, small launch of its own.
  // A grep naming one of the suites that have launches of their own runs only that launch.
  const ownLaunch = grep && [CHINESE_UI_SUITE, WORKSPACE_SUITE, REOPEN_SUITE].some((suite) => grep.replace(/^\^/, '').startsWith(suite));
  if (!ownLaunch) {
    const english = resultsFile();
    const code = await runInCodeServer({ testsModule, workspace, env: { DOCKSIDE_TEST_RESULTS: english } });
    summaries.push(readSummary(code, english, 'extension-host suite'));
  }
  if (!grep || new RegExp(grep).test(CHINESE_UI_SUITE)) {
    const chinese = resultsFile();
    const code = await runInCodeServer({ testsModule, workspace, language: 'zh-cn', env: { DOCKSIDE_TEST_RESULTS: chinese, DOCKSIDE_TEST_GREP: grep ?? `^${CHINESE_UI_SUITE}` } });
    summaries.push(readSummary(code, chinese, 'Chinese UI suite'));
  }
  if (runsTrustSuite()) summaries.push(await runTrustSuite(testsModule));
  if (runsWorkspaceSuite()) summaries.push(await runWorkspaceSuite(testsModule, workspace));
  if (runsReopenSuite()) summaries.push(...(await runReopenSuite(testsModule)));
  return report(summaries);
}

/** The suite of a window opened again (test/integration/reopen), its titles' start. */
export const REOPEN_SUITE = 'Reopened window';

function runsReopenSuite(): boolean {
  const grep = process.env.DOCKSIDE_TEST_GREP;
  return !grep || new RegExp(grep).test(REOPEN_SUITE);
}

/**
 * Two launches on one user data folder, one after the other: the first window, then the same window opened
 * again. Both open an empty folder (nothing there activates Dockside before the test opens its view) and
 * reach the engine through the proxy the tests start at DOCKER_HOST.
 */
async function runReopenSuite(testsModule: string): Promise<Summary[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-reopen-'));
  const userDataDir = path.join(root, 'user-data');
  const workspace = path.join(root, 'folder');
  fs.mkdirSync(workspace);
  const proxy = path.join(root, 'engine.sock');
  const env = { DOCKER_HOST: `unix://${proxy}`, DOCKSIDE_REOPEN_PROXY: proxy, DOCKSIDE_REOPEN_STATE: path.join(root, 'shared.json'), DOCKSIDE_REOPEN_USER_DATA: userDataDir, DOCKSIDE_TEST_SUITE_DIR: 'reopen' };
  const summaries: Summary[] = [];
  try {
    for (const which of ['first', 'second'] as const) {
      const resultsFile = path.join(root, `results-${which}.json`);
      const code = await runInCodeServer({ testsModule, workspace, userDataDir, name: `reopen-${which}`, env: { ...env, DOCKSIDE_TEST_RESULTS: resultsFile, DOCKSIDE_TEST_GREP: `^${REOPEN_SUITE}: ${which} window` } });
      summaries.push(readSummary(code, resultsFile, `reopened-window suite (${which} window)`));
    }
    return summaries;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The suite of tests that add workspace folders (test/integration/workspace), its titles' start. */
export const WORKSPACE_SUITE = 'Workspace folders';

function runsWorkspaceSuite(): boolean {
  const grep = process.env.DOCKSIDE_TEST_GREP;
  return !grep || new RegExp(grep).test(WORKSPACE_SUITE);
}

/**
 * The workspace-folder suite runs in a launch of its own, opened on a `.code-workspace` file holding the test
 * workspace folder: Open Folder in Explorer and Browse add folders, which would restart the extension
 * host of a single-folder window (and end the run) but not of a multi-root one.
 */
async function runWorkspaceSuite(testsModule: string, folder: string): Promise<Summary> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-multiroot-'));
  const resultsFile = path.join(root, 'results.json');
  const workspaceFile = path.join(root, 'dockside-tests.code-workspace');
  fs.writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: folder }], settings: {} }, null, 2));
  try {
    const code = await runInCodeServer({
      testsModule,
      workspace: folder,
      workspaceFile,
      name: 'workspace',
      env: { DOCKSIDE_TEST_RESULTS: resultsFile, DOCKSIDE_TEST_SUITE_DIR: 'workspace', ...(process.env.DOCKSIDE_TEST_GREP ? {} : { DOCKSIDE_TEST_GREP: `^${WORKSPACE_SUITE}` }) },
    });
    return readSummary(code, resultsFile, 'workspace-folder suite');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The workspace-trust suite runs in a launch of its own: trust on, a hostile repository opened untrusted. */
function runsTrustSuite(): boolean {
  const grep = process.env.DOCKSIDE_TEST_GREP;
  return !grep || /trust/i.test(grep);
}

async function runTrustSuite(testsModule: string): Promise<Summary> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-trust-'));
  const resultsFile = path.join(root, 'results.json');
  const hostile = await createHostileWorkspace(root, process.env.DOCKSIDE_TEST_IMAGE ?? 'dockside-test/busybox:latest');
  try {
    const code = await runInCodeServer({
      testsModule,
      workspace: hostile.folder,
      workspaceTrust: true,
      env: {
        DOCKSIDE_TEST_RESULTS: resultsFile,
        DOCKSIDE_TEST_SUITE_DIR: 'trust',
        DOCKSIDE_TRUST_FIXTURE: JSON.stringify({ marker: hostile.marker, attackerLog: hostile.attackerLog, runConfiguration: hostile.runConfiguration }),
        // The user's own engine is the default socket, whatever the launching shell says.
        DOCKER_HOST: 'unix:///var/run/docker.sock',
      },
    });
    return readSummary(code, resultsFile, 'workspace-trust suite');
  } finally {
    hostile.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
