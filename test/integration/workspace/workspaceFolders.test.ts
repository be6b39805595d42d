// Workspace folders of containers and volumes (issue 16), in a launch of their own: the window is opened
// on a .code-workspace file, so adding a folder does not restart the extension host (a single-folder
// window would). Open Folder in Explorer and a volume's Browse are chosen from the rows' menus as a user
// does; the normal Explorer then lists the container's (volume's) files and one opens in an editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { dkName, execIn, filesContainer, removeFileFixtures } from '../../support/fileFixtures';
import { testDocker } from '../../support/testEngine';
import { expandFiles } from '../support/filesRows';
import { VIEW_CONTAINER, activateConnected, closePromptsAfterFailure } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const EXPLORER_ROWS = '[id="workbench.view.explorer"] .monaco-list-row';

/** The Explorer's rows as rendered (folder roots and the files under expanded ones). */
const explorerRows = (): Promise<string[]> => uiBridge.visibleTexts(EXPLORER_ROWS);

/** Clicks the Explorer row showing `label` (a folder expands, a file opens); labels here are unique. */
function clickExplorerRow(label: string): Promise<boolean> {
  return uiBridge.clickSelector(`${EXPLORER_ROWS}:has-text(${JSON.stringify(label)})`);
}

async function explorerRow(what: string, label: string): Promise<void> {
  let seen: string[] = [];
  await waitFor(what, async () => (seen = await explorerRows()).includes(label)).catch((error: Error) => {
    throw new Error(`${error.message}; Explorer rows: ${seen.join(' | ')}`);
  });
}

/** Expands the Explorer's root row `root` (when its child `child` is not shown yet) until `child` shows. */
async function expandRootUntil(root: string, child: string): Promise<void> {
  await explorerRow(`the folder "${root}" in the Explorer`, root);
  await waitFor(`"${child}" under "${root}" in the Explorer`, async () => {
    if ((await explorerRows()).includes(child)) return true;
    await clickExplorerRow(root);
    return waitFor(`"${child}" to render`, async () => (await explorerRows()).includes(child), 3_000).catch(() => false);
  }, 30_000);
}

/** Opens `file` from the Explorer with a click and waits for its editor; answers the editor's document. */
async function openFromExplorer(file: string, uri: vscode.Uri): Promise<vscode.TextDocument> {
  await clickExplorerRow(file);
  const editor = await waitFor(`an editor on ${uri.toString()}`, () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()));
  await waitFor(`the tab "${file}" in the page`, async () => (await uiBridge.visibleTexts('.tabs-container .tab .label-name')).includes(file));
  return editor.document;
}

async function removeAddedFolders(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return;
  const changed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      listener.dispose();
      resolve();
    });
  });
  assert.ok(vscode.workspace.updateWorkspaceFolders(1, folders.length - 1), 'the added folders can be removed');
  await changed;
}

describe('Workspace folders of containers and volumes', function () {
  this.timeout(120_000);
  const docker = testDocker();
  let api: DocksideApi;
  let startedIn: string | undefined;
  const volumes: string[] = [];

  before(async function () {
    if (!uiBridge.available) this.skip();
    api = await activateConnected();
    // This suite exists for the multi-root window; in a single-folder one the first added folder restarts the host.
    assert.ok(vscode.workspace.workspaceFile, 'the window was opened on a .code-workspace file');
    startedIn = vscode.workspace.workspaceFile?.toString();
  });

  afterEach(async function () {
    await closePromptsAfterFailure(this.currentTest);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeAddedFolders();
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
  });

  after(async () => {
    // A failed Browse test can leave its helper mounting the volume, which would keep the volume from going.
    for (const volume of volumes) {
      const helpers = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`dockside.files.helper=${volume}`] }) });
      await Promise.all(helpers.map((h) => docker.getContainer(h.Id).remove({ force: true }).catch(() => undefined)));
    }
    await removeFileFixtures(docker);
  });

  it('Open Folder in Explorer adds a container folder; the Explorer lists its files and one opens in the editor', async () => {
    const created = await filesContainer(docker, 'wsfolder');
    const name = (await created.inspect()).Name.slice(1);
    await execIn(docker, created.id, "mkdir -p /0files && printf 'from the container\\n' > /0files/hello.txt && mkdir /0files/sub");
    await expandFiles(name, '0files', /^hello\.txt/);
    let items: string[] = [];
    await waitFor('Open Folder in Explorer in the menu of 0files', async () => (items = await uiBridge.clickRowMenuItem(VIEW_CONTAINER, 'Containers', '0files', 'Open Folder in Explorer')).includes('Open Folder in Explorer')).catch((error: Error) => {
      throw new Error(`${error.message}; menu: ${items.join(' | ')}`);
    });

    const folder = await waitFor('the container folder in the workspace', () => vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'dockside-container'));
    assert.equal(folder.uri.path, `/${created.id.slice(0, 12)}/0files`, folder.uri.toString());
    assert.equal(folder.name, `${name}: /0files`);
    assert.equal(vscode.workspace.workspaceFile?.toString(), startedIn, 'the same window and extension host');

    await expandRootUntil(folder.name, 'hello.txt');
    assert.ok((await explorerRows()).includes('sub'), 'the sub-folder is listed too');
    await uiBridge.screenshot('workspace-container-folder');
    const document = await openFromExplorer('hello.txt', vscode.Uri.joinPath(folder.uri, 'hello.txt'));
    assert.equal(document.getText(), 'from the container\n');
    await vscode.commands.executeCommand('dockside.containers.clearFilter');
  });

  it('Browse on a volume adds it as a folder served by a helper container, gone once the folder and editors close', async () => {
    const volume = dkName('wsvol');
    volumes.push(volume);
    await docker.createVolume({ Name: volume, Labels: { 'dockside.test': 'true' } });
    const writer = await filesContainer(docker, 'wsvolwriter', { host: { Binds: [`${volume}:/v`] } });
    await execIn(docker, writer.id, "printf 'in the volume\\n' > '/v/卷 notes.txt'");
    // Only this volume's row: other volumes on the engine would push it out of the short pane.
    await vscode.commands.executeCommand('dockside.volumes.filter', volume);
    await waitFor(`the volume ${volume} in the Volumes view`, async () => (await uiBridge.viewRows(VIEW_CONTAINER, 'Volumes')).some((r) => r.startsWith(`${volume} `)), 30_000);
    let items: string[] = [];
    await waitFor(`Browse in the menu of ${volume}`, async () => (items = await uiBridge.clickRowMenuItem(VIEW_CONTAINER, 'Volumes', volume, 'Browse')).includes('Browse')).catch((error: Error) => {
      throw new Error(`${error.message}; menu: ${items.join(' | ')}`);
    });

    const folder = await waitFor('the volume folder in the workspace', () => vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'dockside-volume'), 60_000);
    assert.equal(folder.name, `Volume ${volume}`);
    const helpers = async () => (await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`dockside.files.helper=${volume}`] }) })).length;
    assert.equal(await helpers(), 1, 'one helper container serves the volume');
    assert.deepEqual(api.volumeHelpers(), [`default/${volume}`]);

    await expandRootUntil(folder.name, '卷 notes.txt');
    await uiBridge.screenshot('workspace-volume-folder');
    const document = await openFromExplorer('卷 notes.txt', vscode.Uri.joinPath(folder.uri, '卷 notes.txt'));
    assert.equal(document.getText(), 'in the volume\n');

    // The folder still shows the volume: closing the editor alone keeps the helper.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeAddedFolders();
    await waitFor('the helper container to be removed', async () => (await helpers()) === 0 && api.volumeHelpers().length === 0, 40_000);
    await vscode.commands.executeCommand('dockside.volumes.clearFilter');
  });
});
