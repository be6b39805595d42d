// Container lifecycle in a real VS Code against the real engine: each command from tree nodes (single and
// multi-selection) and from the palette (answered through the page), effects read back from the engine.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ContainerSummary } from '../../../src/models/container';
import { TEST_IMAGE, TEST_LABEL, createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { VIEW_CONTAINER, activateConnected, answerConfirm, answerInput, answerPick, expectInputMessage, expectNotification, testClient } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

describe('Manage containers', function () {
  const docker = testDocker();
  const client = testClient();
  const state = async (id: string) => (await docker.getContainer(id).inspect()).State;
  const exists = (id: string) => docker.getContainer(id).inspect().then(() => true, () => false);

  /** A running (or created) test container and the tree node the explorer would hand to a command. */
  async function containerNode(what: string, start = true): Promise<{ kind: 'container'; id: string; container: ContainerSummary }> {
    const created = await createTestContainer(docker, { name: testName(`manage-${what}`), start });
    const [container] = await client.listContainers({ id: [created.id] });
    return { kind: 'container', id: container.id, container };
  }

  before(async () => {
    await activateConnected();
    await vscode.workspace.getConfiguration('dockside').update('containers.stopTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await removeTestContainers(docker);
    await vscode.workspace.getConfiguration('dockside').update('containers.stopTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  it('stops, starts, pauses, resumes, restarts and kills from tree nodes, acting on the whole selection', async () => {
    const a = await containerNode('life-a');
    const b = await containerNode('life-b');
    await vscode.commands.executeCommand('dockside.containers.stop', a, [a, b]);
    assert.deepEqual([(await state(a.id)).Running, (await state(b.id)).Running], [false, false]);
    await vscode.commands.executeCommand('dockside.containers.start', a, [a, b]);
    assert.deepEqual([(await state(a.id)).Running, (await state(b.id)).Running], [true, true]);
    await vscode.commands.executeCommand('dockside.containers.pause', b);
    assert.equal((await state(b.id)).Paused, true);
    assert.equal((await state(a.id)).Paused, false, 'only the clicked node when it is not part of a selection');
    await vscode.commands.executeCommand('dockside.containers.unpause', b);
    assert.equal((await state(b.id)).Paused, false);
    const startedAt = (await state(a.id)).StartedAt;
    await vscode.commands.executeCommand('dockside.containers.restart', a);
    assert.notEqual((await state(a.id)).StartedAt, startedAt);
  });

  it('kills with the signal chosen in the QuickPick, and stops from the palette', async function () {
    if (!uiBridge.available) this.skip();
    const a = await containerNode('kill');
    const killing = vscode.commands.executeCommand('dockside.containers.kill', a);
    await answerPick('SIGKILL');
    await killing;
    assert.equal((await state(a.id)).Running, false);
    assert.equal((await state(a.id)).ExitCode, 137);
    const b = await containerNode('palette-stop');
    const stopping = vscode.commands.executeCommand('dockside.containers.stop');
    await answerPick(b.container.name);
    await stopping;
    assert.equal((await state(b.id)).Running, false);
  });

  it('shows only the commands that fit the state in a row\'s context menu', async function () {
    if (!uiBridge.available) this.skip();
    const running = await containerNode('menu-run');
    const stopped = await containerNode('menu-stop', false);
    await vscode.commands.executeCommand('dockside.explorer.refresh');
    // A row painted between create and start shows the created state for a moment: the menu is read again
    // until it is the settled state's (Pause for the running one, Start for the stopped one).
    let items: string[] = [];
    const menuOf = (name: string, settled: string) => waitFor(`the context menu of ${name} with ${settled}`, async () => {
      items = await uiBridge.rowContextMenu(VIEW_CONTAINER, 'Containers', name);
      return items.includes(settled) ? items : undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}; the menu shows ${items.join(' | ')}`);
    });
    const runningMenu = await menuOf(running.container.name, 'Pause');
    assert.ok(runningMenu.some((i) => /^Stop/.test(i)) && runningMenu.includes('Pause'), runningMenu.join(' | '));
    assert.ok(!runningMenu.includes('Start') && !runningMenu.includes('Resume'), runningMenu.join(' | '));
    const stoppedMenu = await menuOf(stopped.container.name, 'Start');
    assert.ok(stoppedMenu.includes('Start') && stoppedMenu.includes('Remove Container...') && stoppedMenu.includes('Inspect Container'), stoppedMenu.join(' | '));
    assert.ok(!stoppedMenu.some((i) => /^Stop|^Pause|^Kill/.test(i)), stoppedMenu.join(' | '));
    await uiBridge.screenshot('manage-container-menu');
  });

  it('refuses to remove a running container without force, removes the stopped one, and says which failed', async function () {
    if (!uiBridge.available) this.skip();
    const running = await containerNode('rm-running');
    const stopped = await containerNode('rm-stopped', false);
    const removing = vscode.commands.executeCommand('dockside.containers.remove', running, [running, stopped]);
    const confirmation = await answerConfirm('Remove Without Force', /Remove 2 containers\?/);
    assert.match(confirmation, /Remove 2 containers\?/);
    assert.match(confirmation, new RegExp(`Still running: ${running.container.name}`));
    await removing;
    const message = await expectNotification(/1 of 2 failed/);
    assert.match(message, new RegExp(`${running.container.name}: The engine refused because of a conflict`));
    assert.equal(await exists(stopped.id), false, 'the stopped container is gone');
    assert.equal((await state(running.id)).Running, true, 'the running one is untouched');
    const forcing = vscode.commands.executeCommand('dockside.containers.remove', running);
    await answerConfirm('Force Remove with Anonymous Volumes', /Remove the container/);
    await forcing;
    assert.equal(await exists(running.id), false);
  });

  it('removes a single running container without force: the mapped conflict sentence, nothing changes', async function () {
    if (!uiBridge.available) this.skip();
    const running = await containerNode('rm-single');
    void vscode.commands.executeCommand('dockside.containers.remove', running);
    await answerConfirm('Remove Without Force', /Remove the container/);
    await expectNotification(/The engine refused because of a conflict: .*(running|stop)/i);
    assert.equal((await state(running.id)).Running, true);
  });

  it('renames from the palette', async function () {
    if (!uiBridge.available) this.skip();
    const a = await containerNode('rename');
    const newName = testName('manage-renamed');
    const renaming = vscode.commands.executeCommand('dockside.containers.rename');
    await answerPick(a.container.name);
    await answerInput('New container name', newName);
    await renaming;
    assert.equal((await docker.getContainer(a.id).inspect()).Name, `/${newName}`);
  });

  it('inspects as read-only JSON per container, refreshable after a change', async () => {
    const a = await containerNode('inspect');
    const [uri] = (await vscode.commands.executeCommand<vscode.Uri[]>('dockside.containers.inspect', a))!;
    assert.equal(uri.scheme, 'dockside-inspect');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'json');
    assert.equal((JSON.parse(document.getText()) as { Id: string }).Id, a.id);
    const renamed = testName('manage-inspected');
    await docker.getContainer(a.id).rename({ name: renamed });
    await vscode.commands.executeCommand('dockside.system.refreshDocument', uri);
    await waitFor('the refreshed document', () => (JSON.parse(document.getText()) as { Name: string }).Name === `/${renamed}`);
    const [again] = (await vscode.commands.executeCommand<vscode.Uri[]>('dockside.containers.inspect', a))!;
    assert.equal(again.toString(), uri.toString(), 'one document per object');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('updates limits and restart policy from the palette, defaults showing the current values', async function () {
    if (!uiBridge.available) this.skip();
    const a = await containerNode('update');
    const updating = vscode.commands.executeCommand('dockside.containers.update');
    await answerPick(a.container.name);
    await answerInput('CPU shares', '512');
    await answerInput('CPUs', '0.5');
    await answerInput('Memory limit', '64m');
    await answerInput('Memory plus swap', 'x');
    await expectInputMessage(/Not a valid value: x/);
    await answerInput('Not a valid value', '128m');
    await answerInput('Restart policy', 'on-failure:3');
    await updating;
    const host = (await docker.getContainer(a.id).inspect()).HostConfig as { CpuShares: number; NanoCpus: number; Memory: number; MemorySwap: number; RestartPolicy: { Name: string; MaximumRetryCount: number } };
    assert.deepEqual([host.CpuShares, host.NanoCpus, host.Memory, host.MemorySwap], [512, 5e8, 64 * 1024 ** 2, 128 * 1024 ** 2]);
    assert.deepEqual(host.RestartPolicy, { Name: 'on-failure', MaximumRetryCount: 3 });
    // Again: the boxes now offer the values just set.
    const again = vscode.commands.executeCommand('dockside.containers.update', a);
    await waitFor('the CPU shares box', async () => /CPU shares/.test(await uiBridge.quickInputMessage()));
    await uiBridge.pressKey('Escape');
    await again;
  });

  it('commits a container with repository:tag, message and author', async function () {
    if (!uiBridge.available) this.skip();
    const a = await containerNode('commit');
    const reference = `dockside-test-manage-commit-${process.pid}:snap`;
    const committing = vscode.commands.executeCommand<string>('dockside.containers.commit', a);
    await answerInput('Repository and tag', reference);
    await answerInput('Commit message', 'after the handbook step');
    await answerInput('Author', 'Han Meimei');
    const imageId = await committing;
    try {
      const info = await docker.getImage(reference).inspect();
      assert.equal(info.Id, imageId);
      assert.equal(info.Comment, 'after the handbook step');
      assert.equal(info.Author, 'Han Meimei');
    } finally {
      await docker.getImage(reference).remove({ force: true }).catch(() => undefined);
    }
  });

  it('copies ids and names of the selection', async () => {
    const a = await containerNode('copy-a', false);
    const b = await containerNode('copy-b', false);
    await vscode.commands.executeCommand('dockside.containers.copyId', a, [a, b]);
    assert.equal(await vscode.env.clipboard.readText(), `${a.id}\n${b.id}`);
    await vscode.commands.executeCommand('dockside.containers.copyName', b);
    assert.equal(await vscode.env.clipboard.readText(), b.container.name);
  });

  it('opens a port published on every address through loopback only', async () => {
    const created = await docker.createContainer({
      name: testName('manage-port'),
      Image: TEST_IMAGE,
      Cmd: ['sleep', '3600'],
      Labels: { [TEST_LABEL]: 'true' },
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    await created.start();
    const [container] = await client.listContainers({ id: [created.id] });
    const published = container.ports.find((p) => p.privatePort === 8080)!.publicPort;
    const url = await vscode.commands.executeCommand<string>('dockside.containers.openPort', { kind: 'container', id: container.id, container });
    assert.equal(url, `http://127.0.0.1:${published}/`);
    const everywhere = { ...container, ports: [{ privatePort: 8080, publicPort: published, ip: '0.0.0.0', protocol: 'tcp' as const }] };
    assert.equal(await vscode.commands.executeCommand<string>('dockside.containers.openPort', { kind: 'container', id: container.id, container: everywhere }), `http://127.0.0.1:${published}/`);
    if (uiBridge.available) {
      const opened = await waitFor('the browser page', async () => {
        const urls = await uiBridge.closeOtherPages();
        return urls.length > 0 ? urls : undefined;
      }, 5000).catch(() => [] as string[]);
      assert.ok(opened.every((u) => u.startsWith('http://127.0.0.1:') || u === 'about:blank'), opened.join(' '));
    }
  });
});
