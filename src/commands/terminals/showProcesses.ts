import * as vscode from 'vscode';
import { targetContainer } from '../../terminals/containerTargets';
import type { TerminalServices } from '../../terminals/terminalServices';

/** Show Processes: `docker top` as a read-only document. */
export function showProcesses(terminals: TerminalServices): (node?: unknown) => Promise<void> {
  return async (node) => {
    const container = await targetContainer(terminals.session, node, { placeholder: vscode.l10n.t('Show the processes of which container?'), states: ['running', 'paused'] });
    await terminals.documents.show(container, 'processes');
  };
}
