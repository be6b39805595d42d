// Two real engines shown side by side (issue 15): the main engine and a private dockerd of the test's own
// (its own network namespace, reached over its unix socket), pinned to the explorer in this workspace. Each
// engine is a labelled root with its containers under it; a container of the same name on both engines is
// stopped from the second engine's root and only that one stops; the palette asks which engine; the private
// engine goes down while the main one keeps working, its root says so, and it recovers when it returns; the
// same private engine is reached over TLS and over ssh too, each transport refusing what it must.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { PrivateEngine } from '../../support/privateEngine';
import { SshServer } from '../../support/sshServer';
import { TlsEngineProxy } from '../../support/tlsEngineProxy';
import { makeTlsMaterial } from '../../support/tlsMaterial';
import { loadTestImageInto, TEST_IMAGE, TEST_LABEL, testDocker } from '../../support/testEngine';
import { activateConnected, answerPick, closePromptsAfterFailure, VIEW_CONTAINER } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

describe('Two engines side by side', function () {
  this.timeout(120_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-test-two-engines-'));
  const engine = new PrivateEngine(path.join(root, 'engine'));
  const name = `dockside-test-two-${process.pid}`;
  const second = 'dockside-second';
  const candidate = () => ({ kind: 'engine', id: `host:${engine.host}`, candidate: { id: `host:${engine.host}`, kind: 'added', label: second, host: engine.host, current: false } });
  let privateDocker: Docker;
  let api: DocksideApi;
  const rows = () => uiBridge.allViewRows(VIEW_CONTAINER, 'Containers');
  /** The rows under the root whose label is `rootLabel`, up to the next root. */
  const under = (all: { label: string; description: string; level: number }[], rootLabel: string) => {
    const start = all.findIndex((r) => r.level === 1 && r.label === rootLabel);
    if (start < 0) return undefined;
    const end = all.findIndex((r, i) => i > start && r.level === 1);
    return all.slice(start + 1, end < 0 ? undefined : end);
  };
  /** Only on the second engine: its row is the only one with this name. */
  const onlySecond = `${name}-only`;
  const runOn = async (docker: Docker, containerName = name) => {
    // No network: the private engine runs without a bridge.
    const c = await docker.createContainer({ name: containerName, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { [TEST_LABEL]: '1' }, HostConfig: { NetworkMode: 'none' } });
    await c.start();
  };
  const stateOf = async (docker: Docker, containerName = name) => (await docker.getContainer(containerName).inspect()).State.Status;

  before(async function () {
    if (!uiBridge.available) this.skip();
    api = await activateConnected();
    await engine.start();
    privateDocker = new Docker({ socketPath: engine.socket });
    await loadTestImageInto(privateDocker);
    await runOn(testDocker());
    await runOn(privateDocker);
    await runOn(privateDocker, onlySecond);
    await privateDocker.createVolume({ Name: `${name}-vol` } as never);
    await vscode.workspace.getConfiguration('dockside').update('engines', [{ name: second, host: engine.host }], vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('dockside.containers.focus');
  });

  afterEach(function () {
    return closePromptsAfterFailure(this.currentTest);
  });

  after(async function () {
    await vscode.commands.executeCommand('dockside.engines.unpin', candidate()).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('dockside').update('engines', undefined, vscode.ConfigurationTarget.Global);
    await testDocker().getContainer(name).remove({ force: true }).catch(() => undefined);
    await engine.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('shows one labelled root per engine, each engine\'s containers under its own root', async () => {
    const flat = await waitFor('the container row with one engine shown', async () => ((await rows()).find((r) => r.label === name && r.level === 1) ? true : undefined));
    assert.ok(flat, 'with one engine the view has no engine roots');
    await vscode.commands.executeCommand('dockside.engines.pin', candidate());
    const shown = await waitFor('both engines as roots, the container under each', async () => {
      const all = await rows();
      const mine = under(all, second);
      const primaryRoot = all.find((r) => r.level === 1 && r.label !== second);
      const theirs = primaryRoot && under(all, primaryRoot.label);
      const connected = /^Docker \d+\./.test(all.find((r) => r.level === 1 && r.label === second)?.description ?? '');
      return connected && mine?.some((r) => r.label === name && r.level === 2) && theirs?.some((r) => r.label === name && r.level === 2) ? all : undefined;
    });
    const secondRoot = shown.find((r) => r.level === 1 && r.label === second)!;
    assert.match(secondRoot.description, /^Docker \d+\./);
    await uiBridge.screenshot('two-engines');
  });

  it('shows the files of the second engine\'s container under its row, read from that engine', async () => {
    // A file only the second engine's container has: proof the rows come from that engine.
    await privateDocker.getContainer(onlySecond).exec({ Cmd: ['sh', '-c', 'echo second > /second-engine-only'] }).then((e) => e.start({}));
    assert.ok(await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', onlySecond), 'the container row expands');
    await waitFor('its Files row', async () => under(await rows(), second)?.some((r) => r.label === 'Files'));
    assert.ok(await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', 'Files'), 'the Files row expands');
    await waitFor('the file only the second engine\'s container has', async () => under(await rows(), second)?.some((r) => r.label === 'second-engine-only'), 30_000);
    await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', onlySecond);
  });

  it('offers the volumes of both engines when Browse comes from the palette, each named with its engine', async () => {
    const browsing = vscode.commands.executeCommand('dockside.volumes.browse');
    const items = await waitFor('the volume pick', async () => {
      const shown = await uiBridge.quickPickItems();
      return shown.some((i) => i.includes(`${name}-vol`)) ? shown : undefined;
    });
    assert.ok(items.some((i) => i.includes(`${name}-vol`) && i.includes(second)), `the second engine's volume, with its engine: ${items.join(' | ')}`);
    await uiBridge.pressKey('Escape');
    await browsing;
  });

  it('acts on the engine of the row it is invoked on', async () => {
    const menu = await uiBridge.rowContextMenu(VIEW_CONTAINER, 'Containers', onlySecond);
    assert.ok(menu.some((item) => /^Stop/.test(item)), `the row offers Stop: ${menu.join(' | ')}`);
    await uiBridge.pressKey('Escape');
    await uiBridge.clickRowMenuItem(VIEW_CONTAINER, 'Containers', onlySecond, 'Stop');
    await waitFor('the second engine\'s container to stop', async () => (await stateOf(privateDocker, onlySecond)) === 'exited');
    await waitFor('its row to say Exited', async () => under(await rows(), second)?.some((r) => r.label === onlySecond && /Exited/.test(r.description)));
  });

  it('asks which engine from the palette, and stops only that engine\'s container of the name', async () => {
    const done = vscode.commands.executeCommand('dockside.containers.stop');
    await answerPick(second);
    await answerPick(name);
    await done;
    await waitFor('the second engine\'s container to stop', async () => (await stateOf(privateDocker)) === 'exited');
    assert.equal(await stateOf(testDocker()), 'running', 'the first engine\'s container of the same name still runs');
    await waitFor('the row under the second root to say Exited', async () => under(await rows(), second)?.some((r) => r.label === name && /Exited/.test(r.description)));
    // Documents of the second engine say so in their title, and show that engine's object.
    const inspected = vscode.commands.executeCommand('dockside.containers.inspect');
    await answerPick(second);
    await answerPick(onlySecond);
    await inspected;
    const editor = await waitFor('the inspect document', () => vscode.window.activeTextEditor?.document.uri.scheme === 'dockside-inspect' ? vscode.window.activeTextEditor : undefined);
    assert.match(editor.document.uri.path, new RegExp(`${second} · ${onlySecond}\\.json$`));
    assert.equal(JSON.parse(editor.document.getText()).Id, (await privateDocker.getContainer(onlySecond).inspect()).Id);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const rootMenu = await uiBridge.rowContextMenu(VIEW_CONTAINER, 'Containers', second);
    assert.ok(rootMenu.some((item) => /Remove from Explorer/.test(item)), `the engine root offers Remove from Explorer: ${rootMenu.join(' | ')}`);
    await uiBridge.pressKey('Escape');
  });

  it('keeps the first engine working while the second is down, and recovers the second when it returns', async function () {
    this.timeout(180_000);
    await engine.stop();
    await waitFor('the second root to say unreachable', async () => {
      const all = await rows();
      return all.find((r) => r.level === 1 && r.label === second)?.description === 'unreachable' && under(all, second)?.some((r) => /not|answer|reach/i.test(r.label));
    }, 60_000);
    await testDocker().getContainer(name).stop({ t: 0 });
    const primaryRoot = (await rows()).find((r) => r.level === 1 && r.label !== second)!.label;
    await waitFor('the first engine still following its events', async () => under(await rows(), primaryRoot)?.some((r) => r.label === name && /Exited/.test(r.description)));
    await uiBridge.screenshot('two-engines-one-down');
    await engine.start();
    await waitFor('the second root back, its container listed', async () => {
      const all = await rows();
      return /^Docker /.test(all.find((r) => r.level === 1 && r.label === second)?.description ?? '') && under(all, second)?.some((r) => r.label === name);
    }, 90_000);
    assert.equal(api.engineState().kind, 'connected');
  });

  it('reaches the second engine over TLS (CA verified, a wrong CA refused) and over ssh (an unknown host key refused, a known one connected)', async function () {
    this.timeout(240_000);
    // TLS: docker contexts (made by the docker CLI in a DOCKER_CONFIG of the test) in front of the same private engine.
    const material = makeTlsMaterial(path.join(root, 'tls'));
    // On 127.0.0.2: VS Code's proxy support keeps a request's own agent (our client certificate) for localhost only.
    const proxy = new TlsEngineProxy(engine.socket, material, '127.0.0.2');
    await proxy.start();
    const configDir = path.join(root, 'docker-config');
    fs.mkdirSync(configDir, { recursive: true });
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: {} }));
    const cli = (...args: string[]) => execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: configDir, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, encoding: 'utf8' });
    const c = material.clientDir;
    cli('context', 'create', 'dockside-tls', '--docker', `host=${proxy.host},ca=${c}/ca.pem,cert=${c}/cert.pem,key=${c}/key.pem`);
    cli('context', 'create', 'dockside-tls-wrong', '--docker', `host=${proxy.host},ca=${material.wrongCa},cert=${c}/cert.pem,key=${c}/key.pem`);
    // ssh: Debian's sshd on 127.0.0.1 (a port of its own), the test key in an ssh-agent of the test, and the
    // user's own known_hosts as ssh reads it (ssh -G names it), which is restored exactly afterwards.
    const sshd = new SshServer(path.join(root, 'ssh'), engine.host);
    const ssh = await sshd.start();
    const agentSocket = path.join(root, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', agentSocket], { stdio: 'ignore' });
    await waitFor('the ssh agent', () => fs.existsSync(agentSocket));
    execFileSync('ssh-add', ['-q', ssh.clientKey], { env: { ...process.env, SSH_AUTH_SOCK: agentSocket }, stdio: 'ignore' });
    const knownHosts = path.join(os.userInfo().homedir, '.ssh', 'known_hosts');
    const knownBefore = fs.existsSync(knownHosts) ? fs.readFileSync(knownHosts) : undefined;
    const sshHost = `ssh://${os.userInfo().username}@127.0.0.1:${ssh.port}`;
    const saved = { DOCKER_CONFIG: process.env.DOCKER_CONFIG, SSH_AUTH_SOCK: process.env.SSH_AUTH_SOCK };
    process.env.DOCKER_CONFIG = configDir;
    process.env.SSH_AUTH_SOCK = agentSocket;
    const pins = [
      { kind: 'engine', id: 'context:dockside-tls', candidate: { id: 'context:dockside-tls', kind: 'context', label: 'dockside-tls', host: proxy.host, contextName: 'dockside-tls', current: false } },
      { kind: 'engine', id: 'context:dockside-tls-wrong', candidate: { id: 'context:dockside-tls-wrong', kind: 'context', label: 'dockside-tls-wrong', host: proxy.host, contextName: 'dockside-tls-wrong', current: false } },
      { kind: 'engine', id: `host:${sshHost}`, candidate: { id: `host:${sshHost}`, kind: 'added', label: 'dockside-ssh', host: sshHost, current: false } },
    ];
    try {
      for (const pin of pins) await vscode.commands.executeCommand('dockside.engines.pin', pin);
      const rootOf = (all: { label: string; description: string; level: number }[], label: string) => all.find((r) => r.level === 1 && r.label === label);
      await waitFor('the TLS engine connected, its containers listed', async () => {
        const all = await rows();
        return /^Docker /.test(rootOf(all, 'dockside-tls')?.description ?? '') && under(all, 'dockside-tls')?.some((r) => r.label === onlySecond);
      }, 60_000);
      const refused = await waitFor('the wrong CA refused', async () => {
        const all = await rows();
        return rootOf(all, 'dockside-tls-wrong')?.description === 'not connected' ? under(all, 'dockside-tls-wrong') : undefined;
      }, 60_000);
      assert.match(refused.map((r) => r.label).join(' '), /TLS/);
      // The host key is in no known_hosts: the question cannot be answered here (no dialogs in tests), so nothing connects.
      const unknown = await waitFor('the unknown ssh host key refused', async () => {
        const all = await rows();
        return rootOf(all, 'dockside-ssh')?.description === 'not connected' ? under(all, 'dockside-ssh') : undefined;
      }, 60_000);
      assert.match(unknown.map((r) => r.label).join(' '), /known_hosts|host key|ssh host/i);
      const knownNow = fs.existsSync(knownHosts) ? fs.readFileSync(knownHosts, 'utf8') : '';
      assert.ok(!knownNow.includes(`[127.0.0.1]:${ssh.port}`), 'nothing was added to known_hosts without the user');
      fs.mkdirSync(path.dirname(knownHosts), { recursive: true, mode: 0o700 });
      fs.appendFileSync(knownHosts, `${knownNow && !knownNow.endsWith('\n') ? '\n' : ''}${ssh.knownHostsLine}\n`);
      await vscode.commands.executeCommand('dockside.engine.retry', { engineId: `host:${sshHost}` });
      await waitFor('the ssh engine connected once its key is known, its containers listed', async () => {
        const all = await rows();
        return /^Docker /.test(rootOf(all, 'dockside-ssh')?.description ?? '') && under(all, 'dockside-ssh')?.some((r) => r.label === onlySecond);
      }, 60_000);
      await uiBridge.screenshot('engines-over-three-transports');
    } finally {
      for (const pin of pins) await vscode.commands.executeCommand('dockside.engines.unpin', pin).then(undefined, () => undefined);
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      if (knownBefore === undefined) fs.rmSync(knownHosts, { force: true });
      else fs.writeFileSync(knownHosts, knownBefore);
      agent.kill();
      await sshd.stop();
      await proxy.stop();
    }
  });

  it('shows the flat view again once the second engine is removed from the explorer', async () => {
    await vscode.commands.executeCommand('dockside.engines.unpin', { kind: 'engineRoot', id: `engine:host:${engine.host}`, engineId: `host:${engine.host}` });
    await waitFor('no engine roots', async () => {
      const all = await rows();
      return !all.some((r) => r.label === second) && all.some((r) => r.label === name && r.level === 1);
    });
  });
});
