// The engine's swarm DTOs → swarm models, and what the views derive from them (replica counts, rolling-update
// progress, which tasks are current). Pure: the DTO shapes are declared here (only the fields we read), so
// the models stay free of dockerode; unit-tested with plain objects.
import { STACK_LABEL, TASK_STATES, type NodeAvailability, type ServiceMode, type ServicePort, type SwarmNode, type SwarmObject, type SwarmRole, type SwarmService, type SwarmState, type SwarmTask, type TaskState, type UpdateState, type UpdateStatus } from './swarm';

type Labels = Record<string, string> | null | undefined;

export interface RawSwarmInfo {
  LocalNodeState?: string;
  ControlAvailable?: boolean;
  NodeID?: string;
  NodeAddr?: string;
  Cluster?: { ID?: string } | null;
  Managers?: number;
  Nodes?: number;
  Error?: string;
}

export interface RawService {
  ID: string;
  Version?: { Index?: number };
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: {
    Name?: string;
    Labels?: Labels;
    Mode?: { Replicated?: { Replicas?: number }; Global?: object; ReplicatedJob?: object; GlobalJob?: object };
    TaskTemplate?: { ContainerSpec?: { Image?: string; Env?: string[] | null } };
    EndpointSpec?: { Ports?: RawPort[] | null };
  };
  PreviousSpec?: object | null;
  Endpoint?: { Ports?: RawPort[] | null };
  UpdateStatus?: { State?: string; Message?: string; StartedAt?: string; CompletedAt?: string } | null;
}

interface RawPort {
  Protocol?: string;
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: string;
}

export interface RawTask {
  ID: string;
  ServiceID?: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  UpdatedAt?: string;
  Spec?: { ContainerSpec?: { Image?: string } };
  Status?: { State?: string; Message?: string; Err?: string; ContainerStatus?: { ContainerID?: string } };
}

export interface RawNode {
  ID: string;
  Version?: { Index?: number };
  Spec?: { Role?: string; Availability?: string; Labels?: Labels };
  Description?: { Hostname?: string; Engine?: { EngineVersion?: string } };
  Status?: { State?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string } | null;
}

export interface RawSwarmObject {
  ID: string;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: { Name?: string; Labels?: Labels };
}

const UPDATE_STATES: readonly UpdateState[] = ['updating', 'paused', 'completed', 'rollback_started', 'rollback_paused', 'rollback_completed'];

function time(text: string | undefined): number | undefined {
  const t = text ? Date.parse(text) : NaN;
  return Number.isFinite(t) && t > 0 ? t : undefined;
}

export function mapSwarmState(info: RawSwarmInfo | undefined): SwarmState {
  const localState = info?.LocalNodeState || 'inactive';
  const role: SwarmRole = localState !== 'active' ? 'none' : info?.ControlAvailable ? 'manager' : 'worker';
  return {
    localState,
    role,
    nodeId: info?.NodeID || undefined,
    nodeAddress: info?.NodeAddr || undefined,
    clusterId: info?.Cluster?.ID || undefined,
    managers: info?.Managers ?? 0,
    nodes: info?.Nodes ?? 0,
    error: info?.Error || undefined,
  };
}

export function serviceMode(mode: NonNullable<RawService['Spec']>['Mode']): ServiceMode {
  if (mode?.Global) return 'global';
  if (mode?.ReplicatedJob) return 'replicated-job';
  if (mode?.GlobalJob) return 'global-job';
  return 'replicated';
}

/** `image:tag@sha256:…` → `image:tag`: the manager pins a digest when it could resolve one. */
export function withoutDigest(image: string): string {
  const at = image.indexOf('@');
  return at > 0 ? image.slice(0, at) : image;
}

function mapPorts(ports: readonly RawPort[] | null | undefined): ServicePort[] {
  return (ports ?? []).map((p) => ({ published: p.PublishedPort || undefined, target: p.TargetPort ?? 0, protocol: p.Protocol ?? 'tcp', mode: p.PublishMode ?? 'ingress' }));
}

export function mapUpdateStatus(raw: RawService['UpdateStatus']): UpdateStatus | undefined {
  const state = raw?.State as UpdateState | undefined;
  if (!state || !UPDATE_STATES.includes(state)) return undefined;
  return { state, message: raw?.Message ?? '', startedAt: time(raw?.StartedAt), completedAt: time(raw?.CompletedAt) };
}

export function mapService(raw: RawService): SwarmService {
  const spec = raw.Spec ?? {};
  const mode = serviceMode(spec.Mode);
  const labels = spec.Labels ?? {};
  return {
    id: raw.ID,
    name: spec.Name ?? raw.ID,
    mode,
    replicas: mode === 'replicated' ? (spec.Mode?.Replicated?.Replicas ?? 1) : undefined,
    image: withoutDigest(spec.TaskTemplate?.ContainerSpec?.Image ?? ''),
    // The endpoint's ports include those the engine assigned; the spec's are what was asked.
    ports: mapPorts(raw.Endpoint?.Ports?.length ? raw.Endpoint.Ports : spec.EndpointSpec?.Ports),
    env: spec.TaskTemplate?.ContainerSpec?.Env ?? [],
    labels,
    stack: labels[STACK_LABEL] || undefined,
    updateStatus: mapUpdateStatus(raw.UpdateStatus),
    canRollback: !!raw.PreviousSpec,
    version: raw.Version?.Index ?? 0,
    createdAt: time(raw.CreatedAt),
    updatedAt: time(raw.UpdatedAt),
  };
}

function taskState(text: string | undefined): TaskState {
  return (TASK_STATES as readonly string[]).includes(text ?? '') ? (text as TaskState) : 'new';
}

export function mapTask(raw: RawTask): SwarmTask {
  const state = taskState(raw.Status?.State);
  return {
    id: raw.ID,
    serviceId: raw.ServiceID ?? '',
    slot: raw.Slot || undefined,
    nodeId: raw.NodeID || undefined,
    desiredState: taskState(raw.DesiredState),
    state,
    message: raw.Status?.Message ?? '',
    error: raw.Status?.Err || undefined,
    containerId: raw.Status?.ContainerStatus?.ContainerID || undefined,
    image: withoutDigest(raw.Spec?.ContainerSpec?.Image ?? ''),
    updatedAt: time(raw.UpdatedAt),
  };
}

export function mapNode(raw: RawNode): SwarmNode {
  const availability = (['active', 'pause', 'drain'] as const).find((a) => a === raw.Spec?.Availability) ?? 'active';
  return {
    id: raw.ID,
    hostname: raw.Description?.Hostname ?? raw.ID,
    role: raw.Spec?.Role === 'manager' ? 'manager' : 'worker',
    availability: availability as NodeAvailability,
    status: raw.Status?.State ?? 'unknown',
    leader: !!raw.ManagerStatus?.Leader,
    reachability: raw.ManagerStatus?.Reachability || undefined,
    address: raw.Status?.Addr || raw.ManagerStatus?.Addr || undefined,
    engineVersion: raw.Description?.Engine?.EngineVersion || undefined,
    labels: raw.Spec?.Labels ?? {},
    version: raw.Version?.Index ?? 0,
  };
}

export function mapSwarmObject(raw: RawSwarmObject): SwarmObject {
  return { id: raw.ID, name: raw.Spec?.Name ?? raw.ID, labels: raw.Spec?.Labels ?? {}, createdAt: time(raw.CreatedAt), updatedAt: time(raw.UpdatedAt) };
}

/** Tasks the orchestrator still wants (desired running, or a job's complete): the ones a view lists first. */
export function isCurrentTask(task: SwarmTask): boolean {
  return task.desiredState === 'running' || task.desiredState === 'complete' || task.desiredState === 'ready';
}

/** Running and desired replicas, as `docker service ls` counts them. */
export function replicaCounts(service: SwarmService, tasks: readonly SwarmTask[]): { running: number; desired: number } {
  const mine = tasks.filter((t) => t.serviceId === service.id);
  const running = mine.filter((t) => t.state === 'running' && t.desiredState === 'running').length;
  const desired = service.mode === 'replicated' ? (service.replicas ?? 0) : mine.filter((t) => t.desiredState === 'running').length;
  return { running, desired };
}

/** While a rolling update (or rollback) runs: how many of the wanted tasks already run the service's current image. */
export function updateProgress(service: SwarmService, tasks: readonly SwarmTask[]): { done: number; total: number } | undefined {
  const state = service.updateStatus?.state;
  if (state !== 'updating' && state !== 'rollback_started') return undefined;
  const wanted = tasks.filter((t) => t.serviceId === service.id && t.desiredState === 'running');
  const done = wanted.filter((t) => t.state === 'running' && t.image === service.image).length;
  return { done, total: service.mode === 'replicated' ? (service.replicas ?? wanted.length) : wanted.length };
}

/** `web.2` for a replicated task, `web.<node>` for a global one: the names `docker service ps` shows. */
export function taskName(service: Pick<SwarmService, 'name'>, task: SwarmTask): string {
  return task.slot ? `${service.name}.${task.slot}` : `${service.name}.${task.nodeId ?? task.id}`;
}
