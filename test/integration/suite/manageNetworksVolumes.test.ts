// Networks and volumes in a real VS Code against the real engine: create through the palette (addressing
// checked before it is sent), connect and disconnect, remove (built-ins refused), volumes in use.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { NetworkSummary } from '../../../src/models/network';
import type { VolumeSummary } from '../../../src/models/volume';
import { TEST_IMAGE, TEST_LABEL, createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { VIEW_CONTAINER, acceptPick, activateConnected, answerConfirm, answerInput, answerPick, expectInputMessage, expectNotification, testClient, closePromptsAfterFailure } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

describe('Manage networks and volumes', function () {
  const docker = testDocker();
  const client = testClient();
  const mine = (name: string) => name.startsWith('dockside-test-manage-') && name.includes(`-${process.pid}-`);

  async function networkNode(name: string): Promise<{ kind: 'network'; id: string; network: NetworkSummary }> {
    const network = (await client.listNetworks()).find((n) => n.name === name);
    assert.ok(network, `the engine lists the network ${name}`);
    return { kind: 'network', id: network.id, network };
  }

  async function volumeNode(name: string): Promise<{ kind: 'volume'; id: string; volume: VolumeSummary }> {
    const volume = (await client.listVolumes()).find((v) => v.name === name);
    assert.ok(volume, `the engine lists the volume ${name}`);
    return { kind: 'volume', id: name, volume };
  }

  before(() => activateConnected());

  afterEach(function () {
    return closePromptsAfterFailure(this.currentTest);
  });

  after(async () => {
    await removeTestContainers(docker);
    for (const n of await docker.listNetworks()) if (mine(n.Name)) await docker.getNetwork(n.Id).remove().catch(() => undefined);
    for (const v of (await docker.listVolumes()).Volumes ?? []) if (mine(v.Name)) await docker.getVolume(v.Name).remove().catch(() => undefined);
  });

  it('creates a bridge network from the palette, refusing a subnet with host bits set before sending it', async function () {
    if (!uiBridge.available) this.skip();
    const name = testName('manage-net');
    const creating = vscode.commands.executeCommand<string>('dockside.networks.create');
    await answerInput('Network name', name);
    await answerPick('bridge', 'bridge');
    await answerInput('Subnet in CIDR form', '10.176.243.7/24');
    await expectInputMessage(/host bits set; did you mean 10\.176\.243\.0\/24\?/);
    await answerInput('did you mean', '10.176.243.0/24');
    await answerInput('IP range', '10.176.0.0/16');
    await expectInputMessage(/outside the subnet/);
    await answerInput('outside the subnet', '10.176.243.128/25');
    await answerInput('Gateway address', '10.176.243.1');
    await acceptPick('attachable');
    await answerInput('Labels', `team=web, ${TEST_LABEL}=true`);
    const id = await creating;
    const info = await docker.getNetwork(id!).inspect();
    assert.equal(info.Name, name);
    assert.equal(info.Driver, 'bridge');
    assert.deepEqual(info.IPAM?.Config, [{ Subnet: '10.176.243.0/24', IPRange: '10.176.243.128/25', Gateway: '10.176.243.1' }]);
    assert.equal(info.Labels?.team, 'web');
  });

  it('creates a macvlan network on a veth pair made for the test', async function () {
    if (!uiBridge.available) this.skip();
    const parent = `dkv${process.pid % 10000}`;
    execFileSync('ip', ['link', 'add', parent, 'type', 'veth', 'peer', 'name', `${parent}p`]);
    try {
      execFileSync('ip', ['link', 'set', parent, 'up']);
      execFileSync('ip', ['link', 'set', `${parent}p`, 'up']);
      const name = testName('manage-macvlan');
      const creating = vscode.commands.executeCommand<string>('dockside.networks.create');
      await answerInput('Network name', name);
      await answerPick('macvlan', 'macvlan');
      await answerInput('Subnet in CIDR form', '10.176.244.0/24');
      await answerInput('IP range', '');
      await answerInput('Gateway address', '');
      await answerInput('Parent host interface', parent);
      await acceptPick('internal');
      await answerInput('Labels', '');
      const info = await docker.getNetwork((await creating)!).inspect();
      assert.equal(info.Driver, 'macvlan');
      assert.equal(info.Options?.parent, parent);
      await docker.getNetwork(info.Id).remove();
    } finally {
      execFileSync('ip', ['link', 'del', parent]);
    }
  });

  it('connects a container with a static IP and alias, and disconnects it from its row', async function () {
    if (!uiBridge.available) this.skip();
    const name = testName('manage-conn');
    await docker.createNetwork({ Name: name, Labels: { [TEST_LABEL]: 'true' }, IPAM: { Driver: 'default', Config: [{ Subnet: '10.176.245.0/24' }] } });
    const container = await createTestContainer(docker, { name: testName('manage-connc') });
    const node = await networkNode(name);
    const containerName = (await container.inspect()).Name.slice(1);
    const connecting = vscode.commands.executeCommand('dockside.networks.connect', node);
    await answerPick(containerName);
    await answerInput('Static IPv4 address in 10.176.245.0/24', '10.176.245.300');
    await expectInputMessage(/Not an IP address/);
    await answerInput('Not an IP address', '10.176.245.20');
    await answerInput('Aliases', 'db, cache');
    await connecting;
    const endpoint = (await container.inspect()).NetworkSettings.Networks[name];
    assert.equal(endpoint.IPAMConfig?.IPv4Address, '10.176.245.20');
    assert.ok(endpoint.Aliases?.includes('db') && endpoint.Aliases.includes('cache'), String(endpoint.Aliases));
    const [model] = await client.listContainers({ id: [container.id] });
    const row = { kind: 'networkContainer', id: `${node.id}/${container.id}`, container: model, network: node.network, attachment: model.networks.find((n) => n.name === name) };
    await vscode.commands.executeCommand('dockside.networks.disconnect', row);
    assert.equal((await container.inspect()).NetworkSettings.Networks[name], undefined);
  });

  it('refuses to remove a built-in network with a clear message, and removes a custom one', async function () {
    if (!uiBridge.available) this.skip();
    await vscode.commands.executeCommand('dockside.networks.remove', await networkNode('bridge'));
    await expectNotification(/bridge: built into the engine .* cannot be removed/);
    assert.ok(await docker.getNetwork('bridge').inspect());
    const menu = await waitFor('the bridge row menu', async () => {
      const items = await uiBridge.rowContextMenu(VIEW_CONTAINER, 'Networks', 'bridge');
      return items.length > 0 ? items : undefined;
    });
    assert.ok(menu.includes('Inspect Network') && !menu.includes('Remove Network...'), menu.join(' | '));
    const name = testName('manage-rmnet');
    await docker.createNetwork({ Name: name, Labels: { [TEST_LABEL]: 'true' } });
    const removing = vscode.commands.executeCommand('dockside.networks.remove', await networkNode(name));
    const pattern = new RegExp(`Remove the network ${name}\\?`);
    assert.match(await answerConfirm('Remove', pattern), pattern);
    await removing;
    assert.ok(!(await docker.listNetworks()).some((n) => n.Name === name));
  });

  it('inspects a network', async () => {
    const [uri] = (await vscode.commands.executeCommand<vscode.Uri[]>('dockside.networks.inspect', await networkNode('bridge')))!;
    assert.equal((JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()) as { Name: string }).Name, 'bridge');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates a volume from the palette with driver and labels', async function () {
    if (!uiBridge.available) this.skip();
    const name = testName('manage-vol');
    const creating = vscode.commands.executeCommand<string>('dockside.volumes.create');
    await answerInput('Volume name', name);
    await answerInput('Driver', 'local');
    await answerInput('Labels', `${TEST_LABEL}=true, purpose=db`);
    assert.equal(await creating, name);
    const info = await docker.getVolume(name).inspect();
    assert.equal(info.Driver, 'local');
    assert.equal(info.Labels?.purpose, 'db');
  });

  it('refuses to remove a volume in use, naming the container, and inspects it', async function () {
    if (!uiBridge.available) this.skip();
    const name = testName('manage-usedvol');
    await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: 'true' } });
    const user = await docker.createContainer({ name: testName('manage-voluser'), Image: TEST_IMAGE, Cmd: ['true'], Labels: { [TEST_LABEL]: 'true' }, HostConfig: { Binds: [`${name}:/data`] } });
    const node = await volumeNode(name);
    void vscode.commands.executeCommand('dockside.volumes.remove', node);
    const userName = (await user.inspect()).Name.slice(1);
    const pattern = new RegExp(`Used by containers.*${userName}`);
    assert.match(await answerConfirm('Remove', pattern), pattern);
    assert.match(await expectNotification(/The engine refused because of a conflict/), new RegExp(`used by ${userName}`));
    assert.ok(await docker.getVolume(name).inspect());
    const [uri] = (await vscode.commands.executeCommand<vscode.Uri[]>('dockside.volumes.inspect', node))!;
    assert.equal((JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()) as { Name: string }).Name, name);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
