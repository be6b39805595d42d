// The Containers view in a real VS Code against the real engine: rows come from the engine, and an
// engine that does not answer shows its welcome content instead of rows or popups.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const VIEW_CONTAINER = 'dockside';

async function activate(): Promise<DocksideApi> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  assert.ok(ext, 'the extension is installed in the host');
  return ext.activate();
}

async function showView(): Promise<void> {
  await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
}

describe('Containers view', function () {
  const docker = testDocker();
  let api: DocksideApi;

  before(async () => {
    api = await activate();
    await showView();
  });

  after(async () => {
    await removeTestContainers(docker);
    await vscode.workspace.getConfiguration('dockside').update('engine.host', undefined, vscode.ConfigurationTarget.Global);
  });

  it('connects to the engine and says which one in the status bar', async () => {
    const state = await waitFor('the engine to connect', () => api.engineState().kind === 'connected' && api.engineState());
    assert.equal(state.kind, 'connected');
    if (!uiBridge.available) return;
    const text = await waitFor('the status bar to show the engine version', async () => {
      const t = await uiBridge.statusBarText();
      return state.kind === 'connected' && t.includes(state.version.version) ? t : undefined;
    });
    assert.match(text, /default/);
  });

  it('opens the engine details from the status bar with the version and a retry', async function () {
    if (!uiBridge.available) this.skip();
    const state = await waitFor('the engine to connect', () => api.engineState().kind === 'connected' && api.engineState());
    const shown = vscode.commands.executeCommand('dockside.engine.showDetails');
    // Until the whole pick shows: under load the list can paint its last rows first.
    let rows: string[] = [];
    const version = state.kind === 'connected' ? state.version.version : '?';
    const items = await waitFor('the details QuickPick', async () => {
      rows = await uiBridge.quickPickItems();
      return rows.some((r) => /Retry/.test(r)) && rows.some((r) => r.includes(version)) ? rows : undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}; the pick shows ${rows.join(' | ')}`);
    });
    await uiBridge.screenshot('engine-details');
    await uiBridge.pressKey('Escape');
    await shown;
    assert.ok(state.kind === 'connected' && items.some((r) => r.includes(state.version.version)), items.join(' | '));
    assert.ok(items.some((r) => r.includes('unix:///var/run/docker.sock')));
    assert.ok(items.some((r) => /Open Settings/.test(r)));
  });

  it('shows a container created on the engine as a row with its image and state', async () => {
    const name = testName('row');
    await createTestContainer(docker, { name });
    await vscode.commands.executeCommand('dockside.containers.refresh');
    if (uiBridge.available) {
      const rows = await waitFor(`a row for ${name} in the page`, async () => {
        const all = await uiBridge.treeRows(VIEW_CONTAINER);
        return all.some((r) => r.includes(name) && / Up .* · dockside-test\/busybox:latest$/.test(r)) ? all : undefined;
      });
      const row = rows.find((r) => r.includes(name))!;
      assert.match(row, /dockside-test\/busybox:latest/);
      assert.match(row, / Up .* · dockside-test\/busybox:latest$/);
      await uiBridge.screenshot('containers-view');
    }
  });

  it('shows the unreachable welcome when DOCKER_HOST points at a dead socket, and recovers', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///tmp/dockside-test-no-engine.sock';
    try {
      await vscode.commands.executeCommand('dockside.engine.retry');
      const state = api.engineState();
      assert.equal(state.kind, 'failed');
      assert.equal(state.kind === 'failed' && state.code, 'unreachable');
      assert.match(state.kind === 'failed' ? state.sentence : '', /dockside-test-no-engine\.sock/);
      if (uiBridge.available) {
        const welcome = await waitFor('the unreachable welcome', async () => {
          const text = await uiBridge.welcomeText(VIEW_CONTAINER);
          return /No Docker engine answers/.test(text) ? text : undefined;
        });
        assert.match(welcome, /Retry/);
        assert.match(welcome, /Open Settings/);
        const rows = await uiBridge.treeRows(VIEW_CONTAINER);
        assert.deepEqual(rows, [], 'no container rows while the engine is unreachable');
        const status = await uiBridge.statusBarText();
        assert.match(status, /no engine/);
        await uiBridge.screenshot('containers-unreachable');
      }
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
    await vscode.commands.executeCommand('dockside.engine.retry');
    assert.equal(api.engineState().kind, 'connected');
  });

  it('says what is wrong with a malformed engine host instead of connecting forever (issue 12.8)', async () => {
    await vscode.workspace.getConfiguration('dockside').update('engine.host', 'localhost:2375', vscode.ConfigurationTarget.Global);
    try {
      const state = await waitFor('the bad address to be reported', () => {
        const s = api.engineState();
        return s.kind === 'failed' && s.code === 'invalidHost' ? s : undefined;
      });
      assert.match(state.kind === 'failed' ? state.sentence : '', /tcp:\/\/localhost:2375/);
      if (uiBridge.available) {
        const text = await waitFor('the status bar to say no engine', async () => {
          const t = await uiBridge.statusBarText();
          return /no engine/.test(t) ? t : undefined;
        });
        assert.doesNotMatch(text, /Connecting/);
      }
    } finally {
      await vscode.workspace.getConfiguration('dockside').update('engine.host', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the default engine again', () => api.engineState().kind === 'connected');
  });

  it('follows the dockside.engine.host setting over the environment', async () => {
    await vscode.workspace.getConfiguration('dockside').update('engine.host', 'unix:///tmp/dockside-test-setting.sock', vscode.ConfigurationTarget.Global);
    const state = await waitFor('the setting to take effect', () => {
      const s = api.engineState();
      return s.kind === 'failed' && s.endpoint?.source === 'setting' ? s : undefined;
    });
    assert.equal(state.kind === 'failed' && state.code, 'unreachable');
    await vscode.workspace.getConfiguration('dockside').update('engine.host', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the default engine again', () => api.engineState().kind === 'connected');
  });
});
