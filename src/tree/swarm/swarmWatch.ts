// What the swarm views show, kept fresh by the engine's event stream (service, node, secret and config events,
// and the containers that run tasks on this node), never by polling. The stream is open only while a swarm
// view is visible and the engine answers; it reads everything once when it opens, then again (debounced)
// after the events that touch the swarm.
// Tasks send no event of their own, and the container event of a task comes before the manager records the
// task's new state (on a loaded machine by seconds): a read right after `start` can still see the task
// `starting`, and no later event would correct it. So while a read shows tasks on their way to their desired
// state, a few follow-up reads come, further and further apart, and stop once every task has settled or a
// while after the last event (a task that can never be placed stays pending: we don't read it forever).
import * as vscode from 'vscode';
import type { EngineEventStream } from '../../engine/index';
import type { EngineEvent } from '../../models/engineEvent';
import { isTaskSettling, type SwarmSnapshot, type SwarmState } from '../../models/swarm';
import type { EngineSession } from '../../session/engineSession';

const EMPTY: SwarmSnapshot = { services: [], tasks: [], nodes: [], secrets: [], configs: [] };
/** Events closer together than this are read in one go (a scale of ten replicas sends dozens). */
const DEBOUNCE_MS = 100;
/** Follow-up reads while tasks settle: the first after this, each next one twice as late, up to the cap. */
const SETTLE_FIRST_MS = 250;
const SETTLE_CAP_MS = 4_000;
/** No follow-up reads later than this after the last event or open. */
const SETTLE_WINDOW_MS = 60_000;
export const SWARM_ROLE_KEY = 'dockside.swarm.role';

export class SwarmWatch implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly visible = new Set<string>();
  private stream?: EngineEventStream;
  private timer?: NodeJS.Timeout;
  private settleTimer?: NodeJS.Timeout;
  private settleDelay = SETTLE_FIRST_MS;
  private settleUntil = 0;
  private reading: Promise<void> = Promise.resolve();
  private readonly subscription: vscode.Disposable;
  state?: SwarmState;
  snapshot: SwarmSnapshot = EMPTY;

  constructor(
    private readonly session: EngineSession,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = session.onDidChangeState((s) => {
      this.close();
      if (s.kind === 'connected' && this.visible.size) void this.open();
      else if (s.kind !== 'connected') this.publish(undefined, EMPTY);
    });
  }

  get streaming(): boolean {
    return !!this.stream?.isOpen;
  }

  setVisible(viewId: string, visible: boolean): void {
    if (visible) this.visible.add(viewId);
    else this.visible.delete(viewId);
    if (this.visible.size && !this.stream) void this.open();
    else if (!this.visible.size) this.close();
  }

  /** A full read now: after init, join or leave (they send no event the stream listens to). */
  refresh(): Promise<void> {
    this.reading = this.reading.then(() => this.readAll());
    return this.reading;
  }

  private async open(): Promise<void> {
    if (this.session.state.kind !== 'connected') return;
    const [engine, client] = await Promise.all([this.session.engine(), this.session.client()]).catch(() => [undefined, undefined] as const);
    if (!engine || !client || this.stream || !this.visible.size) return;
    const stream = new engine.EngineEventStream(
      client,
      {
        onOpen: () => {
          this.settleFrom(Date.now());
          void this.refresh();
        },
        onEvent: (event) => this.onEvent(event),
        onDrop: (error) => this.log.warn(`Swarm event stream lost (${error.message}); reopening with backoff`),
      },
      undefined,
      engine.SWARM_EVENT_TYPES,
    );
    this.stream = stream;
    stream.start();
  }

  private close(): void {
    this.stream?.stop();
    this.stream = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
  }

  private onEvent(event: EngineEvent): void {
    // Containers matter only when they run a task; exec and the like change nothing here.
    if (event.type === 'container' && (!event.attributes['com.docker.swarm.task.id'] || !/^(create|start|die|destroy|kill|oom|health_status)/.test(event.action))) return;
    this.settleFrom(Date.now());
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, DEBOUNCE_MS);
  }

  private async readAll(): Promise<void> {
    try {
      const [engine, client] = await Promise.all([this.session.engine(), this.session.client()]);
      const state = await engine.readSwarmState(client);
      const snapshot = state.role === 'manager' ? await engine.readSwarmSnapshot(client) : EMPTY;
      this.publish(state, snapshot);
      this.settleLater(snapshot);
    } catch (error) {
      this.log.warn('Reading the swarm failed', error);
    }
  }

  /** An event (or the stream's open) starts a new settle window with quick follow-up reads. */
  private settleFrom(now: number): void {
    this.settleUntil = now + SETTLE_WINDOW_MS;
    this.settleDelay = SETTLE_FIRST_MS;
  }

  private settleLater(snapshot: SwarmSnapshot): void {
    if (this.settleTimer || !this.stream || Date.now() > this.settleUntil || !snapshot.tasks.some(isTaskSettling)) return;
    const delay = this.settleDelay;
    this.settleDelay = Math.min(delay * 2, SETTLE_CAP_MS);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      void this.refresh();
    }, delay);
  }

  private publish(state: SwarmState | undefined, snapshot: SwarmSnapshot): void {
    const roleChanged = state?.role !== this.state?.role;
    this.state = state;
    this.snapshot = snapshot;
    if (roleChanged) void vscode.commands.executeCommand('setContext', SWARM_ROLE_KEY, state?.role ?? 'unknown');
    this.changed.fire();
  }

  dispose(): void {
    this.close();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

