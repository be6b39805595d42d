// The engine side of the Docker doctor: one /version, one /info and one /system/df, mapped to EngineFacts.
// /system/df can be slow on big hosts; its absence only hides "what prune would reclaim".
import type { EngineFacts } from '../models/engineFacts';
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import { diskUsage } from './system';

/** The part of /info the doctor reads; every field is optional because engines drop and add them. */
export interface InfoAnswer {
  ServerVersion?: string;
  OperatingSystem?: string;
  Warnings?: string[] | null;
  DockerRootDir?: string;
  Driver?: string;
  CgroupVersion?: string;
  CgroupDriver?: string;
  MemoryLimit?: boolean;
  SwapLimit?: boolean;
  CpuCfsQuota?: boolean;
  CPUShares?: boolean;
  IPv4Forwarding?: boolean;
  BridgeNfIptables?: boolean;
  RegistryConfig?: { Mirrors?: string[] | null; InsecureRegistryCIDRs?: string[] | null; IndexConfigs?: Record<string, { Secure?: boolean; Official?: boolean }> | null } | null;
  SystemTime?: string;
  SecurityOptions?: string[] | null;
}

/** `diskUsage: false` skips /system/df (slow on hosts with many images): nothing is said about reclaimable space. */
export async function readEngineFacts(client: EngineClient, options: { diskUsage?: boolean } = {}): Promise<EngineFacts> {
  const [version, info] = await Promise.all([client.version(), engineRequest(client, () => client.docker.info() as Promise<InfoAnswer>)]);
  const observedAt = Date.now();
  const usage = options.diskUsage === false ? undefined : await diskUsage(client).catch(() => undefined);
  return {
    ...mapInfoFacts(info, observedAt),
    serverVersion: version.version,
    apiVersion: version.apiVersion,
    minApiVersion: version.minApiVersion,
    reclaimable: usage && { images: usage.images.reclaimable, containers: usage.containers.reclaimable, volumes: usage.volumes.reclaimable, buildCache: usage.buildCache.reclaimable },
  };
}

export function mapInfoFacts(info: InfoAnswer, observedAt: number): Omit<EngineFacts, 'apiVersion' | 'minApiVersion' | 'reclaimable'> {
  const registry = info.RegistryConfig ?? {};
  // Insecure registries named by host sit in IndexConfigs with Secure=false; CIDRs in InsecureRegistryCIDRs.
  const insecureHosts = Object.entries(registry.IndexConfigs ?? {}).filter(([, c]) => c.Secure === false).map(([name]) => name);
  const securityOptions = info.SecurityOptions ?? [];
  return {
    serverVersion: info.ServerVersion ?? '',
    operatingSystem: info.OperatingSystem ?? '',
    warnings: info.Warnings ?? [],
    dockerRootDir: info.DockerRootDir ?? '',
    storageDriver: info.Driver ?? '',
    cgroupVersion: info.CgroupVersion || undefined,
    cgroupDriver: info.CgroupDriver || undefined,
    memoryLimit: info.MemoryLimit !== false,
    swapLimit: info.SwapLimit !== false,
    cpuCfsQuota: info.CpuCfsQuota !== false,
    cpuShares: info.CPUShares !== false,
    ipv4Forwarding: info.IPv4Forwarding !== false,
    bridgeNfIptables: info.BridgeNfIptables,
    registryMirrors: registry.Mirrors ?? [],
    insecureRegistries: [...(registry.InsecureRegistryCIDRs ?? []), ...insecureHosts],
    systemTime: info.SystemTime,
    observedAt,
    securityOptions,
    rootless: securityOptions.some((o) => o.includes('rootless')),
  };
}
