// Swarm in a real VS Code (issue 17) against a private single-node swarm: a dockerd in its own network
// namespace with an address the test assigns (test/support/swarmEngine.ts). The main engine never joins a
// swarm. Everything is driven through the palette and prompts as a user would, and checked in the page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { SWARM_IMAGE_V2, SwarmEngine } from '../../support/swarmEngine';
import { TEST_IMAGE } from '../../support/testEngine';
import { logFiles } from '../support/logFiles';
import { answerConfirm, answerInput, answerPick, closePromptsAfterFailure, expectInputMessage } from '../support/managePrompts';
import { terminalScreen } from '../support/terminalScreen';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const CONTAINER = 'dockside-swarm';

describe('Swarm views and actions (private swarm)', function () {
  this.timeout(120_000);
  const swarm = new SwarmEngine(`swarm-it${process.pid}`);
  const service = `swarm-web-${process.pid}`;
  const secretName = `swarm-secret-${process.pid}`;
  const secretValue = `dockside-swarm-value-${process.pid}-${Math.random().toString(36).slice(2)}`;
  let api: DocksideApi;
  const { waitForScreen, terminalNamed } = terminalScreen(() => api);

  /** Rows of a swarm view, all of them (scrolled through), as "label description". */
  const rows = async (view: string) => (await uiBridge.allViewRows(CONTAINER, view)).map((r) => `${r.label} ${r.description}`);
  const row = (view: string, pattern: RegExp, what: string, timeoutMs = 60_000) =>
    waitFor(what, async () => (await rows(view)).find((r) => pattern.test(r)), timeoutMs).catch(async (error: Error) => {
      // What the engine itself says of the tasks tells a stale view from a swarm that cannot place a task.
      const tasks = ((await swarm.docker.listTasks({}).catch(() => [])) as { Slot?: number; DesiredState: string; Status: { State: string; Err?: string } }[]).map((t) => `${t.Slot}:${t.Status.State}→${t.DesiredState}${t.Status.Err ? ` (${t.Status.Err})` : ''}`);
      throw new Error(`${error.message}; the view shows ${JSON.stringify(await rows(view))}; the engine's tasks: ${tasks.join(', ')}`);
    });

  before(async function () {
    this.timeout(180_000);
    const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
    assert.ok(ext);
    api = await ext.activate();
    await swarm.start();
    await vscode.workspace.getConfiguration('dockside').update('engine.host', swarm.host, vscode.ConfigurationTarget.Global);
    await waitFor('the swarm engine to connect', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === swarm.host, 60_000);
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
    await waitFor('the swarm event stream', () => api.swarmStreaming(), 30_000);
  });

  afterEach(function () {
    return closePromptsAfterFailure(this.currentTest);
  });

  after(async function () {
    this.timeout(120_000);
    await vscode.commands.executeCommand('workbench.action.terminal.killAll');
    await vscode.workspace.getConfiguration('dockside').update('engine.host', undefined, vscode.ConfigurationTarget.Global);
    await swarm.destroy();
    await waitFor('the default engine again', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === 'unix:///var/run/docker.sock', 60_000);
  });

  it('shows the Services view and the manager node on a swarm manager', async function () {
    if (!uiBridge.available) this.skip();
    await waitFor('the empty-swarm welcome', async () => /The swarm has no services yet/.test(await uiBridge.welcomeText(CONTAINER)));
    await row('Nodes', /manager · leader · active · ready/, 'the manager node row');
  });

  it('creates a service of 3 replicas from the local test image and sees its tasks reach running', async function () {
    this.timeout(240_000);
    if (!uiBridge.available) this.skip();
    const creating = vscode.commands.executeCommand<string>('dockside.swarm.createService');
    await answerInput('Image the tasks run', TEST_IMAGE);
    await answerInput('Service name', service);
    await answerInput('Replicas', '3');
    await answerInput('Published ports', '');
    await answerInput('Environment', 'GREETING=hello');
    await answerInput('Command and arguments', 'while true; do echo "$GREETING from $(hostname)"; sleep 1; done');
    await answerInput('Mounts as volume:/path', 'data:relative');
    await expectInputMessage(/the destination inside the container must be an absolute path/);
    await answerInput('destination inside the container', `swarm-ui-${process.pid}:/data, /etc:/host-etc:ro`);
    await answerInput('Placement constraints', 'node.role==manager');
    await answerInput('Limits per task', 'cpus=0.5, memory=64m');
    await answerInput('Reservations per task', 'cpus=1');
    await expectInputMessage(/The CPU reservation is more than the CPU limit/);
    await answerInput('CPU reservation is more', 'cpus=0.1, memory=16m');
    const id = await creating;
    assert.ok(id, 'the command returns the new service id');
    const template = ((await swarm.docker.getService(id).inspect()) as { Spec: { TaskTemplate: Record<string, any> } }).Spec.TaskTemplate;
    assert.deepEqual(template.ContainerSpec.Mounts.map((m: { Type: string; Target: string; ReadOnly?: boolean }) => `${m.Type}:${m.Target}${m.ReadOnly ? ':ro' : ''}`), ['volume:/data', 'bind:/host-etc:ro']);
    assert.deepEqual(template.Placement.Constraints, ['node.role==manager']);
    assert.deepEqual(template.Resources, { Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * 1024 ** 2 }, Reservations: { NanoCPUs: 1e8, MemoryBytes: 16 * 1024 ** 2 } });
    // Three tasks start one after the other on a loaded machine: up to two minutes.
    await row('Services', new RegExp(`^${service} replicated 3/3 · ${TEST_IMAGE}`), 'the service row at 3/3', 120_000);
    await uiBridge.clickViewRow(CONTAINER, 'Services', service);
    for (const slot of [1, 2, 3]) await row('Services', new RegExp(`^${service}\\.${slot} running · `), `task ${slot} running`);
    await uiBridge.screenshot('swarm-services-running');
  });

  it('updates the image to a second local tag and sees the rolling update finish, then rolls back', async function () {
    // The engine watches each batch of new tasks for 5 s, and rolls back one task at a time.
    this.timeout(240_000);
    if (!uiBridge.available) this.skip();
    const updating = vscode.commands.executeCommand('dockside.swarm.updateServiceImage');
    await answerPick(service);
    await answerInput('New image', SWARM_IMAGE_V2);
    await answerInput('Tasks updated at once', '2');
    await answerInput('Seconds to wait between batches', '0');
    await updating;
    // The engine watches each new task for 5 s before it calls the update done: the progress shows meanwhile.
    await row('Services', new RegExp(`^${service} replicated [0-3]/3 · ${SWARM_IMAGE_V2} · updating [0-3]/3`), 'the update in progress', 30_000);
    // The README shows this picture.
    await uiBridge.screenshot('swarm-rolling-update');
    await row('Services', new RegExp(`^${service} replicated 3/3 · ${SWARM_IMAGE_V2} · update completed`), 'the update to complete', 90_000);
    const rolling = vscode.commands.executeCommand('dockside.swarm.rollbackService');
    await answerPick(service);
    await rolling;
    await row('Services', new RegExp(`^${service} replicated 3/3 · ${TEST_IMAGE} · rollback completed`), 'the rollback to complete', 90_000);
  });

  it('scales the service to 1 and sees two tasks go', async function () {
    if (!uiBridge.available) this.skip();
    const scaling = vscode.commands.executeCommand('dockside.swarm.scaleService');
    await answerPick(service);
    await answerInput('Number of replicas', '1');
    await scaling;
    await row('Services', new RegExp(`^${service} replicated 1/1 `), 'the service row at 1/1');
    await waitFor('tasks 2 and 3 to go', async () => {
      const shown = await rows('Services');
      return !shown.some((r) => new RegExp(`^${service}\\.[23] running`).test(r)) && shown.some((r) => r.startsWith(`${service}.1 running`));
    }, 60_000);
  });

  it('follows the service logs with task prefixes', async () => {
    const following = vscode.commands.executeCommand('dockside.swarm.followServiceLogs');
    if (uiBridge.available) await answerPick(service);
    await following;
    const terminal = await terminalNamed(new RegExp(`Logs: ${service} \\(service\\)`));
    await waitForScreen(terminal, new RegExp(`${service}\\.1\\.[a-z0-9]{12}@\\S+ \\| hello from [0-9a-f]{12}`), 'a prefixed log line', 40_000);
  });

  it('creates a secret from typed text; its value shows nowhere, not in inspect, not in a log', async function () {
    if (!uiBridge.available) this.skip();
    const creating = vscode.commands.executeCommand<string>('dockside.swarm.createSecret');
    await answerInput('Secret name', secretName);
    await answerPick('Type the value');
    await answerInput('Value (the engine stores it', secretValue);
    const id = await creating;
    assert.ok(id);
    await row('Secrets', new RegExp(`^${secretName} `), 'the secret row');
    const inspecting = vscode.commands.executeCommand<vscode.Uri>('dockside.swarm.inspectSecret');
    await answerPick(secretName);
    const uri = await inspecting;
    const text = (await vscode.workspace.openTextDocument(uri!)).getText();
    assert.match(text, new RegExp(secretName));
    for (const document of vscode.workspace.textDocuments) assert.ok(!document.getText().includes(secretValue), `${document.uri.toString()} holds the secret value`);
    for (const [name, transcript] of Object.entries(api.terminals.transcripts())) assert.ok(!transcript.includes(secretValue), `terminal ${name} wrote the secret value`);
    const logs = logFiles();
    assert.ok(logs.some((f) => /dockside/i.test(f)), `Dockside's log file is among ${logs.join(', ')}`);
    for (const file of logs) assert.ok(!fs.readFileSync(file, 'utf8').includes(secretValue), `${file} holds the secret value`);
  });

  it('deploys a compose file as a stack through the docker CLI and removes it', async function () {
    if (!uiBridge.available) this.skip();
    const stack = `swarmstack${process.pid}`;
    const file = vscode.Uri.file(path.resolve(__dirname, '../../../../test/fixtures/swarm/stack.yml'));
    const deploying = vscode.commands.executeCommand<string>('dockside.swarm.deployStack', file);
    await answerInput('Stack name', stack);
    assert.equal(await deploying, stack);
    await row('Stacks', new RegExp(`^${stack} 1 service`), 'the stack row');
    await row('Stacks', new RegExp(`^${stack}_api replicated 2/2 · ${TEST_IMAGE}`), 'the stack service at 2/2');
    const removing = vscode.commands.executeCommand('dockside.swarm.removeStack');
    await answerPick(stack);
    await answerConfirm('Remove', /Its services, networks/);
    await removing;
    await waitFor('the stack row to go', async () => !(await rows('Stacks')).some((r) => r.startsWith(`${stack} `)), 30_000);
  });

  it('removes the service after a confirmation', async function () {
    if (!uiBridge.available) this.skip();
    const removing = vscode.commands.executeCommand('dockside.swarm.removeService');
    await answerPick(service);
    await answerConfirm('Remove', /Every task/);
    await removing;
    await waitFor('the service row to go', async () => !(await rows('Services')).some((r) => r.startsWith(`${service} `)), 30_000);
  });
});
