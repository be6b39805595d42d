// What the explorer knows about the engine: containers, images, networks and volumes by key. Updates
// say exactly which items were added, changed or removed, so the views repaint only those rows.
// Pure: no vscode, no client; the refresh coordinator feeds it.
import type { ContainerSummary } from '../models/container';
import type { ImageSummary } from '../models/image';
import type { NetworkSummary } from '../models/network';
import type { VolumeSummary } from '../models/volume';

export interface ItemDiff<T> {
  readonly added: readonly T[];
  readonly changed: readonly { readonly before: T; readonly after: T }[];
  readonly removed: readonly T[];
}

export interface StoreChange {
  readonly containers?: ItemDiff<ContainerSummary>;
  readonly images?: ItemDiff<ImageSummary>;
  readonly networks?: ItemDiff<NetworkSummary>;
  readonly volumes?: ItemDiff<VolumeSummary>;
}

export type StoreKind = keyof StoreChange;

export interface Models {
  containers: ContainerSummary;
  images: ImageSummary;
  networks: NetworkSummary;
  volumes: VolumeSummary;
}

const keyOf: { [K in StoreKind]: (item: Models[K]) => string } = {
  containers: (c) => c.id,
  images: (i) => i.id,
  networks: (n) => n.id,
  volumes: (v) => v.name,
};

const MAX_TOMBSTONES = 4096;

export function isEmptyDiff(diff: ItemDiff<unknown> | undefined): boolean {
  return !diff || (diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0);
}

/** Where containers shown before the session's first read came from. */
export type ContainerSeed = 'snapshot' | 'quickRead';

export class ExplorerStore {
  private readonly maps: { [K in StoreKind]: Map<string, Models[K]> } = {
    containers: new Map(),
    images: new Map(),
    networks: new Map(),
    volumes: new Map(),
  };
  private readonly listeners = new Set<(change: StoreChange) => void>();
  /**
   * Keys the engine said it destroyed, for kinds whose keys are never reused (container and network ids):
   * a read that started before the `destroy` and finishes after it must not bring the item back.
   */
  private readonly destroyed: { containers: Set<string>; networks: Set<string> } = { containers: new Set(), networks: new Set() };
  private seeded: ContainerSeed | undefined;
  private read = false;

  /**
   * True while the containers are an earlier window's (explorerSnapshots.ts) or the quick read's
   * (engine/quickContainerList.ts), not yet read by the session that watches the engine's events.
   */
  get provisional(): boolean {
    return this.seeded !== undefined;
  }

  /** True while the containers are an earlier window's: the view says they are as last seen. */
  get lastSeen(): boolean {
    return this.seeded === 'snapshot';
  }

  /** Whether the containers were ever read from the engine (a snapshot is then older than what is known). */
  get hasRead(): boolean {
    return this.read;
  }

  onDidChange(listener: (change: StoreChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  all<K extends StoreKind>(kind: K): Models[K][] {
    return [...this.maps[kind].values()];
  }

  get<K extends StoreKind>(kind: K, key: string): Models[K] | undefined {
    return this.maps[kind].get(key);
  }

  /** Replaces a whole kind with a fresh list (a full read). */
  replaceAll<K extends StoreKind>(kind: K, items: readonly Models[K][]): ItemDiff<Models[K]> {
    const endsSeed = kind === 'containers' && this.seeded !== undefined;
    if (kind === 'containers') {
      this.read = true;
      // Cleared before the diff goes out: listeners see the read's rows as the engine's own.
      this.seeded = undefined;
    }
    const diff = this.apply(kind, [...this.maps[kind].keys()], items);
    // The end of a seed is news even when the read found it unchanged: the view stops saying "as last seen",
    // and the engine's containers are saved for the next window.
    if (endsSeed && isEmptyDiff(diff)) this.emit({ [kind]: diff });
    return diff;
  }

  /**
   * Containers shown until the first read (which replaces them row by row): an earlier window's, or the
   * quick read's. Only into a store that has read nothing yet: either is older than any read.
   */
  seedContainers(items: readonly ContainerSummary[], seed: ContainerSeed = 'snapshot'): void {
    if (this.read || this.maps.containers.size) return;
    this.seeded = seed;
    this.apply('containers', [], items);
  }

  /**
   * Applies a read of some keys: items returned are added or updated, keys asked for but not returned are
   * gone. Keys not asked for are left alone.
   */
  applyPartial<K extends StoreKind>(kind: K, askedKeys: readonly string[], items: readonly Models[K][]): ItemDiff<Models[K]> {
    return this.apply(kind, askedKeys, items);
  }

  /**
   * Removes items the engine reported destroyed, at once (no read). Container and network ids are never
   * reused, so they also stay out when an older read returns them later.
   */
  drop(kind: StoreKind, keys: readonly string[]): void {
    if (kind === 'containers' || kind === 'networks') {
      const tombstones = this.destroyed[kind];
      for (const k of keys) tombstones.add(k);
      // Bounded: a read older than the last few thousand removals is long done.
      for (const k of tombstones) {
        if (tombstones.size <= MAX_TOMBSTONES) break;
        tombstones.delete(k);
      }
    }
    this.apply(kind, keys, []);
  }

  /** Forgets everything (another engine, or the views closed): every item is reported removed. */
  clear(): void {
    this.seeded = undefined;
    this.read = false;
    this.destroyed.containers.clear();
    this.destroyed.networks.clear();
    const change: { -readonly [K in StoreKind]?: ItemDiff<Models[K]> } = {};
    for (const kind of Object.keys(this.maps) as StoreKind[]) {
      const removed = [...this.maps[kind].values()];
      this.maps[kind].clear();
      if (removed.length) (change as Record<string, ItemDiff<unknown>>)[kind] = { added: [], changed: [], removed };
    }
    if (Object.keys(change).length) this.emit(change);
  }

  /** Updates one item without an engine read (e.g. a volume size learnt from a disk-usage query). */
  patch<K extends StoreKind>(kind: K, item: Models[K]): void {
    const before = this.maps[kind].get(keyOf[kind](item));
    if (!before || sameModel(before, item)) return;
    this.maps[kind].set(keyOf[kind](item), item);
    this.emit({ [kind]: { added: [], changed: [{ before, after: item }], removed: [] } });
  }

  private apply<K extends StoreKind>(kind: K, askedKeys: readonly string[], items: readonly Models[K][]): ItemDiff<Models[K]> {
    const map = this.maps[kind];
    const key = keyOf[kind];
    const added: Models[K][] = [];
    const changed: { before: Models[K]; after: Models[K] }[] = [];
    const removed: Models[K][] = [];
    const seen = new Set<string>();
    const destroyed = (this.destroyed as Partial<Record<StoreKind, Set<string>>>)[kind];
    for (const item of items) {
      const k = key(item);
      if (destroyed?.has(k)) continue;
      seen.add(k);
      const before = map.get(k);
      if (!before) {
        added.push(item);
        map.set(k, item);
        continue;
      }
      const after = keepKnownSize(before, item);
      if (sameModel(before, after)) continue;
      changed.push({ before, after });
      map.set(k, after);
    }
    for (const k of askedKeys) {
      if (seen.has(k)) continue;
      const before = map.get(k);
      if (before) {
        map.delete(k);
        removed.push(before);
      }
    }
    const diff = { added, changed, removed };
    if (!isEmptyDiff(diff)) this.emit({ [kind]: diff });
    return diff;
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** A volume list never carries sizes; a size learnt earlier stays until the volume changes otherwise. */
function keepKnownSize<T>(before: T, after: T): T {
  const b = before as { size?: number };
  const a = after as { size?: number; mountpoint?: string };
  if (a.mountpoint !== undefined && a.size === undefined && b.size !== undefined) return { ...after, size: b.size };
  return after;
}

function sameModel(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
