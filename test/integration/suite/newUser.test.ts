// What a new user trips over (issue 13), checked where the user sees it: rows, tooltips, menus, the
// palette and notifications of a real VS Code against the real engine.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type Docker from 'dockerode';
import type { DocksideApi } from '../../../src/extension';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const CONTAINER = 'dockside';

function waitForRow(view: string, what: string, match: (row: string) => boolean, timeoutMs = 20_000): Promise<string> {
  return waitFor(`${what} in the ${view} view`, async () => (await uiBridge.viewRows(CONTAINER, view)).find(match), timeoutMs);
}

describe('New user', function () {
  const docker = testDocker();
  const mine = `dockside-test-newuser-${process.pid}`;
  let api: DocksideApi;

  before(async function () {
    if (!uiBridge.available) this.skip();
    api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected');
  });

  after(async () => {
    await removeTestContainers(docker);
    for (const n of await docker.listNetworks({ filters: JSON.stringify({ name: [mine] }) } as Docker.NetworkListOptions)) {
      await docker.getNetwork(n.Id).remove().catch(() => undefined);
    }
  });

  it('writes a memory limit in the binary units it was given (--memory 4096M is 4 GiB)', async () => {
    const name = testName('units');
    const container = await docker.createContainer({
      name, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { [TEST_LABEL]: 'true' },
      HostConfig: { Memory: 4096 * 1024 * 1024 },
    });
    await container.start();
    await waitForRow('Containers', 'the limited container', (r) => r.startsWith(`${name} `));
    const tooltip = await waitFor('the tooltip with the limits', async () => {
      const text = await uiBridge.rowTooltip(CONTAINER, 'Containers', name);
      return /memory/.test(text) ? text : undefined;
    });
    assert.match(tooltip, /memory 4 GiB/, tooltip);
    assert.doesNotMatch(tooltip, /\bGB\b|\bMB\b/, tooltip);
  });

  it('names the gateway of a network created without --gateway, as the engine assigns it', async () => {
    const netName = `${mine}-gw`;
    await docker.createNetwork({ Name: netName, Driver: 'bridge', Labels: { [TEST_LABEL]: 'true' }, IPAM: { Driver: 'default', Config: [{ Subnet: '10.176.243.0/24' }] } });
    const row = await waitForRow('Networks', 'the new network', (r) => r.startsWith(`${netName} `));
    assert.match(row, /10\.176\.243\.0\/24 via 10\.176\.243\.1/);
    const tooltip = await waitFor('the network tooltip', async () => {
      const text = await uiBridge.rowTooltip(CONTAINER, 'Networks', netName);
      return /Gateway/.test(text) ? text : undefined;
    });
    assert.match(tooltip, /Gateway: 10\.176\.243\.1/, tooltip);
  });

  it('gives the status bar item a spoken label that starts with the engine, not the icon name', async () => {
    const state = api.engineState();
    assert.ok(state.kind === 'connected');
    const labels = await waitFor('the engine item in the status bar', async () => {
      const all = await uiBridge.statusBarAriaLabels();
      return all.some((l) => l.includes(state.version.version)) ? all : undefined;
    });
    const label = labels.find((l) => l.includes(state.version.version))!;
    assert.match(label, /^Docker engine .*version .*connected$/, label);
    assert.doesNotMatch(label, /vm-active/, label);
  });
});
