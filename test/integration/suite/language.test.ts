// The Dockerfile language in a real VS Code: language ids, diagnostics while the file is open and edited,
// completion of local images, hover, rename and formatting, all through the started language server.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TEST_IMAGE } from '../../support/testEngine';
import { withFileRestored } from '../support/restoreFile';
import { waitFor } from '../support/waitFor';

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, 'lang', name));
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(document);
  return document;
}

const codeOf = (diagnostic: vscode.Diagnostic) =>
  typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);

/** Retries a provider command until the language server answers (it starts when the first Dockerfile opens). */
async function untilAnswered<T>(what: string, command: () => Thenable<T>, answered: (value: T) => boolean): Promise<T> {
  return waitFor(what, async () => {
    const value = await command();
    return answered(value) ? value : undefined;
  });
}

describe('Dockerfile language', function () {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('recognises Dockerfile and .dockerignore names', async () => {
    for (const name of ['Dockerfile', 'Dockerfile.stages', 'Containerfile.dev', 'web.dockerfile']) {
      assert.equal((await vscode.workspace.openTextDocument(fixture(name))).languageId, 'dockerfile', name);
    }
    assert.equal((await vscode.workspace.openTextDocument(fixture('.dockerignore'))).languageId, 'dockerignore');
  });

  it('shows diagnostics with rule ids and lines on open, and updates them on edit', () =>
    withFileRestored(fixture('Dockerfile'), async () => {
    const document = await open('Dockerfile');
    const diagnostics = await waitFor('diagnostics for lang/Dockerfile', () => {
      const list = vscode.languages.getDiagnostics(document.uri);
      return list.some((d) => codeOf(d) === 'unknownInstruction') && list;
    });
    const unknown = diagnostics.find((d) => codeOf(d) === 'unknownInstruction')!;
    assert.equal(unknown.range.start.line, 1);
    assert.equal(unknown.message, 'Unknown instruction: FOO');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    const workdir = diagnostics.find((d) => codeOf(d) === 'DL3000');
    assert.ok(workdir, diagnostics.map(codeOf).join());
    assert.equal(workdir.range.start.line, 2);
    assert.equal(workdir.source, 'hadolint');
    assert.equal(diagnostics.filter((d) => d.range.start.line === 2 && /WORKDIR|DL3000/.test(`${codeOf(d)} ${d.message}`)).length, 1);

    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 0, 1, 7), 'LABEL a=b'));
    await waitFor('the unknown instruction to disappear after the edit', () =>
      !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'unknownInstruction'),
    );
    }));

  it('applies settings changes to open Dockerfiles: an ignored rule disappears under all its names', async () => {
    const document = await open('Dockerfile');
    const onWorkdirLine = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.start.line === 2);
    await waitFor('the relative WORKDIR problem', () => onWorkdirLine().some((d) => codeOf(d) === 'DL3000'));
    const settings = vscode.workspace.getConfiguration('dockside.dockerfile');
    // User settings: they live in the test's throwaway profile, not in the fixture folder.
    await settings.update('lint.ignoredRules', ['DL3000'], vscode.ConfigurationTarget.Global);
    try {
      // dockerfile-utils' own relative-WORKDIR check is the same problem, so it must not show up instead.
      await waitFor('no WORKDIR problem once DL3000 is ignored', () => onWorkdirLine().length === 0);
    } finally {
      await settings.update('lint.ignoredRules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('DL3000 back after the setting is reset', () => onWorkdirLine().some((d) => codeOf(d) === 'DL3000'));
  });

  it('offers the language service\'s quick fix for a misspelt flag', async () => {
    const document = await open('Dockerfile.fix');
    const flag = await waitFor('the unknown flag problem', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'unknownCopyFlag'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, flag.range);
    const convert = actions.find((action) => action.title === 'Convert to --from');
    assert.ok(convert?.edit, actions.map((a) => a.title).join());
    assert.ok(await vscode.workspace.applyEdit(convert.edit));
    assert.equal(document.lineAt(1).text, 'COPY --from=alpine:3.20 /etc/os-release /os-release');
    await waitFor('the problem to go away', () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'unknownCopyFlag'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('completes the local test image after FROM', async () => {
    const document = await open('Dockerfile.complete');
    const list = await untilAnswered(
      `completion listing ${TEST_IMAGE}`,
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 5)),
      (result) => result.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === TEST_IMAGE),
    );
    assert.ok(list.items.length > 0);
  });

  it('documents instructions on hover', async () => {
    const document = await open('Dockerfile.stages');
    const hovers = await untilAnswered(
      'a hover on FROM',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 1)),
      (result) => result.length > 0,
    );
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /\*\*FROM\*\*/);
    assert.match(text, /Starts a new build stage/);
    assert.match(text, /```dockerfile\nFROM golang:1\.22 AS build\n```/);
  });

  it('renames a stage in FROM and in every COPY --from', async () => {
    const document = await open('Dockerfile.stages');
    const edit = await untilAnswered(
      'a rename of the stage',
      () => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, new vscode.Position(4, 14), 'compile'),
      (result) => result !== undefined && result.size > 0,
    );
    const edits = edit.get(document.uri);
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]).sort(),
      [[0, 20, 25, 'compile'], [4, 12, 17, 'compile'], [5, 12, 17, 'compile']],
    );
  });

  it('formats a Dockerfile', async () => {
    const document = await open('Dockerfile.format');
    const edits = await untilAnswered(
      'formatting edits',
      () => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 4, insertSpaces: true }),
      (result) => Array.isArray(result) && result.length > 0,
    );
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
    assert.equal(document.getText(), 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n    git\nUSER 1000\nCMD ["sh"]\n');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
