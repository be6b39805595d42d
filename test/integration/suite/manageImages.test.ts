// Image management in a real VS Code against the real engine: tag, remove (with the containers that
// block it), history, save to and load from a tar through the file dialogs, copy, inspect.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImageSummary } from '../../../src/models/image';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { activateConnected, answerConfirm, answerFileDialog, answerInput, answerPick, expectInputMessage, expectNotification, testClient, closePromptsAfterFailure } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';

describe('Manage images', function () {
  const docker = testDocker();
  const client = testClient();
  const repository = `dockside-test-manage-img-${process.pid}`;
  const hasTag = (reference: string) => docker.getImage(reference).inspect().then(() => true, () => false);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-images-'));

  /** The Images view's node for one tag of an image. */
  async function imageNode(reference: string): Promise<{ kind: 'image'; id: string; image: ImageSummary; reference: string; repository: string; tag: string }> {
    const image = (await client.listImages()).find((i) => i.repoTags.includes(reference));
    assert.ok(image, `the engine lists ${reference}`);
    const [repo, tag] = reference.split(':');
    return { kind: 'image', id: `${image.id}/${reference}`, image, reference, repository: repo, tag };
  }

  before(() => activateConnected());

  afterEach(function () {
    return closePromptsAfterFailure(this.currentTest);
  });

  after(async () => {
    await removeTestContainers(docker);
    for (const image of await docker.listImages()) {
      for (const tag of image.RepoTags ?? []) if (tag.startsWith(repository)) await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('tags from a tree node and from the palette', async function () {
    if (!uiBridge.available) this.skip();
    const node = await imageNode(TEST_IMAGE);
    const tagging = vscode.commands.executeCommand('dockside.images.tag', node);
    await answerInput('New repository:tag', `${repository}:node`);
    await tagging;
    assert.ok(await hasTag(`${repository}:node`));
    const fromPalette = vscode.commands.executeCommand('dockside.images.tag');
    await answerPick(`${repository}:node`);
    await answerInput('New repository:tag', 'Not/Valid');
    await expectInputMessage(/Not a valid image reference/);
    await answerInput('Not a valid image reference', `${repository}:palette`);
    await fromPalette;
    assert.ok(await hasTag(`${repository}:palette`));
  });

  it('removes one tag from its row and leaves the image', async function () {
    if (!uiBridge.available) this.skip();
    await docker.getImage(TEST_IMAGE).tag({ repo: repository, tag: 'untag' });
    const node = await imageNode(`${repository}:untag`);
    const removing = vscode.commands.executeCommand('dockside.images.remove', node);
    await answerConfirm('Remove', /Remove the image/);
    await removing;
    assert.equal(await hasTag(`${repository}:untag`), false);
    assert.ok(await hasTag(TEST_IMAGE));
  });

  it('refuses to remove an image a container uses, naming the container, and changes nothing', async function () {
    if (!uiBridge.available) this.skip();
    const base = await docker.createContainer({ name: testName('manage-img-base'), Image: TEST_IMAGE, Cmd: ['true'], Labels: { [TEST_LABEL]: 'true' } });
    await base.commit({ repo: repository, tag: 'inuse' });
    const user = await docker.createContainer({ name: testName('manage-img-user'), Image: `${repository}:inuse`, Cmd: ['sleep', '60'], Labels: { [TEST_LABEL]: 'true' } });
    await user.start();
    const node = await imageNode(`${repository}:inuse`);
    void vscode.commands.executeCommand('dockside.images.remove', node);
    const blocked = new RegExp(`Used by containers.*${(await user.inspect()).Name.slice(1)} \\(running\\)`);
    assert.match(await answerConfirm('Remove', blocked), blocked);
    const message = await expectNotification(/The engine refused because of a conflict/);
    assert.match(message, /used by dockside-test-manage-img-user/);
    assert.ok(await hasTag(`${repository}:inuse`), 'the image is still there');
  });

  it('shows the layers with size and created-by in a readable document', async () => {
    const [uri] = (await vscode.commands.executeCommand<vscode.Uri[]>('dockside.images.history', await imageNode(TEST_IMAGE)))!;
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /CREATED\s+SIZE\s+CREATED BY/);
    assert.match(text, /busybox/);
    assert.match(text, /\d+(\.\d+)? (B|KiB|MiB)/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('inspects an image and copies its full name and id', async () => {
    const node = await imageNode(TEST_IMAGE);
    const [uri] = (await vscode.commands.executeCommand<vscode.Uri[]>('dockside.images.inspect', node))!;
    assert.equal((JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()) as { Id: string }).Id, node.image.id);
    await vscode.commands.executeCommand('dockside.images.copyName', node);
    assert.equal(await vscode.env.clipboard.readText(), TEST_IMAGE);
    await vscode.commands.executeCommand('dockside.images.copyId', node);
    assert.equal(await vscode.env.clipboard.readText(), node.image.id);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('saves two images to a tar through the save dialog and loads it back through the open dialog', async function () {
    if (!uiBridge.available) this.skip();
    this.timeout(120_000);
    for (const tag of ['save-a', 'save-b']) await docker.getImage(TEST_IMAGE).tag({ repo: repository, tag });
    const a = await imageNode(`${repository}:save-a`);
    const b = await imageNode(`${repository}:save-b`);
    const file = path.join(tmp, 'two.tar');
    const saving = vscode.commands.executeCommand<string>('dockside.images.save', a, [a, b]);
    await answerFileDialog(file);
    assert.equal(await saving, file);
    const manifest = JSON.parse(execFileSync('tar', ['-xOf', file, 'manifest.json'], { encoding: 'utf8' })) as { RepoTags: string[] }[];
    assert.deepEqual(manifest.flatMap((m) => m.RepoTags).sort(), [`${repository}:save-a`, `${repository}:save-b`]);
    await expectNotification(/Saved .*two\.tar/);
    await docker.getImage(`${repository}:save-a`).remove();
    await docker.getImage(`${repository}:save-b`).remove();
    const loading = vscode.commands.executeCommand<string[]>('dockside.images.load');
    await answerFileDialog(file);
    assert.deepEqual([...(await loading)!].sort(), [`${repository}:save-a`, `${repository}:save-b`]);
    assert.ok((await hasTag(`${repository}:save-a`)) && (await hasTag(`${repository}:save-b`)));
    await expectNotification(/Loaded .*save-a/);
  });

  it('loads a tar handed over by the file explorer', async () => {
    await docker.getImage(TEST_IMAGE).tag({ repo: repository, tag: 'explorer' });
    const file = path.join(tmp, 'explorer.tar');
    const tar = await docker.getImage(`${repository}:explorer`).get();
    await new Promise<void>((resolve, reject) => tar.pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject));
    await docker.getImage(`${repository}:explorer`).remove();
    const loaded = await vscode.commands.executeCommand<string[]>('dockside.images.load', vscode.Uri.file(file));
    assert.deepEqual(loaded, [`${repository}:explorer`]);
    assert.ok(await hasTag(`${repository}:explorer`));
  });
});
