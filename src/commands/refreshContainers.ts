import type { ContainersProvider } from '../tree/containers/containersProvider';

export function refreshContainers(provider: ContainersProvider): () => void {
  return () => provider.refresh();
}
