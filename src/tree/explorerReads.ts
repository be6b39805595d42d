// Turns a sync plan (or a full read) into engine reads and store updates, so that the store never ends
// in a state the engine does not hold. Pure: no vscode; the engine is reached through ExplorerReadSource
// (models/explorerReadSource.ts), which lets the ordering be unit-tested.
//
// Why reads need checking: the engine reports `die`, `stop`, `pause` and `unpause` before its list
// endpoint shows them (eventPlan.ts, ContainerExpectation). A read that contradicts the last event of its
// container is not applied; the container is read again behind a barrier (an inspect, which waits for the
// container's lock, which the engine holds until it has committed the new state), and that second read is
// applied whatever it says: it is at least as new as the event.
import type { ContainerSummary } from '../models/container';
import type { ExplorerReadSource } from '../models/explorerReadSource';
import { contradicts, type SyncPlan } from './eventPlan';
import type { ExplorerStore, Models, StoreKind } from './explorerStore';

export type { ExplorerReadSource };

/**
 * A full read of everything: after the stream (re)opens, and the refresh buttons. Each kind is applied the
 * moment its own list lands, not when the slowest of the four has: the Containers view repaints after the
 * containers list alone, whatever the images list costs. `onApplied` hears each kind as it is in the store.
 */
export async function readEverything(source: ExplorerReadSource, store: ExplorerStore, onApplied?: (kind: StoreKind) => void): Promise<void> {
  const apply = async <K extends StoreKind>(kind: K, read: Promise<readonly Models[K][]>) => {
    store.replaceAll(kind, await read);
    onApplied?.(kind);
  };
  await Promise.all([apply('containers', source.listContainers()), apply('images', source.listImages()), apply('networks', source.listNetworks()), apply('volumes', source.listVolumes())]);
}

/** The reads one plan needs, applied item by item. */
export async function readPlan(source: ExplorerReadSource, store: ExplorerStore, plan: SyncPlan): Promise<void> {
  const containerIds = [...plan.containers];
  const networkIds = [...plan.networks];
  const volumeNames = [...plan.volumes];
  const [containers, images, networks, volumes] = await Promise.all([
    containerIds.length ? readContainers(source, plan, containerIds) : undefined,
    plan.images ? source.listImages() : undefined,
    networkIds.length ? source.listNetworksById(networkIds) : undefined,
    volumeNames.length ? source.listVolumesByName(volumeNames) : undefined,
  ]);
  store.applyPartial('containers', [...containerIds, ...plan.goneContainers], containers ?? []);
  if (images) store.replaceAll('images', images);
  store.applyPartial('networks', [...networkIds, ...plan.goneNetworks], networks ?? []);
  store.applyPartial('volumes', [...volumeNames, ...plan.goneVolumes], volumes ?? []);
}

/** One list request for the plan's containers; the ones it shows stale are read again behind a barrier. */
async function readContainers(source: ExplorerReadSource, plan: SyncPlan, ids: string[]): Promise<ContainerSummary[]> {
  const first = await source.listContainers({ id: ids });
  const stale = first.filter((c) => contradicts(plan.expected.get(c.id), c)).map((c) => c.id);
  if (stale.length === 0) return exactly(ids, first);
  await Promise.all(stale.map((id) => source.settleContainer(id)));
  const again = exactly(stale, await source.listContainers({ id: stale }));
  const staleSet = new Set(stale);
  // A stale container the second read no longer lists is gone: leaving it out makes applyPartial drop it.
  return [...exactly(ids, first).filter((c) => !staleSet.has(c.id)), ...again];
}

/** The id filter matches prefixes: keep the containers asked for only. */
function exactly(ids: readonly string[], list: readonly ContainerSummary[]): ContainerSummary[] {
  const wanted = new Set(ids);
  return list.filter((c) => wanted.has(c.id));
}
