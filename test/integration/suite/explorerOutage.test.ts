// A second engine, started by the test on a private socket, goes down and comes back while the explorer
// shows it: the views report the outage, then recover on their own (no retry, no refresh).
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { PrivateEngine } from '../../support/privateEngine';
import { closePromptsAfterFailure } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const CONTAINER = 'dockside';

describe('Explorer on a second engine', function () {
  const engine = new PrivateEngine(path.join(os.tmpdir(), `dockside-test-explorer-engine-${process.pid}`));
  const volume = `dockside-test-explorer-outage-${process.pid}`;
  let api: DocksideApi;

  before(async function () {
    this.timeout(90_000);
    const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
    assert.ok(ext);
    api = await ext.activate();
    await engine.start();
    await new Docker({ socketPath: engine.socket }).createVolume({ Name: volume } as never);
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
  });

  afterEach(function () {
    return closePromptsAfterFailure(this.currentTest);
  });

  after(async function () {
    this.timeout(90_000);
    await vscode.workspace.getConfiguration('dockside').update('engine.host', undefined, vscode.ConfigurationTarget.Global);
    await engine.destroy();
    await waitFor('the default engine again', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === 'unix:///var/run/docker.sock');
  });

  it('switches the views to the engine named in the settings', async () => {
    await vscode.workspace.getConfiguration('dockside').update('engine.host', engine.host, vscode.ConfigurationTarget.Global);
    await waitFor('the second engine to connect', () => {
      const s = api.engineState();
      return s.kind === 'connected' && s.endpoint.host === engine.host;
    });
    await waitFor('the event stream on the second engine', () => api.explorerStreaming());
    if (!uiBridge.available) return;
    await waitFor('the second engine volume row', async () => (await uiBridge.viewRows(CONTAINER, 'Volumes')).some((r) => r.startsWith(`${volume} `)));
    // The first engine's test image is not on the second one: the Images view was rebuilt.
    await waitFor('the first engine images to go', async () => !(await uiBridge.viewRows(CONTAINER, 'Images')).some((r) => r.startsWith('dockside-test/busybox')));
    await uiBridge.screenshot('explorer-second-engine');
  });

  it('reports the outage when the engine stops and recovers by itself when it starts again', async function () {
    this.timeout(120_000);
    await engine.stop();
    await waitFor('the outage to show', () => api.engineState().kind === 'failed', 30_000);
    if (uiBridge.available) {
      const welcome = await waitFor('the unreachable welcome', async () => {
        const text = await uiBridge.welcomeText(CONTAINER);
        return /No Docker engine answers/.test(text) ? text : undefined;
      });
      assert.match(welcome, /Retry/);
      await waitFor('no rows while the engine is down', async () => (await uiBridge.viewRows(CONTAINER, 'Volumes')).length === 0);
      assert.match(await uiBridge.welcomeText(CONTAINER), /No Docker engine is connected/, 'the other views point to the Containers view');
      await uiBridge.screenshot('explorer-outage');
    }
    await engine.start();
    // Nobody presses Retry: the event stream's backoff finds the engine again.
    await waitFor('the engine to reconnect on its own', () => {
      const s = api.engineState();
      return s.kind === 'connected' && s.endpoint.host === engine.host;
    }, 60_000);
    await waitFor('the event stream to reopen', () => api.explorerStreaming(), 30_000);
    if (uiBridge.available) {
      await waitFor('the volume row back', async () => (await uiBridge.viewRows(CONTAINER, 'Volumes')).some((r) => r.startsWith(`${volume} `)));
      await uiBridge.screenshot('explorer-recovered');
    }
  });

  it('waits for an engine that is down when chosen, and shows it once it starts', async function () {
    this.timeout(120_000);
    const config = vscode.workspace.getConfiguration('dockside');
    await config.update('engine.host', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the default engine', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host !== engine.host);
    await engine.stop();
    await config.update('engine.host', engine.host, vscode.ConfigurationTarget.Global);
    await waitFor('the chosen engine to be reported down', () => api.engineState().kind === 'failed' && api.engineState().endpoint?.host === engine.host);
    await engine.start();
    await waitFor('the engine to be found without a retry', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === engine.host, 60_000);
    if (uiBridge.available) {
      let rows: string[] = [];
      await waitFor('the volume row', async () => (rows = await uiBridge.viewRows(CONTAINER, 'Volumes')).some((r) => r.startsWith(`${volume} `))).catch(async (e: Error) => {
        throw new Error(`${e.message}; the Volumes view shows ${rows.join(' | ') || `no rows but "${await uiBridge.welcomeText(CONTAINER)}"`}`);
      });
    }
  });
});
