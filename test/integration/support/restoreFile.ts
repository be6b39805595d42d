// Tests that edit a fixture through an editor revert it, but a revert can fail (or something may save the
// editor) and then every later run starts from a changed fixture. This puts the bytes back whatever happens.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export async function withFileRestored<T>(uri: vscode.Uri, body: () => Promise<T>): Promise<T> {
  const original = fs.readFileSync(uri.fsPath);
  try {
    return await body();
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    if (!fs.readFileSync(uri.fsPath).equals(original)) fs.writeFileSync(uri.fsPath, original);
  }
}
