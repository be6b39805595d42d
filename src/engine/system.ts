// Cleanup and disk: what each prune would remove (for the confirmation), the prunes themselves (with what
// they freed), and `system df` with the docker CLI's reclaimable arithmetic.
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import { apiVersionAtLeast } from './errors';

export type PruneKind = 'containers' | 'danglingImages' | 'unusedImages' | 'networks' | 'volumes' | 'buildCache';

export interface PruneOutcome {
  readonly kind: PruneKind;
  /** Names or ids, as the engine reported them. */
  readonly removed: readonly string[];
  readonly spaceReclaimed: number;
}

export interface DiskUsageRow {
  readonly total: number;
  readonly active: number;
  readonly size: number;
  readonly reclaimable: number;
}

export interface DiskUsage {
  readonly images: DiskUsageRow;
  readonly containers: DiskUsageRow;
  readonly volumes: DiskUsageRow;
  readonly buildCache: DiskUsageRow;
}

const BUILT_IN_NETWORKS = new Set(['bridge', 'host', 'none']);
const name = (names: string[] | undefined, id: string) => (names?.[0] ?? id).replace(/^\//, '');

/** `--filter label=key=value`: only objects with that label (build cache has no labels and is skipped). */
export interface PruneScope {
  readonly label?: string;
}

const labelFilter = (scope: PruneScope) => (scope.label ? { label: [scope.label] } : {});

/** What a prune of `kind` would remove now, as names the user recognises. */
export async function prunePreview(client: EngineClient, kind: PruneKind, scope: PruneScope = {}): Promise<string[]> {
  const d = client.docker;
  const label = labelFilter(scope);
  switch (kind) {
    case 'containers': {
      const list = await engineRequest(client, () => d.listContainers({ all: true, filters: JSON.stringify({ status: ['exited', 'created', 'dead'], ...label }) }));
      return list.map((c) => name(c.Names, c.Id));
    }
    case 'danglingImages': {
      const list = await engineRequest(client, () => d.listImages({ filters: JSON.stringify({ dangling: ['true'], ...label }) }));
      return list.map((i) => i.Id.replace(/^sha256:/, '').slice(0, 12));
    }
    case 'unusedImages': {
      const [images, containers] = await Promise.all([engineRequest(client, () => d.listImages({ filters: JSON.stringify(label) })), engineRequest(client, () => d.listContainers({ all: true }))]);
      const used = new Set(containers.map((c) => c.ImageID));
      return images.filter((i) => !used.has(i.Id)).map((i) => i.RepoTags?.find((t) => t !== '<none>:<none>') ?? i.Id.replace(/^sha256:/, '').slice(0, 12));
    }
    case 'networks': {
      const [networks, containers] = await Promise.all([engineRequest(client, () => d.listNetworks({ filters: JSON.stringify(label) })), engineRequest(client, () => d.listContainers({ all: true }))]);
      const used = new Set(containers.flatMap((c) => Object.values(c.NetworkSettings?.Networks ?? {}).map((n) => n.NetworkID)));
      return networks.filter((n) => !BUILT_IN_NETWORKS.has(n.Name) && n.Scope === 'local' && !used.has(n.Id)).map((n) => n.Name);
    }
    case 'volumes': {
      const result = await engineRequest(client, () => d.listVolumes({ filters: JSON.stringify({ dangling: ['true'], ...label }) }));
      return (result.Volumes ?? []).map((v) => v.Name);
    }
    case 'buildCache': {
      if (scope.label) return [];
      const usage = (await engineRequest(client, () => d.df())) as DfAnswer;
      return (usage.BuildCache ?? []).filter((b) => !b.InUse).map((b) => b.ID);
    }
  }
}

export async function prune(client: EngineClient, kind: PruneKind, scope: PruneScope = {}): Promise<PruneOutcome> {
  const d = client.docker;
  const label = labelFilter(scope);
  switch (kind) {
    case 'containers': {
      const r = await engineRequest(client, () => d.pruneContainers({ filters: JSON.stringify(label) }));
      return { kind, removed: r.ContainersDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
    }
    case 'danglingImages':
    case 'unusedImages': {
      const filters = JSON.stringify({ dangling: [kind === 'danglingImages' ? 'true' : 'false'], ...label });
      const r = await engineRequest(client, () => d.pruneImages({ filters }));
      const removed = (r.ImagesDeleted ?? []).map((i) => i.Untagged ?? i.Deleted).filter((x): x is string => !!x);
      return { kind, removed, spaceReclaimed: r.SpaceReclaimed ?? 0 };
    }
    case 'networks': {
      const r = await engineRequest(client, () => d.pruneNetworks({ filters: JSON.stringify(label) }));
      return { kind, removed: r.NetworksDeleted ?? [], spaceReclaimed: 0 };
    }
    case 'volumes': {
      // From API 1.42 the engine prunes only anonymous volumes unless asked for all unused ones.
      const version = await client.version();
      const filters = JSON.stringify({ ...(apiVersionAtLeast(version.apiVersion, '1.42') ? { all: ['true'] } : {}), ...label });
      const r = await engineRequest(client, () => d.pruneVolumes({ filters }));
      return { kind, removed: r.VolumesDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
    }
    case 'buildCache': {
      if (scope.label) return { kind, removed: [], spaceReclaimed: 0 };
      const r = (await engineRequest(client, () => d.pruneBuilder())) as { CachesDeleted?: string[] | null; SpaceReclaimed?: number };
      return { kind, removed: r.CachesDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
    }
  }
}

/** `docker system prune [-a] [--volumes]`, in the CLI's order: containers first frees what the rest holds. */
export function systemPruneKinds(options: { allImages: boolean; volumes: boolean }): PruneKind[] {
  return ['containers', 'networks', ...(options.volumes ? (['volumes'] as const) : []), options.allImages ? 'unusedImages' : 'danglingImages', 'buildCache'];
}

interface DfAnswer {
  LayersSize?: number;
  Images?: { Containers: number; Size: number; SharedSize: number }[] | null;
  Containers?: { SizeRw?: number; State: string }[] | null;
  Volumes?: { UsageData?: { Size: number; RefCount: number } | null }[] | null;
  BuildCache?: { ID: string; Size: number; InUse: boolean; Shared: boolean }[] | null;
}

export async function diskUsage(client: EngineClient): Promise<DiskUsage> {
  return mapDiskUsage((await engineRequest(client, () => client.docker.df())) as DfAnswer);
}

/** The same sums as `docker system df`. */
export function mapDiskUsage(df: DfAnswer): DiskUsage {
  const images = df.Images ?? [];
  const usedByContainers = images.filter((i) => i.Containers > 0 && i.Size >= 0 && i.SharedSize >= 0).reduce((s, i) => s + i.Size - i.SharedSize, 0);
  const layers = df.LayersSize ?? 0;
  const containers = df.Containers ?? [];
  const volumes = (df.Volumes ?? []).map((v) => v.UsageData ?? { Size: -1, RefCount: -1 });
  const cache = df.BuildCache ?? [];
  const sum = (values: number[]) => values.filter((v) => v > 0).reduce((s, v) => s + v, 0);
  return {
    images: { total: images.length, active: images.filter((i) => i.Containers > 0).length, size: layers, reclaimable: Math.max(0, layers - usedByContainers) },
    containers: {
      total: containers.length,
      active: containers.filter((c) => c.State === 'running').length,
      size: sum(containers.map((c) => c.SizeRw ?? 0)),
      reclaimable: sum(containers.filter((c) => c.State !== 'running').map((c) => c.SizeRw ?? 0)),
    },
    volumes: {
      total: volumes.length,
      active: volumes.filter((v) => v.RefCount > 0).length,
      size: sum(volumes.map((v) => v.Size)),
      reclaimable: sum(volumes.filter((v) => v.RefCount === 0).map((v) => v.Size)),
    },
    buildCache: {
      total: cache.length,
      active: cache.filter((b) => b.InUse).length,
      size: sum(cache.map((b) => b.Size)),
      reclaimable: sum(cache.filter((b) => !b.InUse && !b.Shared).map((b) => b.Size)),
    },
  };
}
