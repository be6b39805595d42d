import * as vscode from 'vscode';
import type { TerminalServices } from '../../terminals/terminalServices';

/** Save Logs…: writes the whole log of the active logs terminal (its filter applied) to a file. */
export function saveLogs(terminals: TerminalServices): () => Promise<void> {
  return async () => {
    const pty = terminals.registry.activeLogs();
    if (!pty) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a logs terminal first (Follow Logs on a container).'));
      return;
    }
    const base = pty.options.sources.length === 1 ? pty.options.sources[0].name : 'compose';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.log`) : undefined,
      filters: { [vscode.l10n.t('Log files')]: ['log', 'txt'] },
    });
    if (!target) throw new vscode.CancellationError();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Saving the log…') }, () => pty.save(target));
    const open = vscode.l10n.t('Open');
    if ((await vscode.window.showInformationMessage(vscode.l10n.t('Saved the log to {0}.', target.fsPath), open)) === open) {
      await vscode.window.showTextDocument(target);
    }
  };
}
