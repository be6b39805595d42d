import * as vscode from 'vscode';
import { StatsPanel } from '../../stats/statsPanel';
import { targetContainers } from '../../terminals/containerTargets';
import type { TerminalServices } from '../../terminals/terminalServices';

/** Show Stats: the stats view with live charts for the selected running containers. */
export function showStats(terminals: TerminalServices): (node?: unknown, nodes?: unknown) => Promise<void> {
  return async (node, nodes) => {
    const containers = await targetContainers(terminals.session, node, nodes, {
      placeholder: vscode.l10n.t('Show the stats of which container?'),
      states: ['running'],
    });
    StatsPanel.show(terminals.extensionUri, terminals.stats, containers);
  };
}
