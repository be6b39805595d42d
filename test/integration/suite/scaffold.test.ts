// "Add Docker Files to Workspace…" in a real VS Code (issue 18): on a Node fixture folder it asks for the
// port and the start command, writes the Dockerfile, .dockerignore and compose.yaml, opens the Dockerfile,
// and Dockside's own language server finds nothing in it; a second run asks before replacing each file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SCAFFOLD_FIXTURES } from '../../unit/scaffold/scaffoldFixtures';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

interface ScaffoldOutcome {
  readonly written: string[];
  readonly skipped: string[];
}

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** Answers the input box with `text` (or what it offers) once it shows `prompt`; returns what it offered. */
async function answerInput(prompt: RegExp, text?: string): Promise<string> {
  await waitFor(`the input asking ${prompt}`, async () => prompt.test((await uiBridge.visibleTexts('.quick-input-widget')).join(' ')));
  const offered = await uiBridge.quickInputValue();
  if (text !== undefined) await uiBridge.fillQuickInput(text);
  await uiBridge.pressKey('Enter');
  return offered;
}

/** Picks `choice` in the confirmation once it asks about `file`. */
async function answerConfirmation(file: string, choice: string): Promise<void> {
  await waitFor(`the question about ${file}`, async () => (await uiBridge.quickInputTitle()).includes(`${file} already exists`));
  assert.ok(await uiBridge.clickQuickPickItem(choice), `the ${choice} row`);
  await waitFor(`the question about ${file} to close`, async () => !(await uiBridge.quickInputTitle()).includes(`${file} already exists`));
}

describe('Add Docker Files to Workspace (issue 18)', function () {
  this.timeout(120_000);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'h-scaffold-ext-'));
  const folder = path.join(parent, 'shop-front');

  before(async function () {
    if (!uiBridge.available) this.skip();
    fs.cpSync(path.join(SCAFFOLD_FIXTURES, 'node-npm'), folder, { recursive: true });
    await vscode.extensions.getExtension('dockside.dockside')!.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('writes the three files for a Node project, opens the Dockerfile, and it has no Dockside diagnostics', async () => {
    const running = vscode.commands.executeCommand<ScaffoldOutcome>('dockside.scaffold.addDockerFiles', vscode.Uri.file(folder));
    assert.equal(await answerInput(/The port shop-front listens on/, '3100'), '3000', 'an express app: 3000 is offered');
    assert.equal(await answerInput(/The command that starts the app/), 'node server.js', 'the start command from package.json is offered');
    const outcome = await running;
    assert.deepEqual(outcome, { written: ['Dockerfile', '.dockerignore', 'compose.yaml'], skipped: [] });
    for (const name of outcome.written) assert.ok(fs.existsSync(path.join(folder, name)), name);
    const dockerfile = vscode.Uri.file(path.join(folder, 'Dockerfile'));
    const text = fs.readFileSync(dockerfile.fsPath, 'utf8');
    assert.match(text, /^EXPOSE 3100$/m);
    assert.match(text, /^CMD \["node", "server\.js"\]$/m);
    assert.match(fs.readFileSync(path.join(folder, 'compose.yaml'), 'utf8'), /"127\.0\.0\.1:3100:3100"/);
    assert.match(fs.readFileSync(path.join(folder, '.dockerignore'), 'utf8'), /^node_modules$/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, dockerfile.fsPath, 'the Dockerfile is open');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'dockerfile');

    // Proof the server has checked this very file: a problem typed in shows up, and goes with the revert.
    // (ShellCheck then has every RUN body of the file checked, so "nothing" below is its answer too.)
    const editor = vscode.window.activeTextEditor!;
    const end = editor.document.lineCount - 1;
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(end, 0), 'RUN cp $SOURCE /tmp\n')));
    await waitFor('SC2086 on the typed line', () => vscode.languages.getDiagnostics(dockerfile).some((d) => codeOf(d) === 'SC2086'), 60_000);
    assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(end, 0, end + 1, 0))));
    assert.equal(editor.document.getText(), text, 'the generated text again');
    await editor.document.save();
    await waitFor('the typed problem to go', () => !vscode.languages.getDiagnostics(dockerfile).some((d) => codeOf(d) === 'SC2086'), 60_000);
    const left = vscode.languages.getDiagnostics(dockerfile).map((d) => `${d.range.start.line + 1}: ${d.source} ${codeOf(d)} ${d.message}`);
    assert.deepEqual(left, [], 'no diagnostics on the generated Dockerfile');
    await uiBridge.screenshot('scaffold-node-dockerfile');
  });

  it('asks before replacing each file: a skipped Dockerfile keeps the user’s text', async () => {
    const dockerfile = path.join(folder, 'Dockerfile');
    fs.writeFileSync(dockerfile, 'FROM node:20.18.1-bookworm-slim\n# my own\n');
    fs.rmSync(path.join(folder, 'compose.yaml'));
    const running = vscode.commands.executeCommand<ScaffoldOutcome>('dockside.scaffold.addDockerFiles', vscode.Uri.file(folder));
    await answerInput(/The port shop-front listens on/);
    await answerInput(/The command that starts the app/);
    await answerConfirmation('Dockerfile', 'Skip');
    await answerConfirmation('.dockerignore', 'Overwrite');
    const outcome = await running;
    assert.deepEqual(outcome, { written: ['.dockerignore', 'compose.yaml'], skipped: ['Dockerfile'] });
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), 'FROM node:20.18.1-bookworm-slim\n# my own\n');
    assert.match(fs.readFileSync(path.join(folder, 'compose.yaml'), 'utf8'), /"127\.0\.0\.1:3000:3000"/, 'the suggested port this time');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, dockerfile, 'the (kept) Dockerfile is open');
  });
});
