// Refresh (any explorer view's title bar): one full read of every engine shown. Rarely needed: events keep
// the views current; this is for the doubtful user and for engines that dropped events.
import type { Explorer } from '../../tree/explorer';

export function refreshExplorer(explorer: Explorer): () => Promise<void> {
  return () => explorer.resync();
}
