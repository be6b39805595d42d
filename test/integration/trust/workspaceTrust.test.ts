// Workspace trust in a real VS Code (issue 12, items 1 to 4): a hostile repository (test/launchers/
// hostileWorkspace.ts) opens in Restricted Mode. Dockerfiles are linted with the pure rules only; no
// engine is dialled (neither the repository's nor the user's), no command runs. Then the user trusts
// the workspace: the user's own engine connects, the real ShellCheck (not the repository's) joins the
// diagnostics, and the repository's run configuration shows its `/:/host` mount and waits for a choice.
// Nothing of the repository ever runs: the marker file never appears, its engine socket is never dialled.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

interface Fixture {
  readonly marker: string;
  readonly attackerLog: string;
  readonly runConfiguration: string;
}

const fixture = JSON.parse(process.env.DOCKSIDE_TRUST_FIXTURE ?? '{}') as Fixture;
const CONTAINER = 'dockside';

function assertNothingOfTheRepositoryRan(): void {
  assert.equal(fs.existsSync(fixture.marker), false, `the repository's program ran: ${fs.existsSync(fixture.marker) ? fs.readFileSync(fixture.marker, 'utf8') : ''}`);
  assert.equal(fs.existsSync(fixture.attackerLog), false, "the repository's engine socket was dialled");
}

async function diagnosticsOf(uri: vscode.Uri, accept: (list: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor('the Dockerfile diagnostics', () => {
    const list = vscode.languages.getDiagnostics(uri);
    return accept(list) ? list : undefined;
  }, 30_000);
}

/** The open QuickPick as the user reads it: its title, then its rows (separators included). */
async function reviewText(): Promise<string> {
  return [await uiBridge.quickInputTitle(), ...(await uiBridge.quickPickItems())].join('\n');
}

/** Starts a saved configuration by name and resolves with what the command returned. */
function runSaved(name: string): Thenable<string | undefined> {
  return vscode.commands.executeCommand<string | undefined>('dockside.images.runSavedConfiguration', name);
}

describe('Workspace trust: a hostile repository opened in Restricted Mode, then trusted', function () {
  this.timeout(120_000);
  const docker = testDocker();
  const dockerfile = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'Dockerfile'));
  let api: DocksideApi;

  before(async function () {
    assert.ok(fixture.marker, 'the launcher passes DOCKSIDE_TRUST_FIXTURE');
    assert.ok(uiBridge.available, 'the trust suite runs under the code-server launcher');
    api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
  });

  after(() => removeTestContainers(docker));

  it('in Restricted Mode: lints with the pure rules, connects to no engine, runs no command', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder opens untrusted');
    // The repository's values for settings that name a program or an engine are ignored (machine scope).
    const config = vscode.workspace.getConfiguration('dockside');
    assert.equal(config.get('dockerfile.lint.shellcheckPath'), '');
    assert.equal(config.get('engine.host'), '');
    assert.equal(config.get('engine.context'), '');
    assert.equal(config.get('shell.command'), '');

    await waitFor('the Restricted Mode state', () => api.engineState().kind === 'failed' && (api.engineState() as { code: string }).code === 'untrusted');
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
    await waitFor('the trust welcome', async () => /only in a trusted workspace/.test(await uiBridge.welcomeText(CONTAINER)));
    assert.match(await uiBridge.statusBarText(), /Restricted Mode/);

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dockerfile));
    const restricted = await diagnosticsOf(dockerfile, (list) => list.some((d) => d.code === 'DL3000' || (d.code as { value?: string })?.value === 'DL3000'));
    assert.equal(restricted.some((d) => d.source === 'shellcheck'), false, 'no ShellCheck in Restricted Mode');

    // A command that runs something says why it waits, and nothing is created.
    const result = runSaved(fixture.runConfiguration);
    await waitFor('the trust notice', async () => (await uiBridge.notificationTexts()).some((t) => /only in a trusted workspace/.test(t)));
    assert.equal(await result, undefined);
    const created = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [`dockside-test-trust-host-`] }) });
    assert.deepEqual(created.map((c) => c.Names), []);
    await uiBridge.screenshot('trust-restricted');
    assertNothingOfTheRepositoryRan();
  });

  it('once trusted: connects to the user\'s engine, runs the real ShellCheck, and never the repository\'s', async () => {
    await vscode.commands.executeCommand('workbench.trust.manage');
    await waitFor('the Trust button', () => uiBridge.clickButton('Trust'), 20_000);
    await waitFor('the workspace to be trusted', () => vscode.workspace.isTrusted);

    await waitFor('the user\'s own engine', () => {
      const state = api.engineState();
      return state.kind === 'connected' && state.endpoint.host === 'unix:///var/run/docker.sock';
    }, 30_000);
    const trusted = await diagnosticsOf(dockerfile, (list) => list.some((d) => d.source === 'shellcheck'));
    assert.ok(trusted.some((d) => d.message.length > 0 && /2086/.test(String((d.code as { value?: string })?.value ?? d.code))), JSON.stringify(trusted));
    assertNothingOfTheRepositoryRan();
  });

  it('shows what the repository\'s run configuration does and runs nothing unless the user confirms', async () => {
    const result = runSaved(fixture.runConfiguration);
    const review = await waitFor('the review', async () => ((await uiBridge.quickInputTitle()).includes(fixture.runConfiguration) ? reviewText() : undefined));
    assert.match(review, /comes from the workspace settings/);
    assert.match(review, /Mounts the host folder \/ at \/host, writable/);
    assert.match(review, /docker run .*-v \/:\/host/);
    await uiBridge.screenshot('trust-run-configuration');
    // Enter on the review's first line does not run it: only choosing Run does.
    await uiBridge.pressKey('Enter');
    assert.match(await uiBridge.quickInputTitle(), /for the first time/, 'the review stays open');
    assert.ok(await uiBridge.clickQuickPickItem('Cancel'));
    assert.equal(await result, undefined, 'cancelled: nothing runs');
    const created = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [`dockside-test-trust-host-`] }) });
    assert.deepEqual(created.map((c) => c.Names), []);
    assertNothingOfTheRepositoryRan();
  });

  it('remembers a confirmation per configuration content, and asks again when it changes', async () => {
    const name = testName('trust-confirmed');
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-trust-data-'));
    const options = { image: TEST_IMAGE, volumes: [`${data}:/data:ro`], command: 'true', labels: [`${TEST_LABEL}=true`] };
    const config = vscode.workspace.getConfiguration('dockside');
    const original = config.inspect('run.configurations')?.workspaceValue;
    const started: string[] = [];
    try {
      await config.update('run.configurations', [{ name, options }], vscode.ConfigurationTarget.Workspace);
      const first = runSaved(name);
      await waitFor('the first review', async () => /read-only/.test(await reviewText()));
      assert.ok(await uiBridge.clickQuickPickItem('Run'));
      started.push((await first) ?? '');
      assert.ok(started[0], 'confirmed: it runs');
      // The same content again: no question.
      started.push((await runSaved(name)) ?? '');
      assert.ok(started[1], 'a confirmed configuration runs without asking');
      // Changed content: asked again.
      await config.update('run.configurations', [{ name, options: { ...options, volumes: [`${data}:/data`] } }], vscode.ConfigurationTarget.Workspace);
      const changed = runSaved(name);
      await waitFor('the review of the changed configuration', async () => /writable/.test(await reviewText()));
      assert.ok(await uiBridge.clickQuickPickItem('Cancel'));
      assert.equal(await changed, undefined);
    } finally {
      await Promise.all(started.filter(Boolean).map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
      await config.update('run.configurations', original, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(data, { recursive: true, force: true });
    }
    assertNothingOfTheRepositoryRan();
  });
});
