import type { CommandServices } from './commandWrapper';

/** Connects again now; the status bar, welcome views and trees follow the new state. */
export function retryEngine({ session }: CommandServices): () => Promise<void> {
  return () => session.connect();
}
