// The rule engine as users meet it in VS Code: diagnostics with their rule id and docs link appear on a
// Dockerfile, and applying a quick fix changes the text and removes the diagnostic.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';

function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function diagnosticsWith(uri: vscode.Uri, id: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => ruleIdOf(d) === id);
}

describe('Dockerfile rules in the editor', function () {
  this.timeout(90_000);
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const uri = vscode.Uri.file(path.join(workspace, 'rules', 'quickfix.Dockerfile'));
  let document: vscode.TextDocument;
  const original = fs.readFileSync(uri.fsPath);

  after(() => {
    // A failed revert must not leave a changed fixture for the next run.
    if (!fs.readFileSync(uri.fsPath).equals(original)) fs.writeFileSync(uri.fsPath, original);
  });

  before(async () => {
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('rule diagnostics on the fixture', () => diagnosticsWith(uri, 'DL3020').length > 0, 60_000);
  });

  afterEach(async () => {
    // Leave the fixture as it is on disk for the next test.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the rule id with a link to its docs page', () => {
    const diagnostic = diagnosticsWith(uri, 'DL4000')[0];
    assert.ok(diagnostic, 'DL4000 on MAINTAINER');
    assert.equal(diagnostic.range.start.line, 1);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    // The link opens the rule's own section, rendered (src/language/ruleDocs.ts), not the raw hadolint.md.
    assert.ok(typeof code === 'object' && code.target.scheme === 'command' && /"page":"hadolint","id":"dl4000"/.test(decodeURIComponent(code.target.query)), `docs link: ${JSON.stringify(code)}`);
  });

  const fixes: Array<[string, string, number, RegExp]> = [
    ['DL3020', 'Replace ADD with COPY', 2, /^COPY app\.py \/srv\/app\.py$/],
    ['DL4000', 'Replace MAINTAINER with LABEL maintainer', 1, /^LABEL maintainer="Jane <jane@example.com>"$/],
    ['DL3014', 'Add -y to apt-get install', 3, /apt-get install -y --no-install-recommends/],
    ['DL3025', 'Convert to JSON (exec) form', 4, /^CMD \["python3", "\/srv\/app\.py"\]$/],
  ];
  for (const [id, title, line, expected] of fixes) {
    it(`${id}: "${title}" fixes the line and the diagnostic goes away`, async () => {
      const diagnostic = await waitFor(`${id} diagnostic`, () => diagnosticsWith(uri, id)[0]);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const action = actions.find((a) => a.title === title);
      assert.ok(action?.edit, `quick fix "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      assert.match(document.lineAt(line).text, expected);
      await waitFor(`${id} to disappear`, () => diagnosticsWith(uri, id).length === 0);
    });
  }

  it('"Ignore … for this instruction" inserts a pragma that silences the rule', async () => {
    const id = 'DL3014';
    const diagnostic = await waitFor(`${id} diagnostic`, () => diagnosticsWith(uri, id)[0]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const ignore = actions.find((a) => a.title === `Ignore ${id} for this instruction`);
    assert.ok(ignore?.edit, `ignore action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.equal(document.lineAt(3).text, `# hadolint ignore=${id}`);
    await waitFor(`${id} to disappear`, () => diagnosticsWith(uri, id).length === 0);
  });
});
