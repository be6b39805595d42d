// A window opened again (issue 20), in two launches on the same user data. The first window, with nothing
// saved yet, lists the engine's containers from its quick read while the session's requests are held; then
// it shows two containers and closes; before the second opens, one of them is removed. The second window's engine is
// held unanswered behind a proxy: its Containers view shows both rows as last seen, saying so, before the
// engine has said a word; once the engine answers, the removed container's row goes and the notice with it.
// The launcher starts the two launches one after the other (codeServer.ts, runReopenSuite).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type Docker from 'dockerode';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { hasEngineCodeCache, savedSnapshots } from '../../support/explorerSnapshotFiles';
import { GateProxy } from '../../support/gateProxy';
import { createTestContainer, testDocker, testName } from '../../support/testEngine';
import { VIEW_CONTAINER } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const PROXY = process.env.DOCKSIDE_REOPEN_PROXY ?? '';
const STATE = process.env.DOCKSIDE_REOPEN_STATE ?? '';
const NOTICE = 'Containers as last seen; reading the engine…';

interface Shared {
  readonly kept: { readonly id: string; readonly name: string };
  readonly removed: { readonly id: string; readonly name: string };
}

const containerRows = () => uiBridge.viewRows(VIEW_CONTAINER, 'Containers');
const notice = async () => (await uiBridge.visibleTexts(`[id="workbench.view.extension.${VIEW_CONTAINER}"] .message, .tree-explorer-viewlet-tree-view .message`)).join(' ');

/** The quick read of a window with no earlier containers (engine/quickContainerList.ts): one plain list request. */
const QUICK_READ = /^GET \/containers\/json\?all=1 HTTP\/1\.1$/;

describe('Reopened window: first window', function () {
  this.timeout(90_000);
  const docker = testDocker();
  // Only the quick read goes through until release(): the session's ping and everything after it wait.
  const proxy = new GateProxy(PROXY, undefined, (line) => QUICK_READ.test(line));
  let early: Docker.Container | undefined;

  before(async function () {
    if (!uiBridge.available || !PROXY) this.skip();
    await proxy.listen();
  });
  after(async () => {
    proxy.close();
    await early?.remove({ force: true }).catch(() => undefined);
  });

  it('with nothing saved yet, lists the engine\'s containers from a quick read before the session connects', async () => {
    early = await createTestContainer(docker, { name: testName('reopen-early') });
    const name = (await early.inspect()).Name.slice(1);
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
    await waitFor('the quick read\'s row while the session is held', async () => (await containerRows()).some((r) => r.includes(name)), 30_000);
    const api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    await waitFor('the session dialling the held engine', () => proxy.holding > 0, 10_000);
    assert.notEqual(api.engineState().kind, 'connected', `the session has not been answered (${proxy.holding} connections held)`);
    // The rows are the engine's own, just read: nothing says they are old.
    assert.doesNotMatch(await notice(), /last seen/);
    await uiBridge.screenshot('fresh-window-quick-read');
    proxy.release();
    await waitFor('the session to connect', () => api.engineState().kind === 'connected', 30_000);
    assert.ok((await containerRows()).some((r) => r.includes(name)));
    await early.remove({ force: true });
    early = undefined;
    await waitFor('the removed row to go, on the engine\'s event', async () => !(await containerRows()).some((r) => r.includes(name)), 30_000);
  });

  it('shows two containers and saves them for the next window', async () => {
    const kept = await createTestContainer(docker, { name: testName('reopen-kept') });
    const removed = await createTestContainer(docker, { name: testName('reopen-removed') });
    const names = [(await kept.inspect()).Name.slice(1), (await removed.inspect()).Name.slice(1)];
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
    const api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    await waitFor('the proxied engine to connect', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === proxy.host, 30_000);
    await waitFor('both rows', async () => {
      const rows = await containerRows();
      return names.every((n) => rows.some((r) => r.includes(n)));
    }, 30_000);
    // The extension host may be stopped without deactivating when the launch ends: wait for the saved file.
    await waitFor('the snapshot saved in the global storage', () => savedSnapshots(process.env.DOCKSIDE_REOPEN_USER_DATA ?? '').some((text) => names.every((n) => text.includes(n))), 20_000);
    // The engine bundle was compiled with a code cache the next window starts from (session/engineBundle.ts).
    await waitFor('the code cache of the engine bundle', () => hasEngineCodeCache(process.env.DOCKSIDE_REOPEN_USER_DATA ?? ''), 20_000);
    const shared: Shared = { kept: { id: kept.id, name: names[0] }, removed: { id: removed.id, name: names[1] } };
    fs.writeFileSync(STATE, JSON.stringify(shared));
    // The next window starts on the Explorer, so Dockside activates only when the test opens its view there.
    await vscode.commands.executeCommand('workbench.view.explorer');
  });
});

describe('Reopened window: second window', function () {
  this.timeout(90_000);
  const docker = testDocker();
  const proxy = new GateProxy(PROXY);
  let shared: Shared;

  before(async function () {
    if (!uiBridge.available || !PROXY || !fs.existsSync(STATE)) this.skip();
    shared = JSON.parse(fs.readFileSync(STATE, 'utf8')) as Shared;
    await docker.getContainer(shared.removed.id).remove({ force: true });
    await proxy.listen();
  });
  after(async () => {
    proxy.close();
    await docker.getContainer(shared?.kept.id ?? '-').remove({ force: true }).catch(() => undefined);
  });

  it('shows the containers as last seen before the engine answers, then what the engine says', async () => {
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
    const rows = await waitFor('the last seen rows while the engine is held', async () => {
      const shown = await containerRows();
      return shown.some((r) => r.includes(shared.kept.name)) && shown.some((r) => r.includes(shared.removed.name)) ? shown : undefined;
    }, 30_000);
    const api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    assert.notEqual(api.engineState().kind, 'connected', `the engine has not answered yet (${proxy.holding} connections held)`);
    assert.ok(rows.length >= 2);
    await waitFor('the notice that these rows are the last seen', async () => (await notice()).includes(NOTICE), 10_000);
    await uiBridge.screenshot('reopened-window-last-seen');

    proxy.release();
    await waitFor('the engine to answer', () => api.engineState().kind === 'connected', 30_000);
    await waitFor("the removed container's row to go, the kept one staying", async () => {
      const shown = await containerRows();
      return !shown.some((r) => r.includes(shared.removed.name)) && shown.some((r) => r.includes(shared.kept.name));
    }, 30_000);
    await waitFor('the notice to go', async () => !(await notice()).includes(NOTICE), 10_000);
  });
});
