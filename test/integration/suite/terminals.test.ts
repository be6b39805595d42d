// Shells, logs and stats in a real VS Code against the real engine: what the user sees in the terminal
// (read from the page under code-server, from the terminal's own transcript under test-electron).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import type { RawStats } from '../../../src/engine/stats';
import { toStatsSample } from '../../../src/engine/stats';
import { createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { terminalScreen } from '../support/terminalScreen';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

async function activate(): Promise<DocksideApi> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  assert.ok(ext, 'the extension is installed in the host');
  return ext.activate();
}

describe('Terminals, logs and stats', function () {
  const docker = testDocker();
  let api: DocksideApi;

  const { screen, type, waitForScreen, terminalNamed } = terminalScreen(() => api);

  before(async () => {
    api = await activate();
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected');
  });

  afterEach(() => vscode.window.terminals.forEach((t) => t.dispose()));
  after(() => removeTestContainers(docker));

  it('opens a shell that answers echo $((6*7)) with 42, follows a resize, and shows exit code 3', async () => {
    const name = testName('terminals-shell');
    const container = await createTestContainer(docker, { name });
    await vscode.commands.executeCommand('dockside.containers.openShell', { container: { id: container.id, name, state: 'running' } });
    const terminal = await terminalNamed(new RegExp(`^${name}: sh$`));
    terminal.show();
    await waitForScreen(terminal, /\/ #/, 'the shell prompt');

    await type(terminal, 'echo $((6*7))');
    await waitForScreen(terminal, /^42\s*$/m, '42 on its own line');

    await type(terminal, 'stty size');
    const sizeBefore = await waitFor('the TTY size', async () => /^(\d+) (\d+)\s*$/m.exec(await screen(terminal.name))?.slice(1, 3).join(' '));
    await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
    try {
      // The panel grows after the command returns, and the resize reaches the shell after that: a `stty size`
      // typed before it lands prints the old size, so ask again until the new one shows.
      let askedAt = 0;
      const sizeAfter = await waitFor('a new TTY size', async () => {
        if (Date.now() - askedAt > 3000) {
          await type(terminal, 'clear; stty size');
          askedAt = Date.now();
        }
        // The last size printed: a transcript keeps the earlier ones that `clear` wiped off the screen.
        const size = [...(await screen(terminal.name)).matchAll(/^(\d+) (\d+)\s*$/gm)].pop()?.slice(1, 3).join(' ');
        return size && size !== sizeBefore ? size : undefined;
      }, 30_000);
      assert.notEqual(sizeAfter, sizeBefore);
    } finally {
      await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
    }
    if (uiBridge.available) await uiBridge.screenshot('terminals-shell');

    await type(terminal, 'exit 3');
    const text = await waitForScreen(terminal, /exited with code 3/, 'the exit code');
    assert.match(text, /The shell exited with code 3/);
  });

  it('opens several shells into one container, each named after it', async () => {
    const name = testName('terminals-multi');
    const container = await createTestContainer(docker, { name });
    const node = { container: { id: container.id, name, state: 'running' } };
    await vscode.commands.executeCommand('dockside.containers.openShell', node);
    await vscode.commands.executeCommand('dockside.containers.openShell', node);
    await terminalNamed(new RegExp(`^${name}: sh$`));
    await terminalNamed(new RegExp(`^${name}: sh \\(2\\)$`));
  });

  it('follows logs across a restart: both runs, with a separator between them', async () => {
    const name = testName('terminals-logs');
    const script = 'if [ -f /ran ]; then echo second-run; else touch /ran; echo first-run; fi; echo to-stderr >&2; sleep 1';
    const container = await createTestContainer(docker, { name, cmd: ['sh', '-c', script] });
    await vscode.commands.executeCommand('dockside.containers.followLogs', { container: { id: container.id, name, state: 'running' } });
    const terminal = await terminalNamed(new RegExp(`^Logs: ${name}$`));
    terminal.show();
    await waitForScreen(terminal, /first-run[\s\S]*stopped/, 'the first run and its stop', 30_000);
    await container.start();
    const text = await waitForScreen(terminal, /second-run/, 'the second run after a separator', 30_000);
    if (uiBridge.available) await uiBridge.screenshot('terminals-logs');
    assert.match(text, /first-run[\s\S]*── .*restarted at [^\n]* ──[\s\S]*second-run/);
    assert.match(text, /┃ to-stderr/);
    const transcript = api.terminals.transcripts()[terminal.name];
    assert.equal(transcript.match(/first-run/g)?.length, 1, 'the first run is shown once');
  });

  it('streams stats that agree with the engine\'s own figures, and shows them in the stats view', async () => {
    const name = testName('terminals-stats');
    const container = await createTestContainer(docker, { name, cmd: ['sh', '-c', 'while true; do :; done'] });
    const watch = api.terminals.stats.watch(container.id);
    try {
      const ours = await waitFor('two samples', () => api.terminals.stats.history(container.id).length >= 2 && api.terminals.stats.latest(container.id));
      const engine = toStatsSample((await container.stats({ stream: false })) as unknown as RawStats);
      assert.equal(ours.memoryLimitBytes, engine.memoryLimitBytes);
      assert.ok(Math.abs(ours.memoryUsageBytes - engine.memoryUsageBytes) < 4 * 2 ** 20, `memory ${ours.memoryUsageBytes} vs ${engine.memoryUsageBytes}`);
      assert.ok(ours.cpuPercent > 20, `a busy loop shows CPU use (${ours.cpuPercent} %)`);
      assert.ok(Math.abs(ours.cpuPercent - engine.cpuPercent) < 60, `cpu ${ours.cpuPercent} vs ${engine.cpuPercent}`);
    } finally {
      watch.dispose();
    }
    await vscode.commands.executeCommand('dockside.containers.showStats', { container: { id: container.id, name, state: 'running' } });
    if (uiBridge.available) {
      await waitFor('stats samples while the view shows', () => api.terminals.stats.history(container.id).length >= 3 || undefined);
      await uiBridge.screenshot('terminals-stats');
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Hidden view, no watcher: the feed and its history are gone.
    await waitFor('the stats stream to stop', () => api.terminals.stats.history(container.id).length === 0);
  });
});
