// Refresh (any explorer view's title bar): one full read of every engine shown. Rarely needed: events keep
// the views current; this is for the doubtful user and for engines that dropped events.
import type { Explorer } from '../../tree/explorer';
import type { StoreKind } from '../../tree/explorerStore';

/** `only`: the kind the pressed button's view shows; the command settles when it is read, the rest follow. */
export function refreshExplorer(explorer: Explorer, only?: StoreKind): () => Promise<void> {
  return () => explorer.resync(only);
}
