import type { CommandServices } from './commandWrapper';

export function showLog({ log }: CommandServices): () => void {
  return () => log.show(true);
}
