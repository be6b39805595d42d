// Run presets (issue 18) in a real VS Code against the real engine. The preset's own image reference is
// kept: a stand-in built from the local test image (its `redis-server` serves the volume over HTTP) is
// tagged as the preset's image for the test only, and the tag removed afterwards. Names, volume names and
// host ports are changed in the form, as a user would, so that nothing collides on the shared engine.
// The missing-image path runs on a private engine in a network namespace of the test's own: the pull it
// offers fails there, and nothing leaves that namespace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { compactRunOptions, type RunOptions } from '../../../src/models/run/runOptions';
import { presetById } from '../../../src/run/presets/presetCatalog';
import { presetRunOptions } from '../../../src/run/presets/presetRunOptions';
import { freePort } from '../../launchers/network';
import { PrivateEngine } from '../../support/privateEngine';
import { TEST_IMAGE, TEST_LABEL, testDocker } from '../../support/testEngine';
import { logFiles } from '../support/logFiles';
import { answerInput, answerPick, closePromptsAfterFailure, expectNotification } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

interface FormPanelHandle {
  readonly ready: Promise<void>;
  readonly currentOptions: RunOptions;
  submit(action: 'run' | 'copy' | 'save', options?: RunOptions): Promise<void>;
  publishOn(scope: 'loopback' | 'all'): Promise<readonly string[]>;
}

const PREFIX = `h-presets-${process.pid}`;
const STAND_IN = `h-presets-standin:${process.pid}`;
/** The presets' real references, tagged onto the stand-in while the suite runs. */
const STAND_IN_TAGS = ['redis:7.4', 'mysql:8.4'];

describe('Run presets (issue 18): the handbook services through the Run form', function () {
  this.timeout(180_000);
  const docker = testDocker();
  const workspaceSettings = path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir(), '.vscode', 'settings.json');
  const settingsBefore = fs.existsSync(workspaceSettings) ? fs.readFileSync(workspaceSettings, 'utf8') : undefined;
  let api: DocksideApi;

  before(async () => {
    api = (await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate())!;
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected');
    for (const tag of STAND_IN_TAGS) {
      const existing = await docker.getImage(tag).inspect().catch(() => undefined);
      assert.equal(existing, undefined, `${tag} is already on this engine; the suite does not touch an image it did not make`);
    }
    const base = await docker.createContainer({
      name: `${PREFIX}-standin-base`, Image: TEST_IMAGE, Labels: { [TEST_LABEL]: 'true' },
      Cmd: ['sh', '-c', "mkdir -p /usr/local/bin && printf '%s\\n' '#!/bin/sh' 'echo ok > /data/index.html' 'exec httpd -f -p 6379 -h /data' > /usr/local/bin/redis-server && chmod +x /usr/local/bin/redis-server"],
    });
    await base.start();
    await base.wait();
    const [repo, tag] = STAND_IN.split(':');
    await base.commit({ repo, tag, changes: ['CMD ["sleep","3600"]', `LABEL ${TEST_LABEL}=true`] });
    await base.remove();
    for (const reference of STAND_IN_TAGS) {
      const [r, t] = reference.split(':');
      await docker.getImage(STAND_IN).tag({ repo: r, tag: t });
    }
  });

  afterEach(async function () {
    await closePromptsAfterFailure(this.currentTest);
    // A form left open by a failed test would take the next test's keys (Enter in a field runs it).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await restoreWorkspaceSettings();
    const standIn = await docker.getImage(STAND_IN).inspect().catch(() => undefined);
    // Every container of the stand-in, also one a failed test ran under the preset's own name, and its volumes.
    const containers = [
      ...(await docker.listContainers({ all: true, filters: JSON.stringify({ name: [PREFIX] }) })),
      ...(standIn ? await docker.listContainers({ all: true, filters: JSON.stringify({ ancestor: [standIn.Id] }) }) : []),
    ];
    const volumes = new Set(containers.flatMap((c) => c.Mounts.filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name!)));
    await Promise.all([...new Set(containers.map((c) => c.Id))].map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
    const { Volumes } = await docker.listVolumes({ filters: JSON.stringify({ name: [PREFIX] }) });
    for (const v of Volumes ?? []) volumes.add(v.Name);
    await Promise.all([...volumes].map((v) => docker.getVolume(v).remove().catch(() => undefined)));
    // Untag only what points at our stand-in; then the stand-in itself.
    for (const reference of STAND_IN_TAGS) {
      const image = await docker.getImage(reference).inspect().catch(() => undefined);
      if (standIn && image?.Id === standIn.Id) await docker.getImage(reference).remove();
    }
    if (standIn) await docker.getImage(STAND_IN).remove();
  });

  /** Saving from the form wrote the workspace's .vscode/settings.json: leave the fixture as it was. */
  async function restoreWorkspaceSettings(): Promise<void> {
    if (settingsBefore !== undefined) return fs.writeFileSync(workspaceSettings, settingsBefore);
    await vscode.workspace.getConfiguration('dockside').update('run.configurations', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(workspaceSettings, { force: true });
    const folder = path.dirname(workspaceSettings);
    if (fs.existsSync(folder) && fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }

  it('offers every preset in a QuickPick, each with what it is', async function () {
    if (!uiBridge.available) this.skip();
    const picking = vscode.commands.executeCommand('dockside.runPreset');
    const rows = await waitFor('the preset rows', async () => {
      const all = await uiBridge.quickPickItems();
      return all.length >= 7 ? all : undefined;
    });
    for (const [label, image, words] of [['Redis', 'redis:7.4', 'append-only'], ['MySQL', 'mysql:8.4', 'root password'], ['CentOS', 'centos:7', 'shell'], ['Jenkins', 'jenkins/jenkins', 'jenkins-home'], ['GitLab', 'gitlab/gitlab-ce', 'logs'], ['Elasticsearch', 'elasticsearch:8', 'ES_JAVA_OPTS'], ['nginx', 'nginx:1.27', 'nginx-conf']]) {
      assert.ok(rows.some((r) => r.includes(label) && r.includes(image) && r.includes(words)), `a row for ${label}: ${rows.join(' | ')}`);
    }
    await uiBridge.screenshot('run-presets-pick');
    await uiBridge.pressKey('Escape');
    assert.equal(await picking, undefined);
  });

  it('opens the redis preset prefilled, switches between loopback and all interfaces, and runs it on 127.0.0.1 with its volume', async () => {
    const panel = await vscode.commands.executeCommand<FormPanelHandle>('dockside.runPreset', 'redis');
    assert.ok(panel, 'the image is local: the form opens at once');
    await waitFor('the form page to run its script', () => Promise.race([panel.ready.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 500))]));
    assert.deepEqual(compactRunOptions(panel.currentOptions), presetRunOptions(presetById('redis')!));
    const name = `${PREFIX}-redis`;
    const volume = `${PREFIX}-redis-data`;
    const port = await freePort();
    if (uiBridge.available) {
      assert.equal(await uiBridge.webviewAct('#ports', 'value'), '127.0.0.1:6379:6379');
      assert.equal(await uiBridge.webviewAct('#command', 'value'), 'redis-server --appendonly yes');
      await uiBridge.webviewAct('#allInterfaces', 'click');
      await waitFor('the ports on every interface', async () => (await uiBridge.webviewAct('#ports', 'value')) === '0.0.0.0:6379:6379');
      let shown: string[] = [];
      await waitFor('the docker run line to publish on 0.0.0.0', async () => (shown = await uiBridge.webviewTexts()).some((t) => t.includes('-p 0.0.0.0:6379:6379'))).catch((error: Error) => {
        throw new Error(`${error.message}; shown: ${shown.map((t) => (t.includes('docker run') ? t.slice(t.lastIndexOf('docker run') - 40, t.lastIndexOf('docker run') + 200) : `[${t.length} chars]`)).join(' | ')}`);
      });
      await uiBridge.screenshot('run-presets-all-interfaces');
      await uiBridge.webviewAct('#allInterfaces', 'click');
      await waitFor('the ports back on loopback', async () => (await uiBridge.webviewAct('#ports', 'value')) === '127.0.0.1:6379:6379');
      await uiBridge.webviewAct('#name', 'fill', name);
      await uiBridge.webviewAct('#volumes', 'fill', `${volume}:/data`);
      await uiBridge.webviewAct('#ports', 'fill', `127.0.0.1:${port}:6379`);
      await uiBridge.webviewAct('#labels', 'fill', `${TEST_LABEL}=true`);
      await waitFor('the line to show the edits', async () => (await uiBridge.webviewTexts()).some((t) => t.includes(`-p 127.0.0.1:${port}:6379`) && t.includes(`--name ${name}`)));
      await uiBridge.screenshot('run-presets-redis-form');
      await uiBridge.webviewAct('#run', 'click');
    } else {
      assert.deepEqual(await panel.publishOn('all'), ['0.0.0.0:6379:6379']);
      assert.deepEqual(await panel.publishOn('loopback'), ['127.0.0.1:6379:6379']);
      await panel.submit('run', { ...panel.currentOptions, name, volumes: [`${volume}:/data`], ports: [`127.0.0.1:${port}:6379`], labels: [`${TEST_LABEL}=true`] });
    }
    const info = await waitFor('the redis container', async () => (await docker.getContainer(name).inspect().catch(() => undefined))?.State.Running && docker.getContainer(name).inspect());
    assert.equal(info.Config.Image, 'redis:7.4');
    assert.deepEqual(info.Config.Cmd, ['redis-server', '--appendonly', 'yes']);
    assert.deepEqual(info.HostConfig.PortBindings, { '6379/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] });
    assert.deepEqual(info.HostConfig.RestartPolicy, { Name: 'unless-stopped', MaximumRetryCount: 0 });
    assert.deepEqual(info.Mounts.map((m) => [m.Type, m.Name, m.Destination, m.RW]), [['volume', volume, '/data', true]]);
    assert.ok(await docker.getVolume(volume).inspect(), 'the volume was made');
    // The stand-in's redis-server wrote into the volume and serves it: the port answers on loopback.
    assert.equal(await waitFor('the published port to answer on 127.0.0.1', () => httpText(`http://127.0.0.1:${port}/`)), 'ok\n');
  });

  it('asks the mysql root password once, keeps it in secret storage, saves the preset without it, gives it only to the container, and asks again once forgotten', async function () {
    if (!uiBridge.available) this.skip();
    const password = `pw-${Math.random().toString(36).slice(2)} "x"`;
    const configuration = `${PREFIX}-mysql-config`;
    const name = `${PREFIX}-mysql`;
    const panel = await vscode.commands.executeCommand<FormPanelHandle>('dockside.runPreset', 'mysql');
    await waitFor('the form page to run its script', () => Promise.race([panel.ready.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 500))]));
    assert.ok((await uiBridge.webviewTexts()).some((t) => t.includes("kept in VS Code's secret storage")), 'the preset note shows in the form');
    assert.equal(await uiBridge.webviewAct('#secretEnv', 'value'), 'MYSQL_ROOT_PASSWORD');
    const preset = panel.currentOptions;
    const edited: RunOptions = { ...preset, name, volumes: preset.volumes!.map((v) => `${PREFIX}-${v}`), ports: [`127.0.0.1:${await freePort()}:3306`], labels: [`${TEST_LABEL}=true`] };
    const saving = panel.submit('save', edited);
    await answerInput('Name of the run configuration', configuration);
    await saving;
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const saved = JSON.parse(fs.readFileSync(workspaceSettings, 'utf8'))['dockside.run.configurations'] as { name: string; options: RunOptions }[];
    assert.deepEqual(saved.find((c) => c.name === configuration)?.options.secretEnv, ['MYSQL_ROOT_PASSWORD']);

    const first = vscode.commands.executeCommand<string>('dockside.images.runSavedConfiguration', configuration);
    await waitFor('the password question', async () => (await uiBridge.quickInputTitle()) === `MYSQL_ROOT_PASSWORD for ${name}`);
    assert.equal(await uiBridge.quickInputValue(), '');
    await uiBridge.typeText(password);
    await uiBridge.pressKey('Enter');
    const id = await first;
    const info = await docker.getContainer(id).inspect();
    assert.ok(info.Config.Env.includes(`MYSQL_ROOT_PASSWORD=${password}`), 'the container got the password');
    assert.deepEqual(info.Mounts.map((m) => m.Name).sort(), [`${PREFIX}-mysql-conf`, `${PREFIX}-mysql-data`, `${PREFIX}-mysql-log`]);
    await docker.getContainer(id).remove({ force: true });

    // The second run reads it from secret storage: no question.
    let settled = false;
    const second = vscode.commands.executeCommand<string>('dockside.images.runSavedConfiguration', configuration).then((value) => ((settled = true), value));
    const question = await waitFor('the second run to finish, or a question', async () => (settled ? '' : (await uiBridge.quickInputTitle()) || undefined), 60_000);
    assert.equal(question, '', 'the second run asked again');
    const secondId = await second;
    assert.ok((await docker.getContainer(secondId).inspect()).Config.Env.includes(`MYSQL_ROOT_PASSWORD=${password}`));

    await docker.getContainer(secondId).remove({ force: true });

    // Forgotten, it is asked for again at the next run.
    const forgetting = vscode.commands.executeCommand<string[]>('dockside.images.runForgetSecrets');
    await answerPick(name);
    assert.deepEqual(await forgetting, [`dockside.run.secretEnv/mysql/${name}/MYSQL_ROOT_PASSWORD`]);
    const third = vscode.commands.executeCommand<string>('dockside.images.runSavedConfiguration', configuration);
    await waitFor('the password question again', async () => (await uiBridge.quickInputTitle()) === `MYSQL_ROOT_PASSWORD for ${name}`);
    await uiBridge.typeText(`${password}-new`);
    await uiBridge.pressKey('Enter');
    assert.ok((await docker.getContainer(await third).inspect()).Config.Env.includes(`MYSQL_ROOT_PASSWORD=${password}-new`));

    const userData = logFiles()[0]?.replace(/\/logs\/.*$/, '');
    const places = [workspaceSettings, ...logFiles(), ...(userData ? [path.join(userData, 'User', 'settings.json')] : [])].filter((f) => fs.existsSync(f));
    assert.ok(places.length > 2, places.join(', '));
    for (const file of places) assert.ok(!fs.readFileSync(file, 'utf8').includes(password), `${file} holds the password`);
    const line = await vscode.commands.executeCommand<string>('dockside.images.runCopyConfigurationLine', configuration);
    assert.match(line, / -e MYSQL_ROOT_PASSWORD (?!\S*=)/);
    assert.ok(!line.includes(password.slice(3, 12)), line);
  });

  it('opens elasticsearch with its memory needs explained and this machine\'s vm.max_map_count checked', async function () {
    if (!uiBridge.available) this.skip();
    // elasticsearch:8.15.3 is not on the test engine: the question comes first; open the form without pulling.
    const opening = vscode.commands.executeCommand<FormPanelHandle>('dockside.runPreset', 'elasticsearch');
    await waitFor('the missing-image question', async () => (await uiBridge.notificationTexts()).some((t) => t.includes('The image elasticsearch:8.15.3 is not on this engine.')));
    await waitFor('the Open the Form button', () => uiBridge.clickButton('Open the Form'));
    const panel = await opening;
    assert.deepEqual(compactRunOptions(panel.currentOptions), presetRunOptions(presetById('elasticsearch')!));
    const form = await waitFor('the note', async () => (await uiBridge.webviewTexts()).find((t) => t.includes('vm.max_map_count')));
    assert.match(form, /ES_JAVA_OPTS sets the heap to 512 MiB/);
    const value = Number(fs.readFileSync('/proc/sys/vm/max_map_count', 'utf8'));
    if (value < 262144) assert.ok(form.includes(`On this machine vm.max_map_count is ${value}, below 262144`), form.slice(0, 600));
    else assert.ok(!form.includes('On this machine vm.max_map_count'), form.slice(0, 600));
    await uiBridge.screenshot('run-presets-elasticsearch');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  describe('on an engine without the image and without a registry', () => {
    const engine = new PrivateEngine(path.join(os.tmpdir(), `${PREFIX}-engine`), { netns: `${PREFIX}-net` });

    before(async function () {
      this.timeout(90_000);
      if (!uiBridge.available) return;
      await engine.start();
      await vscode.workspace.getConfiguration('dockside').update('engine.host', engine.host, vscode.ConfigurationTarget.Global);
      await waitFor('the private engine to connect', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === engine.host, 60_000);
    });

    after(async function () {
      this.timeout(90_000);
      await vscode.workspace.getConfiguration('dockside').update('engine.host', undefined, vscode.ConfigurationTarget.Global);
      await engine.destroy();
      await waitFor('the default engine again', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host !== engine.host, 60_000);
    });

    it('says the image is missing, offers the pull, and when it fails says why in one sentence, opens the form and creates nothing', async function () {
      if (!uiBridge.available) this.skip();
      const opening = vscode.commands.executeCommand<FormPanelHandle>('dockside.runPreset', 'nginx');
      await waitFor('the missing-image question', async () => (await uiBridge.notificationTexts()).some((t) => t.includes('The image nginx:1.27 is not on this engine. Pull it now')));
      await uiBridge.screenshot('run-presets-missing-image');
      await waitFor('the Pull button', () => uiBridge.clickButton('Pull nginx:1.27'));
      const sentence = await expectNotification(/cannot reach a registry to pull nginx:1\.27/);
      assert.match(sentence, /Nothing was created; the preset is open in the form\./);
      const panel = await opening;
      assert.ok(panel, 'the form opened with the preset');
      assert.deepEqual(compactRunOptions(panel.currentOptions), presetRunOptions(presetById('nginx')!));
      await waitFor('the form to say why', async () => (await uiBridge.webviewTexts()).some((t) => t.includes('The engine cannot reach a registry to pull nginx:1.27')));
      await uiBridge.screenshot('run-presets-pull-failed');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const client = new Docker({ socketPath: engine.socket });
      assert.deepEqual(await client.listContainers({ all: true }), []);
      assert.deepEqual((await client.listVolumes()).Volumes ?? [], []);
      assert.deepEqual(await client.listImages({ all: true }), []);
    });
  });
});

function httpText(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(res.statusCode === 200 ? body : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.setTimeout(2000, () => req.destroy());
  });
}
