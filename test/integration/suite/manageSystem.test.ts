// Cleanup and disk usage in a real VS Code against the real engine. The prunes run with a label scope
// (`--filter label=`) so they can only touch this test's resources on an engine other tests share.
import * as assert from 'node:assert/strict';
import type Docker from 'dockerode';
import * as vscode from 'vscode';
import { TEST_IMAGE, TEST_LABEL, createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { acceptPick, activateConnected, answerConfirm, answerPick, expectNotification } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

describe('Manage cleanup and disk usage', function () {
  const docker = testDocker();
  const scopeKey = 'dockside.test.prune';
  const scopeValue = `${process.pid}`;
  const scope = { label: `${scopeKey}=${scopeValue}` };
  const labels = { [TEST_LABEL]: 'true', [scopeKey]: scopeValue };
  const exists = (get: () => Promise<unknown>) => get().then(() => true, () => false);

  before(() => activateConnected());

  after(async () => {
    await removeTestContainers(docker);
    const filters = JSON.stringify({ label: [scope.label] });
    for (const n of await docker.listNetworks({ filters } as Docker.NetworkListOptions)) await docker.getNetwork(n.Id).remove().catch(() => undefined);
    for (const v of ((await docker.listVolumes({ filters } as never)) as unknown as { Volumes?: { Name: string }[] }).Volumes ?? []) await docker.getVolume(v.Name).remove().catch(() => undefined);
    for (const i of await docker.listImages({ filters })) await docker.getImage(i.Id).remove({ force: true }).catch(() => undefined);
  });

  it('prunes stopped containers after a confirmation naming them, and says what was freed', async function () {
    if (!uiBridge.available) this.skip();
    const stopped = await createTestContainer(docker, { name: testName('manage-prune-stopped'), start: false, labels });
    const running = await createTestContainer(docker, { name: testName('manage-prune-running'), labels });
    const stoppedName = (await stopped.inspect()).Name.slice(1);
    const pruning = vscode.commands.executeCommand('dockside.system.pruneContainers', scope);
    const confirmation = await answerConfirm('Remove', /Remove stopped containers\?/);
    assert.match(confirmation, /Remove stopped containers\? This cannot be undone\./);
    assert.match(confirmation, new RegExp(`1 stopped container: ${stoppedName}`));
    await pruning;
    assert.match(await expectNotification(/Remove stopped containers: freed/), /Removed 1 stopped container\b/);
    assert.equal(await exists(() => stopped.inspect()), false);
    assert.equal((await running.inspect()).State.Running, true);
  });

  it('prunes unused networks and volumes, and says when there is nothing to remove', async function () {
    if (!uiBridge.available) this.skip();
    const network = testName('manage-prune-net');
    await docker.createNetwork({ Name: network, Labels: labels });
    const volume = testName('manage-prune-vol');
    await docker.createVolume({ Name: volume, Labels: labels });
    const networks = vscode.commands.executeCommand('dockside.system.pruneNetworks', scope);
    const networkPattern = new RegExp(`1 unused network: ${network}`);
    assert.match(await answerConfirm('Remove', networkPattern), networkPattern);
    await networks;
    await expectNotification(/Remove unused networks: freed .*Removed 1 unused network\b/);
    assert.ok(!(await docker.listNetworks()).some((n) => n.Name === network));
    const volumes = vscode.commands.executeCommand('dockside.system.pruneVolumes', scope);
    const volumePattern = new RegExp(`1 unused volume and its data: ${volume}`);
    assert.match(await answerConfirm('Remove', volumePattern), volumePattern);
    await volumes;
    await expectNotification(/Remove unused volumes: freed/);
    assert.equal(await exists(() => docker.getVolume(volume).inspect()), false);
    await vscode.commands.executeCommand('dockside.system.pruneNetworks', scope);
    await expectNotification(/Remove unused networks: nothing to remove/);
  });

  it('prunes dangling images, and everything at once with system prune', async function () {
    if (!uiBridge.available) this.skip();
    const base = await docker.createContainer({ name: testName('manage-prune-base'), Image: TEST_IMAGE, Cmd: ['true'], Labels: { [TEST_LABEL]: 'true' } });
    const repo = `dockside-test-manage-prune-${process.pid}`;
    const changes = `LABEL ${scopeKey}=${scopeValue}`;
    const first = (await base.commit({ repo, tag: 'x', changes, comment: 'first' })) as { Id: string };
    await base.commit({ repo, tag: 'x', changes, comment: 'second' });
    const pruning = vscode.commands.executeCommand('dockside.system.pruneImages', scope);
    await answerPick('Dangling images');
    await answerConfirm('Remove', /1 dangling image\b(?!s)/);
    await pruning;
    await expectNotification(/Remove dangling images: freed/);
    assert.equal(await exists(() => docker.getImage(first.Id).inspect()), false);
    assert.ok(await docker.getImage(`${repo}:x`).inspect(), 'the tagged image stays');

    const stopped = await createTestContainer(docker, { name: testName('manage-sysprune'), start: false, labels });
    const network = testName('manage-sysprune-net');
    await docker.createNetwork({ Name: network, Labels: labels });
    const system = vscode.commands.executeCommand('dockside.system.prune', scope);
    await acceptPick('Also unused images that are tagged');
    const confirmation = await answerConfirm('Remove', /Clean up the engine\?/);
    assert.match(confirmation, /1 stopped container\b/);
    assert.match(confirmation, new RegExp(`1 unused network: ${network}`));
    await system;
    await expectNotification(/Clean up the engine: freed/);
    assert.equal(await exists(() => stopped.inspect()), false);
    assert.ok(!(await docker.listNetworks()).some((n) => n.Name === network));
  });

  it('shows disk usage per kind with size and reclaimable space, refreshable', async () => {
    const uri = (await vscode.commands.executeCommand<vscode.Uri>('dockside.system.diskUsage'))!;
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    assert.match(text, /TYPE\s+TOTAL\s+ACTIVE\s+SIZE\s+RECLAIMABLE/);
    for (const row of ['Images', 'Containers', 'Local volumes', 'Build cache']) assert.match(text, new RegExp(`^${row}\\s+\\d+\\s+\\d+\\s+[\\d.]+ (?:B|KiB|MiB|GiB|TiB)`, 'm'));
    // The header says when the numbers were taken: a refresh asks the engine again and changes it.
    await waitFor('a refresh with a newer time', async () => {
      await vscode.commands.executeCommand('dockside.system.refreshDocument', uri);
      return document.getText() !== text && /as of/.test(document.getText());
    }, 10_000, 500);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
