// `docker system prune [-a] [--volumes]`: stopped containers, unused networks, dangling (or all unused)
// images and the build cache; volumes only when asked, since they hold data.
import * as vscode from 'vscode';
import { confirmAndPrune, pruneScopeOf } from '../../manage/prune';
import type { ManageServices } from '../../manage/runOnTargets';

export function pruneSystem(services: ManageServices) {
  return async (scope?: unknown) => {
    const allImages = { label: vscode.l10n.t('Also unused images that are tagged'), description: '-a' };
    const volumes = { label: vscode.l10n.t('Also unused volumes and their data'), description: '--volumes' };
    const picked = await vscode.window.showQuickPick([allImages, volumes], {
      placeHolder: vscode.l10n.t('Stopped containers, unused networks, dangling images and build cache go. Add more? (Enter to continue)'),
      canPickMany: true,
    });
    if (!picked) throw new vscode.CancellationError();
    const engine = await services.session.engine();
    const kinds = engine.systemPruneKinds({ allImages: picked.includes(allImages), volumes: picked.includes(volumes) });
    return confirmAndPrune(services, vscode.l10n.t('Clean up the engine'), kinds, pruneScopeOf(scope));
  };
}
