// Swarm mode as plain data (issue 17): the engine's own orchestrator seen from one of its nodes.

/** Where this engine stands: `inactive` (no swarm), a worker, or a manager (the only one that sees the cluster). */
export type SwarmRole = 'none' | 'worker' | 'manager';

export interface SwarmState {
  /** The engine's LocalNodeState: inactive, pending, active, error, locked. */
  readonly localState: string;
  readonly role: SwarmRole;
  readonly nodeId?: string;
  readonly nodeAddress?: string;
  readonly clusterId?: string;
  readonly managers: number;
  readonly nodes: number;
  /** The engine's sentence when joining or the swarm failed. */
  readonly error?: string;
}

export type ServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

export type UpdateState = 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed';

export interface UpdateStatus {
  readonly state: UpdateState;
  readonly message: string;
  readonly startedAt?: number;
  readonly completedAt?: number;
}

export interface ServicePort {
  readonly published?: number;
  readonly target: number;
  readonly protocol: string;
  /** ingress (the routing mesh) or host. */
  readonly mode: string;
}

export interface SwarmService {
  readonly id: string;
  readonly name: string;
  readonly mode: ServiceMode;
  /** Replicated services: the replicas asked for. Global services have none. */
  readonly replicas?: number;
  /** The image without the digest the manager may have pinned. */
  readonly image: string;
  readonly ports: readonly ServicePort[];
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** The `com.docker.stack.namespace` label: the stack it was deployed with. */
  readonly stack?: string;
  readonly updateStatus?: UpdateStatus;
  /** A previous spec exists, so rollback has something to go back to. */
  readonly canRollback: boolean;
  readonly version: number;
  readonly createdAt?: number;
  readonly updatedAt?: number;
}

/** The task states of the engine's swarm API, in the order a task goes through them. */
export const TASK_STATES = ['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running', 'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned'] as const;
export type TaskState = (typeof TASK_STATES)[number];
const BEFORE_RUNNING: ReadonlySet<TaskState> = new Set(TASK_STATES.slice(0, TASK_STATES.indexOf('running')));

/** A task the manager has not yet brought to the state it wants: on its way up, or still up while it should stop. */
export function isTaskSettling(task: Pick<SwarmTask, 'state' | 'desiredState'>): boolean {
  if (task.desiredState === 'running') return BEFORE_RUNNING.has(task.state);
  return task.state === 'running' || task.state === 'starting';
}

export interface SwarmTask {
  readonly id: string;
  readonly serviceId: string;
  /** Replicated services number their tasks; global ones run one per node. */
  readonly slot?: number;
  readonly nodeId?: string;
  readonly desiredState: TaskState;
  readonly state: TaskState;
  readonly message: string;
  /** The error of a failed or rejected task. */
  readonly error?: string;
  readonly containerId?: string;
  readonly image: string;
  readonly updatedAt?: number;
}

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';

export interface SwarmNode {
  readonly id: string;
  readonly hostname: string;
  readonly role: NodeRole;
  readonly availability: NodeAvailability;
  /** ready, down, disconnected, unknown. */
  readonly status: string;
  readonly leader: boolean;
  /** Managers: reachable, unreachable. */
  readonly reachability?: string;
  readonly address?: string;
  readonly engineVersion?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly version: number;
}

/** A secret or a config: the engine never returns a secret's data; a config's data is not kept in the model either. */
export interface SwarmObject {
  readonly id: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly createdAt?: number;
  readonly updatedAt?: number;
}

export interface SwarmSnapshot {
  readonly services: readonly SwarmService[];
  readonly tasks: readonly SwarmTask[];
  readonly nodes: readonly SwarmNode[];
  readonly secrets: readonly SwarmObject[];
  readonly configs: readonly SwarmObject[];
}

export const STACK_LABEL = 'com.docker.stack.namespace';
