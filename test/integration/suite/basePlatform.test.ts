// BuildKit's InvalidBaseImagePlatform as a user meets it: the base image's platform comes from the local
// engine, so a FROM that asks for another platform than the local image has is marked, in the editor and
// the Problems panel; an image tagged while the file is open is picked up from the engine's events.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TEST_IMAGE, testDocker } from '../../support/testEngine';
import { activateConnected } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const ID = 'InvalidBaseImagePlatform';
const platformFindings = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => typeof d.code === 'object' && d.code.value === ID);

describe('Base image platform from the local engine', function () {
  this.timeout(90_000);
  const docker = testDocker();
  // The test image is built on this machine: ask for the other common platform.
  const host = process.arch === 'arm64' ? 'linux/arm64' : 'linux/amd64';
  const other = process.arch === 'arm64' ? 'linux/amd64' : 'linux/arm64';
  const repository = `dockside-test/lint-${process.pid}-platform`;
  let scratch: string;

  before(async () => {
    await activateConnected();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-lint-platform-'));
  });

  after(async () => {
    await docker.getImage(`${repository}:1`).remove({ noprune: true }).catch(() => undefined);
    await vscode.commands.executeCommand('problems.action.clearFilterText').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it(`marks FROM --platform=${other} of the local test image, in the editor and the Problems panel`, async () => {
    const file = vscode.Uri.file(path.join(scratch, 'Dockerfile'));
    fs.writeFileSync(file.fsPath, `FROM --platform=${other} ${TEST_IMAGE}\nCMD ["sh"]\n`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(file);
    const [finding] = await waitFor(`${ID} on the FROM line`, () => platformFindings(file).length > 0 && platformFindings(file), 45_000);
    assert.equal(finding.message, `Base image ${TEST_IMAGE} was pulled with platform "${host}", expected "${other}" for current build.`);
    assert.equal(finding.range.start.line, 0);
    assert.equal(finding.source, 'buildkit');

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await waitFor('the Problems filter', async () => (await uiBridge.visibleTexts('.viewpane-filter input')).length > 0);
    await uiBridge.clickSelector('.viewpane-filter input');
    await uiBridge.typeText(ID);
    const row = await waitFor(`the ${ID} row in the Problems panel`, async () =>
      (await uiBridge.visibleTexts('.markers-panel .monaco-list-row')).find((r) => r.includes(ID)));
    assert.match(row, new RegExp(`was pulled with platform "${host}", expected "${other}"`));
    await uiBridge.screenshot('lint-base-image-platform');
  });

  it('stays quiet on the same platform, and picks up an image tagged while the file is open', async () => {
    const file = vscode.Uri.file(path.join(scratch, 'tagged.Dockerfile'));
    fs.writeFileSync(file.fsPath, `FROM --platform=${host} ${TEST_IMAGE}\nFROM --platform=${other} ${repository}:1\nCMD ["sh"]\n`);
    await vscode.window.showTextDocument(file);
    // DL3029 (--platform in FROM) says the rules have run on the file.
    await waitFor('the rules to run', () => vscode.languages.getDiagnostics(file).some((d) => typeof d.code === 'object' && d.code.value === 'DL3029'), 45_000);
    assert.deepEqual(platformFindings(file), [], 'nothing on the matching platform, nothing on an unknown image');
    await docker.getImage(TEST_IMAGE).tag({ repo: repository, tag: '1' });
    const [finding] = await waitFor(`${ID} once the tag exists`, () => platformFindings(file).length > 0 && platformFindings(file), 20_000);
    assert.equal(finding.range.start.line, 1);
  });
});
