// Download...: a container file or folder into a local folder chosen in a dialog (as `docker cp -a`).
import * as vscode from 'vscode';
import type { ContainerFiles } from '../../files/containerFiles';
import { downloadTo } from '../../files/fileTransfers';
import { fileArgument, noFileSelected } from './fileNodeArgument';

export function downloadFiles(files: ContainerFiles) {
  return async (arg: unknown): Promise<void> => {
    const target = fileArgument(arg);
    if (!target) return noFileSelected();
    const [localDir] = (await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Download Here'),
      title: vscode.l10n.t('Download {0} to a local folder', target.uri.path.split('/').pop() || '/'),
    })) ?? [];
    if (!localDir) return;
    await downloadTo(files.fs, target.uri, localDir);
  };
}
