// What the swarm views show, kept fresh by the engine's event stream (service, node, secret and config events,
// and the containers that run tasks on this node), never by polling. The stream is open only while a swarm
// view is visible and the engine answers; it reads everything once when it opens, then again (debounced)
// after the events that touch the swarm.
import * as vscode from 'vscode';
import type { EngineEventStream } from '../../engine/index';
import type { EngineEvent } from '../../models/engineEvent';
import type { SwarmSnapshot, SwarmState } from '../../models/swarm';
import type { EngineSession } from '../../session/engineSession';

const EMPTY: SwarmSnapshot = { services: [], tasks: [], nodes: [], secrets: [], configs: [] };
/** Events closer together than this are read in one go (a scale of ten replicas sends dozens). */
const DEBOUNCE_MS = 100;
export const SWARM_ROLE_KEY = 'dockside.swarm.role';

export class SwarmWatch implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly visible = new Set<string>();
  private stream?: EngineEventStream;
  private timer?: NodeJS.Timeout;
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
        onOpen: () => void this.refresh(),
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
  }

  private onEvent(event: EngineEvent): void {
    // Containers matter only when they run a task; exec and the like change nothing here.
    if (event.type === 'container' && (!event.attributes['com.docker.swarm.task.id'] || !/^(create|start|die|destroy|kill|oom|health_status)/.test(event.action))) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, DEBOUNCE_MS);
  }

  private async readAll(): Promise<void> {
    try {
      const [engine, client] = await Promise.all([this.session.engine(), this.session.client()]);
      const state = await engine.readSwarmState(client);
      this.publish(state, state.role === 'manager' ? await engine.readSwarmSnapshot(client) : EMPTY);
    } catch (error) {
      this.log.warn('Reading the swarm failed', error);
    }
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
