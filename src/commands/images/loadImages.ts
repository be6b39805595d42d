// `docker load -i`: a tar chosen in an open dialog, with progress; says which images it brought in.
import * as vscode from 'vscode';
import type { ManageServices } from '../../manage/runOnTargets';

export function loadImages(services: ManageServices) {
  return async (file?: unknown): Promise<string[]> => {
    const source = file instanceof vscode.Uri ? file : await pickTar();
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    try {
      const loaded = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading images from {0}', source.fsPath), cancellable: true },
        (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          let reported = 0;
          return engine.loadImages(client, source.fsPath, (sent, size) => {
            const percent = Math.floor((sent / Math.max(size, 1)) * 100);
            progress.report({ increment: percent - reported, message: `${percent}%` });
            reported = percent;
          }, abort.signal);
        },
      );
      void vscode.window.showInformationMessage(vscode.l10n.t('Loaded {0}.', loaded.join(', ') || vscode.l10n.t('nothing new')));
      return loaded;
    } finally {
      services.refreshViews();
    }
  };
}

async function pickTar(): Promise<vscode.Uri> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Load images from a tar file'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('Tar archives')]: ['tar', 'tar.gz', 'tgz'] },
  });
  if (!picked?.[0]) throw new vscode.CancellationError();
  return picked[0];
}
