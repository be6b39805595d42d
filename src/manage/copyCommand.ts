// Copy id / name for any object kind: the whole selection, one a line.
import * as vscode from 'vscode';
import type { ManageServices } from './runOnTargets';
import { resolveTargets, type TargetKind, type TargetModels } from './targets';

export function copyCommand<K extends TargetKind>(services: ManageServices, kind: K, textOf: (model: TargetModels[K]) => string) {
  return async (node?: unknown, nodes?: unknown): Promise<string> => {
    const targets = await resolveTargets(services.session, kind, node, nodes, { placeHolder: vscode.l10n.t('Choose what to copy') });
    const text = targets.map(textOf).join('\n');
    await vscode.env.clipboard.writeText(text);
    return text;
  };
}
