// The on/off switches in the explorer title bars: Show / Hide Dangling Images (untagged images under
// `<none>`, hidden by default) and Show / Hide Container Usage (CPU and memory in the Containers rows).
import type { Explorer } from '../../tree/explorer';
import type { ExplorerSettingKeys } from '../../tree/explorerSettings';

type ToggleKey = typeof ExplorerSettingKeys.showDangling | typeof ExplorerSettingKeys.showUsage;

export function setExplorerToggle(explorer: Explorer, key: ToggleKey, on: boolean): () => Promise<void> {
  return () => explorer.settings.update(key, on);
}
