import * as vscode from 'vscode';
import { confirmAndPrune, pruneScopeOf } from '../../manage/prune';
import type { ManageServices } from '../../manage/runOnTargets';

export const pruneVolumes = (services: ManageServices) => (scope?: unknown) => confirmAndPrune(services, vscode.l10n.t('Remove unused volumes'), ['volumes'], pruneScopeOf(scope));
