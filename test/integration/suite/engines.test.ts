// The Engines view in a real VS Code (issue 15): docker contexts of a test DOCKER_CONFIG with whether each
// answers, its version and OS, the current one marked; create, use and remove reflected in that folder
// exactly as the docker CLI reads it; a second real engine (private, its own network namespace) shown in
// this window without touching the CLI's current context.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { PrivateEngine } from '../../support/privateEngine';
import { activateConnected, answerConfirm, answerFileDialog, answerInput, answerPick, closePromptsAfterFailure, VIEW_CONTAINER } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

describe('Engines view', function () {
  this.timeout(120_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-test-engines-'));
  const engine = new PrivateEngine(path.join(root, 'engine'));
  const configDir = path.join(root, 'docker-config');
  const volume = `dockside-test-engines-${process.pid}`;
  const savedConfig = process.env.DOCKER_CONFIG;
  let api: DocksideApi;
  const cli = (...args: string[]) => execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: configDir, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, encoding: 'utf8' }).trim();
  const engineRow = (name: string) => ({ kind: 'engine', id: `context:${name}`, candidate: { id: `context:${name}`, kind: 'context', label: name, host: '', contextName: name, current: false } });
  const rows = () => uiBridge.viewRows(VIEW_CONTAINER, 'Engines');

  before(async () => {
    fs.mkdirSync(configDir, { recursive: true });
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: {} }));
    process.env.DOCKER_CONFIG = configDir;
    api = await activateConnected();
    await engine.start();
    await new Docker({ socketPath: engine.socket }).createVolume({ Name: volume } as never);
    cli('context', 'create', 'dockside-priv', '--description', 'private test engine', '--docker', `host=${engine.host}`);
    cli('context', 'create', 'dockside-down', '--docker', `host=unix://${path.join(root, 'nobody.sock')}`);
    await vscode.commands.executeCommand('dockside.engines.focus');
  });

  afterEach(function () {
    return closePromptsAfterFailure(this.currentTest);
  });

  after(async () => {
    await vscode.commands.executeCommand('dockside.engines.followCli');
    if (savedConfig === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = savedConfig;
    await waitFor('the default engine again', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === 'unix:///var/run/docker.sock');
    await engine.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists every context with whether it answers, its version and OS, the current one marked', async function () {
    if (!uiBridge.available) this.skip();
    const shown = await waitFor('the three contexts, probed', async () => {
      const r = await rows();
      const find = (name: string) => r.find((row) => row.startsWith(`${name} `));
      const ok = /Docker \d+\.\d+.* · linux\/(amd64|x86_64)/;
      return ok.test(find('default') ?? '') && ok.test(find('dockside-priv') ?? '') && /unreachable/.test(find('dockside-down') ?? '') ? r : undefined;
    });
    assert.match(shown.find((r) => r.startsWith('default '))!, /current/);
    assert.match(shown.find((r) => r.startsWith('dockside-priv '))!, new RegExp(engine.host.replace(/[/.]/g, '\\$&')));
    await uiBridge.screenshot('engines-view');
  });

  it('creates a unix context through the prompts, exactly as docker context create would', async function () {
    if (!uiBridge.available) this.skip();
    const done = vscode.commands.executeCommand('dockside.engines.createContext');
    await answerInput(/Name of the new context/, 'dockside-made');
    await answerPick('Unix socket');
    await answerInput(/Engine address/, `unix://${engine.socket}`);
    await answerInput(/Description/, 'made in Dockside');
    await done;
    const inspected = JSON.parse(cli('context', 'inspect', 'dockside-made'))[0];
    assert.deepEqual(inspected.Endpoints, { docker: { Host: `unix://${engine.socket}`, SkipTLSVerify: false } });
    assert.deepEqual(inspected.Metadata, { Description: 'made in Dockside' });
    await waitFor('the new context row', async () => (await rows()).some((r) => r.startsWith('dockside-made ')));
  });

  it('use asks first, then writes currentContext like docker context use', async function () {
    if (!uiBridge.available) this.skip();
    const done = vscode.commands.executeCommand('dockside.engines.useContext', engineRow('dockside-priv'));
    await answerConfirm('Use for the CLI Too', /docker context use dockside-priv/);
    await done;
    assert.equal(cli('context', 'show'), 'dockside-priv');
    // The views follow the CLI's context, as they did before: the private engine is shown.
    await waitFor('the private engine to be shown', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === engine.host);
    await waitFor('the current mark to move', async () => /current/.test((await rows()).find((r) => r.startsWith('dockside-priv ')) ?? ''));
    // Back to default, as `docker context use default` writes it: no currentContext key at all.
    const back = vscode.commands.executeCommand('dockside.engines.useContext', engineRow('default'));
    await answerConfirm('Use for the CLI Too');
    await back;
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')), { auths: {} });
    await waitFor('the main engine again', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === 'unix:///var/run/docker.sock');
  });

  it('shows another engine in this window only, leaving the CLI alone', async function () {
    await vscode.commands.executeCommand('dockside.engines.showHere', engineRow('dockside-priv'));
    await waitFor('the private engine in this window', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === engine.host);
    assert.equal(cli('context', 'show'), 'default');
    assert.equal(api.engineState().endpoint?.source, 'workspace');
    if (uiBridge.available) await waitFor('the private engine volume row', async () => (await uiBridge.viewRows(VIEW_CONTAINER, 'Volumes')).some((r) => r.startsWith(`${volume} `)));
    await vscode.commands.executeCommand('dockside.engines.followCli');
    await waitFor('the CLI engine again', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === 'unix:///var/run/docker.sock');
  });

  it('exports a context the CLI imports, and imports it back under another name', async function () {
    if (!uiBridge.available) this.skip();
    const file = path.join(root, 'priv.dockercontext');
    const exported = vscode.commands.executeCommand('dockside.engines.exportContext', engineRow('dockside-priv'));
    await answerFileDialog(file);
    await exported;
    cli('context', 'import', 'dockside-cli-imported', file);
    assert.equal(JSON.parse(cli('context', 'inspect', 'dockside-cli-imported'))[0].Endpoints.docker.Host, engine.host);
    const imported = vscode.commands.executeCommand('dockside.engines.importContext');
    await answerFileDialog(file);
    await answerInput(/Name of the new context/, 'dockside-imported');
    await imported;
    assert.deepEqual(JSON.parse(cli('context', 'inspect', 'dockside-imported'))[0].Endpoints, { docker: { Host: engine.host, SkipTLSVerify: false } });
    await waitFor('the imported context row', async () => (await rows()).some((r) => r.startsWith('dockside-imported ')));
  });

  it('remove asks, then deletes the context as docker context rm does', async function () {
    if (!uiBridge.available) this.skip();
    const done = vscode.commands.executeCommand('dockside.engines.removeContext', engineRow('dockside-made'));
    await answerConfirm('Remove', /dockside-made/);
    await done;
    assert.ok(!cli('context', 'ls', '--format', '{{.Name}}').split('\n').includes('dockside-made'));
    await waitFor('the row to go', async () => !(await rows()).some((r) => r.startsWith('dockside-made ')));
  });
});
