// The Docker doctor in a real VS Code (issue 18): Dockside pointed at a private engine that was started and
// then stopped. The doctor runs by itself, the Containers view's welcome offers its findings (no popup),
// and the report shows what a user needs: the engine does not answer, its socket is gone, which socket
// Dockside used and why, each with what it means and the fix. With DOCKSIDE_README_SCREENSHOTS=1 the
// report's picture is saved as media/doctor.png for the README.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { PrivateEngine } from '../../support/privateEngine';
import { buildScratchImage } from '../../support/scratchImage';
import { acceptPick, answerConfirm } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const CONTAINER = 'dockside';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe('Docker doctor', function () {
  const engine = new PrivateEngine(path.join(os.tmpdir(), `doctor-${process.pid}-ext-engine`));
  let api: DocksideApi;
  const reportText = async () => (await uiBridge.webviewTexts()).find((t) => t.includes('Docker Doctor') && /What it means:/.test(t));

  before(async function () {
    if (!uiBridge.available) this.skip();
    this.timeout(90_000);
    api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    await engine.start();
    await engine.stop();
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
  });

  after(async function () {
    this.timeout(90_000);
    await backToTheDefaultEngine(api, engine);
  });

  it('runs by itself for a stopped engine and offers its findings in the welcome view', async function () {
    this.timeout(60_000);
    await vscode.workspace.getConfiguration('dockside').update('engine.host', engine.host, vscode.ConfigurationTarget.Global);
    await waitFor('the stopped engine to fail', () => api.engineState().kind === 'failed' && api.engineState().endpoint?.host === engine.host, 30_000);
    const welcome = await waitFor('the doctor in the welcome view', async () => {
      const text = await uiBridge.welcomeText(CONTAINER);
      return /The Docker doctor checked this machine/.test(text) ? text : undefined;
    }, 30_000);
    assert.match(welcome, /No Docker engine answers/, 'beside the engine-down welcome');
    assert.match(welcome, /Show the Doctor's Findings/);
    assert.deepEqual((await uiBridge.notificationTexts()).filter((n) => /doctor/i.test(n)), [], 'no popup');

    await clickWelcomeLink("Show the Doctor's Findings");
    const report = await waitFor('the report in the page', reportText, 30_000);
    assert.match(report, new RegExp(`No Docker engine answers at ${escapeRegExp(engine.host)}`));
    assert.match(report, new RegExp(`The socket ${escapeRegExp(engine.socket)} does not exist`));
    assert.match(report, /dockerd runs, but not on|dockerd is installed .* but not running/);
    assert.match(report, /Dockside uses .* chosen by the dockside\.engine\.host setting/);
    assert.match(report, /\d+ errors?, \d+ warnings? for/);
    assert.match(report, /Why it matters:/);
    assert.match(report, /Fix:/);
    const shot = await uiBridge.screenshot('doctor-report');
    if (process.env.DOCKSIDE_README_SCREENSHOTS === '1') fs.copyFileSync(shot, path.join(REPO_ROOT, 'media', 'doctor.png'));
  });

  it('Run Again checks again, and a copied fix lands on the clipboard', async function () {
    this.timeout(60_000);
    await vscode.env.clipboard.writeText('');
    assert.equal(await uiBridge.webviewAct('#rerun', 'click'), true);
    // The page shows "Checking…" while the doctor runs, then the report with its buttons again.
    // Every copy button carries its finding's own command.
    // A click that lands on the old page while the new one replaces it copies nothing (that report is gone):
    // click again, as a user would, until the clipboard holds a command.
    let clickedAt = 0;
    const copied = await waitFor('a copied command on the clipboard', async () => {
      if (Date.now() - clickedAt > 2000 && (await uiBridge.webviewAct('button[data-copy]', 'click')) === true) clickedAt = Date.now();
      return (await vscode.env.clipboard.readText()) || undefined;
    }, 40_000);
    const page = (await reportText()) ?? '';
    assert.ok(page.includes(copied), `the copied "${copied}" is shown in the page`);
  });
});

describe('Docker doctor on an engine that answers with warnings', function () {
  const netns = `doctor-${process.pid}-ext`;
  const engine = new PrivateEngine(path.join(os.tmpdir(), `doctor-${process.pid}-ext-warned`), { netns });
  let api: DocksideApi;

  before(async function () {
    if (!uiBridge.available) this.skip();
    this.timeout(90_000);
    api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    await engine.start();
    // The handbook's fault: forwarding off where the engine runs (its own network namespace).
    engine.execInNamespace('sysctl', ['-qw', 'net.ipv4.ip_forward=0']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
  });

  after(async function () {
    this.timeout(90_000);
    await backToTheDefaultEngine(api, engine);
  });

  it("runs by itself when the engine answers with warnings, and shows the engine's own words", async function () {
    this.timeout(60_000);
    await vscode.workspace.getConfiguration('dockside').update('engine.host', engine.host, vscode.ConfigurationTarget.Global);
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === engine.host, 30_000);
    const welcome = await waitFor('the doctor in the welcome view', async () => {
      const text = await uiBridge.welcomeText(CONTAINER);
      return /The Docker doctor found problems with this engine/.test(text) ? text : undefined;
    }, 30_000);
    assert.match(welcome, /No containers yet/, 'beside the empty engine\'s welcome');
    await clickWelcomeLink("Show the Doctor's Findings");
    const report = await waitFor('the report in the page', async () => (await uiBridge.webviewTexts()).find((t) => t.includes('IPv4 forwarding is disabled')), 30_000);
    assert.match(report, /The engine says: IPv4 forwarding is disabled\. Networking will not work\./);
    assert.match(report, /sudo sysctl -w net\.ipv4\.ip_forward=1/, 'the command to copy');
    assert.match(report, /PASSED[\s\S]*The engine answers at/i);
    assert.match(report, /free of .* MiB .* on the data root/, 'the data root was looked at');
    const shot = await uiBridge.screenshot('doctor-report-warnings');
    if (process.env.DOCKSIDE_README_SCREENSHOTS === '1') fs.copyFileSync(shot, path.join(REPO_ROOT, 'media', 'doctor-warnings.png'));
  });
});

/** Closes the report, forgets the private engine and waits until the machine's own engine is shown again. */
async function backToTheDefaultEngine(api: DocksideApi, engine: PrivateEngine): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.getConfiguration('dockside').update('engine.host', undefined, vscode.ConfigurationTarget.Global);
  await engine.destroy();
  await waitFor('the default engine again', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === 'unix:///var/run/docker.sock');
}

function clickWelcomeLink(text: string): Promise<boolean> {
  return uiBridge.clickSelector(`[id="workbench.view.extension.${CONTAINER}"] .welcome-view-content a:has-text("${text}")`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('Docker doctor on a data root that filled up', function () {
  const root = path.join(os.tmpdir(), `doctor-${process.pid}-ext-full`);
  const engine = new PrivateEngine(root);
  const filler = path.join(root, 'filler');
  let api: DocksideApi;

  before(async function () {
    if (!uiBridge.available) this.skip();
    this.timeout(120_000);
    api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    fs.mkdirSync(root, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', `doctor-${process.pid}-full`, root]);
    await engine.start();
    await buildScratchImage(new Docker({ socketPath: engine.socket }), 48);
    // Leave about 2% of the tmpfs free: the image above is what a prune can give back.
    const { bavail, bsize } = fs.statfsSync(root);
    const fd = fs.openSync(filler, 'w');
    const chunk = Buffer.alloc(1024 * 1024);
    for (let left = bavail * bsize - 3 * 1024 * 1024; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, left));
    fs.closeSync(fd);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
  });

  after(async function () {
    this.timeout(90_000);
    await engine.stop();
    fs.rmSync(filler, { force: true });
    spawnSync('umount', ['-l', root]);
    await backToTheDefaultEngine(api, engine);
  });

  it('reports the full data root and, with consent, prunes what holds the space', async function () {
    this.timeout(90_000);
    await vscode.workspace.getConfiguration('dockside').update('engine.host', engine.host, vscode.ConfigurationTarget.Global);
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === engine.host, 30_000);
    void vscode.commands.executeCommand('dockside.doctor.run');
    // The report the command runs counts what prune would free (the unused image, tens of MiB).
    const report = await waitFor('the full data root in the report', async () => (await uiBridge.webviewTexts()).find((t) => /Only [\d.]+ MiB free of [\d.]+ MiB/.test(t) && /A prune would give back about \d{2,}\.\d MiB/.test(t)), 30_000);
    assert.match(report, new RegExp(`on the engine's data root ${escapeRegExp(path.join(root, 'data'))}`));
    await waitFor('the Prune button', async () => (await uiBridge.webviewAct('button[data-fix]', 'click')) === true, 10_000);
    // The usual system prune asks what else may go, then names what goes before it goes.
    await acceptPick('Also unused images that are tagged');
    const confirmation = await answerConfirm('Remove', /Clean up the engine\? This cannot be undone\./);
    assert.match(confirmation, /image/i, 'the dangling image is named');
    const after = await waitFor('the report after the prune', async () => (await uiBridge.webviewTexts()).find((t) => t.includes('Docker Doctor') && /PASSED[\s\S]*MiB free of [\d.]+ MiB \([\d.]+%\) on the data root/i.test(t)), 60_000);
    assert.doesNotMatch(after, /Only [\d.]+ MiB free/);
    assert.deepEqual((await new Docker({ socketPath: engine.socket }).listImages()).length, 0, 'the image went');
  });
});

// Runs in the Chinese launch only (its title starts like the Chinese UI suite's, which that launch selects).
describe('Chinese UI in the real workbench: the Docker doctor', function () {
  before(async function () {
    if (!uiBridge.available || !vscode.env.language.startsWith('zh')) this.skip();
    const api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected');
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('writes the report in Chinese', async function () {
    this.timeout(120_000);
    await vscode.commands.executeCommand('dockside.doctor.run');
    // The full run reads /system/df, which walks every volume of the main engine: after the whole English
    // suite, on a loaded machine, that alone can take most of a minute.
    const report = await waitFor('the Chinese report', async () => (await uiBridge.webviewTexts()).find((t) => t.includes('Docker 诊断') && t.includes('通过')), 100_000);
    assert.match(report, /引擎在 unix:\/\/\/var\/run\/docker\.sock 应答/);
    assert.match(report, /重新运行/);
    for (const english of ['Run Again', 'Show Engine Logs', 'Passed', 'The engine answers at', 'IPv4 forwarding is on', 'What it means', 'checked in']) {
      assert.ok(!report.includes(english), `"${english}" in the Chinese report: ${report}`);
    }
    await uiBridge.screenshot('doctor-report-zh-cn');
  });
});
