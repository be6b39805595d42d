// Container lifecycle and changes to live containers: start/stop/kill/pause/remove/rename, commit, update.
import type { EngineClient } from './client';
import { engineRequest, idempotentRequest } from './engineRequest';

export type RestartPolicyName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface RestartPolicy {
  readonly name: RestartPolicyName;
  /** Only meaningful for on-failure: 0 means retry forever. */
  readonly maximumRetryCount: number;
}

/** The resource limits `docker update` changes; bytes and nano-CPUs as the engine counts them. */
export interface ContainerLimits {
  readonly cpuShares: number;
  readonly nanoCpus: number;
  readonly memoryBytes: number;
  /** Memory plus swap; -1 is unlimited swap, 0 means unset. */
  readonly memorySwapBytes: number;
  readonly restartPolicy: RestartPolicy;
}

export interface CommitRequest {
  readonly repository: string;
  readonly tag: string;
  readonly message?: string;
  readonly author?: string;
}

export const startContainer = (client: EngineClient, id: string) => idempotentRequest(client, () => client.docker.getContainer(id).start());

/** Graceful: the engine sends SIGTERM (or the image's STOPSIGNAL) and SIGKILL after `timeoutSeconds`. */
export const stopContainer = (client: EngineClient, id: string, timeoutSeconds: number) =>
  idempotentRequest(client, () => client.docker.getContainer(id).stop({ t: timeoutSeconds }));

export const restartContainer = (client: EngineClient, id: string, timeoutSeconds: number) =>
  idempotentRequest(client, () => client.docker.getContainer(id).restart({ t: timeoutSeconds }));

export const killContainer = (client: EngineClient, id: string, signal: string) =>
  engineRequest(client, () => client.docker.getContainer(id).kill({ signal }));

export const pauseContainer = (client: EngineClient, id: string) => engineRequest(client, () => client.docker.getContainer(id).pause());

export const unpauseContainer = (client: EngineClient, id: string) => engineRequest(client, () => client.docker.getContainer(id).unpause());

export const removeContainer = (client: EngineClient, id: string, options: { force: boolean; anonymousVolumes: boolean }) =>
  engineRequest(client, () => client.docker.getContainer(id).remove({ force: options.force, v: options.anonymousVolumes }));

export const renameContainer = (client: EngineClient, id: string, name: string) =>
  engineRequest(client, () => client.docker.getContainer(id).rename({ name }));

/** `docker commit -m -a`: returns the new image id. */
export async function commitContainer(client: EngineClient, id: string, request: CommitRequest): Promise<string> {
  const result = await engineRequest(client, () =>
    client.docker.getContainer(id).commit({ repo: request.repository, tag: request.tag, comment: request.message, author: request.author }),
  );
  return (result as { Id?: string }).Id ?? '';
}

export async function containerLimits(client: EngineClient, id: string): Promise<ContainerLimits> {
  const info = await engineRequest(client, () => client.docker.getContainer(id).inspect());
  const host = info.HostConfig as typeof info.HostConfig & { NanoCpus?: number; MemorySwap?: number };
  const policy = host.RestartPolicy ?? { Name: 'no', MaximumRetryCount: 0 };
  return {
    cpuShares: host.CpuShares ?? 0,
    nanoCpus: host.NanoCpus ?? 0,
    memoryBytes: host.Memory ?? 0,
    memorySwapBytes: host.MemorySwap ?? 0,
    restartPolicy: { name: (policy.Name || 'no') as RestartPolicyName, maximumRetryCount: policy.MaximumRetryCount ?? 0 },
  };
}

/** `docker update`: only the fields given change. */
export async function updateContainer(client: EngineClient, id: string, limits: Partial<ContainerLimits>): Promise<string[]> {
  const body: Record<string, unknown> = {};
  if (limits.cpuShares !== undefined) body.CpuShares = limits.cpuShares;
  if (limits.nanoCpus !== undefined) body.NanoCpus = limits.nanoCpus;
  if (limits.memoryBytes !== undefined) body.Memory = limits.memoryBytes;
  if (limits.memorySwapBytes !== undefined) body.MemorySwap = limits.memorySwapBytes;
  if (limits.restartPolicy) body.RestartPolicy = { Name: limits.restartPolicy.name, MaximumRetryCount: limits.restartPolicy.maximumRetryCount };
  const result = await engineRequest(client, () => client.docker.getContainer(id).update(body));
  return ((result as { Warnings?: string[] | null } | undefined)?.Warnings ?? []).filter(Boolean);
}
