import * as vscode from 'vscode';

export function openEngineSettings(): () => Thenable<unknown> {
  return () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:dockside.dockside dockside.engine');
}
