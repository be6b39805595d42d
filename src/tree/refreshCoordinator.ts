// The one place that keeps the explorer fresh. It opens ONE engine event stream while any Dockside view is
// visible and closes it when none is; events are merged for a short window and turned into the smallest
// reads (eventPlan.ts); a full read happens only when the stream (re)opens or the user asks. No timers
// poll: between events the engine hears nothing from us.
import * as vscode from 'vscode';
import type { ColdTimeline } from '../coldTimeline';
import type { EngineClient, EngineEventStream } from '../engine/index';
import type { EngineEvent } from '../models/engineEvent';
import type { EngineSession } from '../session/engineSession';
import type { EngineState } from '../session/engineState';
import type { Settings } from '../settings';
import { DieAfterKill } from './dieAfterKill';
import { addEventToPlan, emptyPlan, isEmptyPlan, type SyncPlan } from './eventPlan';
import { readEverything, readPlan, type ExplorerReadSource } from './explorerReads';
import type { ExplorerStore, StoreKind } from './explorerStore';

type EngineModule = typeof import('../engine/index');

/** Failures that end by themselves when the engine comes (back) up: the stream waits for those. */
const WAIT_FOR_ENGINE = new Set(['unreachable', 'timeout']);

/** Events closer together than this are read in one go; small enough to stay well under 150 ms. */
export const EVENT_DEBOUNCE_MS = 30;
/**
 * During a burst (events keep coming), plan reads start at least this far apart: a burst of hundreds of
 * creates costs a few list requests, while a lone event is still read after EVENT_DEBOUNCE_MS.
 */
export const BURST_READ_INTERVAL_MS = 250;
/** How long the stream opened at activation waits for a view to show. */
const WARM_UP_GRACE_MS = 5000;
/** The pseudo view that holds the stream open while warming up. */
const WARM_UP = 'dockside.warmUp';

export class RefreshCoordinator implements vscode.Disposable {
  private readonly visibleViews = new Set<string>();
  private stream?: EngineEventStream;
  /** While the event stream is down: the session's wait for the engine to answer again. */
  private waitingForEngine?: vscode.Disposable;
  private pending = emptyPlan();
  private debounce?: NodeJS.Timeout;
  /** A `die` after SIGKILL waits a moment for its `destroy` (docker rm -f) before it is read. */
  private readonly dieAfterKill = new DieAfterKill((event) => this.planRead(event));
  /** When the last plan read was started (performance-free: Date.now() is enough at this scale). */
  private lastPlanReadAt = -Infinity;
  /** Every read runs after the previous one, so results land in the order the engine produced them. */
  private queue: Promise<void> = Promise.resolve();
  /** The first full read after the stream opened (the views wait on it, each for the kind it shows). */
  private firstSync?: FirstSync;
  /**
   * A full read was due while the session was not connected yet (the stream can open before the session's own
   * ping succeeds, and a newer connect attempt can outlive the one awaited): it runs once the session connects.
   */
  private readOwed = false;
  private readonly subscription: vscode.Disposable;
  private readonly streamEvents = new vscode.EventEmitter<'open' | 'drop'>();
  /** For tests and diagnostics: the stream opened or dropped. */
  readonly onDidChangeStream = this.streamEvents.event;

  constructor(
    private readonly session: EngineSession,
    private readonly store: ExplorerStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: Settings,
    /** Marks of the cold start (also taken by the views: their first rows). */
    readonly timeline?: ColdTimeline,
  ) {
    this.subscription = session.onDidChangeState((state) => this.onEngineState(state));
  }

  get streaming(): boolean {
    return !!this.stream?.isOpen;
  }

  /** Called by each view when its visibility changes. */
  /** Whether a view of this engine shows now (the activation warm-up is not one). */
  get viewShows(): boolean {
    return [...this.visibleViews].some((id) => id !== WARM_UP);
  }

  setViewVisible(viewId: string, visible: boolean): void {
    if (visible) this.timeline?.mark('view about to show');
    if (visible) this.visibleViews.add(viewId);
    else this.visibleViews.delete(viewId);
    if (this.visibleViews.size > 0) void this.ensureStream();
    else this.closeStream();
  }

  /**
   * Activation means a Dockside view is about to show (or a Dockerfile opened): connect and read now, so
   * the rows are ready when VS Code asks for them (it shows the view some hundred ms later). When no view
   * shows within `graceMs`, the stream closes again as it does whenever the views hide.
   */
  warmUp(graceMs = WARM_UP_GRACE_MS): vscode.Disposable {
    this.setViewVisible(WARM_UP, true);
    const timer = setTimeout(() => this.setViewVisible(WARM_UP, false), graceMs);
    return { dispose: () => clearTimeout(timer) };
  }

  /**
   * Resolves once the explorer holds a full read of the current engine, or with `kind` once that kind is
   * read (immediately when no read is due): the Containers view paints without waiting for the images.
   */
  ready(kind?: StoreKind): Promise<void> {
    return this.firstSync?.wait(kind) ?? Promise.resolve();
  }

  /**
   * A full read of everything: the refresh buttons, and once after every (re)connect. With `only`, settles as
   * soon as that kind is in the store (the view whose button was pressed); the other kinds finish behind it.
   */
  resync(only?: StoreKind): Promise<void> {
    let applied!: () => void;
    const done = new Promise<void>((resolve) => (applied = resolve));
    const all = this.enqueue(() => this.readAll((kind) => kind === only && applied()));
    return only ? Promise.race([done, all]) : all;
  }

  private onEngineState(state: EngineState): void {
    if (state.kind === 'connected') this.timeline?.mark('engine connected');
    const current = this.stream?.client.endpoint.host;
    if (state.kind === 'connected') {
      if (current && current !== state.endpoint.host) this.switchEngine();
      else if (this.stream && !this.stream.isOpen) this.stream.retryNow();
      else if (this.stream?.isOpen && this.readOwed) void this.resync();
      if (this.visibleViews.size > 0) void this.ensureStream();
    } else if (state.kind === 'failed') {
      // Switched to an engine that does not answer: forget the old engine's items, wait for the new one.
      if (current && state.endpoint && state.endpoint.host !== current) this.switchEngine();
      if (this.visibleViews.size > 0) void this.ensureStream();
    }
  }

  private switchEngine(): void {
    this.log.info('Engine changed: rebuilding the explorer');
    this.closeStream();
    this.store.clear();
  }

  private async ensureStream(): Promise<void> {
    const state = this.session.state;
    if (this.stream || state.kind === 'connecting') return;
    // An engine that is down may come up later: wait for it on the stream. Other failures need the user.
    if (state.kind === 'failed' && !WAIT_FOR_ENGINE.has(state.code)) return;
    if (state.kind === 'connected') this.firstSync ??= new FirstSync();
    const engine = await this.session.engine();
    this.timeline?.mark('engine bundle loaded');
    let client: EngineClient;
    try {
      client = state.kind === 'connected' ? await this.session.client() : this.clientForWaiting(engine);
    } catch {
      return; // The session shows why; a state change brings us back here.
    }
    if (this.stream || this.visibleViews.size === 0) return;
    const stream = new engine.EngineEventStream(client, {
      onOpen: (reopened) => this.onOpen(stream, reopened),
      onEvent: (event) => this.onEvent(event),
      onDrop: (error) => this.onDrop(stream, error),
    });
    this.stream = stream;
    stream.start();
  }

  /** A client for the engine the session would dial, while the session has none (the engine did not answer). */
  private clientForWaiting(engine: EngineModule): EngineClient {
    return new engine.EngineClient(this.session.endpointNow(engine), { requestTimeoutMs: this.settings.engine().requestTimeoutMs });
  }

  private closeStream(): void {
    this.waitingForEngine?.dispose();
    this.waitingForEngine = undefined;
    this.stream?.stop();
    this.stream = undefined;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = undefined;
    this.pending = emptyPlan();
    this.dieAfterKill.clear();
    // Nothing will fill the views until a stream opens again: do not keep them waiting.
    this.firstSync?.resolve();
    this.firstSync = undefined;
  }

  private onOpen(stream: EngineEventStream, reopened: boolean): void {
    if (stream !== this.stream) return;
    this.log.info(reopened ? 'Event stream reopened: resynchronising once' : 'Event stream open');
    this.timeline?.mark('event stream open');
    this.streamEvents.fire('open');
    void this.enqueue(async () => {
      // After an outage the session may still report the failure: let it ping again before reading.
      if (this.session.state.kind !== 'connected') await this.session.connect();
      await this.readAll((kind) => this.firstSync?.applied(kind));
      this.timeline?.mark('first full read done');
      this.firstSync?.resolve();
      this.firstSync = undefined;
    });
  }

  private onDrop(stream: EngineEventStream, error: Error): void {
    if (stream !== this.stream) return;
    this.log.warn(`Event stream lost (${error.message}); reopening with backoff`);
    this.streamEvents.fire('drop');
    this.firstSync?.resolve();
    this.firstSync = undefined;
    // The session pings and publishes the outage: the views show their welcome content.
    void this.session.connect();
    // Wait for the engine with the session's quiet ping: its reconnect reopens the stream (onEngineState)
    // within a second of the engine answering, not on the stream's next backoff timer (up to 15 s).
    this.waitingForEngine ??= this.session.onEngineBack(() => (this.waitingForEngine = undefined));
  }

  private onEvent(event: EngineEvent): void {
    // A destroyed item leaves the view now, not after the reads queued before it (issue 20: <= 60 ms).
    if (event.action === 'destroy' || (event.type === 'network' && event.action === 'remove')) this.dropNow(event);
    if (!this.dieAfterKill.hold(event)) this.planRead(event);
  }

  private planRead(event: EngineEvent): void {
    addEventToPlan(this.pending, event);
    if (isEmptyPlan(this.pending) || this.debounce) return;
    const wait = Math.max(EVENT_DEBOUNCE_MS, this.lastPlanReadAt + BURST_READ_INTERVAL_MS - Date.now());
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      const plan = this.pending;
      this.pending = emptyPlan();
      this.lastPlanReadAt = Date.now();
      void this.enqueue(() => this.readPlan(plan));
    }, wait);
  }

  private dropNow(event: EngineEvent): void {
    const kind = event.type === 'container' ? 'containers' : event.type === 'network' ? 'networks' : event.type === 'volume' ? 'volumes' : undefined;
    if (kind) this.store.drop(kind, [event.actorId]);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((error) => this.readFailed(error));
    this.queue = next;
    return next;
  }

  private async readAll(onApplied?: (kind: StoreKind) => void): Promise<void> {
    if (this.session.state.kind !== 'connected') {
      this.readOwed = true;
      return;
    }
    this.readOwed = false;
    await readEverything(await this.source(), this.store, onApplied);
  }

  private async readPlan(plan: SyncPlan): Promise<void> {
    if (this.session.state.kind !== 'connected') return;
    await readPlan(await this.source(), this.store, plan);
  }

  private async source(): Promise<ExplorerReadSource> {
    const [client, engine] = await Promise.all([this.session.client(), this.session.engine()]);
    return engine.explorerReadSource(client);
  }

  private readFailed(error: unknown): void {
    this.log.warn('Reading from the engine failed', error);
    // The stream notices an outage by itself; a failed read alone only asks the session to check.
    void this.session.connect();
  }

  dispose(): void {
    this.closeStream();
    this.subscription.dispose();
    this.streamEvents.dispose();
    this.firstSync?.resolve();
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The first full read: settled when all kinds are read (or nothing will come), each kind also on its own. */
class FirstSync {
  private readonly all = deferred();
  private readonly kinds = new Map<StoreKind, ReturnType<typeof deferred>>();

  wait(kind?: StoreKind): Promise<void> {
    return kind ? Promise.race([this.all.promise, this.of(kind).promise]) : this.all.promise;
  }

  applied(kind: StoreKind): void {
    this.of(kind).resolve();
  }

  resolve(): void {
    this.all.resolve();
  }

  private of(kind: StoreKind): ReturnType<typeof deferred> {
    let entry = this.kinds.get(kind);
    if (!entry) this.kinds.set(kind, (entry = deferred()));
    return entry;
  }
}
