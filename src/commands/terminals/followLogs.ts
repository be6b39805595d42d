import * as vscode from 'vscode';
import { targetContainers } from '../../terminals/containerTargets';
import { openLogsTerminal } from '../../terminals/logsLauncher';
import type { TerminalServices } from '../../terminals/terminalServices';

/** Follow Logs: a logs terminal per selected container, with the tail and timestamps settings. */
export function followLogs(terminals: TerminalServices): (node?: unknown, nodes?: unknown) => Promise<void> {
  return async (node, nodes) => {
    const containers = await targetContainers(terminals.session, node, nodes, { placeholder: vscode.l10n.t('Follow the logs of which container?') });
    for (const c of containers) openLogsTerminal(terminals, vscode.l10n.t('Logs: {0}', c.name), [c]);
  };
}
