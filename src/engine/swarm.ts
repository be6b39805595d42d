// Swarm mode over the engine API (issue 17): where this engine stands, the cluster's services, tasks, nodes,
// secrets and configs, and what can be done to them. Service changes read the current spec and send it back
// with its version, as the docker CLI does, so a concurrent change is refused, never overwritten. When the
// version moved on between the read and the write ("update out of sequence": the orchestrator itself bumps a
// node's or service's version as it converges), the edit is applied again to a fresh read, at most three times:
// the edit is a change to the spec (a label, a replica count), not a copy of an old one, so nothing is lost.
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import { mapNode, mapService, mapSwarmObject, mapSwarmState, mapTask, type RawNode, type RawService, type RawSwarmInfo, type RawSwarmObject, type RawTask } from '../models/swarmMappers';
import type { NodeAvailability, NodeRole, SwarmSnapshot, SwarmState } from '../models/swarm';

export async function readSwarmState(client: EngineClient): Promise<SwarmState> {
  const info = (await engineRequest(client, () => client.docker.info())) as { Swarm?: RawSwarmInfo };
  return mapSwarmState(info.Swarm);
}

/** Everything a manager shows, in one go: the lists are small next to a container list. */
export async function readSwarmSnapshot(client: EngineClient): Promise<SwarmSnapshot> {
  const d = client.docker;
  const [services, tasks, nodes, secrets, configs] = await engineRequest(client, () =>
    Promise.all([d.listServices({}), d.listTasks({}), d.listNodes({}), d.listSecrets({}), d.listConfigs({})]),
  );
  return {
    services: (services as unknown as RawService[]).map(mapService),
    tasks: (tasks as RawTask[]).map(mapTask),
    nodes: (nodes as unknown as RawNode[]).map(mapNode),
    secrets: (secrets as unknown as RawSwarmObject[]).map(mapSwarmObject),
    configs: (configs as unknown as RawSwarmObject[]).map(mapSwarmObject),
  };
}

export interface PortRequest {
  readonly published?: number;
  readonly target: number;
  readonly protocol: 'tcp' | 'udp';
}

export interface ServiceRequest {
  readonly name: string;
  readonly image: string;
  /** Undefined: a global service (one task per node). */
  readonly replicas?: number;
  readonly ports: readonly PortRequest[];
  readonly env: readonly string[];
  readonly command?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly mounts?: readonly MountRequest[];
  /** Placement constraints as the engine reads them: `node.role==manager`. */
  readonly constraints?: readonly string[];
  readonly resources?: ResourceRequest;
}

/** A volume (named, or anonymous without a source) or a bind mount of the tasks' containers. */
export interface MountRequest {
  readonly type: 'volume' | 'bind';
  readonly source?: string;
  readonly target: string;
  readonly readOnly: boolean;
  /** Volumes only: do not copy the image's files at the target into a new volume. */
  readonly noCopy?: boolean;
}

/** CPUs in NanoCPUs (1e9 = one CPU) and memory in bytes, as the engine takes them. */
export interface ResourceRequest {
  readonly limits?: { readonly nanoCpus?: number; readonly memoryBytes?: number };
  readonly reservations?: { readonly nanoCpus?: number; readonly memoryBytes?: number };
}

function resourcesSpec(r: { readonly nanoCpus?: number; readonly memoryBytes?: number } | undefined): Record<string, number> | undefined {
  if (!r || (r.nanoCpus === undefined && r.memoryBytes === undefined)) return undefined;
  return { ...(r.nanoCpus !== undefined ? { NanoCPUs: r.nanoCpus } : {}), ...(r.memoryBytes !== undefined ? { MemoryBytes: r.memoryBytes } : {}) };
}

/** The engine's service spec for a request (what `docker service create` sends). */
export function serviceSpecOf(request: ServiceRequest): Record<string, unknown> {
  const mounts = (request.mounts ?? []).map((m) => ({
    Type: m.type,
    ...(m.source ? { Source: m.source } : {}),
    Target: m.target,
    ReadOnly: m.readOnly,
    ...(m.type === 'volume' && m.noCopy ? { VolumeOptions: { NoCopy: true } } : {}),
  }));
  const limits = resourcesSpec(request.resources?.limits);
  const reservations = resourcesSpec(request.resources?.reservations);
  const containerSpec = { Image: request.image, Env: [...request.env], ...(request.command?.length ? { Args: [...request.command] } : {}), ...(mounts.length ? { Mounts: mounts } : {}) };
  return {
    Name: request.name,
    Labels: { ...request.labels },
    Mode: request.replicas === undefined ? { Global: {} } : { Replicated: { Replicas: request.replicas } },
    TaskTemplate: {
      ContainerSpec: containerSpec,
      ...(request.constraints?.length ? { Placement: { Constraints: [...request.constraints] } } : {}),
      ...(limits || reservations ? { Resources: { ...(limits ? { Limits: limits } : {}), ...(reservations ? { Reservations: reservations } : {}) } } : {}),
    },
    EndpointSpec: { Ports: request.ports.map((p) => ({ TargetPort: p.target, PublishedPort: p.published, Protocol: p.protocol, PublishMode: 'ingress' })) },
  };
}

/** Creates a service without asking a registry for the image's digest (the CLI's --no-resolve-image). */
export async function createService(client: EngineClient, request: ServiceRequest): Promise<string> {
  const spec = serviceSpecOf(request);
  const service = await engineRequest(client, () => client.docker.createService(spec as never));
  return (service as unknown as { id: string }).id;
}

interface ServiceInspect {
  Version: { Index: number };
  Spec: Record<string, unknown> & {
    Mode?: { Replicated?: { Replicas?: number } };
    TaskTemplate?: { ContainerSpec?: { Image?: string }; ForceUpdate?: number };
    UpdateConfig?: Record<string, unknown>;
  };
}

export async function inspectService(client: EngineClient, id: string): Promise<unknown> {
  return engineRequest(client, () => client.docker.getService(id).inspect());
}

/** Runs a read-edit-write `attempt` again while the engine says the version read is no longer current. */
export async function atCurrentVersion(attempt: () => Promise<void>): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const message = (error as { engineMessage?: string; message?: string }).engineMessage ?? (error as Error).message ?? '';
      if (tries >= 3 || !/update out of sequence/i.test(message)) throw error;
    }
  }
}

/** Reads the spec, lets `change` edit it, sends it back at the version read. */
function changeService(client: EngineClient, id: string, change: (spec: ServiceInspect['Spec']) => void, query: Record<string, string> = {}): Promise<void> {
  return atCurrentVersion(async () => {
    const current = (await inspectService(client, id)) as ServiceInspect;
    const spec = structuredClone(current.Spec);
    change(spec);
    await engineRequest(client, () => client.docker.getService(id).update({ _query: { version: current.Version.Index, ...query }, _body: spec } as never));
  });
}

export function scaleService(client: EngineClient, id: string, replicas: number): Promise<void> {
  return changeService(client, id, (spec) => {
    if (!spec.Mode?.Replicated) throw Object.assign(new Error('only replicated services scale'), { statusCode: 400, json: { message: 'scale can only be used with replicated mode' } });
    spec.Mode.Replicated.Replicas = replicas;
  });
}

export interface RollingUpdate {
  /** Tasks updated at once (0: all at once). */
  readonly parallelism: number;
  /** Wait between batches, in seconds. */
  readonly delaySeconds: number;
}

export function updateServiceImage(client: EngineClient, id: string, image: string, rolling: RollingUpdate): Promise<void> {
  return changeService(client, id, (spec) => {
    spec.TaskTemplate = { ...spec.TaskTemplate, ContainerSpec: { ...spec.TaskTemplate?.ContainerSpec, Image: image } };
    spec.UpdateConfig = { ...spec.UpdateConfig, Parallelism: rolling.parallelism, Delay: rolling.delaySeconds * 1e9 };
  });
}

/** Redeploys every task with the same spec (`docker service update --force`). */
export function forceUpdateService(client: EngineClient, id: string): Promise<void> {
  return changeService(client, id, (spec) => {
    spec.TaskTemplate = { ...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate?.ForceUpdate ?? 0) + 1 };
  });
}

/** Goes back to the previous spec; the engine runs it as a rolling update of its own (rollback_started …). */
export function rollbackService(client: EngineClient, id: string): Promise<void> {
  return changeService(client, id, () => undefined, { rollback: 'previous' });
}

export const removeService = (client: EngineClient, id: string) => engineRequest(client, () => client.docker.getService(id).remove());

interface NodeInspect {
  Version: { Index: number };
  Spec: { Role?: string; Availability?: string; Labels?: Record<string, string> };
}

function changeNode(client: EngineClient, id: string, change: (spec: NodeInspect['Spec']) => void): Promise<void> {
  const node = client.docker.getNode(id);
  return atCurrentVersion(async () => {
    const current = (await engineRequest(client, () => node.inspect())) as NodeInspect;
    const spec = structuredClone(current.Spec);
    change(spec);
    await engineRequest(client, () => node.update({ _query: { version: current.Version.Index }, _body: spec } as never) as unknown as Promise<unknown>);
  });
}

export const setNodeRole = (client: EngineClient, id: string, role: NodeRole) => changeNode(client, id, (spec) => void (spec.Role = role));
export const setNodeAvailability = (client: EngineClient, id: string, availability: NodeAvailability) => changeNode(client, id, (spec) => void (spec.Availability = availability));
/** Adds or replaces a node label; `value` undefined removes it. */
export const setNodeLabel = (client: EngineClient, id: string, key: string, value: string | undefined) =>
  changeNode(client, id, (spec) => {
    const labels = { ...spec.Labels };
    if (value === undefined) delete labels[key];
    else labels[key] = value;
    spec.Labels = labels;
  });
export const inspectNode = (client: EngineClient, id: string): Promise<unknown> => engineRequest(client, () => client.docker.getNode(id).inspect());

export type SwarmObjectKind = 'secret' | 'config';

/** The value travels in the request body only: never in a query, a log line or an error we build. */
export async function createSwarmObject(client: EngineClient, kind: SwarmObjectKind, name: string, data: Buffer, labels: Readonly<Record<string, string>> = {}): Promise<string> {
  const body = { Name: name, Labels: { ...labels }, Data: data.toString('base64') };
  const created: unknown = await engineRequest<unknown>(client, () => (kind === 'secret' ? client.docker.createSecret(body) : client.docker.createConfig(body)));
  return (created as unknown as { id: string }).id;
}

/** What inspect shows: a config's data is left out too (it may hold what its author thought private). */
export async function inspectSwarmObject(client: EngineClient, kind: SwarmObjectKind, id: string): Promise<unknown> {
  const raw = (await engineRequest<unknown>(client, () => (kind === 'secret' ? client.docker.getSecret(id).inspect() : client.docker.getConfig(id).inspect()))) as { Spec?: Record<string, unknown> };
  if (raw.Spec && 'Data' in raw.Spec) {
    const spec = { ...raw.Spec };
    delete spec.Data;
    return { ...raw, Spec: spec };
  }
  return raw;
}

export const removeSwarmObject = (client: EngineClient, kind: SwarmObjectKind, id: string) =>
  engineRequest<unknown>(client, () => (kind === 'secret' ? client.docker.getSecret(id).remove() : client.docker.getConfig(id).remove()));

export async function initSwarm(client: EngineClient, advertiseAddress: string): Promise<void> {
  await engineRequest(client, () => client.docker.swarmInit({ ListenAddr: '0.0.0.0:2377', AdvertiseAddr: advertiseAddress }));
}

export async function joinTokens(client: EngineClient): Promise<{ worker: string; manager: string; managerAddress?: string }> {
  const swarm = (await engineRequest(client, () => client.docker.swarmInspect())) as { JoinTokens?: { Worker?: string; Manager?: string } };
  const state = await readSwarmState(client);
  return { worker: swarm.JoinTokens?.Worker ?? '', manager: swarm.JoinTokens?.Manager ?? '', managerAddress: state.nodeAddress ? `${state.nodeAddress}:2377` : undefined };
}

export const leaveSwarm = (client: EngineClient, force: boolean) => engineRequest(client, () => client.docker.swarmLeave({ force }));
