// Group Containers By… (Containers title bar): none, compose project, state, image or network.
import * as vscode from 'vscode';
import type { Explorer } from '../../tree/explorer';
import { CONTAINER_GROUPINGS, ExplorerSettingKeys, type ContainerGrouping } from '../../tree/explorerSettings';
import { chooseOption } from './chooseOption';

function groupingLabel(grouping: ContainerGrouping): string {
  switch (grouping) {
    case 'none': return vscode.l10n.t('No grouping');
    case 'composeProject': return vscode.l10n.t('Compose project');
    case 'state': return vscode.l10n.t('State');
    case 'image': return vscode.l10n.t('Image');
    case 'network': return vscode.l10n.t('Network');
  }
}

export function groupContainersBy(explorer: Explorer): (grouping?: unknown) => Promise<void> {
  return async (grouping?: unknown) => {
    const choice = await chooseOption(grouping, CONTAINER_GROUPINGS, explorer.settings.groupBy, groupingLabel, vscode.l10n.t('Group Containers By'));
    if (choice) await explorer.settings.update(ExplorerSettingKeys.groupBy, choice);
  };
}
