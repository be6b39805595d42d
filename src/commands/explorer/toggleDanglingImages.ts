// Show / Hide Dangling Images (Images title bar): untagged images under `<none>`, hidden by default.
import type { Explorer } from '../../tree/explorer';
import { ExplorerSettingKeys } from '../../tree/explorerSettings';

export function toggleDanglingImages(explorer: Explorer, show: boolean): () => Promise<void> {
  return () => explorer.settings.update(ExplorerSettingKeys.showDangling, show);
}
