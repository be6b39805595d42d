// Upload (local files and folders into a container folder) and download (a container file or folder into
// a local folder), with one cancellable progress notification each. The bytes stream through the engine
// layer (tar-fs); nothing is held in memory whole.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatBytes } from '../tree/format';
import type { ContainerFileSystem } from './containerFileSystem';
import { parseFileUri } from './fileUri';

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

/** Reports bytes (and a share of the bar when the total is known) to a progress notification. */
function reporter(progress: Progress): (p: { bytes: number; total?: number }) => void {
  let shown = 0;
  return ({ bytes, total }) => {
    const share = total ? Math.min(100, (bytes / total) * 100) : undefined;
    progress.report({
      message: total ? vscode.l10n.t('{0} of {1}', formatBytes(bytes), formatBytes(total)) : formatBytes(bytes),
      increment: share === undefined ? undefined : share - shown,
    });
    if (share !== undefined) shown = share;
  };
}

function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/** Uploads local files or folders into the container folder `dir`. False when it could not start. */
export async function uploadInto(fs: ContainerFileSystem, locals: readonly vscode.Uri[], dir: vscode.Uri): Promise<boolean> {
  const { location, target } = await fs.targetOf(dir);
  const refusal = target.readOnlyReason(location.path);
  if (refusal) {
    void vscode.window.showErrorMessage(refusal);
    return false;
  }
  const names = locals.map((l) => path.basename(l.fsPath));
  const title = locals.length === 1 ? vscode.l10n.t('Uploading {0} to {1}', names[0], location.path) : vscode.l10n.t('Uploading {0} items to {1}', locals.length, location.path);
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const signal = abortOn(token);
      for (const local of locals) {
        await target.engine.uploadPath(target.client, target.containerId, local.fsPath, target.containerPath(location.path), { signal, onProgress: reporter(progress) });
      }
    });
  } finally {
    fs.changedOutside(dir);
    for (const name of names) fs.changedOutside(vscode.Uri.joinPath(dir, name), vscode.FileChangeType.Created);
  }
  return true;
}

/** Downloads a container file or folder into the local folder `localDir`. */
export async function downloadTo(fs: ContainerFileSystem, remote: vscode.Uri, localDir: vscode.Uri): Promise<void> {
  const { location, target } = await fs.targetOf(remote);
  const name = path.posix.basename(parseFileUri(remote).path) || '/';
  const title = vscode.l10n.t('Downloading {0} to {1}', name, localDir.fsPath);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    await target.engine.downloadPath(target.client, target.containerId, target.containerPath(location.path), localDir.fsPath, { signal: abortOn(token), onProgress: reporter(progress) });
  });
}
