// Live resource usage per container, streamed from the engine only while someone watches it (a visible stats
// view, or the Containers tree when its descriptions show usage). Keeps the last five minutes per container.
//
// For the Containers tree: call `watch(id)` for the rows on screen (dispose when they scroll away or the view
// hides), read `latest(id)` when describing a row, and refresh rows on `onDidChange`.
import * as vscode from 'vscode';
import type { StatsSample } from '../engine/index';
import type { EngineSession } from '../session/engineSession';

export const HISTORY_MS = 5 * 60 * 1000;
const RETRY_MS = 5000;

interface Feed {
  watchers: number;
  readonly history: StatsSample[];
  abort?: AbortController;
  retry?: NodeJS.Timeout;
}

export class StatsService implements vscode.Disposable {
  private readonly feeds = new Map<string, Feed>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a container id when a new sample for it arrives. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly session: EngineSession,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Streams the container's usage until every watcher has disposed of its handle. */
  /** A title for this engine's stats (named after the engine while several are shown). */
  titled(title: string): string {
    return this.session.titled(title);
  }

  watch(containerId: string): vscode.Disposable {
    let feed = this.feeds.get(containerId);
    if (!feed) {
      // History lives as long as someone watches: memory stays bounded by what is on screen.
      feed = { watchers: 0, history: [] };
      this.feeds.set(containerId, feed);
    }
    feed.watchers++;
    if (feed.watchers === 1) this.startFeed(containerId, feed);
    let disposed = false;
    return new vscode.Disposable(() => {
      if (disposed) return;
      disposed = true;
      feed!.watchers--;
      if (feed!.watchers === 0) {
        this.stopFeed(feed!);
        this.feeds.delete(containerId);
      }
    });
  }

  latest(containerId: string): StatsSample | undefined {
    const history = this.feeds.get(containerId)?.history;
    return history?.[history.length - 1];
  }

  /** The samples of the last five minutes, oldest first. */
  history(containerId: string): readonly StatsSample[] {
    return this.feeds.get(containerId)?.history ?? [];
  }

  private startFeed(id: string, feed: Feed): void {
    const abort = new AbortController();
    feed.abort = abort;
    void (async () => {
      try {
        const [engine, client] = await Promise.all([this.session.engine(), this.session.client()]);
        await engine.streamStats(client, id, (sample) => this.record(id, feed, sample), abort.signal);
      } catch (error) {
        if (!abort.signal.aborted) this.log.warn(`Stats of ${id.slice(0, 12)} stopped: ${error instanceof Error ? error.message : String(error)}`);
      }
      // The stream ends when the container stops; while still watched, look again later.
      if (!abort.signal.aborted && feed.watchers > 0) feed.retry = setTimeout(() => feed.watchers > 0 && this.startFeed(id, feed), RETRY_MS);
    })();
  }

  private stopFeed(feed: Feed): void {
    feed.abort?.abort();
    if (feed.retry) clearTimeout(feed.retry);
    feed.abort = undefined;
    feed.retry = undefined;
  }

  private record(id: string, feed: Feed, sample: StatsSample): void {
    feed.history.push(sample);
    const oldest = sample.time - HISTORY_MS;
    while (feed.history.length > 0 && feed.history[0].time < oldest) feed.history.shift();
    this.changed.fire(id);
  }

  dispose(): void {
    this.feeds.forEach((feed) => this.stopFeed(feed));
    this.feeds.clear();
    this.changed.dispose();
  }
}
