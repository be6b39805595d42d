// Engine DTOs → plain models. Pure functions: unit-tested without an engine.
import { engineFlavorOf } from './podman';
import type Docker from 'dockerode';
import type { ContainerHealth, ContainerState, ContainerSummary, PublishedPort } from '../models/container';
import type { EngineInfo, EngineVersion } from '../models/engine';
import type { ImageSummary } from '../models/image';
import type { NetworkSummary } from '../models/network';
import type { VolumeSummary } from '../models/volume';

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const BUILT_IN_NETWORKS = new Set(['bridge', 'host', 'none']);

export function mapContainer(dto: Docker.ContainerInfo): ContainerSummary {
  const state = (STATES as readonly string[]).includes(dto.State) ? (dto.State as ContainerState) : 'created';
  const labels = dto.Labels ?? {};
  const networks = Object.entries(dto.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
    name,
    networkId: n.NetworkID,
    ipAddress: n.IPAddress || undefined,
    ipv6Address: n.GlobalIPv6Address || undefined,
    macAddress: n.MacAddress || undefined,
    gateway: n.Gateway || undefined,
  }));
  return {
    id: dto.Id,
    name: primaryName(dto.Names),
    image: dto.Image,
    imageId: dto.ImageID,
    command: dto.Command,
    created: dto.Created * 1000,
    state,
    status: dto.Status,
    health: healthFromStatus(dto.Status),
    ports: mapPorts(dto.Ports ?? []),
    labels,
    networks,
    mounts: (dto.Mounts ?? []).map((m) => ({
      type: m.Type,
      name: m.Name || undefined,
      source: m.Source,
      destination: m.Destination,
      readOnly: !m.RW,
    })),
    composeProject: labels['com.docker.compose.project'] || undefined,
  };
}

/** The list API names a container "/name" and also lists link aliases "/other/alias"; keep the real one. */
function primaryName(names: string[] | undefined): string {
  const all = (names ?? []).map((n) => n.replace(/^\//, ''));
  return all.find((n) => !n.includes('/')) ?? all[0] ?? '';
}

/** The list API carries health only inside the status text: "Up 2 minutes (healthy)". */
export function healthFromStatus(status: string): ContainerHealth {
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!m) return 'none';
  return m[1] === 'health: starting' ? 'starting' : (m[1] as ContainerHealth);
}

function mapPorts(ports: Docker.Port[]): PublishedPort[] {
  // The engine lists a published port once per host address family (0.0.0.0 and ::); show it once.
  const seen = new Set<string>();
  const result: PublishedPort[] = [];
  for (const p of ports) {
    const protocol = (p.Type === 'udp' || p.Type === 'sctp' ? p.Type : 'tcp') as PublishedPort['protocol'];
    const ip = p.IP === '::' ? '0.0.0.0' : p.IP || undefined;
    const key = `${ip}|${p.PublicPort}|${p.PrivatePort}|${protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ privatePort: p.PrivatePort, publicPort: p.PublicPort || undefined, ip, protocol });
  }
  return result.sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0));
}

export function mapImage(dto: Docker.ImageInfo): ImageSummary {
  const repoTags = (dto.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  const repoDigests = (dto.RepoDigests ?? []).filter((d) => !d.startsWith('<none>@'));
  return {
    id: dto.Id,
    repoTags,
    repoDigests,
    created: dto.Created * 1000,
    size: dto.Size,
    containers: dto.Containers >= 0 ? dto.Containers : undefined,
    labels: dto.Labels ?? {},
    dangling: repoTags.length === 0,
  };
}

export function mapNetwork(dto: Docker.NetworkInspectInfo): NetworkSummary {
  return {
    id: dto.Id,
    name: dto.Name,
    driver: dto.Driver,
    scope: dto.Scope,
    internal: !!dto.Internal,
    attachable: !!dto.Attachable,
    ipv6: !!dto.EnableIPv6,
    ipam: (dto.IPAM?.Config ?? []).map((c) => ({ subnet: c.Subnet, gateway: c.Gateway, ipRange: c.IPRange })),
    builtIn: BUILT_IN_NETWORKS.has(dto.Name) && ['bridge', 'host', 'null'].includes(dto.Driver),
    created: Date.parse(dto.Created) || 0,
    labels: dto.Labels ?? {},
  };
}

export function mapVolume(dto: Docker.VolumeInspectInfo & { CreatedAt?: string; UsageData?: { Size: number; RefCount: number } | null }): VolumeSummary {
  const usage = dto.UsageData;
  return {
    name: dto.Name,
    driver: dto.Driver,
    mountpoint: dto.Mountpoint,
    scope: dto.Scope,
    created: dto.CreatedAt ? Date.parse(dto.CreatedAt) || undefined : undefined,
    labels: dto.Labels ?? {},
    size: usage && usage.Size >= 0 ? usage.Size : undefined,
    refCount: usage && usage.RefCount >= 0 ? usage.RefCount : undefined,
  };
}

export function mapVersion(dto: Docker.DockerVersion & { MinAPIVersion?: string }): EngineVersion {
  return {
    version: dto.Version,
    apiVersion: dto.ApiVersion,
    minApiVersion: dto.MinAPIVersion,
    os: dto.Os,
    arch: dto.Arch,
    kernelVersion: dto.KernelVersion,
    gitCommit: dto.GitCommit,
    flavor: engineFlavorOf(dto as { Components?: { Name?: string }[] }),
  };
}

interface InfoDto {
  Name?: string;
  ServerVersion?: string;
  OperatingSystem?: string;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  NCPU?: number;
  MemTotal?: number;
  Driver?: string;
  SecurityOptions?: string[];
}

export function mapInfo(dto: InfoDto): EngineInfo {
  return {
    name: dto.Name ?? '',
    serverVersion: dto.ServerVersion ?? '',
    operatingSystem: dto.OperatingSystem ?? '',
    containers: dto.Containers ?? 0,
    containersRunning: dto.ContainersRunning ?? 0,
    containersPaused: dto.ContainersPaused ?? 0,
    containersStopped: dto.ContainersStopped ?? 0,
    images: dto.Images ?? 0,
    cpus: dto.NCPU ?? 0,
    memoryBytes: dto.MemTotal ?? 0,
    storageDriver: dto.Driver ?? '',
    rootless: (dto.SecurityOptions ?? []).some((o) => o.includes('name=rootless')),
  };
}
