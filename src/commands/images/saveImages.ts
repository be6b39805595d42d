// `docker save -o`: the selected images into one tar chosen in a save dialog, with progress and cancel.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatBinarySize as humanSize } from '../../shared/byteSize';
import type { ManageServices } from '../../manage/runOnTargets';
import { displayName, resolveTargets } from '../../manage/targets';

export function saveImages(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<string> => {
    const targets = await resolveTargets(services.session, 'image', node, nodes, { placeHolder: vscode.l10n.t('Choose an image to save') });
    const names = targets.map((i) => (i.repoTags.length > 0 ? i.repoTags[0] : i.id));
    const suggested = `${(targets.length === 1 ? displayName('image', targets[0]) : 'images').replace(/[/:@]+/g, '_')}.tar`;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save {0} to a tar file', names.join(', ')),
      defaultUri: vscode.Uri.joinPath(folder, suggested),
      filters: { [vscode.l10n.t('Tar archives')]: ['tar'] },
    });
    if (!target) throw new vscode.CancellationError();
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Saving {0}', names.join(', ')), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        await engine.saveImages(client, names, target.fsPath, (bytes) => progress.report({ message: vscode.l10n.t('{0} written', humanSize(bytes)) }), abort.signal);
      },
    );
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} to {1}.', names.join(', '), path.basename(target.fsPath)));
    return target.fsPath;
  };
}
