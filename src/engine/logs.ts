// Container logs as lines, read as a stream (never buffered whole), and a follower that keeps going across
// container restarts and engine reconnects, resuming exactly after the last line it delivered.
import type { EngineClient } from './client';
import { isEngineError, toEngineError } from './errors';
import { containerRuntime } from './exec';
import { LineSplitter, outputChunks, type OutputStream } from './streams';

export interface LogLine {
  readonly stream: OutputStream;
  readonly text: string;
  /** The engine's RFC 3339 timestamp of the line (nanoseconds, UTC). */
  readonly timestamp: string;
}

export interface LogQuery {
  /** How many of the last lines to start with; undefined means all. */
  readonly tail?: number;
  /** Only lines after this moment, in seconds since the epoch (fractions allowed). */
  readonly since?: number | string;
  readonly follow: boolean;
}

/** Streams the container's log lines to `onLine`; settles when the engine ends the stream or `signal` aborts. */
export async function readLogs(client: EngineClient, id: string, tty: boolean, query: LogQuery, onLine: (line: LogLine) => void, signal?: AbortSignal): Promise<void> {
  const options: Record<string, unknown> = { follow: query.follow, stdout: true, stderr: true, timestamps: true };
  if (query.tail !== undefined) options.tail = query.tail;
  if (query.since !== undefined) options.since = query.since;
  let stream: NodeJS.ReadableStream;
  try {
    // Through the modem so that a non-following read streams too (dockerode buffers it whole otherwise).
    stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      client.docker.modem.dial(
        {
          path: `/containers/${encodeURIComponent(id)}/logs?`,
          method: 'GET',
          isStream: true,
          abortSignal: signal,
          statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
          options,
        } as never,
        (error: unknown, result: unknown) => (error ? reject(error) : resolve(result as NodeJS.ReadableStream)),
      ),
    );
  } catch (error) {
    throw toEngineError(error, client.endpoint.host);
  }
  const abort = () => (stream as unknown as { destroy(): void }).destroy();
  signal?.addEventListener('abort', abort, { once: true });
  const splitters: Record<OutputStream, LineSplitter> = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  const emit = (stream: OutputStream, raw: string) => onLine(parseLogLine(stream, raw));
  try {
    await outputChunks(stream, tty, (chunk) => splitters[chunk.stream].push(chunk.data).forEach((l) => emit(chunk.stream, l)));
    for (const name of ['stdout', 'stderr'] as const) splitters[name].flush().forEach((l) => emit(name, l));
  } catch (error) {
    if (!signal?.aborted) throw toEngineError(error, client.endpoint.host);
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

export function parseLogLine(stream: OutputStream, raw: string): LogLine {
  const space = raw.indexOf(' ');
  return space > 0 ? { stream, timestamp: raw.slice(0, space), text: raw.slice(space + 1) } : { stream, timestamp: '', text: raw };
}

/** RFC 3339 with the fraction padded to nanoseconds, so that timestamps compare as strings. */
export function timestampKey(timestamp: string): string {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(timestamp);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z` : timestamp;
}

/** The engine's `since` form ("seconds.nanoseconds") of an RFC 3339 timestamp. */
export function timestampToSince(timestamp: string): string {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(timestamp);
  if (!m) return String(Date.now() / 1000);
  return `${Math.floor(Date.parse(`${m[1]}Z`) / 1000)}.${(m[2] ?? '').padEnd(9, '0')}`;
}

export type LogEvent =
  | { readonly kind: 'line'; readonly line: LogLine }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'restarted'; readonly startedAt: string }
  | { readonly kind: 'connectionLost'; readonly reason: string }
  | { readonly kind: 'reconnected' }
  | { readonly kind: 'removed' };

export interface FollowOptions {
  readonly tail?: number;
  readonly since?: number;
  /** How long to wait between attempts while the engine does not answer. */
  readonly retryDelayMs?: number;
  /**
   * Wakes a waiting follower when the engine answers again (an EngineReturnWatch, the session's reconnect),
   * so that it resumes then and not on its next backoff timer.
   */
  readonly engineBack?: (listener: () => void) => { dispose(): void };
}

/**
 * Follows one container's log for as long as it is disposed of: across stops, restarts (reported so the view
 * can draw a separator) and engine outages (each attempt asks `client()` anew, which reconnects).
 */
export class LogFollower {
  private readonly abort = new AbortController();
  private lastTimestamp = '';
  /** While a read resumes "since" the last delivered line: the key a line must pass to be new. */
  private resumeKey?: string;
  readonly done: Promise<void>;

  constructor(
    /** The client to use; `retrying` is true after a failure, when the caller may want to reconnect first. */
    private readonly client: (retrying: boolean) => Promise<EngineClient>,
    private readonly id: string,
    private readonly options: FollowOptions,
    private readonly onEvent: (event: LogEvent) => void,
  ) {
    this.done = this.run();
  }

  dispose(): void {
    this.abort.abort();
  }

  private get disposed(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    let startedAt: string | undefined;
    let lost = false;
    let first = true;
    let attempts = 0;
    const openedAt = Date.now() / 1000;
    while (!this.disposed) {
      try {
        const client = await this.client(lost);
        const runtime = await containerRuntime(client, this.id);
        if (lost) this.onEvent({ kind: 'reconnected' });
        lost = false;
        attempts = 0;
        if (startedAt !== undefined && runtime.startedAt !== startedAt) this.onEvent({ kind: 'restarted', startedAt: runtime.startedAt });
        startedAt = runtime.startedAt;
        const query: LogQuery = first
          ? { follow: true, tail: this.options.tail, since: this.options.since }
          : { follow: true, since: this.lastTimestamp ? timestampToSince(this.lastTimestamp) : openedAt };
        first = false;
        this.resumeKey = this.lastTimestamp ? timestampKey(this.lastTimestamp) : undefined;
        await readLogs(client, this.id, runtime.tty, query, (line) => this.deliver(line), this.abort.signal);
        if (this.disposed) return;
        const after = await containerRuntime(client, this.id);
        if (after.running) continue;
        this.onEvent({ kind: 'stopped' });
        if ((await waitForStart(client, this.id, this.abort.signal)) === 'removed') return this.onEvent({ kind: 'removed' });
      } catch (error) {
        if (this.disposed) return;
        if (isEngineError(error) && error.code === 'notFound') return this.onEvent({ kind: 'removed' });
        if (!lost) this.onEvent({ kind: 'connectionLost', reason: error instanceof Error ? error.message : String(error) });
        lost = true;
        // Quick at first (a restarting engine is back in seconds), then every ten seconds at most.
        await delay(Math.min((this.options.retryDelayMs ?? 1000) * 2 ** attempts++, 10_000), this.abort.signal, this.options.engineBack);
      }
    }
  }

  /**
   * Lines at or before the last delivered one come again when a read resumes "since" it: drop them. Only the
   * first lines of a resumed read can be such repeats (the engine sends a log in order), so the comparison
   * stops at the first new line and a long read pays nothing for it.
   */
  private deliver(line: LogLine): void {
    if (this.resumeKey !== undefined && line.timestamp) {
      if (timestampKey(line.timestamp) <= this.resumeKey) return;
      this.resumeKey = undefined;
    }
    if (line.timestamp) this.lastTimestamp = line.timestamp;
    this.onEvent({ kind: 'line', line });
  }
}

/** Waits for the container's next start (or its removal) through the engine's event stream. */
async function waitForStart(client: EngineClient, id: string, signal: AbortSignal): Promise<'started' | 'removed'> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const filters = JSON.stringify({ type: ['container'], container: [id], event: ['start', 'destroy'] });
    const events = (await client.docker.getEvents({ filters, abortSignal: controller.signal } as never)) as unknown as NodeJS.ReadableStream;
    const next = new Promise<'started' | 'removed'>((resolve, reject) => {
      const lines = new LineSplitter();
      events.on('data', (data: Buffer) => {
        for (const line of lines.push(data)) {
          const action = (JSON.parse(line) as { Action?: string }).Action;
          if (action === 'start') resolve('started');
          if (action === 'destroy') resolve('removed');
        }
      });
      events.on('error', reject);
      events.on('end', () => reject(new Error('event stream ended')));
    });
    next.catch(() => undefined); // aborting the stream rejects it once nobody waits any more
    // A start between the end of the log stream and the subscription would otherwise be missed.
    if ((await containerRuntime(client, id)).running) return 'started';
    return await next;
  } catch (error) {
    throw toEngineError(error, client.endpoint.host);
  } finally {
    signal.removeEventListener('abort', stop);
    controller.abort();
  }
}

/**
 * Waits `ms`, or less when the follower is disposed or `wake` says the engine is back. Every listener it
 * adds is removed when it settles: a follower retries for as long as an outage lasts, and one abort
 * listener per retry used to pile up on its signal (MaxListenersExceededWarning after a few minutes).
 */
function delay(ms: number, signal: AbortSignal, wake?: FollowOptions['engineBack']): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    let woken: { dispose(): void } | undefined;
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      woken?.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    woken = wake?.(done);
  });
}
