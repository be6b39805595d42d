// `docker image prune [-a]`: dangling images only, or every image no container uses.
import * as vscode from 'vscode';
import { confirmAndPrune, pruneScopeOf } from '../../manage/prune';
import type { ManageServices } from '../../manage/runOnTargets';

export function pruneImages(services: ManageServices) {
  return async (scope?: unknown) => {
    const dangling = { label: vscode.l10n.t('Dangling images'), description: vscode.l10n.t('untagged leftovers of rebuilds') };
    const unused = { label: vscode.l10n.t('All unused images'), description: vscode.l10n.t('every image no container uses, tagged or not') };
    const picked = await vscode.window.showQuickPick([dangling, unused], { placeHolder: vscode.l10n.t('Which images to remove') });
    if (!picked) throw new vscode.CancellationError();
    const all = picked === unused;
    return confirmAndPrune(services, all ? vscode.l10n.t('Remove all unused images') : vscode.l10n.t('Remove dangling images'), [all ? 'unusedImages' : 'danglingImages'], pruneScopeOf(scope));
  };
}
