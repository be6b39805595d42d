import * as vscode from 'vscode';
import type { ManageServices } from '../manage/runOnTargets';
import { INSPECT_SCHEME } from './readOnlyDocuments';

/** The editor title's Refresh on an inspect, history or disk-usage document: asks the engine again. */
export function refreshDocument(services: ManageServices) {
  return async (uri?: unknown): Promise<void> => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (target?.scheme !== INSPECT_SCHEME) return;
    await services.documents.refresh(target);
  };
}
