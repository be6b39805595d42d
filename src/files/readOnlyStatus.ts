// A status bar entry while the active editor shows a read-only container file, with the reason: a
// read-only mount (and which), or a read-only root file system. Editors open such files read-only (the
// file system says so in stat); this tells why.
import * as vscode from 'vscode';
import type { ContainerFileSystem } from './containerFileSystem';
import { isFileUri } from './fileUri';

export function showReadOnlyReasons(fs: ContainerFileSystem): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('dockside.files.readOnly', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Dockside: read-only container file');
  let generation = 0;
  const update = async () => {
    const mine = ++generation;
    const uri = vscode.window.activeTextEditor?.document.uri;
    const reason = uri && isFileUri(uri) ? await fs.readOnlyReason(uri).catch(() => undefined) : undefined;
    if (mine !== generation) return;
    if (!reason) {
      item.hide();
      return;
    }
    item.text = `$(lock) ${vscode.l10n.t('Read-only')}`;
    item.tooltip = reason;
    item.accessibilityInformation = { label: vscode.l10n.t('Read-only: {0}', reason) };
    item.show();
  };
  void update();
  return vscode.Disposable.from(item, vscode.window.onDidChangeActiveTextEditor(() => void update()));
}
