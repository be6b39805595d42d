import * as vscode from 'vscode';
import { targetContainer } from '../../terminals/containerTargets';
import type { TerminalServices } from '../../terminals/terminalServices';

/** Show Changed Files: `docker diff` as a read-only document (A added, C changed, D deleted). */
export function showChanges(terminals: TerminalServices): (node?: unknown) => Promise<void> {
  return async (node) => {
    const container = await targetContainer(terminals.session, node, { placeholder: vscode.l10n.t('Show the changed files of which container?') });
    await terminals.documents.show(container, 'changes');
  };
}
