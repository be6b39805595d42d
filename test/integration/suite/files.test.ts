// Files inside containers and volumes (issue 16) in a real VS Code against the real engine: the Files rows
// of running and stopped containers as the page shows them, editing and saving, folders, upload and
// download through the dialogs, a volume browsed through its helper container, and read-only mounts.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { buildNoShellImage, dkName, execIn, filesContainer, removeFileFixtures, sha256, sha256OfFile } from '../../support/fileFixtures';
import { testDocker } from '../../support/testEngine';
import { VIEW_CONTAINER, activateConnected, answerFileDialog, closePromptsAfterFailure } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { containerRowMatching, escapeRegExp, expandFiles } from '../support/filesRows';
import { waitFor } from '../support/waitFor';

describe('Files in containers and volumes', function () {
  this.timeout(90_000);
  const docker = testDocker();
  // Made in before(): mocha loads this file in every launch, also those whose grep runs none of its tests.
  let tmp: string;
  let api: DocksideApi;
  let running: { id: string; name: string };

  const uriOf = (id: string, p: string) => vscode.Uri.parse(`dockside-container://default/${id.slice(0, 12)}${p}`);
  async function container(what: string, options: Parameters<typeof filesContainer>[2] = {}) {
    const c = await filesContainer(docker, what, options);
    const name = (await c.inspect()).Name.slice(1);
    return { id: c.id, name };
  }

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dkfiles-host-'));
    api = await activateConnected();
    running = await container('running');
    // '0files' sorts first, so its rows show in the view's few visible lines.
    await execIn(docker, running.id, "mkdir -p /0files && printf 'hello\\n' > /0files/hello.txt && chmod 640 /0files/hello.txt && ln -s /bin /0files/to-bin");
  });

  afterEach(async function () {
    await closePromptsAfterFailure(this.currentTest);
    // expandFiles narrows the Containers view to one container: later suites must see every row.
    await vscode.commands.executeCommand('dockside.containers.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    await removeFileFixtures(docker);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('expands Files of a running container: folders, sizes, modes and links as rows', async function () {
    if (!uiBridge.available) {
      const entries = await vscode.workspace.fs.readDirectory(uriOf(running.id, '/0files'));
      assert.ok(entries.some(([n, t]) => n === 'to-bin' && t === (vscode.FileType.SymbolicLink | vscode.FileType.Directory)));
      return this.skip();
    }
    const shown = await expandFiles(running.name, '0files', /^hello\.txt/);
    assert.ok(shown.some((r) => /^hello\.txt 6 B · rw-r-----$/.test(r)), shown.join(' | '));
    assert.ok(shown.some((r) => /^to-bin → \/bin$/.test(r)), shown.join(' | '));
    await uiBridge.screenshot('files-running');
    await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', running.name);
    await vscode.commands.executeCommand('dockside.containers.clearFilter');
  });

  it('expands Files of a stopped container through the archive API', async function () {
    const stopped = await container('stopped', { start: false });
    await docker.getContainer(stopped.id).putArchive(await tarOf({ '0kept/note.txt': 'from before' }), { path: '/' });
    const entries = await vscode.workspace.fs.readDirectory(uriOf(stopped.id, '/0kept'));
    assert.deepEqual(entries, [['note.txt', vscode.FileType.File]]);
    if (!uiBridge.available) return this.skip();
    const shown = await expandFiles(stopped.name, '0kept', /^note\.txt/);
    assert.ok(shown.some((r) => /^Files \/ \(stopped/.test(r)), shown.join(' | '));
    await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', stopped.name);
    await vscode.commands.executeCommand('dockside.containers.clearFilter');
  });

  it('opens, edits and saves a file; the container has the new text, owner and mode kept', async () => {
    await execIn(docker, running.id, 'chown 1000:1000 /0files/hello.txt');
    const document = await vscode.workspace.openTextDocument(uriOf(running.id, '/0files/hello.txt'));
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(document.getText(), 'hello\n');
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '编辑 from the editor\n'));
    assert.ok(await document.save(), 'the save succeeded');
    assert.equal(await execIn(docker, running.id, 'cat /0files/hello.txt'), 'hello\n编辑 from the editor\n');
    assert.equal((await execIn(docker, running.id, "stat -c '%u:%g %a' /0files/hello.txt")).trim(), '1000:1000 640');
  });

  it('creates a folder, renames and deletes it through the workspace file API, as the Explorer does', async () => {
    // (Open Folder in Explorer is driven in the workspace-folder suite, test/integration/workspace: adding a
    // folder to this single-folder window would restart the extension host and end these tests.)
    await execIn(docker, running.id, 'mkdir -p /data');
    const dataUri = uriOf(running.id, '/data');
    const folder = vscode.Uri.joinPath(dataUri, '新建 folder');
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'inner.txt'), Buffer.from('inner'));
    assert.equal((await execIn(docker, running.id, "cat '/data/新建 folder/inner.txt'")), 'inner');
    const renamed = vscode.Uri.joinPath(dataUri, 'renamed');
    await vscode.workspace.fs.rename(folder, renamed);
    assert.equal((await execIn(docker, running.id, 'ls /data/renamed')).trim(), 'inner.txt');
    await vscode.workspace.fs.copy(renamed, vscode.Uri.joinPath(dataUri, 'copied'));
    assert.equal((await execIn(docker, running.id, 'cat /data/copied/inner.txt')), 'inner');
    await vscode.workspace.fs.delete(renamed, { recursive: true });
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(dataUri, 'copied'), { recursive: true });
    assert.equal((await execIn(docker, running.id, 'ls /data/renamed /data/copied 2>/dev/null || echo gone')).trim(), 'gone');
  });

  it('browses a FROM scratch image without a shell, and says why it cannot delete there', async () => {
    const image = await buildNoShellImage(docker);
    const bare = await container('scratch', { image, cmd: ['/busybox', 'sleep', '3600'] });
    const root = await vscode.workspace.fs.readDirectory(uriOf(bare.id, '/'));
    assert.ok(root.some(([name]) => name === 'busybox'), JSON.stringify(root));
    await vscode.workspace.fs.writeFile(uriOf(bare.id, '/written.txt'), Buffer.from('no shell needed'));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.delete(uriOf(bare.id, '/written.txt'))), /The image has no shell/);
  });

  it('uploads a folder with a 5 MB binary (sha256 checked inside) and downloads it back', async function () {
    if (!uiBridge.available) this.skip();
    const local = path.join(tmp, 'payload');
    fs.mkdirSync(path.join(local, 'nested'), { recursive: true });
    const blob = randomBytes(5 * 1024 * 1024);
    fs.writeFileSync(path.join(local, 'nested', 'blob.bin'), blob);
    fs.chmodSync(path.join(local, 'nested', 'blob.bin'), 0o700);
    await execIn(docker, running.id, 'mkdir -p /data');
    const upload = vscode.commands.executeCommand('dockside.files.upload', uriOf(running.id, '/data'));
    await answerFileDialog(local);
    await upload;
    const inside = (await execIn(docker, running.id, "sha256sum /data/payload/nested/blob.bin && stat -c '%a' /data/payload/nested/blob.bin")).trim().split('\n');
    assert.equal(inside[0].split(' ')[0], sha256(blob));
    assert.equal(inside[1], '700');

    const back = fs.mkdtempSync(path.join(tmp, 'back-'));
    const download = vscode.commands.executeCommand('dockside.files.download', uriOf(running.id, '/data/payload'));
    await answerFileDialog(back);
    await download;
    assert.equal(sha256OfFile(path.join(back, 'payload', 'nested', 'blob.bin')), sha256(blob));
    assert.equal(fs.statSync(path.join(back, 'payload', 'nested', 'blob.bin')).mode & 0o777, 0o700);
  });

  it('uploads a local file dragged onto a container folder (an editor tab dropped on its row)', async function () {
    if (!uiBridge.available) this.skip();
    const name = `dropped-${process.pid}.txt`;
    const local = path.join(tmp, name);
    fs.writeFileSync(local, `拖放 dropped by drag and drop ${process.pid}\n`);
    await vscode.window.showTextDocument(vscode.Uri.file(local), { preview: false });
    await expandFiles(running.name, '0files', /^hello\.txt/);
    await waitFor('the tab dropped on the folder row', () => uiBridge.dragTabToViewRow(name, VIEW_CONTAINER, 'Containers', '0files'), 10_000);
    const inside = await waitFor('the file inside the container', async () => (await execIn(docker, running.id, `cat /0files/${name} 2>/dev/null`)) || undefined, 20_000);
    assert.equal(inside, fs.readFileSync(local, 'utf8'));
    await containerRowMatching('the dropped file as a row of the folder', new RegExp(`^${escapeRegExp(name)}`));
    await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', running.name);
    await vscode.commands.executeCommand('dockside.containers.clearFilter');
  });

  it('browses a volume through a helper container, writes to it, and the helper goes when its last editor closes', async () => {
    const volume = dkName('vol');
    await docker.createVolume({ Name: volume, Labels: { 'dockside.test': 'true' } });
    const root = vscode.Uri.parse(`dockside-volume://default/${volume}`);
    const file = vscode.Uri.joinPath(root, '卷 file.txt');
    await vscode.workspace.fs.writeFile(file, Buffer.from('in the volume'));
    const helpers = async () => (await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`dockside.files.helper=${volume}`] }) })).length;
    assert.equal(await helpers(), 1, 'one helper container serves the volume');
    assert.deepEqual(api.volumeHelpers(), [`default/${volume}`]);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the helper container to be removed', async () => (await helpers()) === 0 && api.volumeHelpers().length === 0, 30_000);
    const reader = await container('volreader', { host: { Binds: [`${volume}:/v:ro`] } });
    assert.equal(await execIn(docker, reader.id, "cat '/v/卷 file.txt'"), 'in the volume');
  });

  it('opens a file on a read-only mount read-only and refuses to write it, saying why', async () => {
    const volume = dkName('rovol');
    await docker.createVolume({ Name: volume, Labels: { 'dockside.test': 'true' } });
    const writer = await container('rowriter', { host: { Binds: [`${volume}:/v`] } });
    await execIn(docker, writer.id, 'echo locked > /v/locked.txt');
    const ro = await container('ro', { host: { Binds: [`${volume}:/ro:ro`] } });
    const uri = uriOf(ro.id, '/ro/locked.txt');
    assert.equal((await vscode.workspace.fs.stat(uri)).permissions, vscode.FilePermission.Readonly);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('changed'))), /read-only mount/);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    if (uiBridge.available) {
      const status = await waitFor('the read-only reason in the status bar', async () => ((await uiBridge.statusBarText()).includes('Read-only') ? uiBridge.statusBarText() : undefined));
      assert.match(status, /Read-only/);
    }
    assert.equal((await execIn(docker, ro.id, 'cat /ro/locked.txt')).trim(), 'locked');
  });
});

/** A small tar (for seeding a stopped container through the archive API). */
async function tarOf(files: Record<string, string>): Promise<NodeJS.ReadableStream> {
  const tar = await import('tar-stream');
  const pack = tar.pack();
  for (const [name, body] of Object.entries(files)) pack.entry({ name, mode: 0o644 }, body);
  pack.finalize();
  return pack as unknown as NodeJS.ReadableStream;
}
