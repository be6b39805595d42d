// Sort Containers By… (Containers title bar): name, creation time (newest first) or state (running first).
import * as vscode from 'vscode';
import type { Explorer } from '../../tree/explorer';
import { CONTAINER_SORTINGS, ExplorerSettingKeys, type ContainerSorting } from '../../tree/explorerSettings';
import { chooseOption } from './chooseOption';

function sortingLabel(sorting: ContainerSorting): string {
  switch (sorting) {
    case 'name': return vscode.l10n.t('Name');
    case 'created': return vscode.l10n.t('Created (newest first)');
    case 'state': return vscode.l10n.t('State (running first)');
  }
}

export function sortContainersBy(explorer: Explorer): (sorting?: unknown) => Promise<void> {
  return async (sorting?: unknown) => {
    const choice = await chooseOption(sorting, CONTAINER_SORTINGS, explorer.settings.sortBy, sortingLabel, vscode.l10n.t('Sort Containers By'));
    if (choice) await explorer.settings.update(ExplorerSettingKeys.sortBy, choice);
  };
}
