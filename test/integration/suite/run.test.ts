// Run in a real VS Code against the real engine: a saved run configuration with every option the
// handbook line uses creates a container whose inspect shows each value; its "Copy as docker run" line,
// run by the real docker CLI, creates a container with the same HostConfig; invalid options create nothing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunOptions } from '../../../src/models/run/runOptions';
import { freePort } from '../../launchers/network';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

interface FormPanelHandle {
  readonly title: string;
  readonly ready: Promise<void>;
  submit(action: 'run' | 'copy' | 'save', options?: RunOptions): Promise<void>;
}

describe('Run (issue 5): saved configurations, the Run… form and docker run lines', function () {
  this.timeout(120_000);
  const docker = testDocker();
  const network = testName('run-vfnet');
  const bindDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-run-bind-'));
  const configurationName = testName('run-config');
  let options: RunOptions;
  // The configurations here are the user's own (user settings): those from the workspace's settings are
  // reviewed before their first run (workspaceTrust.test.ts). Saving from the form writes the workspace's
  // .vscode/settings.json; leave the fixture as it was.
  const workspaceSettings = path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir(), '.vscode', 'settings.json');
  const settingsExisted = fs.existsSync(workspaceSettings);

  before(async () => {
    await vscode.extensions.getExtension('dockside.dockside')!.activate();
    await docker.createNetwork({ Name: network, Driver: 'bridge', Labels: { [TEST_LABEL]: 'true' }, IPAM: { Config: [{ Subnet: '10.176.241.0/24' }] } });
    fs.writeFileSync(path.join(bindDir, 'hello.txt'), 'from the host\n');
    options = {
      image: TEST_IMAGE, name: testName('run-saved'), mode: 'detached', restart: 'always', ports: [`127.0.0.1:${await freePort()}:80`],
      env: ['GREETING=ni hao', 'MODE=test'], volumes: [`${bindDir}:/data:ro`], tmpfs: ['/run'], cpus: '0.5', memory: '64m', capAdd: ['SYS_ADMIN'],
      network, ip: '10.176.241.22', labels: [`${TEST_LABEL}=true`], command: 'sleep 3600',
    };
    await vscode.workspace.getConfiguration('dockside').update('run.configurations', [{ name: configurationName, options }], vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await removeTestContainers(docker);
    await docker.getNetwork(network).remove().catch(() => undefined);
    await vscode.workspace.getConfiguration('dockside').update('run.configurations', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(bindDir, { recursive: true, force: true });
    if (!settingsExisted && fs.existsSync(workspaceSettings) && /^\s*\{\s*\}\s*$/.test(fs.readFileSync(workspaceSettings, 'utf8'))) {
      fs.rmSync(workspaceSettings);
      if (fs.readdirSync(path.dirname(workspaceSettings)).length === 0) fs.rmdirSync(path.dirname(workspaceSettings));
    }
  });

  it('runs a saved configuration and the container shows every option in inspect', async () => {
    const id = await vscode.commands.executeCommand<string>('dockside.images.runSavedConfiguration', configurationName);
    assert.ok(id, 'the command returns the new container id');
    const info = await docker.getContainer(id).inspect();
    const port = options.ports![0].split(':')[1];
    assert.deepEqual(info.HostConfig.PortBindings, { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: port }] });
    assert.ok(info.Config.Env.includes('GREETING=ni hao') && info.Config.Env.includes('MODE=test'), info.Config.Env.join(','));
    assert.deepEqual(info.HostConfig.Binds, [`${bindDir}:/data:ro`]);
    assert.deepEqual(info.HostConfig.Tmpfs, { '/run': '' });
    assert.deepEqual(info.HostConfig.RestartPolicy, { Name: 'always', MaximumRetryCount: 0 });
    assert.equal(info.HostConfig.NanoCpus, 500_000_000);
    assert.equal(info.HostConfig.Memory, 64 * 1024 * 1024);
    assert.deepEqual(info.HostConfig.CapAdd, ['CAP_SYS_ADMIN']);
    assert.equal(info.HostConfig.NetworkMode, network);
    assert.equal(info.NetworkSettings.Networks[network].IPAMConfig?.IPv4Address, '10.176.241.22');
    assert.equal(info.NetworkSettings.Networks[network].IPAddress, '10.176.241.22');
    assert.equal(info.State.Running, true);
  });

  it('copies a docker run line that the real docker CLI turns into the same HostConfig', async () => {
    const copyName = testName('run-copied');
    const copyPort = await freePort();
    const copied: RunOptions = { ...options, name: copyName, ip: '10.176.241.23', ports: [`127.0.0.1:${copyPort}:80`] };
    await vscode.workspace.getConfiguration('dockside').update('run.configurations', [{ name: configurationName, options }, { name: copyName, options: copied }], vscode.ConfigurationTarget.Global);
    const line = await vscode.commands.executeCommand<string>('dockside.images.runCopyConfigurationLine', copyName);
    assert.equal(await vscode.env.clipboard.readText(), line);
    assert.match(line, /^docker run -d --name dockside-test-run-copied-/);
    execFileSync('bash', ['-c', line], { stdio: 'pipe' });
    const [ours] = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [options.name!] }) });
    const a = await docker.getContainer(ours.Id).inspect();
    const b = await docker.getContainer(copyName).inspect();
    const hostConfig = (c: typeof a) => JSON.parse(JSON.stringify(c.HostConfig).replace(/"HostPort":"\d+"/g, '"HostPort":"N"')) as Record<string, unknown>;
    const [ha, hb] = [hostConfig(a), hostConfig(b)];
    const differing = [...new Set([...Object.keys(ha), ...Object.keys(hb)])].filter((k) => JSON.stringify(ha[k]) !== JSON.stringify(hb[k]));
    assert.deepEqual(differing.map((k) => `${k}: ${JSON.stringify(ha[k])} vs ${JSON.stringify(hb[k])}`), []);
  });

  it('refuses --ip on the default bridge and creates nothing', async () => {
    const name = testName('run-refused');
    await vscode.workspace.getConfiguration('dockside').update('run.configurations', [{ name, options: { image: TEST_IMAGE, name, ip: '172.17.0.99' } }], vscode.ConfigurationTarget.Global);
    const id = await vscode.commands.executeCommand('dockside.images.runSavedConfiguration', name);
    assert.equal(id, undefined, 'nothing is started');
    const created = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [name] }) });
    assert.equal(created.length, 0);
    if (uiBridge.available) {
      const texts = await waitFor('the refusal notification', async () => {
        const all = await uiBridge.notificationTexts();
        return all.some((t) => /--ip works only on a user-defined network/.test(t)) ? all : undefined;
      });
      assert.ok(texts.length > 0);
    }
  });

  it('opens the Run… form for an image, and its Copy gives the line for the form', async () => {
    const panel = await vscode.commands.executeCommand<FormPanelHandle>('dockside.images.runWithOptions', { image: TEST_IMAGE, name: 'web', ports: ['127.0.0.1:8080:80'], memory: '2g' });
    assert.ok(panel, 'the command returns the form');
    assert.equal(panel.title, `Run ${TEST_IMAGE}`);
    await waitFor('the form tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === `Run ${TEST_IMAGE}`));
    await waitFor('the form page to run its script', () => Promise.race([panel.ready.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 500))]));
    if (uiBridge.available) await uiBridge.screenshot('run-form');
    await panel.submit('copy');
    assert.equal(await vscode.env.clipboard.readText(), `docker run -d --name web -p 127.0.0.1:8080:80 --memory 2g ${TEST_IMAGE}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('runs an image with its defaults from the quick Run command', async () => {
    const id = await vscode.commands.executeCommand<string>('dockside.images.run', TEST_IMAGE);
    try {
      const info = await docker.getContainer(id).inspect();
      assert.equal(info.Config.Image, TEST_IMAGE);
    } finally {
      await docker.getContainer(id).remove({ force: true });
    }
  });

  it('runs an image interactively and opens a terminal bound to the new container', async () => {
    const id = await vscode.commands.executeCommand<string>('dockside.images.runInteractive', TEST_IMAGE);
    try {
      const info = await docker.getContainer(id).inspect();
      assert.equal(info.Config.Tty, true);
      assert.equal(info.Config.OpenStdin, true);
      const name = info.Name.replace(/^\//, '');
      const terminal = await waitFor('a terminal on the new container', () => vscode.window.terminals.find((t) => t.name.includes(name)));
      if (uiBridge.available) await uiBridge.screenshot('run-interactive-terminal');
      terminal.dispose();
    } finally {
      await docker.getContainer(id).remove({ force: true });
    }
  });
});
