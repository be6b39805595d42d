// What the explorer reads from an engine: whole lists, item-level lists, and a barrier for a container
// whose last event its list may not show yet. engine/explorerQueries.ts makes one from a client; the tree
// reads through it (tree/explorerReads.ts), which lets the ordering be unit-tested without an engine.
import type { ContainerSummary } from './container';
import type { ImageSummary } from './image';
import type { NetworkSummary } from './network';
import type { VolumeSummary } from './volume';

export interface ExplorerReadSource {
  listContainers(filter?: { readonly id?: string[] }): Promise<ContainerSummary[]>;
  listImages(): Promise<ImageSummary[]>;
  listNetworks(): Promise<NetworkSummary[]>;
  listVolumes(): Promise<VolumeSummary[]>;
  listNetworksById(ids: readonly string[]): Promise<NetworkSummary[]>;
  listVolumesByName(names: readonly string[]): Promise<VolumeSummary[]>;
  /** Resolves once the engine has committed every change it has reported for the container (or it is gone). */
  settleContainer(id: string): Promise<void>;
}
