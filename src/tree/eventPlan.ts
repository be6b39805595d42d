// Engine events → the smallest set of reads that brings the explorer up to date. Pure: unit-tested
// with plain event objects. Events that arrive within one debounce window are merged into one plan.
import type { ContainerSummary } from '../models/container';
import type { EngineEvent } from '../models/engineEvent';

/**
 * What the last event of a container says its next read must show. The engine sends `die`, `stop`,
 * `pause` and `unpause` while it still holds the container's lock, BEFORE it commits the new state to the
 * snapshot its list endpoint reads (measured on 20.10: a list right after `die` says "running" for up to
 * seconds under load, and no later event comes to correct it). A read that contradicts its expectation is
 * stale and is read again behind a barrier (see explorerReads.ts).
 */
export type ContainerExpectation = 'stopped' | 'paused' | 'unpaused' | { readonly name: string };

export interface SyncPlan {
  /** Containers to read again by id (one list request filtered by id). */
  readonly containers: Set<string>;
  /** Containers known to be gone: dropped without a read. */
  readonly goneContainers: Set<string>;
  /** Per container read: what the last event of the window says the read must show (none: trust it). */
  readonly expected: Map<string, ContainerExpectation>;
  /** The image list has no id filter: any image change means one list request. */
  images: boolean;
  readonly networks: Set<string>;
  readonly goneNetworks: Set<string>;
  readonly volumes: Set<string>;
  readonly goneVolumes: Set<string>;
}

export function emptyPlan(): SyncPlan {
  return { containers: new Set(), goneContainers: new Set(), expected: new Map(), images: false, networks: new Set(), goneNetworks: new Set(), volumes: new Set(), goneVolumes: new Set() };
}

export function isEmptyPlan(plan: SyncPlan): boolean {
  return (
    !plan.images &&
    [plan.containers, plan.goneContainers, plan.networks, plan.goneNetworks, plan.volumes, plan.goneVolumes].every((s) => s.size === 0)
  );
}

/**
 * Container actions that change nothing the explorer shows (exec sessions, terminals, copies, and `kill`: a
 * signal changes no state by itself; when it ends the process, `die` follows).
 */
const QUIET_CONTAINER_ACTIONS = /^(exec_create|exec_start|exec_die|exec_detach|attach|detach|resize|top|archive-path|extract-to-dir|export|copy|kill)\b/;
/** Image actions that leave the image list as it was. */
const QUIET_IMAGE_ACTIONS = /^(push|save)$/;

/** The item will be read again (and is no longer known gone). */
function markChanged(read: Set<string>, gone: Set<string>, id: string): void {
  gone.delete(id);
  read.add(id);
}

/** The item is gone: dropped without a read (and no earlier read of it is needed). */
function markGone(read: Set<string>, gone: Set<string>, id: string): void {
  read.delete(id);
  gone.add(id);
}

/** Adds what one event requires to the plan. */
export function addEventToPlan(plan: SyncPlan, event: EngineEvent): void {
  const id = event.actorId;
  switch (event.type) {
    case 'container':
      if (QUIET_CONTAINER_ACTIONS.test(event.action)) return;
      if (event.action === 'destroy') {
        plan.expected.delete(id);
        return markGone(plan.containers, plan.goneContainers, id);
      }
      markChanged(plan.containers, plan.goneContainers, id);
      expectAfter(plan.expected, id, event);
      // A commit makes an image.
      if (event.action === 'commit') plan.images = true;
      return;
    case 'image':
      if (!QUIET_IMAGE_ACTIONS.test(event.action)) plan.images = true;
      return;
    case 'network': {
      if (event.action === 'destroy' || event.action === 'remove') return markGone(plan.networks, plan.goneNetworks, id);
      // connect/disconnect change the container's addresses; the network row recounts from the containers.
      const container = event.attributes.container;
      if ((event.action === 'connect' || event.action === 'disconnect') && container) {
        if (!plan.goneContainers.has(container)) plan.containers.add(container);
        return;
      }
      return markChanged(plan.networks, plan.goneNetworks, id);
    }
    case 'volume':
      // mount/unmount happen at every container start and stop; the volume itself did not change.
      if (event.action === 'mount' || event.action === 'unmount') return;
      if (event.action === 'destroy') return markGone(plan.volumes, plan.goneVolumes, id);
      return markChanged(plan.volumes, plan.goneVolumes, id);
  }
}

/** Keeps the expectation of the container's last event that has one; later events override earlier ones. */
function expectAfter(expected: Map<string, ContainerExpectation>, id: string, event: EngineEvent): void {
  switch (event.action) {
    case 'die':
    case 'stop':
      return void expected.set(id, 'stopped');
    case 'pause':
      return void expected.set(id, 'paused');
    case 'unpause':
      return void expected.set(id, 'unpaused');
    case 'rename':
      if (event.attributes.name) expected.set(id, { name: event.attributes.name.replace(/^\//, '') });
      return;
    case 'start':
    case 'restart':
    case 'create':
      // The engine commits these before it reports them: whatever the read says is at least as new.
      return void expected.delete(id);
  }
}

/** True when a read of the container cannot have been taken after the event that set `expectation`. */
export function contradicts(expectation: ContainerExpectation | undefined, read: ContainerSummary): boolean {
  if (!expectation) return false;
  if (expectation === 'stopped') return read.state === 'running' || read.state === 'paused';
  if (expectation === 'paused') return read.state !== 'paused';
  if (expectation === 'unpaused') return read.state === 'paused';
  return read.name !== expectation.name;
}

export function planFor(events: readonly EngineEvent[]): SyncPlan {
  const plan = emptyPlan();
  events.forEach((e) => addEventToPlan(plan, e));
  return plan;
}
