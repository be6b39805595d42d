// From engine log events to terminal text, without vscode: followers per source, the bounded window, the
// filter, and batched output (one write per burst, not per line, so a fast writer does not flood the view).
import type { EngineClient, FollowOptions, LogEvent } from '../engine/index';
import { entryMatches, LogWindow, renderEntry, type LogEntry, type LineStyle } from './logWindow';

type EngineModule = typeof import('../engine/index');

export interface LogSource {
  readonly id: string;
  readonly name: string;
  /** A swarm service: all its tasks in one stream, each line prefixed with its task (issue 17). */
  readonly kind?: 'service';
}

/** The separator and notice sentences, localized by the caller. */
export interface LogMarkers {
  /** `startedAt` in milliseconds since the epoch: the terminal writes it in the display language. */
  restarted(source: string, startedAt: number): string;
  stopped(source: string): string;
  connectionLost(): string;
  reconnected(): string;
  removed(source: string): string;
}

export interface LogPipelineOptions {
  readonly engine: Pick<EngineModule, 'LogFollower'> & Partial<Pick<EngineModule, 'ServiceLogFollower'>>;
  readonly client: (retrying: boolean) => Promise<EngineClient>;
  /** Wakes followers waiting out an outage as soon as the engine answers again (see FollowOptions). */
  readonly engineBack?: FollowOptions['engineBack'];
  readonly sources: readonly LogSource[];
  readonly tail?: number;
  readonly since?: number;
  readonly timestamps: boolean;
  readonly windowLines: number;
  readonly markers: LogMarkers;
  readonly output: (text: string) => void;
}

const FLUSH_BYTES = 256 * 1024;

export class LogPipeline {
  readonly window: LogWindow;
  readonly style: LineStyle;
  private filter?: RegExp;
  private pending: string[] = [];
  private pendingBytes = 0;
  private flushTimer?: NodeJS.Timeout;
  private readonly followers: { dispose(): void; done: Promise<void> }[] = [];
  /** Lines delivered since the start, for the benchmark and the status. */
  linesReceived = 0;

  constructor(private readonly options: LogPipelineOptions) {
    this.window = new LogWindow(options.windowLines);
    const width = options.sources.length > 1 ? Math.max(...options.sources.map((s) => s.name.length)) : 0;
    this.style = { timestamps: options.timestamps, sourceWidth: width };
  }

  start(): void {
    const { tail, since } = this.options;
    for (const source of this.options.sources) {
      const Follower = source.kind === 'service' && this.options.engine.ServiceLogFollower ? this.options.engine.ServiceLogFollower : this.options.engine.LogFollower;
      const follower = new Follower(this.options.client, source.id, { tail, since, engineBack: this.options.engineBack }, (e) => this.onEvent(source, e));
      this.followers.push(follower);
    }
  }

  /** Settles when every follower has stopped (their containers removed, or disposed). */
  get done(): Promise<void> {
    return Promise.all(this.followers.map((f) => f.done)).then(() => undefined);
  }

  get currentFilter(): RegExp | undefined {
    return this.filter;
  }

  /** Shows only lines matching `filter` (all lines when undefined), redrawing what the window holds under `header`. */
  setFilter(filter: RegExp | undefined, header?: string): void {
    this.filter = filter;
    this.flush();
    let text = '\x1b[2J\x1b[3J\x1b[H' + (header ? `\x1b[7m ${header} \x1b[0m\r\n` : '');
    for (const entry of this.window) if (entryMatches(entry, filter)) text += renderEntry(entry, this.style);
    this.options.output(text);
  }

  private onEvent(source: LogSource, event: LogEvent): void {
    const m = this.options.markers;
    switch (event.kind) {
      case 'line':
        this.linesReceived++;
        return this.add({ kind: 'line', source: source.name, line: event.line });
      case 'restarted':
        return this.add({ kind: 'marker', text: m.restarted(source.name, new Date(event.startedAt).getTime()) });
      case 'stopped':
        return this.add({ kind: 'marker', text: m.stopped(source.name) });
      case 'connectionLost':
        return this.add({ kind: 'marker', text: m.connectionLost() });
      case 'reconnected':
        return this.add({ kind: 'marker', text: m.reconnected() });
      case 'removed':
        return this.add({ kind: 'marker', text: m.removed(source.name) });
    }
  }

  private add(entry: LogEntry): void {
    this.window.push(entry);
    if (!entryMatches(entry, this.filter)) return;
    const text = renderEntry(entry, this.style);
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), 16);
  }

  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    this.options.output(text);
  }

  dispose(): void {
    this.followers.forEach((f) => f.dispose());
    this.flush();
  }
}
