// The engine's /events stream as typed events: one long-lived request, reopened with backoff forever
// when it drops. The only requests it makes while the engine is quiet are none: it waits on the socket.
import type { EngineClient } from './client';
import { type EngineError, toEngineError } from './errors';
import type { EngineEvent, EngineEventType } from '../models/engineEvent';

const EVENT_TYPES: readonly EngineEventType[] = ['container', 'image', 'network', 'volume'];
/** What the swarm views listen to: tasks show as the containers they run on this node (issue 17). */
export const SWARM_EVENT_TYPES: readonly EngineEventType[] = ['service', 'node', 'secret', 'config', 'container'];

export interface EventStreamListener {
  /** The stream is open; `reopened` is true after an outage (the caller should resynchronise once). */
  onOpen(reopened: boolean): void;
  onEvent(event: EngineEvent): void;
  /** The stream ended, or an attempt to open it failed (once per outage, not once per retry). */
  onDrop(error: EngineError): void;
}

export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 15_000 };

/** The wait before retry number `attempt` (0-based): doubling from initialMs, capped at maxMs. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
}

export class EngineEventStream {
  private stopped = false;
  private stream?: NodeJS.ReadableStream & { destroy?: () => void };
  private retryTimer?: NodeJS.Timeout;
  private failures = 0;
  private everOpened = false;
  /** True once a failed open was reported, until an open succeeds: retries stay quiet. */
  private down = false;

  constructor(
    readonly client: EngineClient,
    private readonly listener: EventStreamListener,
    private readonly backoff: BackoffOptions = DEFAULT_BACKOFF,
    /** The kinds of events to receive (the engine filters them): all that the explorer shows by default. */
    private readonly types: readonly EngineEventType[] = EVENT_TYPES,
  ) {}

  get isOpen(): boolean {
    return this.stream !== undefined;
  }

  start(): void {
    void this.open();
  }

  /** Skips the remaining backoff wait, e.g. when the user asks to retry. */
  retryNow(): void {
    if (this.stopped || this.stream || !this.retryTimer) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.failures = 0;
    void this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.stream?.destroy?.();
    this.stream = undefined;
  }

  private async open(): Promise<void> {
    let stream: NodeJS.ReadableStream & { destroy?: () => void };
    try {
      stream = (await this.client.docker.getEvents({ filters: JSON.stringify({ type: this.types }) })) as typeof stream;
    } catch (error) {
      if (this.stopped) return;
      this.lost(toEngineError(error, this.client.endpoint.host));
      return;
    }
    if (this.stopped) {
      stream.destroy?.();
      return;
    }
    this.stream = stream;
    this.failures = 0;
    this.down = false;
    const reopened = this.everOpened;
    this.everOpened = true;
    this.listener.onOpen(reopened);

    let pending = '';
    stream.on('data', (chunk: Buffer | string) => {
      const { events, rest } = parseEventChunk(pending + chunk.toString(), this.types);
      pending = rest;
      events.forEach((e) => this.listener.onEvent(e));
    });
    let ended = false;
    const end = (error?: unknown) => {
      if (ended || this.stream !== stream) return;
      ended = true;
      this.stream = undefined;
      if (this.stopped) return;
      const cause = error ?? Object.assign(new Error('the engine closed the event stream'), { code: 'ECONNRESET' });
      // Always reported: the engine may still answer a ping while it shuts down, so the first failed
      // reopen is reported too (lost()).
      this.listener.onDrop(toEngineError(cause, this.client.endpoint.host));
      this.scheduleRetry();
    };
    stream.on('end', () => end());
    stream.on('close', () => end());
    stream.on('error', (error) => end(error));
  }

  /** An open attempt failed: reported once per outage, then retried quietly. */
  private lost(error: EngineError): void {
    if (!this.down) {
      this.down = true;
      this.listener.onDrop(error);
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.failures++, this.backoff);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) void this.open();
    }, delay);
  }
}

interface RawEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> | null };
  time?: number;
  timeNano?: number;
}

/** Splits newline-delimited JSON; returns the complete events and the unfinished tail. */
export function parseEventChunk(text: string, types: readonly EngineEventType[] = EVENT_TYPES): { events: EngineEvent[]; rest: string } {
  const lines = text.split('\n');
  const rest = lines.pop() ?? '';
  const events: EngineEvent[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      const event = toEngineEvent(JSON.parse(line) as RawEvent, types);
      if (event) events.push(event);
    } catch {
      // A line the engine garbled is skipped: the next resync covers whatever it described.
    }
  }
  return { events, rest };
}

export function toEngineEvent(raw: RawEvent, types: readonly EngineEventType[] = EVENT_TYPES): EngineEvent | undefined {
  const type = raw.Type as EngineEventType;
  if (!types.includes(type)) return undefined;
  const actorId = raw.Actor?.ID ?? raw.id ?? '';
  const action = raw.Action ?? raw.status ?? '';
  if (!actorId || !action) return undefined;
  const time = raw.timeNano ? Math.floor(raw.timeNano / 1e6) : (raw.time ?? 0) * 1000;
  return { type, action, actorId, attributes: raw.Actor?.Attributes ?? {}, time };
}
