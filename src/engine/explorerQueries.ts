// The explorer's item-level reads: only the containers, networks or volumes an event named, and the
// details a tooltip needs. Whole-list reads stay in client.ts.
import type Docker from 'dockerode';
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import { mapNetwork, mapVolume } from './mappers';
import type { ContainerDetails } from '../models/containerDetails';
import type { ExplorerReadSource } from '../models/explorerReadSource';
import type { NetworkSummary } from '../models/network';
import type { VolumeSummary } from '../models/volume';

export async function listNetworksById(client: EngineClient, ids: readonly string[]): Promise<NetworkSummary[]> {
  const list = await engineRequest(client, () => client.docker.listNetworks({ filters: JSON.stringify({ id: ids }) } as Docker.NetworkListOptions) as unknown as Promise<Docker.NetworkInspectInfo[]>);
  // The id filter matches prefixes: keep exact matches only.
  const wanted = new Set(ids);
  return (list as Docker.NetworkInspectInfo[]).filter((n) => wanted.has(n.Id)).map(mapNetwork);
}

export async function listVolumesByName(client: EngineClient, names: readonly string[]): Promise<VolumeSummary[]> {
  const result = await engineRequest(client, () => (client.docker.listVolumes as unknown as (o: object) => Promise<unknown>).call(client.docker, { filters: JSON.stringify({ name: names }) }));
  // The name filter matches substrings: keep exact matches only.
  const wanted = new Set(names);
  const volumes = (result as { Volumes?: Docker.VolumeInspectInfo[] | null }).Volumes ?? [];
  return volumes.filter((v) => wanted.has(v.Name)).map(mapVolume);
}

/**
 * Waits until the engine has committed what it reported for a container: an inspect takes the
 * container's lock, which the engine holds from before a `die`/`pause` event until its list snapshot
 * shows it. A container that is gone meanwhile is settled too.
 */
export async function settleContainer(client: EngineClient, id: string): Promise<void> {
  try {
    await engineRequest(client, () => client.docker.getContainer(id).inspect());
  } catch (error) {
    if ((error as { code?: string }).code !== 'notFound') throw error;
  }
}

/** Everything the explorer reads, over one client (the tree's ExplorerReadSource). */
export function explorerReadSource(client: EngineClient): ExplorerReadSource {
  return {
    listContainers: (filter) => client.listContainers(filter ? { id: filter.id ? [...filter.id] : undefined } : {}),
    listImages: () => client.listImages(),
    listNetworks: () => client.listNetworks(),
    listVolumes: () => client.listVolumes(),
    listNetworksById: (ids) => listNetworksById(client, ids),
    listVolumesByName: (names) => listVolumesByName(client, names),
    settleContainer: (id) => settleContainer(client, id),
  };
}

interface ContainerInspectDto {
  Id: string;
  State?: { StartedAt?: string; ExitCode?: number };
  HostConfig?: { RestartPolicy?: { Name?: string; MaximumRetryCount?: number }; Memory?: number; NanoCpus?: number; CpuQuota?: number; CpuPeriod?: number; PidsLimit?: number | null };
}

export async function fetchContainerDetails(client: EngineClient, id: string): Promise<ContainerDetails> {
  const dto = (await engineRequest(client, () => client.docker.getContainer(id).inspect())) as unknown as ContainerInspectDto;
  return mapContainerDetails(dto);
}

export function mapContainerDetails(dto: ContainerInspectDto): ContainerDetails {
  const host = dto.HostConfig ?? {};
  const quotaCpus = host.CpuQuota && host.CpuPeriod ? host.CpuQuota / host.CpuPeriod : 0;
  const started = dto.State?.StartedAt ? Date.parse(dto.State.StartedAt) : NaN;
  return {
    id: dto.Id,
    restartPolicy: host.RestartPolicy?.Name || 'no',
    maximumRetryCount: host.RestartPolicy?.MaximumRetryCount ?? 0,
    memoryLimit: host.Memory ?? 0,
    cpus: host.NanoCpus ? host.NanoCpus / 1e9 : quotaCpus,
    pidsLimit: host.PidsLimit && host.PidsLimit > 0 ? host.PidsLimit : undefined,
    // The engine writes 0001-01-01 for a container that never started.
    startedAt: Number.isFinite(started) && started > 0 ? started : undefined,
    exitCode: dto.State?.ExitCode,
  };
}

/** Volume sizes from `docker system df`: the engine walks every volume, so this runs only on request. */
export async function fetchVolumeSizes(client: EngineClient): Promise<Map<string, number>> {
  const df = (await engineRequest(client, () => client.docker.df())) as { Volumes?: { Name: string; UsageData?: { Size: number } | null }[] | null };
  const sizes = new Map<string, number>();
  for (const v of df.Volumes ?? []) if (v.UsageData && v.UsageData.Size >= 0) sizes.set(v.Name, v.UsageData.Size);
  return sizes;
}
