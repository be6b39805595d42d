// Upload...: local files or folders, chosen in a dialog, into a container folder (owner, mode and mtime
// kept; streamed, with progress and cancel).
import * as vscode from 'vscode';
import type { ContainerFiles } from '../../files/containerFiles';
import { uploadInto } from '../../files/fileTransfers';
import { directoryOf, fileArgument, noFileSelected } from './fileNodeArgument';

export function uploadFiles(files: ContainerFiles) {
  return async (arg: unknown): Promise<void> => {
    const target = fileArgument(arg);
    if (!target) return noFileSelected();
    const dir = await directoryOf(target, (u) => files.fs.stat(u));
    const locals = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      openLabel: vscode.l10n.t('Upload'),
      title: vscode.l10n.t('Upload to {0}', dir.path.split('/').slice(2).join('/') || '/'),
    });
    if (!locals?.length) return;
    await uploadInto(files.fs, locals, dir);
  };
}
