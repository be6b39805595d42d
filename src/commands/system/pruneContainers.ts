import * as vscode from 'vscode';
import { confirmAndPrune, pruneScopeOf } from '../../manage/prune';
import type { ManageServices } from '../../manage/runOnTargets';

export const pruneContainers = (services: ManageServices) => (scope?: unknown) => confirmAndPrune(services, vscode.l10n.t('Remove stopped containers'), ['containers'], pruneScopeOf(scope));
