// The engine and explorer commands: id → handler. The tables of all commands are joined in commandTable.ts.
import { Commands, Views } from '../constants';
import type { Explorer } from '../tree/explorer';
import { ExplorerSettingKeys } from '../tree/explorerSettings';
import type { CommandHandler, CommandServices } from './commandWrapper';
import { openEngineSettings } from './openEngineSettings';
import { clearViewFilter } from './explorer/clearViewFilter';
import { filterView } from './explorer/filterView';
import { groupContainersBy } from './explorer/groupContainersBy';
import { refreshExplorer } from './explorer/refreshExplorer';
import { sortContainersBy } from './explorer/sortContainersBy';
import { setExplorerToggle } from './explorer/setExplorerToggle';
import { showLog } from './showLog';

export interface CommandDependencies extends CommandServices {
  readonly explorer: Explorer;
}

export function explorerCommandTable(deps: CommandDependencies): Record<string, CommandHandler> {
  return {
    [Commands.openEngineSettings]: openEngineSettings(),
    [Commands.showLog]: showLog(deps),
    [Commands.refreshContainers]: refreshExplorer(deps.explorer, 'containers'),
    [Commands.refreshExplorer]: refreshExplorer(deps.explorer),
    [Commands.filterContainers]: filterView(deps.explorer, Views.containers),
    [Commands.filterImages]: filterView(deps.explorer, Views.images),
    [Commands.filterNetworks]: filterView(deps.explorer, Views.networks),
    [Commands.filterVolumes]: filterView(deps.explorer, Views.volumes),
    [Commands.clearContainersFilter]: clearViewFilter(deps.explorer, Views.containers),
    [Commands.clearImagesFilter]: clearViewFilter(deps.explorer, Views.images),
    [Commands.clearNetworksFilter]: clearViewFilter(deps.explorer, Views.networks),
    [Commands.clearVolumesFilter]: clearViewFilter(deps.explorer, Views.volumes),
    [Commands.groupContainersBy]: groupContainersBy(deps.explorer),
    [Commands.sortContainersBy]: sortContainersBy(deps.explorer),
    [Commands.showDanglingImages]: setExplorerToggle(deps.explorer, ExplorerSettingKeys.showDangling, true),
    [Commands.hideDanglingImages]: setExplorerToggle(deps.explorer, ExplorerSettingKeys.showDangling, false),
    [Commands.showContainerUsage]: setExplorerToggle(deps.explorer, ExplorerSettingKeys.showUsage, true),
    [Commands.hideContainerUsage]: setExplorerToggle(deps.explorer, ExplorerSettingKeys.showUsage, false),
  };
}
