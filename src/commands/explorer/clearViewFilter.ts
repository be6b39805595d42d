// Clear Filter (title bar, shown while a filter is set): all rows again.
import type { Explorer, ExplorerViewId } from '../../tree/explorer';

export function clearViewFilter(explorer: Explorer, viewId: ExplorerViewId): () => Promise<void> {
  return () => explorer.view(viewId).provider.filter.set('');
}
